package workshop

// The facilitator's keys: each one key.Binding, enabled for the state it
// works in, and the help line is drawn from the same bindings by bubbles'
// help.Model, so it never offers a key that does nothing.

import (
	"charm.land/bubbles/v2/key"
)

// screenKeys are the facilitator's bindings.
type screenKeys struct {
	Reveal, Hide, Answering, QR      key.Binding
	Up, Down, PageUp, PageDown, Home key.Binding
	End, Quit, Yes, No, Interrupt    key.Binding
}

func newScreenKeys() screenKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return screenKeys{
		Reveal:    b([]string{"r"}, "r", "reveal"),
		Hide:      b([]string{"h"}, "h", "hide picture"),
		Answering: b([]string{"a"}, "a", "close answering"),
		QR:        b([]string{"c"}, "c", "QR code"),
		Up:        b([]string{"up", "k"}, "↑/↓", "scroll"),
		Down:      b([]string{"down", "j"}, "↓", "down"),
		PageUp:    b([]string{"pgup"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown", "space"}, "pgdn", "page down"),
		Home:      b([]string{"home"}, "home", "top"),
		End:       b([]string{"end"}, "end", "bottom"),
		Quit:      b([]string{"q", "esc"}, "q", "quit"),
		Yes:       b([]string{"y", "Y", "enter"}, "y", "quit"),
		No:        b([]string{"n", "N"}, "n", "keep going"),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// keyState sets which bindings work and how they read for the screen s.
func (s *Screen) keyState() {
	k := &s.keys
	snap := s.snap
	picture := snap.Picture != nil && !s.showQR
	k.Reveal.SetEnabled(!s.confirm && (!snap.Revealed || snap.Hidden || s.showQR))
	switch {
	case snap.Hidden:
		k.Reveal.SetHelp("r", "show picture")
	case snap.Revealed:
		k.Reveal.SetHelp("r", "picture")
	default:
		k.Reveal.SetHelp("r", "reveal")
	}
	k.Hide.SetEnabled(!s.confirm && snap.Revealed && !snap.Hidden)
	k.Answering.SetEnabled(!s.confirm)
	if snap.Closed {
		k.Answering.SetHelp("a", "reopen answering")
	} else {
		k.Answering.SetHelp("a", "close answering")
	}
	k.QR.SetEnabled(!s.confirm && len(s.qr) > 0)
	if s.showQR {
		k.QR.SetHelp("c", "hide QR")
	} else {
		k.QR.SetHelp("c", "QR code")
	}
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(!s.confirm && picture)
	}
	k.Quit.SetEnabled(!s.confirm)
	k.Yes.SetEnabled(s.confirm)
	k.No.SetEnabled(s.confirm)
}

// ShortHelp implements help.KeyMap: the help line.
func (k screenKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Reveal, k.Hide, k.Answering, k.QR, k.Up, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k screenKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
