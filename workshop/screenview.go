package workshop

// Drawing the facilitator's screen: a top (title, counts, where people
// are, what the picture waits for), a body (the QR code and address, or
// the picture, scrolled) and a foot (notices, the room file, the keys).
// Everything is fitted to the window: the body gets what the top and foot
// leave, so the key line is always the last line.

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/questions"
)

// textWidth is the width text wraps to.
func (s Screen) textWidth() int { return max(min(s.w-2, 100), 20) }

func (s Screen) render() string {
	top, foot := s.parts()
	rows := max(s.h-len(lines(top))-len(lines(foot)), 1)
	var body []string
	if s.snap.Picture != nil && !s.showQR {
		body = window(s.pictureLines(s.textWidth()), s.scroll, rows)
	} else {
		body = s.joinBlock(rows)
	}
	if body = lines(body); len(body) > rows {
		body = body[:rows]
	}
	out := append(append(top, body...), foot...)
	return indent(strings.Join(out, "\n"), 1)
}

// maxScroll is the furthest the picture scrolls: its last line at the
// bottom of its window.
func (s Screen) maxScroll() int {
	if s.snap.Picture == nil || s.showQR {
		return 0
	}
	top, foot := s.parts()
	rows := max(s.h-len(lines(top))-len(lines(foot)), 1)
	return max(len(s.pictureLines(s.textWidth()))-rows, 0)
}

// parts are the screen above the body and below it.
func (s Screen) parts() (top, foot []string) {
	st, w, snap := s.styles, s.textWidth(), s.snap
	top = []string{st.Header.Render("Guidepost workshop") + st.Muted.Render(" · room "+s.cfg.Room.Code()+" · "+s.cfg.JoinURL)}
	counts := fmt.Sprintf("Joined %d · Finished %d", snap.Joined, snap.Finished)
	if snap.Starting > 0 {
		counts += fmt.Sprintf(" · Starting %d", snap.Starting)
	}
	top = append(top, st.Prompt.Render(counts))
	if snap.TurnedAway > 0 {
		top = append(top, st.Warn.Render(fmt.Sprintf("Turned away %d (room full, joining too fast, or answering closed)", snap.TurnedAway)))
	}
	if at := s.whereLine(); at != "" {
		top = append(top, st.Muted.Render(wrapText(at, w)))
	}
	top = append(top, wrapText(s.waiting(), w))
	if s.refused != "" {
		top = append(top, st.Notice.Render(wrapText(s.refused, w)))
	}
	if snap.Problem != "" {
		top = append(top, st.Error.Render(wrapText("The room file could not be written: "+questions.Clean(snap.Problem), w)))
	}
	if s.notice != "" {
		foot = append(foot, st.Notice.Render(wrapText(questions.Clean(s.notice), w)))
	}
	foot = append(foot, st.Muted.Render(ansi.Truncate("Room file: "+questions.Clean(s.cfg.Room.Path()), w, "…")))
	if s.confirm {
		foot = append(foot, wrapText(st.Warn.Render(markConfirm)+" Phones can no longer answer once it stops; the finished answers stay in the room file.", w))
	}
	foot = append(foot, s.help.View(s.keys))
	return top, foot
}

