package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// frame is what the root draws around the active screen, planned in
// Update whenever what it shows may have changed: by relayout, and after
// every key by replan. View only joins it with the screen's view.
//
// Its fields are replaced, never changed in place, so that the copies of
// a Model share nothing that a later Update writes.
type frame struct {
	header string
	keys   keySet // what works now: the active screen's keys and the root's
	sig    string // what footer was drawn from (see footerSig)
	footer string // the notice, the lean gauge and help
	lines  int    // the footer's height when the layout was made
	// tooSmall asks for a larger window, when the window is too small.
	tooSmall string
}

// relayout recomputes the layout, the frame and the key bindings, and
// plans the active screen for them.
//
// The footer's help depends on what the screen offers (scroll keys only
// when its text scrolls), and that depends on the room the footer leaves,
// so the layout is settled again when planning the screen changed the
// footer.
func (m *Model) relayout() {
	w, h := m.c.lay.width, m.c.lay.height
	m.c.lay = newLayout(w, h, 1)
	m.help.SetWidth(m.c.lay.text)
	m.frame.header = m.drawHeader()
	m.frame.tooSmall = m.tooSmall()
	s := m.active // each plan starts from it: a viewport keeps its place
	m.active = s.resize(m.ctx())
	m.frame.lines = m.planFooter()
	for settled := false; !settled; {
		m.c.lay = newLayout(w, h, m.frame.lines)
		m.active = s.resize(m.ctx())
		// Only ever growing, so this ends; a footer shorter than the
		// room kept for it leaves a blank line, never an overflow.
		n := m.planFooter()
		settled = n <= m.frame.lines
		m.frame.lines = max(n, m.frame.lines)
	}
}

// replan brings the keys and the footer up to date after the active
// screen handled a key, and lays out again if the footer's height changed
// (the screen's keys, and so its help, changed).
func (m *Model) replan() {
	if m.planFooter() != m.frame.lines {
		m.relayout()
	}
}

// planFooter works out the keys that work now and draws the footer for
// them, if what it shows changed; it returns the footer's height.
func (m *Model) planFooter() int {
	m.frame.keys = m.keySet()
	var buf [512]byte
	sig := m.footerSig(buf[:0], m.frame.keys)
	if m.frame.footer == "" || string(sig) != m.frame.sig {
		m.frame.footer = m.drawFooter(m.frame.keys)
		m.frame.sig = string(sig)
	}
	return lines(m.frame.footer)
}

// footerSig appends to b everything drawFooter reads but the styles (a
// change of styles draws afresh): two footers with the same signature are
// the same.
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
	if m.leanShown(keys) {
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

// leanShown reports whether the footer shows the lean gauge: when the
// person turned it on, on the screens whose keys toggle it.
func (m Model) leanShown(keys keySet) bool {
	return m.showLean && keys.offers(m.c.keys.Lean)
}

func (m Model) drawHeader() string {
	s := m.c.styles
	h := s.Header.Render("Guidepost")
	if p := m.people.person; p != "" { // whom the draft is about, as --person named them
		h += s.Muted.Render(" · " + Sanitize(p))
	}
	if a := audiencePhrase(m.c.audience); a != "" {
		h += s.Muted.Render(" · " + a)
	}
	return truncate(h, m.c.lay.text)
}

// drawFooter is the notice, the lean gauge and help, each only when
// present. A notice is wrapped whole (a file name or an error is never
// cut), up to half the window.
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
	if m.leanShown(keys) {
		parts = append(parts, leanGauge(m.lean.Score, w, s))
	}
	parts = append(parts, m.helpView(keys, w))
	return strings.Join(parts, "\n")
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
