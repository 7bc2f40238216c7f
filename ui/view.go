package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the frame: a header, the active screen's body and a footer
// with notices, the lean gauge and help.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "Guidepost"
	return v
}

func (m Model) render() string {
	l := m.c.lay
	if l.tooSmall {
		return m.tooSmall()
	}
	parts := []string{m.header(), l.gap() + fit(m.body(), l.body) + l.gap(), m.footer()}
	return indent(strings.Join(parts, "\n"), l.margin)
}

func (m Model) tooSmall() string {
	l := m.c.lay
	msg := fmt.Sprintf("Please make the window larger (at least %d×%d; now %d×%d).", minWidth, minHeight, l.width, l.height)
	return m.c.styles.Notice.Render(wrap(msg, max(l.width, 1)))
}

func (m Model) header() string {
	s := m.c.styles
	h := s.Header.Render("Guidepost")
	if a := audiencePhrase(m.c.audience); a != "" {
		h += s.Muted.Render(" · " + a)
	}
	return truncate(h, m.c.lay.text)
}

func (m Model) body() string {
	switch m.screen {
	case welcomeScreen:
		return m.welcome.view(&m.c)
	case questionScreen:
		return m.question.view(&m.c)
	case reviewScreen:
		return m.review.view(&m.c, m.asked, m.choices)
	case resultScreen:
		return m.result.view(&m.c)
	}
	return m.learn.view(&m.c)
}

// maxNoticeLines caps a notice so that it never crowds out the screen.
const maxNoticeLines = 3

// footer is the notice, the lean gauge and help, each only when present.
func (m Model) footer() string {
	s, w := m.c.styles, m.c.lay.text
	var parts []string
	if m.notice != "" {
		parts = append(parts, s.Notice.Render(fit(hang("! ", m.notice, w), min(lines(hang("! ", m.notice, w)), maxNoticeLines))))
	}
	if m.showLean && (m.screen == questionScreen || m.screen == reviewScreen) {
		parts = append(parts, leanGauge(m.lean.Score, w, &s))
	}
	parts = append(parts, m.helpView(w))
	return strings.Join(parts, "\n")
}

// helpView is the short or full help in w columns. The short help is cut
// here, at a whole binding, because help.Model lets a line run over its
// width when it fills up exactly.
func (m Model) helpView(w int) string {
	if m.help.ShowAll {
		return m.help.View(m.c.keys)
	}
	var on []key.Binding
	for _, b := range m.c.keys.ShortHelp() {
		if b.Enabled() {
			on = append(on, b)
		}
	}
	for n := len(on); n > 0; n-- {
		v := m.help.ShortHelpView(on[:n])
		if n < len(on) {
			v += m.help.Styles.Ellipsis.Render(" …")
		}
		if ansi.StringWidth(v) <= w {
			return v
		}
	}
	return ""
}

func audiencePhrase(a string) string {
	switch a {
	case "manager":
		return "about someone you manage"
	case "self":
		return "about yourself"
	case "consultant":
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