// whereLine says which questions unfinished participants are on, so the
// facilitator sees where people are stuck (counts only).
func (s Screen) whereLine() string {
	var parts []string
	for i, n := range s.snap.At {
		if n == 0 {
			continue
		}
		name := fmt.Sprintf("Q%d", i+1)
		if i == len(s.snap.At)-1 {
			name = "checking answers"
		}
		parts = append(parts, fmt.Sprintf("%s: %d", name, n))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Where people are: " + strings.Join(parts, " · ")
}

// waiting says what the picture waits for.
func (s Screen) waiting() string {
	snap, m := s.snap, s.snap.MinGroup
	closed := ""
	if snap.Closed {
		closed = "Answering is closed. "
	}
	switch {
	case snap.Revealed && snap.Hidden:
		return closed + "The picture is hidden: press r to show it again."
	case snap.Revealed:
		return closed + fmt.Sprintf("The picture counts %d; %d more finished since. It moves on once %d more have, so that no one can be told apart.", snap.Covered, snap.Waiting, m)
	case snap.Finished < m:
		return closed + fmt.Sprintf("The room's picture stays hidden until at least %d have finished and you press r.", m)
	}
	return closed + "Enough have finished: press r to reveal the room's picture."
}

// joinBlock is the QR code with the address beside it when the window is
// wide enough, under it otherwise, or a note when it does not fit in rows.
func (s Screen) joinBlock(rows int) []string {
	st, w := s.styles, s.textWidth()
	join := []string{
		st.Muted.Render("Join on a phone or laptop on this network:"),
		st.Rec.Render(s.cfg.JoinURL),
		st.Muted.Render(wrapText(fmt.Sprintf("or open %s and type the code %s", s.cfg.Base, s.cfg.Room.Code()), w)),
	}
	if !s.showQR || len(s.qr) == 0 {
		return append(join, st.Muted.Render(wrapText(privacyNote, w)))
	}
	qrStyle := lipgloss.NewStyle()
	if !s.cfg.NoColor {
		qrStyle = qrStyle.Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFFFFF"))
	}
	var qr []string
	for _, l := range s.qr {
		qr = append(qr, qrStyle.Render(l))
	}
	qrW := ansi.StringWidth(s.qr[0])
	side := w - qrW - 2
	switch {
	case len(qr) <= rows && side >= 30:
		text := []string{
			st.Muted.Render("Join on a phone or laptop"), st.Muted.Render("on this network:"), "",
			st.Rec.Render(s.cfg.JoinURL), "",
			st.Muted.Render(wrapText(fmt.Sprintf("or open %s and type the code %s", s.cfg.Base, s.cfg.Room.Code()), side)),
		}
		if len(qr) >= len(text)+6 {
			text = append(text, "", st.Muted.Render(wrapText("Answers go over this network unencrypted to this computer only; no names.", side)))
		}
		return strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(qr, "\n"), "  ", strings.Join(text, "\n")), "\n")
	case len(qr)+len(join) <= rows:
		return append(qr, join...)
	}
	return append(join, st.Muted.Render("(make the window taller to show the QR code)"))
}

// pictureLines draws the room's picture: the calls with bars and
// percentages, the kinds of call, then one chart per question. A hidden
// count reads "fewer than N".
func (s Screen) pictureLines(w int) []string {
	p, st := s.snap.Picture, s.styles
	out := []string{st.Heading.Render(fmt.Sprintf("%s (%d finished)", markPicture, p.Total))}
	chart := func(cells []Count, style func(id string) func(...string) string) {
		labelW := 0
		for _, c := range cells {
			labelW = max(labelW, ansi.StringWidth(questions.Clean(c.Label)))
		}
		labelW = min(labelW, w/2-2)
		barW := max(min(w-labelW-16, 30), 5)
		for _, c := range cells {
			label := ansi.Truncate(questions.Clean(c.Label), labelW, "…")
			pad := strings.Repeat(" ", labelW-ansi.StringWidth(label))
			if c.Hidden {
				out = append(out, fmt.Sprintf("  %s%s  %s", label, pad, st.Muted.Render(fmt.Sprintf("fewer than %d", p.MinGroup))))
				continue
			}
			out = append(out, fmt.Sprintf("  %s%s  %s %3d%% (%d)", label, pad, style(c.ID)(bar(c.N, p.Total, barW)), c.Pct, c.N))
		}
	}
	outcome := func(id string) func(...string) string {
		switch id {
		case questions.Coaching:
			return st.Coaching.Render
		case questions.Mentoring:
			return st.Mentoring.Render
		case questions.Combined:
			return st.Rec.Render
		}
		return st.Track.Render
	}
	chosen := func(string) func(...string) string { return st.Chosen.Render }
	chart(p.Outcomes, outcome)
	out = append(out, "", st.Prompt.Render("Kind of call"))
	chart(p.Statuses, chosen)
	for _, q := range p.Questions {
		out = append(out, "", st.Prompt.Render(questions.Clean(q.Topic)))
		chart(q.Options, chosen)
	}
	return out
}

// bar is a bar of width cells for n out of total.
func bar(n, total, width int) string {
	if total <= 0 || width <= 0 {
		return ""
	}
	full := (n*width + total/2) / total
	if n > 0 && full == 0 {
		full = 1
	}
	return strings.Repeat("█", full) + strings.Repeat("·", width-full)
}

// window returns at most rows lines of list from offset, clamped, with a
// marker when more follows.
func window(list []string, offset, rows int) []string {
	if rows < 1 {
		rows = 1
	}
	if len(list) <= rows {
		return list
	}
	offset = min(offset, len(list)-rows)
	if offset+rows >= len(list) {
		return list[offset:]
	}
	out := append([]string(nil), list[offset:offset+rows-1]...)
	more := len(list) - offset - rows + 1
	unit := "lines"
	if more == 1 {
		unit = "line"
	}
	return append(out, fmt.Sprintf("↓ %d more %s (↓/j, pgdn)", more, unit))
}

func lines(parts []string) []string { return strings.Split(strings.Join(parts, "\n"), "\n") }

// wrapText word-wraps s to width.
func wrapText(s string, width int) string { return ansi.Wordwrap(s, width, "") }

// indent prefixes every line with n spaces.
func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
