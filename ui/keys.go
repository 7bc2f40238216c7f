package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap defines every binding once. No screen reads it directly to
// decide what works: each screen declares the bindings it answers to as a
// keySet (see the screens' keys methods), the root adds the global ones,
// and a key press reaches a screen only when it matches an enabled binding
// of that set. The help is drawn from the same set, so it cannot offer a
// key that does nothing or miss one that works.
type keyMap struct {
	Up, Down, Top, Bottom              key.Binding
	PageUp, PageDown, HalfUp, HalfDown key.Binding
	Unsure, Choose, Back               key.Binding
	Why, Lean, Learn                   key.Binding
	Result, Change, Save, Restart      key.Binding
	Close, Yes, No                     key.Binding
	Help, Quit, Interrupt              key.Binding
}

// defaultKeys is the one key map, built once: bindings are values, and a
// screen that relabels or disables one changes its own copy.
var defaultKeys = newKeyMap()

func newKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		Top:       b([]string{"g", "home"}, "g/home", "top"),
		Bottom:    b([]string{"G", "end"}, "G/end", "bottom"),
		PageUp:    b([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown:  b([]string{"pgdown", "space", "f"}, "pgdn/f/space", "page down"),
		HalfUp:    b([]string{"ctrl+u"}, "ctrl+u", "½ page up"),
		HalfDown:  b([]string{"ctrl+d"}, "ctrl+d", "½ page down"),
		Unsure:    b([]string{"u"}, "u", "not sure"),
		Choose:    b([]string{"enter"}, "enter", "choose"),
		Back:      b([]string{"left", "shift+tab"}, "←", "back"),
		Why:       b([]string{"w"}, "w", "why?"),
		Lean:      b([]string{"v"}, "v", "lean"),
		Learn:     b([]string{"l"}, "l", "compare"),
		Result:    b([]string{"r"}, "r", "result"),
		Change:    b([]string{"c"}, "c", "change"),
		Save:      b([]string{"s"}, "s", "save"),
		Restart:   b([]string{"n"}, "n", "start over"),
		Close:     b([]string{"esc"}, "esc", "return"),
		Yes:       b([]string{"y"}, "y", "start over"),
		No:        b([]string{"n", "esc"}, "n/esc", "keep it"),
		Help:      b([]string{"?"}, "?", "more"),
		Quit:      b([]string{"q"}, "q", "quit"),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit, keep the draft"),
	}
}

// maxPick is how many options a number key reaches: 1–9, then 0 for the
// tenth.
const maxPick = 10

// pickBinding is the number keys for a list of n options, its help naming
// exactly the keys that work ("1–4", "1–9, 0").
func pickBinding(n int) key.Binding {
	n = min(n, maxPick)
	keys := make([]string, 0, n)
	for i := 1; i <= min(n, 9); i++ {
		keys = append(keys, string(rune('0'+i)))
	}
	label := "1"
	switch {
	case n == maxPick:
		keys = append(keys, "0")
		label = "1–9, 0"
	case n > 1:
		label = "1–" + keys[n-1]
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, "pick"), key.WithDisabled())
}

// picks holds pickKeys for every n, built once: a key press must not
// rebuild them.
var picks = func() (p [maxPick + 1]key.Binding) {
	for n := range p {
		p[n] = pickBinding(n)
		p[n].SetEnabled(n > 0)
	}
	return p
}()

// pickKeys returns the pick binding for n options, enabled.
func pickKeys(n int) key.Binding {
	return picks[min(max(n, 0), maxPick)]
}

// digit returns the 0-based option a number key picks: 1 is the first, 0
// the tenth.
func digit(msg tea.KeyPressMsg) int {
	d := int(msg.String()[0] - '0')
	if d == 0 {
		return maxPick - 1
	}
	return d - 1
}

// keySet is what one screen answers to: short is the one-line help, full
// the columns of the expanded help. Every binding that works is in full;
// short is a selection of them.
type keySet struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (s keySet) ShortHelp() []key.Binding { return enabled(s.short) }

// FullHelp implements help.KeyMap.
func (s keySet) FullHelp() [][]key.Binding {
	out := make([][]key.Binding, 0, len(s.full))
	for _, col := range s.full {
		if col = enabled(col); len(col) > 0 {
			out = append(out, col)
		}
	}
	return out
}

// matches reports whether msg is one of the set's enabled bindings.
func (s keySet) matches(msg tea.KeyPressMsg) bool {
	for _, col := range s.full {
		if keyIs(msg, col...) { // key.Matches skips disabled bindings
			return true
		}
	}
	return false
}

// offers reports whether an enabled binding of the set is b (the same
// keys; a relabelled copy counts).
func (s keySet) offers(b key.Binding) bool {
	for _, col := range s.full {
		for _, x := range col {
			if x.Enabled() && slices.Equal(x.Keys(), b.Keys()) {
				return true
			}
		}
	}
	return false
}

// bindings lists every enabled binding of the set once.
func (s keySet) bindings() []key.Binding {
	var out []key.Binding
	for _, col := range s.FullHelp() {
		out = append(out, col...)
	}
	return out
}

func enabled(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() && len(b.Keys()) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// when returns b enabled if on holds and disabled otherwise.
func when(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

// relabel returns b with another help description.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// globalShort is how many keys withGlobal adds to the short help.
const globalShort = 2

// withGlobal adds the root's keys to a screen's set: help (which, when
// the expanded help is open, offers to close it), quit and ctrl+c.
func withGlobal(s keySet, k *keyMap, helpOpen bool) keySet {
	help := k.Help
	if helpOpen {
		help = key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help"))
	}
	s.short = append(s.short, help, k.Quit)
	s.full = append(s.full, []key.Binding{help, k.Quit, k.Interrupt})
	return s
}

// moveCursor moves a cursor over n items by an up, down, top or bottom
// key; up and down wrap around at either end.
func moveCursor(cursor, n int, msg tea.KeyPressMsg, k *keyMap) int {
	switch {
	case keyIs(msg, k.Top):
		return 0
	case keyIs(msg, k.Bottom):
		return n - 1
	case keyIs(msg, k.Up):
		return (cursor + n - 1) % n
	}
	return (cursor + 1) % n
}
