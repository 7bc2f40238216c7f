package ui

// Trust tests: arbitrary input to the accessible prompts, hostile texts in
// the bank, and terminals at their extremes (tiny, huge, resized a hundred
// times, pasted into, never answering a query).

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// FuzzAccessible feeds arbitrary input to the accessible prompts: no panic,
// no escape in the output, and either a quit or the result advisor.Evaluate
// gives for the choices returned.
func FuzzAccessible(f *testing.F) {
	b := fixtureBank(f)
	f.Add("2\n3\n1\n2\n1\n", uint8(0), false)
	f.Add("\n99\nx\n4\nb\n4\n2\n3\n1\n", uint8(1), false)
	f.Add("b\nb\n1\r\n 2 \n-1\n0\n10\n1\n", uint8(2), true)
	f.Add("\x1b[2J1\n\x07\n1\n1\n1\n1\n", uint8(3), false)
	f.Add("", uint8(0), false)
	f.Add(strings.Repeat("9", 70_000)+"\n1\n", uint8(2), false)
	f.Fuzz(func(t *testing.T, input string, who uint8, quick bool) {
		audiences := append([]questions.Audience{questions.NoAudience}, questions.Audiences...)
		cfg := Config{Bank: b, Audience: audiences[int(who)%len(audiences)], Quick: quick}
		var out strings.Builder
		o, err := runAccessible(cfg, strings.NewReader(input), &out, nil)
		if err != nil {
			t.Fatalf("RunAccessible: %v", err)
		}
		if strings.ContainsAny(out.String(), "\x1b\x07\u009b") {
			t.Fatalf("the output carries a control character: %q", out.String())
		}
		if len(o.Choices) != len(b.Questions) {
			t.Fatalf("%d choices for %d questions", len(o.Choices), len(b.Questions))
		}
		if o.Quit {
			if o.Result != nil {
				t.Fatal("a quit with a result")
			}
			return
		}
		if o.Result == nil {
			t.Fatal("neither a quit nor a result")
		}
		if want := advisor.ExplainAnswers(b, o.Choices, o.Audience); !reflect.DeepEqual(*o.Result, want) {
			t.Fatal("the result differs from advisor.ExplainAnswers on the choices returned")
		}
	})
}

// checkWidth fails when a line of the view is wider than w or the view
// taller than h.
func checkWidth(t *testing.T, what string, m Model, w, h int) {
	t.Helper()
	ls := strings.Split(screenText(m), "\n")
	if len(ls) > h {
		t.Errorf("%s: %d lines in a %d-line window", what, len(ls), h)
	}
	for _, l := range ls {
		if n := len([]rune(l)); n > w {
			t.Errorf("%s: a line of %d in %d columns: %q", what, n, w, l)
		}
	}
}

// walk drives m through every screen, calling see after each step.
func walk(m Model, see func(step string, m Model)) Model {
	steps := [][]string{nil, {"l"}, {"j", "esc"}, {"1"}, {"?"}, {"?", "w"}, {"3"}, {"left"}, {"2"}}
	for _, keys := range steps {
		m = press(m, keys...)
		see(strings.Join(keys, " "), m)
	}
	for i := 0; screenOf(m) == questionScreen && i < 100; i++ {
		m = press(m, "1")
		see("1", m)
	}
	for _, keys := range [][]string{{"r"}, {"pgdown"}, {"?"}} {
		m = press(m, keys...)
		see(strings.Join(keys, " "), m)
	}
	return m
}

func TestTinyWindow(t *testing.T) {
	m := start(t, Config{}, 20, 6)
	walk(m, func(step string, m Model) {
		if v := screenText(m); !strings.Contains(v, "larger") {
			t.Errorf("after %q at 20×6: no notice:\n%s", step, v)
		}
		checkWidth(t, "20×6 after "+step, m, 20, 6)
	})
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {-1, -5}} {
		m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		_ = screenText(m) // must not panic
	}
}

func TestHugeWindow(t *testing.T) {
	for _, b := range []*questions.Bank{fixtureBank(t), defaultBank(t)} {
		m := start(t, Config{Bank: b}, 300, 100)
		m = walk(m, func(step string, m Model) { checkWidth(t, "300×100 after "+step, m, 300, 100) })
		if screenOf(m) != resultScreen {
			t.Errorf("%s: the walk ended on screen %s, want the result", b.Name, screenOf(m))
		}
	}
}

func TestResizeStorm(t *testing.T) {
	m := press(start(t, Config{Audience: "manager", ShowLean: true}, 80, 24), "3", "down", "w", "?")
	before := screenText(m)
	r := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		m = send(m, tea.WindowSizeMsg{Width: r.IntN(400) - 5, Height: r.IntN(150) - 5})
		_ = m.View()
	}
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if after := screenText(m); after != before {
		t.Errorf("the screen changed across 100 resizes\n--- before ---\n%s\n--- after ---\n%s", before, after)
	}
}

