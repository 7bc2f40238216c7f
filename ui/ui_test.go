package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// onQuestion returns the asked question the model is on, failing when it is not
// on a question.
func onQuestion(t *testing.T, m Model) int {
	t.Helper()
	if screenOf(m) != questionScreen {
		t.Fatalf("screen = %s, want a question", screenOf(m))
	}
	return the[question](m).pos
}

func TestNumberKeysPickAndGoOn(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "2")
	b := m.c.bank
	if got := m.choices[b.Question("need")]; got != 1 {
		t.Errorf("need = option %d, want 1", got)
	}
	if pos := onQuestion(t, m); pos != 1 {
		t.Errorf("on question %d, want 1", pos)
	}
	m = press(m, "9") // horizon has four options: 9 does nothing
	if pos := onQuestion(t, m); pos != 1 {
		t.Errorf("9 moved on from a four-option question (now on %d)", pos)
	}
}

func TestCursorAndEnter(t *testing.T) {
	m := press(start(t, Config{Audience: "self"}, 80, 24), "down", "j", "k", "down", "enter")
	if got := m.choices[0]; got != 2 {
		t.Errorf("need = option %d, want 2", got)
	}
	m = press(m, "up", "enter") // wraps to the last option, unsure
	if got, want := int(m.choices[1]), m.c.bank.Unsure(1); got != want {
		t.Errorf("horizon = option %d, want unsure (%d)", got, want)
	}
}

func TestBackShowsEarlierAnswer(t *testing.T) {
	for _, back := range []string{"left", "shift+tab"} {
		m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", back)
		if pos := onQuestion(t, m); pos != 0 {
			t.Fatalf("%s: on question %d, want 0", back, pos)
		}
		if the[question](m).cursor != 2 {
			t.Errorf("%s: cursor on %d, want the earlier answer 2", back, the[question](m).cursor)
		}
		if v := screenText(m); !strings.Contains(v, "›  3. Better working relationships ✓") {
			t.Errorf("%s: the earlier answer is not marked:\n%s", back, v)
		}
	}
}

func TestBackDisabledOnFirstQuestion(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "left")
	if pos := onQuestion(t, m); pos != 0 {
		t.Errorf("on question %d", pos)
	}
	if hasKey(m.keySet(), "left") {
		t.Error("back is enabled on the first question")
	}
	if strings.Contains(screenText(m), "back") {
		t.Error("help offers back on the first question")
	}
}

func TestWelcomeSetsAudience(t *testing.T) {
	m := press(start(t, Config{}, 80, 24), "down", "enter")
	if m.c.audience != "self" {
		t.Errorf("audience = %q, want self", m.c.audience)
	}
	if v := screenText(m); !strings.Contains(v, "What do you need most right now?") {
		t.Errorf("not the self wording:\n%s", v)
	}
	// The result is explained for the reader chosen, and ends so.
	m = press(m, "3", "2", "2", "1", "r")
	if screenOf(m) != resultScreen || m.res == nil || m.res.Audience != "self" {
		t.Fatalf("the result is not explained for self: screen %s, %+v", screenOf(m), m.res)
	}
	shown := m.res
	if o := press(m, "q").Ending(); o.Quit || o.Result != shown {
		t.Errorf("q on the result: quit %v, the result shown %v", o.Quit, o.Result == shown)
	}
}

func TestLearnOpensAndReturns(t *testing.T) {
	m := press(start(t, Config{}, 80, 24), "down", "l")
	if screenOf(m) != learnScreen {
		t.Fatalf("screen = %s, want learn", screenOf(m))
	}
	m = press(m, "j", "esc")
	if screenOf(m) != welcomeScreen || the[welcome](m).cursor != 1 {
		t.Errorf("esc did not return to the welcome as it was (screen %s, cursor %d)", screenOf(m), the[welcome](m).cursor)
	}
}

