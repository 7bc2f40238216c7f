package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

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
		t.Errorf("after the tick: on %d, need = %d", the[question](m).pos, m.choices[0])
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
	if v = screenText(m); !strings.Contains(v, "The main need decides") || the[question](m).cursor != 1 {
		t.Errorf("pgup did not return to the start, or moved the cursor:\n%s", v)
	}
	if m = press(m, "esc"); the[question](m).why || screenOf(m) != questionScreen {
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
	if v := start(t, Config{Audience: "manager", Theme: "dark"}, 80, 24).View(); sgrBg.MatchString(v.Content) || v.BackgroundColor != nil {
		t.Error("the dark theme paints a background")
	}
	if v := start(t, Config{Audience: "manager", Theme: "high-contrast"}, 80, 24).View(); v.BackgroundColor == nil {
		t.Error("high contrast leaves the terminal's own background as it is")
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
	for screenOf(m) == questionScreen {
		m = press(m, "1")
	}
	for range the[review](m).asked + 1 {
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

func TestWelcomePickShowsThenGoesOn(t *testing.T) {
	m := pressHeld(start(t, Config{}, 80, 24), "2")
	if screenOf(m) != welcomeScreen || !strings.Contains(screenText(m), "› 2. Yourself ✓") {
		t.Fatalf("the pick is not shown on the welcome:\n%s", screenText(m))
	}
	if m = tick(m); screenOf(m) != questionScreen || m.c.audience != "self" {
		t.Errorf("after the tick: screen %s, audience %q", screenOf(m), m.c.audience)
	}
}