func TestPaste200Keys(t *testing.T) {
	keys := make([]string, 0, 200)
	pattern := []string{"1", "down", "1", "up", "1", "2", "j", "k"}
	for len(keys) < 200 {
		keys = append(keys, pattern[len(keys)%len(pattern)])
	}
	m := start(t, Config{}, 80, 24)
	var cmd tea.Cmd
	for _, k := range keys {
		var next tea.Model
		next, cmd = m.Update(keyPress(k))
		m = next.(Model)
		_ = m.View()
	}
	_ = cmd
	if m.done || m.c.audience == "" {
		t.Fatalf("after the paste: done %v, audience %q", m.done, m.c.audience)
	}
	for _, q := range m.asked {
		if m.choices[q] == questions.NoAnswer {
			t.Errorf("question %s unanswered after 200 keys", m.c.bank.Questions[q].ID)
		}
	}
	if screenOf(m) != reviewScreen && screenOf(m) != resultScreen {
		t.Fatalf("after the paste: screen %s, want the review or the result", screenOf(m))
	}
	m = press(m, "r")
	if screenOf(m) != resultScreen || m.res == nil {
		t.Fatalf("r after the paste: screen %s, result %v", screenOf(m), m.res != nil)
	}
	if want := advisor.ExplainAnswers(m.c.bank, m.choices, m.c.audience); !reflect.DeepEqual(*m.res, want) {
		t.Error("the result differs from advisor.ExplainAnswers on the same answers")
	}
}

// TestNoBackgroundReply checks that the auto theme never waits for the
// terminal: a terminal that does not answer the background query gets the
// first screen at once, and keys work.
func TestNoBackgroundReply(t *testing.T) {
	m := New(Config{Bank: fixtureBank(t), Theme: "auto"})
	if m.Init() == nil {
		t.Fatal("auto does not ask for the background: this test proves nothing")
	}
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := screenText(m); !strings.Contains(v, "Who is this about?") {
		t.Fatalf("the first frame before any background reply is not the welcome:\n%s", v)
	}
	m = press(m, "1", "2")
	if screenOf(m) != questionScreen || the[question](m).pos != 1 {
		t.Errorf("keys before any background reply: screen %s, question %d", screenOf(m), the[question](m).pos)
	}
	// A late reply only restyles.
	before := screenText(m)
	m = send(m, tea.BackgroundColorMsg{})
	if after := screenText(m); after != before {
		t.Errorf("a late background reply changed the text\n--- before ---\n%s\n--- after ---\n%s", before, after)
	}
}

// hostile is text a rule set might carry to take over a terminal: clear
// the screen, set the title, ring the bell, a C1 CSI, a bidi override.
const hostile = "\x1b[2J\x1b]0;pwned\x07\u009b31m\u202e\x1bP+q\x1b\\"

// hostileBank returns a copy of b with every text set after Parse, as if
// the loader had let it through.
func hostileBank(b *questions.Bank) *questions.Bank {
	h := *b
	h.Title += hostile
	h.Sources = append([]questions.Source(nil), b.Sources...)
	for i := range h.Sources {
		s := &h.Sources[i]
		s.Title, s.Publisher, s.Author, s.Short = hostile+s.Title, hostile, hostile, s.Short+hostile
	}
	h.Outcomes = append([]questions.Outcome(nil), b.Outcomes...)
	for i := range h.Outcomes {
		o := &h.Outcomes[i]
		o.Label, o.Summary = hostile+o.Label, hostile
		o.NextSteps = []questions.Step{{Text: hostile, Sources: o.Sources}}
	}
	h.Questions = append([]questions.Question(nil), b.Questions...)
	for i := range h.Questions {
		q := &h.Questions[i]
		q.Topic, q.Why = hostile+q.Topic, hostile
		q.Prompt = questions.Prompt{Manager: hostile, Self: hostile, Consultant: hostile}
		q.Options = append([]questions.Option(nil), q.Options...)
		for j := range q.Options {
			o := &q.Options[j]
			o.Label, o.Description, o.Rationale = hostile+o.Label, hostile, hostile
		}
	}
	h.Rules = append([]questions.Rule(nil), b.Rules...)
	for i := range h.Rules {
		h.Rules[i].Reason = hostile
	}
	h.Cautions = append([]questions.Caution(nil), b.Cautions...)
	for i := range h.Cautions {
		h.Cautions[i].Text = hostile
	}
	h.Dimensions = append([]questions.Dimension(nil), b.Dimensions...)
	for i := range h.Dimensions {
		d := &h.Dimensions[i]
		d.Label, d.Coaching.Text, d.Mentoring.Text, d.Disagreement.Text = hostile, hostile, hostile, hostile
	}
	return &h
}

func TestHostileBankTexts(t *testing.T) {
	b := hostileBank(fixtureBank(t))
	notice := "Resumed " + hostile
	for _, noColor := range []bool{true, false} {
		m := start(t, Config{Bank: b, NoColor: noColor, Notice: notice, ShowLean: true}, 80, 24)
		walk(m, func(step string, m Model) {
			v := m.View()
			bad := "\x07\u009b\u202e"
			if noColor {
				bad += "\x1b"
			}
			if i := strings.IndexAny(v.Content, bad); i >= 0 {
				t.Errorf("NoColor %v, after %q: the view carries %q", noColor, step, v.Content[i:i+1])
			}
			for _, seq := range []string{"\x1b]", "\x1bP", "\x1b[2J"} {
				if strings.Contains(v.Content, seq) {
					t.Errorf("NoColor %v, after %q: the view carries %q", noColor, step, seq)
				}
			}
			if strings.ContainsAny(v.WindowTitle, "\x1b\x07") {
				t.Errorf("the window title carries an escape: %q", v.WindowTitle)
			}
		})
	}
	var out strings.Builder
	stdin := strings.Repeat("1\n", len(b.Questions)+1)
	if _, err := runAccessible(Config{Bank: b, Notice: notice}, strings.NewReader(stdin), &out, nil); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07\u009b\u202e") {
		t.Errorf("the accessible run carries a control character: %q", out.String())
	}
}
