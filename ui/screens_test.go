package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/advisor"
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
			if cmd == nil && screenText(after) == screenText(m) && after.screen == m.screen {
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
	if m.question.cursor != 9 {
		t.Errorf("G: cursor %d, want the last option", m.question.cursor)
	}
	if m = press(m, "g"); m.question.cursor != 0 {
		t.Errorf("g: cursor %d, want the first option", m.question.cursor)
	}
	m = press(start(t, Config{Audience: "manager"}, 50, 16), "3", "2", "2", "1", "r", "G")
	if !m.result.vp.AtBottom() {
		t.Error("G did not reach the bottom of the result")
	}
	if m = press(m, "g"); !m.result.vp.AtTop() {
		t.Error("g did not return to the top of the result")
	}
}

func TestPickShowsThenAdvances(t *testing.T) {
	m := pressHeld(start(t, Config{Audience: "manager"}, 80, 24), "3")
	if pos := onQuestion(t, m); pos != 0 {
		t.Fatalf("moved on at once (to %d): the pick was not shown", pos)
	}
	if v := screenText(m); !strings.Contains(v, "›  3. Better working relationships ✓") {
		t.Errorf("the pick is not shown:\n%s", v)
	}
	next, cmd := m.Update(advanceMsg{m.pickSeq - 1})
	if m2 := next.(Model); onQuestion(t, m2) != 0 || cmd != nil {
		t.Error("a stale tick answered")
	}
	if m = tick(m); onQuestion(t, m) != 1 || m.choices[0] != 2 {
		t.Errorf("after the tick: on %d, need = %d", m.question.pos, m.choices[0])
	}
	// A key typed during the highlight comes after the answer: nothing is lost.
	m = pressHeld(start(t, Config{Audience: "manager"}, 80, 24), "3")
	m = pressHeld(m, "2")
	m = tick(m)
	if pos := onQuestion(t, m); pos != 2 || m.choices[0] != 2 || m.choices[1] != 1 {
		t.Errorf("fast typing: on %d, answers %v; want question 3 after 3 and 2", pos, m.choices)
	}
}

func TestPickTicks(t *testing.T) {
	m := start(t, Config{Audience: "manager"}, 80, 24)
	_, cmd := m.Update(keyPress("3"))
	if cmd == nil {
		t.Fatal("a pick starts no tick")
	}
}

func TestBackMsgCarriesPosition(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 80, 24), "3", "2")
	next, _ := m.handleIntent(backMsg{pos: 1})
	if pos := onQuestion(t, next.(Model)); pos != 0 {
		t.Errorf("back from 1 went to %d", pos)
	}
}

// recorder records the draft operations in the order they ran.
type recorder struct {
	mu  sync.Mutex
	ops []string
}

func (r *recorder) save(_ string, c questions.Choices) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, fmt.Sprint("save ", []int8(c)))
	return nil
}

func (r *recorder) clear() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, "clear")
	return nil
}

func TestStartOverAsksAndClearsTheDraft(t *testing.T) {
	rec := &recorder{}
	cfg := Config{Audience: "manager", SaveDraft: rec.save, ClearDraft: rec.clear}
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(m, "n")
	if m.screen != resultScreen || !strings.Contains(screenText(m), "This result has not been saved") {
		t.Fatalf("n on an unsaved result did not ask:\n%s", screenText(m))
	}
	if m2 := pressRun(m, "esc"); m2.screen != resultScreen || m2.res == nil || m2.confirm {
		t.Error("esc did not keep the result")
	}
	m = pressRun(m, "y")
	if m.screen != questionScreen || m.res != nil || len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Fatalf("y: screen %d, draft ops %v; want the first question and the draft cleared", m.screen, rec.ops)
	}
	for q, c := range m.choices {
		if c != questions.NoAnswer {
			t.Errorf("answer %d kept after starting over", q)
		}
	}
}

