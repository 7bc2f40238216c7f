package workshop

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/questions"
	"guidepost/ui"
)

// The facilitator's screen: the join address as text and QR code, the
// counts, and once revealed the room's picture. It reads the room through
// Snapshot only, so it can never show more than the room allows: no
// tally before the reveal, nothing per person ever.

// refreshEvery is how often the screen reads the room's counts.
const refreshEvery = 500 * time.Millisecond

// Texts the screen shows and the end-to-end test looks for.
const (
	privacyNote = "Answers travel unencrypted over this local network (multiple-choice answers, no names) and stay on this computer. " +
		"If phones cannot open the address, the venue Wi-Fi may keep devices apart: start a phone hotspot, connect this computer and the phones to it, and restart the workshop."
	markRefused = "Not yet:"
	markPicture = "The room's picture"
	markConfirm = "Quit the workshop?"
)

// ScreenConfig configures the facilitator's screen.
type ScreenConfig struct {
	Room    *Room
	JoinURL string // http://HOST:PORT/CODE
	Base    string // http://HOST:PORT, where the code can be typed
	Notice  string // one line for the facilitator (a resumed room, a network note)
	Theme   string // "auto", "dark", "light" or "high-contrast"
	NoColor bool
}

// Screen is the facilitator's Bubble Tea model.
type Screen struct {
	cfg         ScreenConfig
	styles      ui.Styles
	dark        bool
	w, h        int
	snap        Snapshot
	qr          []string
	notice      string
	refused     string
	confirm     bool
	quit        bool
	scroll      int
	interrupted bool
}

type tickMsg struct{}

// NewScreen returns the facilitator's screen for cfg.
func NewScreen(cfg ScreenConfig) Screen {
	s := Screen{cfg: cfg, dark: true, w: 80, h: 24, notice: cfg.Notice}
	s.setStyles()
	s.qr, _ = qrLines(cfg.JoinURL, !cfg.NoColor)
	s.snap = cfg.Room.Snapshot()
	return s
}

func (s *Screen) setStyles() { s.styles = ui.NewStyles(s.cfg.Theme, s.dark, s.cfg.NoColor) }

func tick() tea.Cmd { return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return tickMsg{} }) }

// Init starts the refresh, and asks for the background when the theme
// follows it.
func (s Screen) Init() tea.Cmd {
	if (s.cfg.Theme == "auto" || s.cfg.Theme == "") && !s.cfg.NoColor {
		return tea.Batch(tick(), tea.RequestBackgroundColor)
	}
	return tick()
}

// Update handles the refresh, the window and the keys.
func (s Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		s.snap = s.cfg.Room.Snapshot()
		if s.snap.Finished >= s.snap.MinGroup {
			s.refused = "" // no longer true: the screen now says r reveals
		}
		return s, tick()
	case tea.WindowSizeMsg:
		s.w, s.h = msg.Width, msg.Height
		return s, nil
	case tea.BackgroundColorMsg:
		s.dark = msg.IsDark()
		s.setStyles()
		return s, nil
	case tea.KeyPressMsg:
		return s.key(msg.String())
	}
	return s, nil
}

func (s Screen) key(k string) (tea.Model, tea.Cmd) {
	if k == "ctrl+c" {
		s.quit, s.interrupted = true, true
		return s, tea.Quit
	}
	if s.confirm {
		switch k {
		case "y", "Y", "enter":
			s.quit = true
			return s, tea.Quit
		default:
			s.confirm = false
		}
		return s, nil
	}
	switch k {
	case "q", "esc":
		s.confirm = true
	case "r":
		if err := s.cfg.Room.Reveal(); err != nil {
			s.refused = fmt.Sprintf("%s %d of the %d needed have finished. The room's picture shows once at least %d have, so that no one's answers can be told apart.",
				markRefused, s.cfg.Room.Snapshot().Finished, s.cfg.Room.MinGroup(), s.cfg.Room.MinGroup())
		} else {
			s.refused = ""
		}
		s.snap = s.cfg.Room.Snapshot()
		s.scroll = 0
	case "up", "k":
		s.scroll = max(s.scroll-1, 0)
	case "down", "j":
		s.scroll++
	case "pgup":
		s.scroll = max(s.scroll-s.pageRows(), 0)
	case "pgdown", "space":
		s.scroll += s.pageRows()
	case "home":
		s.scroll = 0
	case "end":
		s.scroll = s.maxScroll()
	}
	s.scroll = min(s.scroll, s.maxScroll())
	return s, nil
}

// Quit reports whether the facilitator quit (confirmed, or ctrl+c).
func (s Screen) Quit() bool { return s.quit }

// View draws the screen.
func (s Screen) View() tea.View {
	v := tea.NewView(s.render())
	v.AltScreen = true
	v.WindowTitle = "Guidepost workshop"
	return v
}

// textWidth is the width text wraps to.
func (s Screen) textWidth() int { return max(min(s.w-4, 100), 20) }

func (s Screen) render() string {
	top, foot := s.parts()
	if s.snap.Picture != nil {
		top = append(top, "", strings.Join(window(s.pictureLines(s.textWidth()), s.scroll, s.pictureRows(top, foot)), "\n"))
	}
	out := strings.Join(top, "\n") + "\n\n" + strings.Join(foot, "\n")
	return indent(out, 1)
}

// pictureRows is how many rows the picture gets between top and foot.
func (s Screen) pictureRows(top, foot []string) int {
	return s.h - len(lines(top)) - len(lines(foot)) - 2
}

// maxScroll is the furthest the picture scrolls: its last line at the
// bottom of its window.
func (s Screen) maxScroll() int {
	if s.snap.Picture == nil {
		return 0
	}
	top, foot := s.parts()
	return max(len(s.pictureLines(s.textWidth()))-max(s.pictureRows(top, foot), 1), 0)
}

