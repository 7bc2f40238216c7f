package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// The result and the comparison are pages of text in a viewport. The
// viewport's own default keys are switched off: d and u (u answers "not
// sure" on a question) and left and right would work unseen by the help.
// The pager keys below are the only ones, and both screens declare them.

// newViewport is a viewport that moves only by the pager keys.
func newViewport() viewport.Model {
	k := newKeyMap()
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
	k := newKeyMap()
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
// they are off when the text fits.
func pagerKeys(k keyMap, vp viewport.Model) []key.Binding {
	on := vp.TotalLineCount() > vp.Height()
	out := []key.Binding{
		relabel(k.Up, "scroll up"), relabel(k.Down, "scroll down"),
		k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom,
	}
	for i := range out {
		out[i].SetEnabled(on)
	}
	return out
}

// resultKeys is what the result screen answers to.
func resultKeys(k keyMap, vp viewport.Model) keySet {
	pager := pagerKeys(k, vp)
	return keySet{
		short: []key.Binding{k.Change, k.Save, k.Restart, pager[3]},
		full:  [][]key.Binding{pager, {k.Change, k.Save, k.Restart, k.Learn}},
	}
}

// learnKeys is what the comparison answers to.
func learnKeys(k keyMap, vp viewport.Model) keySet {
	pager := pagerKeys(k, vp)
	return keySet{
		short: []key.Binding{k.Close, pager[3], pager[6]},
		full:  [][]key.Binding{pager, {k.Close}},
	}
}