func TestStartOverAfterSaveAsksNothing(t *testing.T) {
	m := press(start(t, savingConfig("manager"), 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(pressRun(m, "s"), "n")
	if m.screen != questionScreen || m.res != nil {
		t.Errorf("n on a saved result: screen %d; want the first question at once", m.screen)
	}
}

// TestDraftQueueOrder: a save asked for before a clear but run after it
// must not bring the old answers back.
func TestDraftQueueOrder(t *testing.T) {
	rec := &recorder{}
	q := &draftQueue{}
	save := q.cmd("save", func() error { return rec.save("", questions.Choices{1}) })
	clear := q.cmd("remove", rec.clear)
	clear()
	if msg := save(); msg != nil {
		t.Errorf("the stale save ran: %v", msg)
	}
	if len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Errorf("ops %v; want only the clear", rec.ops)
	}
}

func TestSecondSaveIsACopy(t *testing.T) {
	saves := 0
	cfg := Config{Audience: "manager", SaveResult: func(string, questions.Choices, advisor.Result) ([]string, error) {
		saves++
		n := ""
		if saves > 1 {
			n = fmt.Sprintf("-%d", saves)
		}
		return []string{"r" + n + ".md", "r" + n + ".json"}, nil
	}}
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(m, "s")
	m = pressRun(m, "s")
	if saves != 1 || !strings.Contains(screenText(m), "Already saved as r.md and r.json. Press s again to save a copy.") {
		t.Fatalf("second s: %d saves, screen:\n%s", saves, screenText(m))
	}
	m = pressRun(m, "s")
	if saves != 2 || !strings.Contains(screenText(m), "Saved a copy (the same result as before): r-2.md, r-2.json") {
		t.Errorf("third s: %d saves, screen:\n%s", saves, screenText(m))
	}
	// A changed answer is a new result: s saves it at once.
	m = press(m, "c", "enter", "1", "r")
	if m = pressRun(m, "s"); saves != 3 || strings.Contains(screenText(m), "copy") {
		t.Errorf("a new result: %d saves, screen:\n%s", saves, screenText(m))
	}
}

func TestSavedResultClearsTheDraft(t *testing.T) {
	rec := &recorder{}
	cfg := savingConfig("manager")
	cfg.ClearDraft = rec.clear
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	pressRun(m, "s")
	if len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Errorf("draft ops after a save: %v; want a clear", rec.ops)
	}
	cfg.SaveResult = func(string, questions.Choices, advisor.Result) ([]string, error) { return nil, errors.New("disk full") }
	rec.ops = nil
	m = press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	if v := screenText(pressRun(m, "s")); len(rec.ops) != 0 || !strings.Contains(v, "✗ Could not save: disk full") {
		t.Errorf("a failed save: draft ops %v, screen:\n%s", rec.ops, v)
	}
}

func TestResumeFromWelcome(t *testing.T) {
	b := fixtureBank(t)
	ch := b.NewChoices()
	ch[0], ch[1] = 2, 1
	d := &Draft{Audience: "consultant", Choices: ch, Notice: "Resumed the draft d.toml."}
	m := start(t, Config{Draft: d}, 80, 24)
	if v := screenText(m); !strings.Contains(v, "4. Continue your saved draft") {
		t.Fatalf("the welcome does not offer the draft:\n%s", v)
	}
	m = press(m, "down", "down", "down")
	if v := screenText(m); !strings.Contains(v, "2 of 4 questions answered, for a workshop") {
		t.Errorf("the draft is not described:\n%s", v)
	}
	m = press(m, "enter")
	if pos := onQuestion(t, m); pos != 2 || m.c.audience != "consultant" || m.choices[0] != 2 || m.choices[1] != 1 {
		t.Errorf("resumed on %d as %q with %v", pos, m.c.audience, m.choices)
	}
	if !strings.Contains(screenText(m), "Resumed the draft d.toml.") {
		t.Error("the draft's notice is not shown")
	}
	// --for wins; a fresh start keeps nothing of the draft.
	m = press(start(t, Config{Audience: "self", Draft: d}, 80, 24), "1")
	if pos := onQuestion(t, m); pos != 0 || m.c.audience != "self" || m.choices[0] != questions.NoAnswer {
		t.Errorf("start afresh: on %d as %q with %v", pos, m.c.audience, m.choices)
	}
	m = press(start(t, Config{Audience: "self", Draft: d}, 80, 24), "2")
	if m.c.audience != "self" || m.choices[0] != 2 {
		t.Errorf("--for self and the draft: audience %q, answers %v", m.c.audience, m.choices)
	}
}