func TestReviewChangeReturnsToReview(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", "2", "2", "1")
	if screenOf(m) != reviewScreen {
		t.Fatalf("screen = %s, want the review", screenOf(m))
	}
	before := *m.res
	m = press(m, "up", "up", "up", "enter") // from "See the result" up to Time frame
	if pos := onQuestion(t, m); pos != 1 || the[question](m).cursor != 1 {
		t.Fatalf("on question %d cursor %d, want 1 and 1", pos, the[question](m).cursor)
	}
	m = press(m, "1")
	if screenOf(m) != reviewScreen || the[review](m).cursor != 1 {
		t.Fatalf("after the change: screen %s, cursor %d; want the review on row 1", screenOf(m), the[review](m).cursor)
	}
	if !strings.Contains(screenText(m), "Time frame: Weeks to a few months") {
		t.Errorf("the review does not show the change:\n%s", screenText(m))
	}
	if reflect.DeepEqual(before.Scores, m.res.Scores) {
		t.Error("the result was not evaluated again after the change")
	}
	if want := advisor.ExplainAnswers(m.c.bank, m.choices, m.c.audience); !reflect.DeepEqual(*m.res, want) {
		t.Error("the result differs from advisor.ExplainAnswers on the same answers")
	}
}

func TestReviewEscKeepsAnswer(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", "2", "2", "1", "up", "up", "up", "up", "enter", "down", "esc")
	if screenOf(m) != reviewScreen || m.choices[0] != 2 {
		t.Errorf("esc: screen %s, need = %d; want the review and the answer kept", screenOf(m), m.choices[0])
	}
}

func TestResultChangeGoesToReview(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", "2", "2", "1", "r", "c")
	if screenOf(m) != reviewScreen {
		t.Errorf("c: screen %s, want the review", screenOf(m))
	}
}

func TestRestart(t *testing.T) {
	for _, tc := range []struct {
		audience questions.Audience
		want     string
	}{{"", welcomeScreen}, {"self", questionScreen}} {
		m := start(t, Config{Audience: tc.audience}, 80, 24)
		if tc.audience == "" {
			m = press(m, "1")
		}
		m = press(m, "3", "2", "2", "1", "r", "n", "y")
		if screenOf(m) != tc.want || m.res != nil {
			t.Errorf("audience %q: screen %s, want %s with no result", tc.audience, screenOf(m), tc.want)
		}
		for q, c := range m.choices {
			if c != questions.NoAnswer {
				t.Errorf("answer %d kept after starting over", q)
			}
		}
	}
}

func TestQuit(t *testing.T) {
	cases := []struct {
		name       string
		keys       []string
		quit, done bool
	}{
		{"ctrl+c on the welcome", []string{"ctrl+c"}, true, true},
		{"ctrl+c on a question", []string{"1", "3", "ctrl+c"}, true, true},
		{"q on a question", []string{"1", "q"}, true, true},
		{"ctrl+c on the result", []string{"1", "3", "2", "2", "1", "r", "ctrl+c"}, true, true},
		{"q on the result", []string{"1", "3", "2", "2", "1", "r", "q"}, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := start(t, Config{}, 80, 24)
			var cmd tea.Cmd
			for _, k := range tc.keys {
				var next tea.Model
				next, cmd = m.Update(keyPress(k))
				m = next.(Model)
			}
			if cmd == nil {
				t.Fatal("no command: the program would not end")
			}
			if _, ok := cmd().(tea.QuitMsg); !ok {
				t.Fatal("the command is not tea.Quit")
			}
			o := m.Ending()
			if o.Quit != tc.quit || (o.Result != nil) == tc.quit {
				t.Errorf("Quit = %v, Result set = %v; want Quit %v", o.Quit, o.Result != nil, tc.quit)
			}
			if !tc.quit && o.Audience != "manager" {
				t.Errorf("Audience = %q", o.Audience)
			}
		})
	}
}

