package questions_test

import (
	"strings"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

func TestCheckPerson(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "  Sam Okafor ", want: "Sam Okafor"},
		{in: "Zoë-Ann O'Neil", want: "Zoë-Ann O'Neil"},
		{in: "a/b", err: "slash"},
		{in: `a\b`, err: "slash"},
		{in: "Sam\nOkafor", err: "line break"},
		{in: "Sam\x1b[31m", err: "escape sequence"},
		{in: "Sam\tO", err: "plain text"},
		{in: strings.Repeat("x", 500), err: "500 characters long"},
		{in: "   ", err: "empty"},
	} {
		got, err := questions.CheckPerson(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CheckPerson(%q) = %q, %v; want an error about %q", tc.in, got, err, tc.err)
			}
			if err != nil && strings.ContainsAny(err.Error(), "\n\x1b") {
				t.Errorf("CheckPerson(%q): the message carries the bad character: %q", tc.in, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("CheckPerson(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Sam Okafor": "sam-okafor", "Zoë": "zo", "李雷": "", " a--B ": "a-b"} {
		if got := questions.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPersonOwnedFromTheMarking: the questions best asked of the person
// are those whose manager prompt says so, in the shipped rule set and in
// any other (a prompt rewritten with the lead-in is marked; without, not).
func TestPersonOwnedFromTheMarking(t *testing.T) {
	b, err := questions.Parse("rules.toml", testbank.Rules(t)) // a copy of its own: the test changes a prompt
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range b.PersonOwned() {
		ids = append(ids, b.Questions[q].ID)
		if !strings.Contains(strings.ToLower(b.Questions[q].Prompt.Manager), "this person") {
			t.Errorf("%s is marked but its prompt does not say so", b.Questions[q].ID)
		}
	}
	if len(ids) < 2 {
		t.Fatalf("the shipped rule set marks %v as asked of the person; want the questions whose prompt says so", ids)
	}
	q := b.Question(ids[0])
	_, rest, _ := strings.Cut(b.Questions[q].Prompt.Manager, ":")
	b.Questions[q].Prompt.Manager = strings.TrimSpace(rest)
	if b.AskedOfPerson(q) {
		t.Errorf("%s without its lead-in is still marked", ids[0])
	}
}
