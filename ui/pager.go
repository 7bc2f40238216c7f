package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The result and the comparison are pages of text in a viewport. The
// viewport's own default keys are switched off: d and u (u answers "not
// sure" on a question) and left and right would work unseen by the help.
// The pager keys below are the only ones, and both screens declare them.

// newViewport is a viewport that moves only by the pager keys.
func newViewport() viewport.Model {
	k := defaultKeys
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfUp, HalfPageDown: k.HalfDown,
	}
	return vp
}

// scroll moves a viewport by a pager key: the viewport's keys, plus top
// and bottom (g, G, home, end), which it lacks.
func scroll(vp viewport.Model, msg tea.KeyPressMsg) viewport.Model {
	k := &defaultKeys
	switch {
	case keyIs(msg, k.Top):
		vp.GotoTop()
	case keyIs(msg, k.Bottom):
		vp.GotoBottom()
	default:
		vp, _ = vp.Update(msg)
	}
	return vp
}

// pagerKeys are the keys that scroll a page of text, as one help column;
// they are off when the text fits, and the keys that move down (up) are
// off at the bottom (top), where they would do nothing.
func pagerKeys(k *keyMap, vp viewport.Model) []key.Binding {
	on := vp.TotalLineCount() > vp.Height()
	up, down := on && !vp.AtTop(), on && !vp.AtBottom()
	out := []key.Binding{
		relabel(k.Up, "scroll up"), relabel(k.Down, "scroll down"),
		k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom,
	}
	for i := range out {
		out[i].SetEnabled(on && (i%2 == 0 && up || i%2 == 1 && down))
	}
	return out
}

// resultKeys is what the result screen answers to.
func resultKeys(k *keyMap, vp viewport.Model) keySet {
	pager := pagerKeys(k, vp)
	return keySet{
		short: []key.Binding{k.Change, k.Save, k.Restart, pager[3]},
		full:  [][]key.Binding{pager, {k.Change, k.Save, k.Restart, k.Learn}},
	}
}

// learnKeys is what the comparison answers to.
func learnKeys(k *keyMap, vp viewport.Model) keySet {
	pager := pagerKeys(k, vp)
	return keySet{
		short: []key.Binding{k.Close, pager[3], pager[6]},
		full:  [][]key.Binding{pager, {k.Close}},
	}
}

// page is a viewport's text laid out once for its width: every line padded
// as the viewport's own View pads it, so that drawing the visible part on a
// key press is a join, not a wrap and pad of every visible line through
// lipgloss. The viewport still owns the scroll position and its keys.
type page struct {
	lines []string // the padded lines; nil when one does not fit its width
	blank string   // an empty line, padded
	fits  bool     // every line fits: view may use lines
}

// newPage lays out text, the viewport's content, for a viewport w cells
// wide: each line as lipgloss would render it in the viewport's block.
func newPage(text string, w int) page {
	pad := lipgloss.NewStyle().Width(w)
	p := page{blank: pad.Render(""), fits: w > 0}
	if text == "" || !p.fits {
		return p
	}
	src := strings.Split(text, "\n")
	p.lines = make([]string, len(src))
	for i, l := range src {
		if p.lines[i] = pad.Render(l); strings.Contains(p.lines[i], "\n") {
			return page{} // wider than w: only the viewport's own View gets it right
		}
	}
	return p
}

// view is what vp.View() draws for the page's text at the viewport's
// position, when the page was laid out for the viewport's width.
func (p page) view(vp viewport.Model) string {
	h := vp.Height()
	if !p.fits || h <= 0 {
		return vp.View()
	}
	top := min(vp.YOffset(), len(p.lines))
	shown := p.lines[top:min(top+h, len(p.lines))]
	var b strings.Builder
	b.Grow(h * (len(p.blank) + 16))
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(shown) {
			b.WriteString(shown[i])
		} else {
			b.WriteString(p.blank)
		}
	}
	return b.String()
}
