package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
)

// keyStates are screens in the states whose keys differ.
var keyStates = []struct {
	name string
	cfg  Config
	keys []string
}{
	{"welcome", Config{}, []string{"down"}},
	{"welcome with a draft", Config{Draft: &Draft{Audience: "self", Choices: questions.Choices{0, -1, -1, -1}}}, []string{"down"}},
	{"first question", Config{Audience: "manager"}, []string{"down", "down"}},
	{"second question", Config{Audience: "manager"}, []string{"3", "down"}},
	{"why open", Config{Audience: "manager"}, []string{"down", "w", "pgdown"}},
	{"question from the review", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "g", "down", "enter", "down"}},
	{"review", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "k", "k"}},
	{"result", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "r", "j", "j"}},
	{"confirm start over", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "r", "n"}},
	{"learn", Config{}, []string{"l", "j", "j"}},
}

// keySizes are the windows the key tests run in: in the small one the
// result, the comparison and the why panel scroll; in the large one they
// fit, and their scroll keys must be off.
var keySizes = []struct{ w, h int }{{45, 15}, {100, 40}}

// TestHelpListsEveryKey: every key that a screen answers to is in its
// expanded help, by the name the help gives it.
func TestHelpListsEveryKey(t *testing.T) {
	for _, st := range keyStates {
		t.Run(st.name, func(t *testing.T) {
			m := press(start(t, st.cfg, 100, 40), st.keys...)
			open := press(m, "?")
			set, full := open.keySet(), screenText(open)
			for _, b := range set.bindings() {
				h := b.Help()
				if h.Key == "" || h.Desc == "" {
					t.Errorf("binding %v has no help", b.Keys())
					continue
				}
				if !strings.Contains(full, h.Key+" ") || !strings.Contains(full, h.Desc) {
					t.Errorf("%q (%s) works but is not in the help:\n%s", h.Key, h.Desc, full)
				}
			}
		})
	}
}

// TestEveryHelpKeyWorks: each key of each binding the help shows changes
// the screen, the state or starts a command; and a key no binding holds
// changes nothing.
func TestEveryHelpKeyWorks(t *testing.T) {
	for _, st := range keyStates {
		for _, sz := range keySizes {
			t.Run(fmt.Sprintf("%s %dx%d", st.name, sz.w, sz.h), func(t *testing.T) {
				everyKeyWorks(t, press(start(t, st.cfg, sz.w, sz.h), st.keys...))
			})
		}
	}
}

func everyKeyWorks(t *testing.T, m Model) {
	t.Helper()
	for _, b := range m.keySet().bindings() {
		for _, k := range b.Keys() {
			if _, ok := specialKeys[k]; !ok && len([]rune(k)) != 1 {
				t.Fatalf("the tests cannot press %q: add it to specialKeys", k)
			}
			next, cmd := m.Update(keyPress(k))
			after := next.(Model)
			if cmd == nil && screenText(after) == screenText(m) && screenOf(after) == screenOf(m) {
				t.Errorf("%q (%s) does nothing", k, b.Help().Desc)
			}
		}
	}
	for _, k := range []string{"x", "d", "h", "right"} {
		if hasKey(m.keySet(), k) {
			continue
		}
		next, cmd := m.Update(keyPress(k))
		if cmd != nil || screenText(next.(Model)) != screenText(m) {
			t.Errorf("%q is in no binding but changed the screen", k)
		}
	}
}

func TestShortHelpShowsPickAndUnsure(t *testing.T) {
	for _, sz := range sizes {
		v := screenText(start(t, Config{Audience: "self"}, sz.w, sz.h))
		last := v[strings.LastIndex(v, "\n")+1:]
		for _, want := range []string{"1–9, 0 pick", "u unsure", "? more", "q quit"} {
			if !strings.Contains(last, want) {
				t.Errorf("%dx%d: the short help %q lacks %q", sz.w, sz.h, last, want)
			}
		}
	}
}

func TestFullHelpOffersToClose(t *testing.T) {
	m := press(start(t, Config{Audience: "self"}, 80, 24), "?")
	if !regexp.MustCompile(`\?/esc +close help`).MatchString(screenText(m)) {
		t.Fatalf("the expanded help does not say how to close it:\n%s", screenText(m))
	}
	for _, k := range []string{"?", "esc"} {
		if press(m, k).help.ShowAll {
			t.Errorf("%s did not close the help", k)
		}
	}
}

func TestTenthOptionByZero(t *testing.T) {
	m := press(start(t, Config{Audience: "self"}, 80, 24), "0")
	if got := m.choices[0]; got != 9 {
		t.Errorf("0 picked option %d, want the tenth (9)", got)
	}
}

func TestTopAndBottom(t *testing.T) {
	m := press(start(t, Config{Audience: "self"}, 80, 24), "G")
	if the[question](m).cursor != 9 {
		t.Errorf("G: cursor %d, want the last option", the[question](m).cursor)
	}
	if m = press(m, "g"); the[question](m).cursor != 0 {
		t.Errorf("g: cursor %d, want the first option", the[question](m).cursor)
	}
	m = press(start(t, Config{Audience: "manager"}, 50, 16), "3", "2", "2", "1", "r", "G")
	if !the[result](m).vp.AtBottom() {
		t.Error("G did not reach the bottom of the result")
	}
	if m = press(m, "g"); !the[result](m).vp.AtTop() {
		t.Error("g did not return to the top of the result")
	}
}

// TestQuitWhenTooSmall: q still quits when the window is too small.
func TestQuitWhenTooSmall(t *testing.T) {
	m := start(t, Config{Audience: "manager"}, 30, 10)
	_, cmd := m.Update(keyPress("q"))
	if cmd == nil {
		t.Fatal("q does nothing in a window that is too small")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q is not a quit")
	}
}