func TestWhyKeepsOptionsAndScrolls(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 45, 15), "w")
	v := screenText(m)
	if !strings.Contains(v, "1. Knowledge") || !strings.Contains(v, "Why we ask this") {
		t.Fatalf("the why panel hides the options:\n%s", v)
	}
	for i := 0; i < 10 && !strings.Contains(screenText(m), "Publisher B"); i++ {
		m = press(m, "pgdown")
	}
	if v = screenText(m); !strings.Contains(v, "Publisher B") || !strings.Contains(v, "1. Knowledge") {
		t.Errorf("pgdn did not reach the sources with the options in view:\n%s", v)
	}
	m = press(m, "down", "pgup", "pgup", "pgup", "pgup")
	if v = screenText(m); !strings.Contains(v, "The main need decides") || m.question.cursor != 1 {
		t.Errorf("pgup did not return to the start, or moved the cursor:\n%s", v)
	}
	if m = press(m, "esc"); m.question.why || m.screen != questionScreen {
		t.Error("esc did not close the why panel")
	}
}

// sgrBg matches an SGR sequence that sets a background colour.
var sgrBg = regexp.MustCompile(`\x1b\[[0-9;:]*(?:48;2;0;0;0)[0-9;:]*m`)

// TestHighContrastGround: every line of the high-contrast view starts on
// the theme's own background, fills the window's width, and every reset
// inside it is followed by the background again; the other themes leave
// the terminal's background alone.
func TestHighContrastGround(t *testing.T) {
	steps := [][]string{nil, {"w"}, {"esc", "3", "2", "2", "1"}, {"r"}, {"?"}}
	for _, sz := range sizes {
		m := start(t, Config{Audience: "manager", Theme: "high-contrast"}, sz.w, sz.h)
		for _, keys := range steps {
			m = press(m, keys...)
			ls := strings.Split(m.View().Content, "\n")
			if len(ls) != sz.h {
				t.Errorf("%dx%d after %v: %d lines, want %d", sz.w, sz.h, keys, len(ls), sz.h)
			}
			for i, l := range ls {
				if !strings.HasPrefix(l, "\x1b[38;2;255;255;255;48;2;0;0;0m") {
					t.Errorf("%dx%d after %v: line %d does not start on the ground: %q", sz.w, sz.h, keys, i, l)
				}
				if w := ansi.StringWidth(l); w != sz.w {
					t.Errorf("%dx%d after %v: line %d is %d wide", sz.w, sz.h, keys, i, w)
				}
				checkResetsRepainted(t, l)
			}
		}
	}
	if v := start(t, Config{Audience: "manager", Theme: "dark"}, 80, 24).View().Content; sgrBg.MatchString(v) {
		t.Error("the dark theme paints a background")
	}
}

// checkResetsRepainted fails when a reset inside l (not the last) is not
// followed at once by the ground's background.
func checkResetsRepainted(t *testing.T, l string) {
	t.Helper()
	body := strings.TrimSuffix(l, "\x1b[m")
	for _, reset := range []string{"\x1b[m", "\x1b[0m"} {
		for i := strings.Index(body, reset); i >= 0; {
			rest := body[i+len(reset):]
			if !strings.HasPrefix(rest, "\x1b[38;2;255;255;255;48;2;0;0;0m") {
				t.Errorf("a reset is not followed by the ground: …%q", body[max(i-10, 0):min(i+30, len(body))])
				return
			}
			j := strings.Index(rest, reset)
			if j < 0 {
				break
			}
			i += len(reset) + j
		}
	}
}

