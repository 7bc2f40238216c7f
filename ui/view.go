package ui

import (
	"bytes"
	"fmt"
	"guidepost/questions"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the frame: a header, the active screen's body and a footer
// with notices, the lean gauge and help.
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
	if mm := m.c.memo; mm != nil {
		if mm.header == "" || mm.headAudience != m.c.audience || mm.headWidth != m.c.lay.text {
			mm.header, mm.headAudience, mm.headWidth = m.drawHeader(), m.c.audience, m.c.lay.text
		}
		return mm.header
	}
	return m.drawHeader()
}

func (m Model) drawHeader() string {
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

// footer is the notice, the lean gauge and help, each only when present.
// A notice is wrapped whole (a file name or an error is never cut), up to
// half the window. It is drawn again only when what it shows changed
// (see frameMemo): Update asks for it after every key, and View again.
func (m Model) footer() string {
	keys := m.keySet()
	mm := m.c.memo
	if mm == nil {
		return m.drawFooter(keys)
	}
	mm.buf = m.footerSig(mm.buf[:0], keys)
	if mm.footer == "" || !bytes.Equal(mm.buf, mm.sig) {
		mm.footer = m.drawFooter(keys)
		mm.sig = append(mm.sig[:0], mm.buf...)
	}
	return mm.footer
}

// footerSig appends to b everything drawFooter reads but the styles (a
// change of styles makes a new memo): two footers with the same signature
// are the same.
func (m Model) footerSig(b []byte, keys keySet) []byte {
	l := m.c.lay
	b = strconv.AppendInt(b, int64(l.text), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(l.height), 10)
	b = append(b, ',')
	b = strconv.AppendBool(b, m.help.ShowAll)
	b = append(b, ',')
	b = strconv.AppendBool(b, m.noticeErr)
	b = append(b, ',')
	if m.showLean && (m.screen == questionScreen || m.screen == reviewScreen) {
		b = strconv.AppendInt(append(strconv.AppendInt(b, int64(m.lean.Score[0]), 10), ':'), int64(m.lean.Score[1]), 10)
	}
	b = append(b, 0)
	b = append(b, m.notice...)
	b = append(b, 0)
	b = appendBindings(b, keys.short)
	for _, col := range keys.full {
		b = append(b, 0)
		b = appendBindings(b, col)
	}
	return b
}

// appendBindings appends the help of the enabled bindings of bs, as the
// help draws them.
func appendBindings(b []byte, bs []key.Binding) []byte {
	for _, k := range bs {
		if k.Enabled() && len(k.Keys()) > 0 {
			h := k.Help()
			b = append(append(append(append(b, h.Key...), 1), h.Desc...), 2)
		}
	}
	return b
}

func (m Model) drawFooter(keys keySet) string {
	s, w := m.c.styles, m.c.lay.text
	var parts []string
	if m.notice != "" {
		st, text := s.Notice, noticeText(m.notice, w)
		if m.noticeErr {
			st = s.Error
		}
		parts = append(parts, st.Render(fit(text, min(lines(text), max(m.c.lay.height/2, 1)))))
	}
	if m.showLean && (m.screen == questionScreen || m.screen == reviewScreen) {
		parts = append(parts, leanGauge(m.lean.Score, w, &s))
	}
	parts = append(parts, m.helpView(keys, w))
	return strings.Join(parts, "\n")
}

// frameMemo keeps the parts of the last frame that a key press seldom
// changes, with what each was drawn from. A Model's copies share it
// (Update and View run on one goroutine); setStyles starts a new one.
type frameMemo struct {
	buf, sig []byte // the footer's signature: being built, and drawn
	footer   string

	header       string
	headAudience questions.Audience
	headWidth    int

	questions map[textKey]*questionText
	rows      map[textKey][2]string // the review's rows: the line, and the row not highlighted
}

// memoLimit bounds each map of a frameMemo: a window resized again and
// again starts it afresh rather than growing it.
const memoLimit = 1024

// textKey names a text drawn for one question (and option) at one width
// for one audience.
type textKey struct {
	q, opt, width int
	audience      questions.Audience
}

// helpView is the short or full help in w columns. The short help is cut
// here, at a whole binding, because help.Model lets a line run over its
// width when it fills up exactly; the screen's keys give way from the end,
// the root's (help and quit) always stay.
func (m Model) helpView(keys keySet, w int) string {
	if m.help.ShowAll {
		return m.fullHelp(keys, w)
	}
	on := keys.ShortHelp()
	screen, global := on[:len(on)-globalShort], on[len(on)-globalShort:]
	h := m.help
	h.SetWidth(0) // the cut is made here
	for n := len(screen); n >= 0; n-- {
		v := h.ShortHelpView(append(append([]key.Binding(nil), screen[:n]...), global...))
		if n < len(screen) {
			v += m.help.Styles.Ellipsis.Render(" …")
		}
		if ansi.StringWidth(v) <= w {
			return v
		}
	}
	return ""
}

// noticeText wraps a notice under its glyph: ✓ or ✗ when it has one, else
// "!", so that it reads without colour.
func noticeText(n string, w int) string {
	for _, glyph := range []string{"✓ ", "✗ "} {
		if rest, ok := strings.CutPrefix(n, glyph); ok {
			return hang(glyph, rest, w)
		}
	}
	return hang("! ", n, w)
}

// fullHelp is the expanded help: its columns side by side as far as they
// fit in w, the rest in rows below, so that a narrow window shows every key.
func (m Model) fullHelp(keys keySet, w int) string {
	const sep = "   "
	var rows []string
	row := ""
	for _, col := range keys.FullHelp() {
		block := m.helpColumn(col)
		switch {
		case row == "":
			row = block
		case lipgloss.Width(row)+len(sep)+lipgloss.Width(block) <= w:
			row = lipgloss.JoinHorizontal(lipgloss.Top, row, sep, block)
		default:
			rows, row = append(rows, row), block
		}
	}
	return strings.Join(append(rows, row), "\n")
}

// helpColumn is one column of the expanded help: keys, then what they do.
func (m Model) helpColumn(col []key.Binding) string {
	st := m.help.Styles
	kw := 0
	for _, b := range col {
		kw = max(kw, ansi.StringWidth(b.Help().Key))
	}
	ls := make([]string, len(col))
	for i, b := range col {
		k := b.Help().Key
		ls[i] = st.FullKey.Render(k) + strings.Repeat(" ", kw-ansi.StringWidth(k)+1) + st.FullDesc.Render(b.Help().Desc)
	}
	return strings.Join(ls, "\n")
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

// questionText is the question text kept for k, or nil.
func (mm *frameMemo) questionText(k textKey) *questionText {
	if mm == nil {
		return nil
	}
	return mm.questions[k]
}

// keepQuestionText keeps t for k, as long as the styles last.
func (mm *frameMemo) keepQuestionText(k textKey, t *questionText) {
	if mm == nil {
		return
	}
	if mm.questions == nil || len(mm.questions) >= memoLimit {
		mm.questions = map[textKey]*questionText{}
	}
	mm.questions[k] = t
}

// reviewRow is the review's row kept for k, or false.
func (mm *frameMemo) reviewRow(k textKey) ([2]string, bool) {
	if mm == nil {
		return [2]string{}, false
	}
	r, ok := mm.rows[k]
	return r, ok
}

// keepReviewRow keeps r for k, as long as the styles last.
func (mm *frameMemo) keepReviewRow(k textKey, r [2]string) {
	if mm == nil {
		return
	}
	if mm.rows == nil || len(mm.rows) >= memoLimit {
		mm.rows = map[textKey][2]string{}
	}
	mm.rows[k] = r
}