func TestResizeKeepsState(t *testing.T) {
	m := press(start(t, Config{Audience: "manager", ShowLean: true}, 80, 24), "3", "down", "w")
	before := screenText(m)
	m = send(m, tea.WindowSizeMsg{Width: 30, Height: 10})
	if v := screenText(m); !strings.Contains(v, "make the window larger") || !strings.Contains(v, "30×10") {
		t.Fatalf("no notice at 30×10:\n%s", v)
	}
	m = press(m, "enter", "1") // ignored while too small
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if after := screenText(m); after != before {
		t.Errorf("the screen changed across a resize\n--- before ---\n%s\n--- after ---\n%s", before, after)
	}
}

func TestResizeResultRewraps(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", "2", "2", "1", "r")
	m = send(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	for _, l := range strings.Split(screenText(m), "\n") {
		if w := len([]rune(l)); w > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
}

func TestNoColorHasNoEscapes(t *testing.T) {
	steps := [][]string{nil, {"l"}, {"esc", "1"}, {"w", "g"}, {"3", "2", "2", "1"}, {"r"}, {"pgdown", "?"}}
	m := start(t, Config{NoColor: true, Theme: "auto"}, 80, 24)
	m = send(m, tea.BackgroundColorMsg{})
	for _, keys := range steps {
		m = press(m, keys...)
		if v := m.View().Content; strings.ContainsRune(v, 0x1b) {
			t.Errorf("after %v the view holds an escape: %q", keys, v)
		}
	}
}

func TestSanitizesBankText(t *testing.T) {
	b := *fixtureBank(t)
	b.Questions = append([]questions.Question(nil), b.Questions...)
	b.Questions[0].Prompt.Manager = "Evil \x1b]0;pwned\x07prompt\x1b[2J"
	m := start(t, Config{Bank: &b, Audience: "manager", NoColor: true}, 80, 24)
	if v := m.View().Content; strings.ContainsRune(v, 0x1b) || !strings.Contains(v, "Evil prompt") {
		t.Errorf("the prompt was not sanitized: %q", v)
	}
}

func TestDraftSavedAfterEveryAnswer(t *testing.T) {
	var saved []questions.Choices
	cfg := Config{Audience: "self", SaveDraft: func(a questions.Audience, c questions.Choices) error {
		saved = append(saved, c)
		if len(saved) == 2 {
			return errors.New("disk full")
		}
		return nil
	}}
	m := start(t, cfg, 80, 24)
	m = pressRun(m, "1")
	m = pressRun(m, "2")
	if len(saved) != 2 || saved[0][0] != 0 || saved[1][1] != 1 {
		t.Fatalf("drafts saved: %v", saved)
	}
	if saved[0][1] != questions.NoAnswer {
		t.Error("the first draft shares memory with later answers")
	}
	if v := screenText(m); !strings.Contains(v, "Could not save the draft: disk full") {
		t.Errorf("the draft error is not shown:\n%s", v)
	}
}

func TestSaveResult(t *testing.T) {
	cases := []struct {
		name string
		save func(advisor.Explanation) ([]string, error)
		want string
	}{
		{"saved", func(advisor.Explanation) ([]string, error) {
			return []string{"guidepost-result.md", "guidepost-result.json"}, nil
		}, "✓ Saved: guidepost-result.md, guidepost-result.json"},
		{"failed", func(advisor.Explanation) ([]string, error) {
			return nil, errors.New("permission denied")
		}, "✗ Could not save: permission denied"},
		{"unavailable", nil, "✗ Could not save: saving is not available"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := press(start(t, Config{Audience: "manager", SaveResult: tc.save}, 80, 24), "3", "2", "2", "1", "r")
			m = pressRun(m, "s")
			if v := screenText(m); !strings.Contains(v, tc.want) || screenOf(m) != resultScreen {
				t.Errorf("want %q on the result screen:\n%s", tc.want, v)
			}
		})
	}
}

func TestResume(t *testing.T) {
	b := fixtureBank(t)
	ch := b.NewChoices()
	ch[0], ch[1] = 2, 1
	m := start(t, Config{Audience: "manager", Choices: ch, Start: 2, Notice: "Resumed your draft."}, 80, 24)
	if pos := onQuestion(t, m); pos != 2 {
		t.Errorf("resumed at %d, want 2", pos)
	}
	if !strings.Contains(screenText(m), "Resumed your draft.") {
		t.Error("the notice is not shown")
	}
	m = press(m, "left")
	if the[question](m).cursor != 1 {
		t.Errorf("the resumed answer is not shown (cursor %d)", the[question](m).cursor)
	}
	m = start(t, Config{Audience: "manager", Choices: ch, Start: 4}, 80, 24)
	if screenOf(m) != reviewScreen {
		t.Errorf("Start past the last question: screen %s, want the review", screenOf(m))
	}
}

func TestQuickAsksCoreOnly(t *testing.T) {
	m := press(start(t, Config{Audience: "manager", Quick: true}, 80, 24), "1", "1", "1")
	if screenOf(m) != reviewScreen {
		t.Errorf("after three answers: screen %s, want the review", screenOf(m))
	}
}

func TestThemes(t *testing.T) {
	for _, theme := range []string{"auto", "dark", "light", "high-contrast"} {
		m := start(t, Config{Theme: theme}, 80, 24)
		if theme == "auto" && m.Init() == nil {
			t.Error("auto does not ask for the background")
		}
		m = send(m, tea.BackgroundColorMsg{})
		if !strings.Contains(screenText(m), "Who is this about?") {
			t.Errorf("%s: the welcome is not drawn", theme)
		}
	}
}

// TestDefaultRules walks the shipped rule set at two sizes and checks that
// every screen keeps to the window.
func TestDefaultRules(t *testing.T) {
	b := defaultBank(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, a := range questions.Audiences {
			m := start(t, Config{Bank: b, Audience: a}, sz.w, sz.h)
			for screenOf(m) == questionScreen {
				checkFits(t, m, sz.w, sz.h)
				m = press(m, "w")
				checkFits(t, m, sz.w, sz.h)
				m = press(m, "w", "1")
			}
			checkFits(t, m, sz.w, sz.h)
			m = press(m, "r")
			checkFits(t, m, sz.w, sz.h)
			if screenOf(m) != resultScreen || m.res == nil || m.res.Recommendation == "" {
				t.Errorf("%s %dx%d: no result", a, sz.w, sz.h)
			}
		}
	}
}

func checkFits(t *testing.T, m Model, w, h int) {
	t.Helper()
	ls := strings.Split(screenText(m), "\n")
	if len(ls) > h {
		t.Errorf("%d lines in a %d-line window:\n%s", len(ls), h, screenText(m))
	}
	for _, l := range ls {
		if n := len([]rune(l)); n > w {
			t.Errorf("line of %d in %d columns: %q", n, w, l)
		}
	}
}

func TestUKeyAnswersUnsure(t *testing.T) {
	m := press(start(t, Config{Audience: "manager", Bank: defaultBank(t)}, 80, 24), "u")
	b := m.c.bank
	need := b.Question("need")
	if got, want := int(m.choices[need]), b.Unsure(need); got != want {
		t.Fatalf("need = option %d, want unsure (%d): the tenth option must be reachable without arrows", got, want)
	}
	if pos := onQuestion(t, m); pos != 1 {
		t.Fatalf("u did not move on (on %d)", pos)
	}
}

func TestHomeEndScroll(t *testing.T) {
	m := press(start(t, Config{Bank: defaultBank(t)}, 80, 24), "l", "end")
	if !strings.Contains(screenText(m), "Sources") {
		t.Fatalf("end did not reach the sources at the bottom of learn:\n%s", screenText(m))
	}
	m = press(m, "home")
	if !strings.Contains(screenText(m), "Coaching and mentoring compared") {
		t.Fatalf("home did not return to the top:\n%s", screenText(m))
	}
}
