package ui

import (
	"reflect"
	"strings"
	"testing"

	"guidepost/questions"
)

// accessibleRun runs the prompts on the fixture for a manager with input,
// and returns how it ended and what it printed.
func accessibleRun(t *testing.T, input string) (Ending, string) {
	t.Helper()
	var out strings.Builder
	o, err := runAccessible(Config{Bank: fixtureBank(t), Audience: "manager"}, strings.NewReader(input), &out, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o, out.String()
}

// TestAccessibleKeys: the TUI's keys work at a prompt too: u answers "not
// sure", ? lists the keys, w says why, q quits before a result (as ctrl+c,
// the answers so far kept), and none of them is taken for a wrong number.
func TestAccessibleKeys(t *testing.T) {
	b := fixtureBank(t)
	o, out := accessibleRun(t, "?\nW\nu\n1\n1\n1\n")
	want := []int8{int8(b.Unsure(0)), 0, 0, 0}
	if o.Quit || !reflect.DeepEqual([]int8(o.Choices), want) {
		t.Errorf("? w u 1 1 1: Quit %v, choices %v; want %v", o.Quit, o.Choices, want)
	}
	for _, s := range []string{"u  answer \"not sure\"", "q  quit", "Why we ask this: "} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in:\n%s", s, out)
		}
	}
	if strings.Contains(out, "Please type a number") {
		t.Errorf("a key was taken for a wrong number:\n%s", out)
	}

	o, _ = accessibleRun(t, "2\nq\n1\n1\n")
	if !o.Quit || o.Result != nil || o.Choices[0] != 1 {
		t.Errorf("q at the second question: Quit %v, result %v, choices %v; want a quit keeping the first answer", o.Quit, o.Result != nil, o.Choices)
	}
}

// TestAccessibleAudienceKeys: at the audience prompt, w explains it, u and
// b say why they do not apply, q quits.
func TestAccessibleAudienceKeys(t *testing.T) {
	var out strings.Builder
	o, _ := runAccessible(Config{Bank: fixtureBank(t)}, strings.NewReader("w\nu\nb\n?\n2\nq\n"), &out, nil)
	if !o.Quit || o.Audience != "self" {
		t.Errorf("Quit %v, audience %q; want a quit after choosing self", o.Quit, o.Audience)
	}
	if s := out.String(); strings.Contains(s, "Please type a number") || !strings.Contains(s, whyAudience) {
		t.Errorf("keys at the audience prompt:\n%s", s)
	}
}

// TestAccessibleLongLine: a line over 64 KiB is refused with a message and
// skipped; the answers after it still count.
func TestAccessibleLongLine(t *testing.T) {
	long := strings.Repeat("7", maxLine+100)
	o, out := accessibleRun(t, "1\n"+long+"\n2\n1\n1\n")
	want := []int8{0, 1, 0, 0}
	if o.Quit || !reflect.DeepEqual([]int8(o.Choices), want) {
		t.Fatalf("choices %v, Quit %v; want %v after a long line", o.Choices, o.Quit, want)
	}
	if !strings.Contains(out, "over 64 KiB and was skipped") {
		t.Errorf("the long line was not reported:\n%s", out)
	}
	if o.Choices[1] == questions.NoAnswer {
		t.Error("the answer after the long line was dropped")
	}
}

// TestAccessibleVoicedLabels: the prompts show each option's label in the
// reader's voice (a self-assessor reads "Your manager would be the
// helper", never "The line manager would be the helper").
func TestAccessibleVoicedLabels(t *testing.T) {
	b := defaultBank(t)
	var out strings.Builder
	in := strings.Repeat("1\n", len(b.Asked(false)))
	if _, err := runAccessible(Config{Bank: b, Audience: "self"}, strings.NewReader(in), &out, nil); err != nil {
		t.Fatal(err)
	}
	for q := range b.Questions {
		for _, o := range b.Questions[q].Options {
			if v := o.LabelFor("self"); v != o.Label && (!strings.Contains(out.String(), v) || strings.Contains(out.String(), ") "+o.Label+" —")) {
				t.Errorf("%s.%s: the prompts do not show the self label %q instead of %q", b.Questions[q].ID, o.ID, v, o.Label)
			}
		}
	}
}
