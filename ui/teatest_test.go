package ui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramSmoke runs the real program: choose the audience, answer every
// question with 1, see the result and quit with it.
func TestProgramSmoke(t *testing.T) {
	m := New(Config{Bank: fixtureBank(t), Theme: "dark"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Who is this about?")
	tm.Type("11111")
	waitFor(t, tm, "See the result")
	tm.Type("r")
	waitFor(t, tm, "Confidence in this call")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(Model)
	o := final.Ending()
	if o.Quit || o.Result == nil || o.Audience != "manager" {
		t.Fatalf("outcome: Quit %v, Result %v, Audience %q", o.Quit, o.Result != nil, o.Audience)
	}
	for q, c := range o.Choices {
		if c != 0 {
			t.Errorf("question %d answered %d, want 0", q, c)
		}
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(s))
	}, teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// BenchmarkKeystroke is one key press through Update and View at 120×40:
// on the 4-question test fixture, and on the shipped rule set
// (shipped/<screen>), which is what a person meets. The key is pressed on
// the same model each time, so every iteration does the same work.
func BenchmarkKeystroke(b *testing.B) {
	bank := fixtureBank(b)
	screens := []struct {
		name string
		keys []string
		key  string
	}{
		{"question", nil, "down"},
		{"result", []string{"3", "2", "2", "1", "r"}, "down"},
	}
	for _, sc := range screens {
		b.Run(sc.name, func(b *testing.B) {
			m := press(start(b, Config{Bank: bank, Audience: "manager"}, 120, 40), sc.keys...)
			benchKey(b, m, sc.key)
		})
	}
	shipped := defaultBank(b)
	for _, sc := range []struct {
		name   string
		screen string
		keys   []string // after every question is answered with 1
		key    string
		theme  string
	}{
		{"question", questionScreen, nil, "down", ""},
		{"review", reviewScreen, nil, "down", ""},
		{"result", resultScreen, []string{"r"}, "down", ""},
		{"learn", learnScreen, []string{"r", "l"}, "down", ""},
		// High contrast paints its own ground over every cell of a frame.
		{"result/high-contrast", resultScreen, []string{"r"}, "down", "high-contrast"},
	} {
		b.Run("shipped/"+sc.name, func(b *testing.B) {
			m := start(b, Config{Bank: shipped, Audience: "manager", Theme: sc.theme}, 120, 40)
			if sc.screen != questionScreen {
				for screenOf(m) == questionScreen {
					m = press(m, "1")
				}
				m = press(m, sc.keys...)
			}
			if screenOf(m) != sc.screen {
				b.Fatalf("on screen %s, want %s", screenOf(m), sc.screen)
			}
			benchKey(b, m, sc.key)
		})
	}
}

// benchKey times key pressed on m, through Update and View.
func benchKey(b *testing.B, m Model, key string) {
	k := keyPress(key)
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(k)
		_ = next.(Model).View()
	}
}
