package ui

import tea "charm.land/bubbletea/v2"

// screen is one screen of the TUI: the welcome, a question, the review,
// the result or the comparison. The root holds the one on show and knows
// no screen by name: it routes through these methods alone.
//
// A screen is a value. Its methods return the changed screen rather than
// change it in place, so that a Model's copies never share a screen's
// state. Layout is worked out in Update, never in View: resize plans the
// whole screen and update keeps the plan current for what a key changed,
// so that view only reads the plan and formats it.
//
// Adding a screen is its file (the type with these four methods, and its
// constructor) plus the one line that shows it: an existing screen's
// update returning an opener intent (see opener), or, for a step of the
// questionnaire, the root's m.setScreen(newX(…)) where the flow leads to
// it. A new key is one more binding in keyMap.
type screen interface {
	// update handles a key of the screen's keys and returns the screen,
	// planned again for what changed, and the intent the root is to carry
	// out (a tea.Msg such as answeredMsg), or nil.
	update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg)
	// resize plans the screen for c: a new window size, help, footer,
	// styles or audience. The root calls it whenever one of those changes
	// and when the screen comes on show.
	resize(c *common) screen
	// keys is what the screen answers to now (see keySet).
	keys(c *common) keySet
	// view draws the planned screen. It writes nothing.
	view(c *common) string
}

// opener is an intent that opens a screen over the one on show; the
// screen's esc (closeMsg) returns to the one under it as it was. The
// intent builds its screen, so the root needs no line for a new one: a
// screen of this kind is its own file plus the line of an existing
// screen that sends the intent.
type opener interface {
	open(c *common) screen
}
