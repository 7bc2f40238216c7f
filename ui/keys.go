package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is every key the UI answers to. It feeds the help view, so help
// cannot drift from the bindings; bindings that do nothing on the current
// screen are disabled and so vanish from help too.
type keyMap struct {
	Up, Down, Scroll      key.Binding
	Pick, Unsure          key.Binding
	Choose, Back          key.Binding
	Why, Lean, Learn      key.Binding
	Result, Change, Save  key.Binding
	Restart, Close        key.Binding
	Help, Quit, Interrupt key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		Scroll:    b([]string{"pgup", "pgdown", "space", "home", "end"}, "pgup/pgdn", "page"),
		Pick:      b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "pick"),
		Unsure:    b([]string{"u"}, "u", "not sure"),
		Choose:    b([]string{"enter"}, "enter", "choose"),
		Back:      b([]string{"left", "shift+tab"}, "←", "back"),
		Why:       b([]string{"w"}, "w", "why?"),
		Lean:      b([]string{"g"}, "g", "lean"),
		Learn:     b([]string{"l"}, "l", "compare"),
		Result:    b([]string{"r"}, "r", "result"),
		Change:    b([]string{"c"}, "c", "change"),
		Save:      b([]string{"s"}, "s", "save"),
		Restart:   b([]string{"n"}, "n", "start over"),
		Close:     b([]string{"esc"}, "esc", "return"),
		Help:      b([]string{"?"}, "?", "more"),
		Quit:      b([]string{"q"}, "q", "quit"),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit, keep the draft"),
	}
}

// ShortHelp is the one-line help; disabled bindings are left out by help.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, k.Back, k.Close, k.Why, k.Result,
		k.Change, k.Save, k.Help, k.Quit, k.Scroll, k.Up, k.Down}
}

// FullHelp is the help shown by "?".
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Scroll, k.Pick, k.Unsure, k.Choose, k.Back},
		{k.Why, k.Lean, k.Learn, k.Result, k.Change, k.Save, k.Restart, k.Close},
		{k.Help, k.Quit, k.Interrupt},
	}
}

// keyState is what decides which bindings do something.
type keyState struct {
	screen     screen
	first      bool // on the first question
	fromReview bool // a question opened from the review
}

// enableFor enables exactly the bindings that act on the current screen.
func (k *keyMap) enableFor(s keyState) {
	on := func(b *key.Binding, screens ...screen) {
		b.SetEnabled(false)
		for _, x := range screens {
			if x == s.screen {
				b.SetEnabled(true)
			}
		}
	}
	on(&k.Up, welcomeScreen, questionScreen, reviewScreen, resultScreen, learnScreen)
	on(&k.Down, welcomeScreen, questionScreen, reviewScreen, resultScreen, learnScreen)
	on(&k.Scroll, resultScreen, learnScreen, reviewScreen)
	on(&k.Pick, welcomeScreen, questionScreen)
	on(&k.Unsure, questionScreen)
	on(&k.Choose, welcomeScreen, questionScreen, reviewScreen)
	on(&k.Back, questionScreen)
	k.Back.SetEnabled(s.screen == questionScreen && !s.first)
	on(&k.Why, questionScreen)
	on(&k.Lean, questionScreen, reviewScreen)
	on(&k.Learn, welcomeScreen, resultScreen)
	on(&k.Result, reviewScreen)
	on(&k.Change, resultScreen)
	on(&k.Save, resultScreen)
	on(&k.Restart, resultScreen)
	on(&k.Close, learnScreen)
	k.Close.SetEnabled(s.screen == learnScreen || s.screen == questionScreen && s.fromReview)
}

// moveCursor moves a cursor over n items by an up or down key, wrapping
// around at either end.
func moveCursor(cursor, n int, msg tea.KeyPressMsg, k keyMap) int {
	if keyIs(msg, k.Up) {
		return (cursor + n - 1) % n
	}
	return (cursor + 1) % n
}
