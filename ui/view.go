package ui

import (
	"fmt"
	"guidepost/questions"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// View draws the frame: the header, the active screen's body and the
// footer with notices, the lean gauge and help. Everything it shows was
// planned in Update (frame.go and the screens' resize and update): View
// and what it calls only read the model and format it.
func (m Model) View() tea.View {
	content := m.render()
	g := m.c.styles.Ground
	if g != nil {
		content = g.Paint(content, m.c.lay.width, m.c.lay.height)
	}
	v := tea.NewView(content)
	if g != nil { // the terminal's own ground too, for any cell a redraw has not reached yet
		v.BackgroundColor, v.ForegroundColor = g.rgb(g.Bg), g.rgb(g.Fg)
	}
	v.AltScreen = true
	v.WindowTitle = "Guidepost"
	return v
}

func (m Model) render() string {
	l := m.c.lay
	if l.tooSmall {
		return m.frame.tooSmall
	}
	parts := []string{m.frame.header, l.gap() + fit(m.active.view(m.ctx()), l.body) + l.gap(), m.frame.footer}
	return indent(strings.Join(parts, "\n"), l.margin)
}

// tooSmall is the message that asks for a larger window (see frame).
func (m Model) tooSmall() string {
	l := m.c.lay
	msg := fmt.Sprintf("Please make the window larger (at least %d×%d; now %d×%d).", minWidth, minHeight, l.width, l.height)
	return m.c.styles.Notice.Render(wrap(msg, max(l.width, 1)))
}

func audiencePhrase(a questions.Audience) string {
	switch a {
	case questions.Manager:
		return "about someone you manage"
	case questions.Self:
		return "about yourself"
	case questions.Consultant:
		return "for a workshop"
	}
	return ""
}

// fit pads or cuts s to exactly h lines, so the footer stays put.
func fit(s string, h int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > h {
		ls = ls[:h]
	}
	for len(ls) < h {
		ls = append(ls, "")
	}
	return strings.Join(ls, "\n")
}

func indent(s string, n int) string {
	if n == 0 {
		return s
	}
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
