package ui

import (
	"bytes"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPreparingKeepsWhatCameFirst: the window's size and keys that arrive
// before prepare is done reach the model, in order, once it exists; until
// then nothing is drawn.
func TestPreparingKeepsWhatCameFirst(t *testing.T) {
	p := &preparing{ready: make(chan preparedMsg, 1)}
	for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}, keyPress("down"), keyPress("down")} {
		if _, cmd := p.Update(msg); cmd != nil {
			t.Fatalf("%T before the model: a command", msg)
		}
	}
	if v := p.View().Content; v != "" {
		t.Fatalf("before the model the view is %q, want nothing", v)
	}
	p.Update(preparedMsg{cfg: Config{Bank: fixtureBank(t), Audience: "manager", Theme: "dark"}})
	if p.m == nil {
		t.Fatal("no model once prepared")
	}
	if w := p.m.c.lay.width; w != 100 {
		t.Errorf("the window's width = %d, want the 100 that came first", w)
	}
	if c := the[question](*p.m).cursor; c != 2 {
		t.Errorf("cursor = %d after two downs typed early, want 2", c)
	}
	p.Update(keyPress("up")) // after the model exists: straight to it
	if got, want := screenText(*p.m), screenText(press(start(t, Config{Bank: fixtureBank(t), Audience: "manager"}, 100, 30), "down", "down", "up")); got != want {
		t.Errorf("the screen:\n%s\nwant\n%s", got, want)
	}
}

// TestPreparingInterruptAtOnce: ctrl+c quits before prepare is done.
func TestPreparingInterruptAtOnce(t *testing.T) {
	p := &preparing{ready: make(chan preparedMsg, 1)}
	_, cmd := p.Update(keyPress("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c before the model: no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c before the model does not quit")
	}
}

// TestRunPreparedFails: prepare's error ends the program before anything
// is drawn and is returned as it is.
func TestRunPreparedFails(t *testing.T) {
	boom := errors.New("the rule set does not load")
	var out bytes.Buffer
	o, err := RunPrepared(func() (Config, error) { return Config{}, boom }, blockingReader{}, &out)
	if !errors.Is(err, boom) || err.Error() != boom.Error() {
		t.Fatalf("err = %v, want prepare's own", err)
	}
	if !o.Quit || o.Result != nil {
		t.Errorf("ending = %+v, want a quit with no result", o)
	}
	if bytes.Contains(out.Bytes(), []byte("Guidepost")) {
		t.Errorf("something was drawn: %q", out.String())
	}
}
