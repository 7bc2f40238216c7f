package questions_test

import (
	"slices"
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
// are those the rule set marks with asked_of_person = true (the shipped
// ones, whose manager prompts say so too), and only those.
func TestPersonOwnedFromTheMarking(t *testing.T) {
	b := testbank.Shipped(t)
	var ids []string
	for _, q := range b.PersonOwned() {
		ids = append(ids, b.Questions[q].ID)
		if !strings.Contains(strings.ToLower(b.Questions[q].Prompt.Manager), "this person") {
			t.Errorf("%s is marked but its manager prompt does not say to ask the person", b.Questions[q].ID)
		}
	}
	if want := []string{"readiness", "awareness", "agenda", "style", "answered_by"}; !slices.Equal(ids, want) {
		t.Errorf("the shipped rule set marks %v as asked of the person; want %v", ids, want)
	}
	src := string(testbank.Rules(t))
	unmarked, err := questions.Parse("rules.toml", []byte(strings.ReplaceAll(src, "asked_of_person = true\n", "")))
	if err != nil {
		t.Fatal(err)
	}
	if got := unmarked.PersonOwned(); len(got) != 0 {
		t.Errorf("without the marking, %d questions are still asked of the person (a prompt's wording must not decide it)", len(got))
	}
	bad := strings.Replace(src, "asked_of_person = true", `asked_of_person = "yes"`, 1)
	if _, err := questions.Parse("rules.toml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "asked_of_person") {
		t.Errorf("asked_of_person = \"yes\": %v; want an error naming the key", err)
	}
}

// TestOwnPhoneLeavesOutTheMarked: a room (each person on their own
// device) asks every question but those marked not_when_own_phone; the
// marking, not an id, decides.
func TestOwnPhoneLeavesOutTheMarked(t *testing.T) {
	b := testbank.Shipped(t)
	if got, want := len(b.OwnPhone(false)), len(b.Asked(false))-1; got != want {
		t.Errorf("OwnPhone asks %d, want %d (all but answered_by)", got, want)
	}
	for _, q := range b.OwnPhone(false) {
		if b.Questions[q].NotOwn {
			t.Errorf("OwnPhone asks %s, which is marked", b.Questions[q].ID)
		}
	}
	src := strings.ReplaceAll(string(testbank.Rules(t)), "not_when_own_phone = true\n", "")
	unmarked, err := questions.Parse("rules.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(unmarked.OwnPhone(false), unmarked.Asked(false)) {
		t.Error("without the marking, a room still leaves a question out")
	}
}