func TestGroundReapply(t *testing.T) {
	g := Ground{Fg: [3]uint8{1, 2, 3}, Bg: [3]uint8{4, 5, 6}}
	fg, bg := "\x1b[38;2;1;2;3m", "\x1b[48;2;4;5;6m"
	both := "\x1b[38;2;1;2;3;48;2;4;5;6m"
	cases := []struct{ in, want string }{
		{"a\x1b[mb", "a\x1b[m" + both + "b"},
		{"\x1b[0;1m", "\x1b[0;1m" + both},
		{"\x1b[39m", "\x1b[39m" + fg},
		{"\x1b[49m", "\x1b[49m" + bg},
		{"\x1b[1;38;5;0m", "\x1b[1;38;5;0m"}, // colour 0 is not a reset
		{"\x1b[0;44m", "\x1b[0;44m" + fg},
		{"\x1b[2K", "\x1b[2K"},
	}
	for _, tc := range cases {
		if got := g.reapply(tc.in); got != tc.want {
			t.Errorf("reapply(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWrapKeepsWords(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"toward coaching, 1.5 points", 18, "toward coaching,\n1.5 points"},
		{"Saved: guidepost-result-2026-12-01.md", 30, "Saved:\nguidepost-result-2026-12-01.md"},
		{"a long-standing need", 8, "a\nlong-sta\nnding\nneed"}, // only a word wider than the line is split
		{"open-ended", 12, "open-ended"},
	}
	for _, tc := range cases {
		if got := wrap(tc.in, tc.w); got != tc.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	if got := wrap("Saved: guidepost-result-2026-12-01.md, guidepost-result-2026-12-01.json", 76); !strings.Contains(got, "guidepost-result-2026-12-01.json") {
		t.Errorf("a file name was split at 76 columns: %q", got)
	}
}

func TestReviewRowsWhole(t *testing.T) {
	m := press(start(t, Config{Audience: "manager", Bank: defaultBank(t)}, 40, 12))
	for m.screen == questionScreen {
		m = press(m, "1")
	}
	for range m.review.asked + 1 {
		v := screenText(m)
		if strings.Contains(v, "…") && !strings.Contains(v, "more") {
			t.Errorf("a review row is cut at 40×12:\n%s", v)
		}
		checkFits(t, m, 40, 12)
		m = press(m, "k")
	}
}

func TestNoticeNeverCut(t *testing.T) {
	long := "Could not save: open /home/someone/a/long/folder/guidepost-result-2026-12-01-2.md: permission denied"
	m := start(t, Config{Audience: "manager"}, 80, 24)
	m.setNotice("✗ "+long, true)
	v := strings.Join(strings.Fields(screenText(m)), " ")
	if !strings.Contains(v, long) {
		t.Errorf("the error is cut:\n%s", screenText(m))
	}
}

func TestAccessibleWhyBackAndInterrupt(t *testing.T) {
	b := fixtureBank(t)
	var out strings.Builder
	o, err := runAccessible(Config{Bank: b, Audience: "manager"}, strings.NewReader("w\n2\nb\nb\n"), &out, nil)
	if err != nil || !o.Quit {
		t.Fatalf("Quit %v, err %v", o.Quit, err)
	}
	for _, want := range []string{
		"Why we ask this: The main need decides",
		"Sources: Publisher A, “Article A” (2020); Publisher B, “Article B”",
		"Your earlier answer: 2) Contacts and introductions.",
		"This is the first question.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "recommends") {
		t.Error("the prompts carry the result: it is the caller's, for stdout")
	}
	stop := make(chan struct{})
	close(stop)
	in := &blockingReader{}
	o, err = runAccessible(Config{Bank: b, Audience: "manager"}, in, &out, stop)
	if err != nil || !o.Quit || o.Result != nil {
		t.Errorf("interrupt: Quit %v, Result %v, err %v", o.Quit, o.Result != nil, err)
	}
}

// blockingReader never returns, like a terminal nobody types into.
type blockingReader struct{}

func (blockingReader) Read([]byte) (int, error) { select {} }

// TestKeysDuringTooSmall: q still quits when the window is too small.
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

func TestEndingWidthWrapsTheQuitMessage(t *testing.T) {
	m := press(start(t, Config{Audience: "manager"}, 45, 15), "1", "ctrl+c")
	e := m.Ending()
	if e.Width != 45 {
		t.Fatalf("Width = %d, want 45", e.Width)
	}
	msg := Wrap("Your answers are saved in /home/someone/.local/state/guidepost/draft.toml. Run 'guidepost --resume' to continue.", e.Width)
	for _, l := range strings.Split(msg, "\n") {
		if ansi.StringWidth(l) > 45 && !strings.Contains(l, "draft.toml") {
			t.Errorf("line %q is wider than the window", l)
		}
	}
	if !strings.Contains(msg, "/home/someone/.local/state/guidepost/draft.toml.") {
		t.Errorf("the path was split: %q", msg)
	}
	if Wrap("a b", 0) != "a b" {
		t.Error("Wrap with no width changed the text")
	}
}