// parts are the screen above the picture and below it.
func (s Screen) parts() (top, foot []string) {
	st, w := s.styles, s.textWidth()
	head := st.Header.Render("Guidepost workshop") + st.Muted.Render(" · room "+s.cfg.Room.Code())
	counts := st.Prompt.Render(fmt.Sprintf("Joined %d · Finished %d", s.snap.Joined, s.snap.Finished))
	join := []string{
		st.Muted.Render("Join on a phone or laptop on this network:"),
		st.Rec.Render(s.cfg.JoinURL),
		st.Muted.Render(wrapText(fmt.Sprintf("or open %s and type the code %s", s.cfg.Base, s.cfg.Room.Code()), w)),
	}
	top = []string{head, ""}
	if s.snap.Picture == nil {
		top = append(top, s.joinBlock(join, w)...)
		top = append(top, "", counts, wrapText(s.waiting(), w))
	} else {
		top = append(top, join[:2]...)
		top = append(top, "", counts)
	}
	if s.refused != "" {
		top = append(top, st.Notice.Render(wrapText(s.refused, w)))
	}
	if s.snap.Problem != "" {
		top = append(top, st.Error.Render(wrapText("The room file could not be written: "+questions.Clean(s.snap.Problem), w)))
	}
	if s.notice != "" {
		foot = append(foot, st.Notice.Render(wrapText(questions.Clean(s.notice), w)))
	}
	foot = append(foot, st.Muted.Render(wrapText(privacyNote, w)),
		st.Muted.Render(wrapText("Room file: "+questions.Clean(s.cfg.Room.Path()), w)),
		s.help())
	return top, foot
}

// joinBlock places the QR code beside the address when the screen is wide
// enough, under it when it is tall enough, else leaves it out with a note.
func (s Screen) joinBlock(join []string, w int) []string {
	st := s.styles
	qrStyle := lipgloss.NewStyle()
	if !s.cfg.NoColor {
		qrStyle = qrStyle.Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFFFFF"))
	}
	var qr []string
	for _, l := range s.qr {
		qr = append(qr, qrStyle.Render(l))
	}
	qrW := 0
	if len(s.qr) > 0 {
		qrW = ansi.StringWidth(s.qr[0])
	}
	text := strings.Join(join, "\n")
	textW := lipgloss.Width(text)
	switch {
	case len(qr) == 0:
		return join
	case s.w >= textW+qrW+6 && s.h >= len(qr)+16:
		return []string{lipgloss.JoinHorizontal(lipgloss.Top, text, "    ", strings.Join(qr, "\n"))}
	case s.h >= len(qr)+len(join)+18:
		return append(join, append([]string{""}, qr...)...)
	}
	return append(join, st.Muted.Render("(make the window larger to show a QR code of the address)"))
}

// waiting says what reveals the picture.
func (s Screen) waiting() string {
	m := s.snap.MinGroup
	if s.snap.Finished < m {
		return fmt.Sprintf("The room's picture stays hidden until at least %d have finished and you press r.", m)
	}
	return "Enough have finished: press r to reveal the room's picture."
}

func (s Screen) help() string {
	st := s.styles
	if s.confirm {
		return wrapText(st.Warn.Render(markConfirm)+" Phones can no longer answer once it stops; the finished answers stay in the room file. "+
			st.Header.Render("y")+" quit · "+st.Header.Render("n")+" keep going", s.textWidth())
	}
	keys := [][2]string{{"r", "reveal"}, {"q", "quit"}}
	if s.snap.Picture != nil {
		keys = [][2]string{{"↑/↓", "scroll"}, {"pgup/pgdn", "page"}, {"q", "quit"}}
	}
	var parts []string
	for _, k := range keys {
		parts = append(parts, st.Header.Render(k[0])+" "+st.Muted.Render(k[1]))
	}
	return strings.Join(parts, st.Muted.Render(" · "))
}

// pageRows is how far pgup/pgdn scroll.
func (s Screen) pageRows() int { return max(s.h/2, 1) }

// pictureLines draws the room's picture: the recommendations with bars,
// the statuses, then every question's answers.
func (s Screen) pictureLines(w int) []string {
	p, st := s.snap.Picture, s.styles
	out := []string{st.Heading.Render(fmt.Sprintf("%s (%d finished)", markPicture, p.Total))}
	labelW := 0
	for _, o := range p.Outcomes {
		labelW = max(labelW, ansi.StringWidth(o.Label))
	}
	barW := max(min(w-labelW-12, 40), 5)
	for _, o := range p.Outcomes {
		bs := st.Track
		switch o.ID {
		case questions.Coaching:
			bs = st.Coaching
		case questions.Mentoring:
			bs = st.Mentoring
		case questions.Combined:
			bs = st.Rec
		}
		out = append(out, fmt.Sprintf("%-*s  %s %d", labelW, questions.Clean(o.Label), bs.Render(bar(o.N, p.Total, barW)), o.N))
	}
	var sts []string
	for _, c := range p.Statuses {
		sts = append(sts, fmt.Sprintf("%s %d", c.Label, c.N))
	}
	out = append(out, wrapText("Status: "+strings.Join(sts, " · "), w), "", st.Heading.Render("How the room answered"))
	for _, q := range p.Questions {
		out = append(out, st.Prompt.Render(questions.Clean(q.Topic)))
		optW := min(w/2, 36)
		for _, o := range q.Options {
			if o.N == 0 {
				continue
			}
			label := ansi.Truncate(questions.Clean(o.Label), optW, "…")
			out = append(out, fmt.Sprintf("  %-*s %s %d", optW, label, st.Chosen.Render(bar(o.N, p.Total, min(w-optW-10, 20))), o.N))
		}
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
