package ui

import (
	"fmt"
	"io"
	"sync"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
)

// Progress is a one-line progress bar for long batch runs on stderr, redrawn
// in place with \r. main gives it stderr only when that is a terminal. It
// stays silent for the first progressDelay, so short inputs show nothing,
// and throttles itself to one redraw per progressRedraw, so Update may be
// called as often as the caller likes. Colours go through lipgloss, which
// drops them for NO_COLOR and monochrome terminals; the percentage and the
// byte counts carry the meaning without them. The bar takes its colours
// from the theme's Styles (the accent for the filled part, the track for
// the rest), like every other bar the UI draws.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int64 // bytes in the input, or 0 when unknown (stdin)
	bar   progress.Model
	start time.Time
	last  time.Time
	shown bool
	now   func() time.Time
}

const (
	progressDelay  = 300 * time.Millisecond
	progressRedraw = 100 * time.Millisecond
	progressWidth  = 40 // the bar with its percentage
)

// NewProgress returns a progress bar on w for an input of total bytes (0
// when unknown: the line then counts the bytes read), drawn in the colours
// of st (see NewStyles).
func NewProgress(w io.Writer, total int64, st Styles) *Progress {
	return newProgress(w, total, st, time.Now)
}

func newProgress(w io.Writer, total int64, st Styles, now func() time.Time) *Progress {
	bar := progress.New(
		progress.WithWidth(progressWidth),
		progress.WithFillCharacters('█', '░'),
		progress.WithColors(st.Heading.GetForeground()),
	)
	bar.EmptyColor = st.Track.GetForeground()
	return &Progress{w: w, total: total, bar: bar, start: now(), now: now}
}

// Update reports that read bytes of the input have been read.
func (p *Progress) Update(read int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if now.Sub(p.start) < progressDelay || p.shown && now.Sub(p.last) < progressRedraw {
		return
	}
	p.last, p.shown = now, true
	io.WriteString(p.w, "\r")
	lipgloss.Fprint(p.w, p.line(read))
	io.WriteString(p.w, "\x1b[K")
}

// Done clears the line, if anything was drawn.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		io.WriteString(p.w, "\r\x1b[2K")
		p.shown = false
	}
}

// line is "Scoring ████████░░░░  48%  55.0/114.0 MiB", or "Scoring… 55.0
// MiB read" when the size is unknown.
func (p *Progress) line(read int64) string {
	if p.total <= 0 {
		return "Scoring… " + byteSize(read) + " read"
	}
	frac := min(float64(read)/float64(p.total), 1)
	return "Scoring " + p.bar.ViewAs(frac) + "  " + byteSize(read) + " of " + byteSize(p.total)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
