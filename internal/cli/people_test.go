package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"guidepost/internal/store"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// draftsJSON runs 'guidepost drafts --format json' and returns its list.
func draftsJSON(t *testing.T) []draftJSON {
	t.Helper()
	r := runCLI(t, "", "drafts", "--format", "json")
	var list []draftJSON
	if r.code != exitOK || json.Unmarshal([]byte(r.stdout), &list) != nil {
		t.Fatalf("drafts --format json = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	return list
}

// TestPeoplesDraftsCoexist: a draft per person, and the unnamed one, kept
// side by side; none is written over by another, and a new start without
// --person never replaces the unnamed draft either.
func TestPeoplesDraftsCoexist(t *testing.T) {
	unnamed := testbank.Isolate(t)
	t.Chdir(t.TempDir())
	runs := [][]string{{"--for", "manager", "--person", "Sam Okafor"}, {"--for", "self"}, {"--for", "manager", "--person", "Ana"}}
	for i, args := range runs {
		r := runCLI(t, strings.Repeat("1\n", i+1), args...)
		if r.code != exitAborted || !strings.Contains(r.stderr, "Your answers are saved") {
			t.Fatalf("%q = %d, %s", args, r.code, r.stderr)
		}
	}
	sam, _ := store.PersonDraftPath(os.Getenv, "Sam Okafor")
	samBefore, _ := os.ReadFile(sam)
	unnamedBefore, _ := os.ReadFile(unnamed)
	// Yourself, with the unnamed draft on disk: a new draft, not over it.
	r := runCLI(t, "2\n", "--for", "self")
	if !strings.Contains(r.stderr, "answers here go to a new draft") || !strings.Contains(r.stderr, "Sam Okafor (manager, 1 of") {
		t.Errorf("a new start with drafts saved does not say where its answers go:\n%s", r.stderr)
	}
	if now, _ := os.ReadFile(unnamed); string(now) != string(unnamedBefore) {
		t.Errorf("a new start replaced the unnamed draft")
	}
	if now, _ := os.ReadFile(sam); string(now) != string(samBefore) || !strings.Contains(string(now), `person = "Sam Okafor"`) {
		t.Errorf("Sam's draft changed:\n%s", now)
	}
	list := draftsJSON(t)
	got := map[string]int{}
	for _, d := range list {
		got[d.Person+"/"+string(d.Audience)] += d.Answered
	}
	want := map[string]int{"Sam Okafor/manager": 1, "/self": 3, "Ana/manager": 3}
	if len(list) != 4 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("drafts lists %+v; want Sam 1, Ana 3 and two unnamed (2+1)", list)
	}
	table := runCLI(t, "", "drafts")
	for _, w := range []string{"PERSON", "Sam Okafor", "(unnamed)", "Ana", "1 of"} {
		if !strings.Contains(table.stdout, w) {
			t.Errorf("drafts table lacks %q:\n%s", w, table.stdout)
		}
	}
	// Continuing Sam's draft, and removing Ana's, touch no other.
	r = runCLI(t, "1\n", "--person", "Sam Okafor", "--resume")
	if !strings.Contains(r.stderr, "Question 2 of") || !strings.Contains(r.stderr, "guidepost --person 'Sam Okafor' --resume") {
		t.Errorf("resuming Sam's draft:\n%s", r.stderr)
	}
	if r := runCLI(t, "", "forget", "--person", "Ana"); r.code != exitOK || !strings.Contains(r.stdout, "Removed the draft about Ana") {
		t.Errorf("forget --person Ana = %d, %q", r.code, r.stdout)
	}
	if r := runCLI(t, "", "forget", "--person", "Ana"); !strings.Contains(r.stdout, "There is no draft about Ana") {
		t.Errorf("forget --person Ana again: %q", r.stdout)
	}
	if n := len(draftsJSON(t)); n != 3 {
		t.Errorf("%d drafts after forgetting Ana; want 3", n)
	}
}

func TestResumeKeepsQuickMode(t *testing.T) {
	testbank.Isolate(t)
	core := len(testBank(t).Asked(true))
	r := runCLI(t, "1\n1\n", "--quick", "--for", "manager")
	if r.code != exitAborted {
		t.Fatalf("quick run = %d, %s", r.code, r.stderr)
	}
	r = runCLI(t, "1\n", "--resume")
	if want := fmt.Sprintf("Question 3 of %d", core); !strings.Contains(r.stderr, want) {
		t.Errorf("--resume of a quick draft: want %q in\n%s", want, r.stderr)
	}
	r = runCLI(t, "1\n", "--person", "Sam", "--quick", "--for", "self")
	r = runCLI(t, "1\n", "--person", "Sam", "--resume")
	if want := fmt.Sprintf("Question 2 of %d", core); !strings.Contains(r.stderr, want) {
		t.Errorf("--person --resume of a quick draft: want %q in\n%s", want, r.stderr)
	}
}

// TestSavedResultScoresTheSame: a saved result's .json, given to score
// --answers, gives the same result in every format.
func TestSavedResultScoresTheSame(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	b := testBank(t)
	ch := testbank.Answers(t, b, "need=networking wellbeing=no horizon=long awareness=unsure style=advice")
	os.WriteFile("a.toml", questions.FormatAnswers(b, "manager", ch), 0o600)
	for _, format := range []string{"json", "text", "markdown"} {
		want := runCLI(t, "", "score", "--answers", "a.toml", "--format", format)
		saved := runCLI(t, "", "score", "--answers", "a.toml", "--format", "json")
		os.WriteFile("r.json", []byte(saved.stdout), 0o600)
		got := runCLI(t, "", "score", "--answers", "r.json", "--format", format)
		if got.code != exitOK || got.stdout != want.stdout {
			t.Errorf("%s: the saved result scores to\n%s\n(%s)\nwant\n%s", format, got.stdout, got.stderr, want.stdout)
		}
	}
	// One from another rule set names what it does not know.
	var res map[string]any
	json.Unmarshal([]byte(runCLI(t, "", "score", "--answers", "a.toml", "--format", "json").stdout), &res)
	res["rule_set"] = "Old " + b.Title
	answers := res["answers"].([]any)
	answers[len(answers)-1].(map[string]any)["question"] = "tone"
	other, _ := json.Marshal(res)
	os.WriteFile("old.json", other, 0o600)
	r := runCLI(t, "", "score", "--answers", "old.json")
	if r.code != exitInvalid || !strings.Contains(r.stderr, `unknown question "tone" (this result was made with the rule set "Old `) {
		t.Errorf("a result from another rule set = %d, %q", r.code, r.stderr)
	}
}

// TestResumeFile: --resume FILE reopens a saved result (its answers go to
// a draft, the result unchanged) or an answers file (written in place as
// the person answers, kept after the result).
func TestResumeFile(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	b := testBank(t)
	asked := b.Asked(false)
	all := testbank.First(b, len(asked))
	os.WriteFile("a.toml", questions.FormatAnswers(b, "manager", testbank.First(b, 3)), 0o600)
	os.WriteFile("r.json", []byte(runCLI(t, "", "score", "--answers", "a.toml", "--format", "json").stdout), 0o600)
	before, _ := os.ReadFile("r.json")
	r := runCLI(t, "", "--resume", "r.json")
	if r.code != exitAborted || !strings.Contains(r.stderr, "Reopened the result r.json") {
		t.Fatalf("--resume r.json = %d:\n%s", r.code, r.stderr)
	}
	if now, _ := os.ReadFile("r.json"); string(now) != string(before) {
		t.Error("reopening a result changed it")
	}
	// The person's file: their questions open; they answer, it is kept.
	ask, err := store.WriteAsk(".", time.Now(), b, "Sam", false, all)
	if err != nil {
		t.Fatal(err)
	}
	owned := b.PersonOwned()
	r = runCLI(t, strings.Repeat("2\n", len(asked)), "--resume", ask)
	if r.code != exitOK || !strings.Contains(r.stdout, markReport) {
		t.Fatalf("--resume %s = %d:\n%s", ask, r.code, r.stderr)
	}
	data, _ := os.ReadFile(ask)
	a, ch, err := questions.ParseAnswers(b, ask, data)
	if err != nil || a.Audience != "self" || a.Person != "Sam" {
		t.Fatalf("the person's file after answering: %+v, %v\n%s", a, err, data)
	}
	for _, q := range owned {
		if ch[q] == questions.NoAnswer {
			t.Errorf("%s is still open in the person's file:\n%s", b.Questions[q].ID, data)
		}
	}
	if testbank.Perm(t, ask) != 0o600 {
		t.Errorf("the person's file has mode %v", testbank.Perm(t, ask))
	}
}

func TestPersonNameRefused(t *testing.T) {
	testbank.Isolate(t)
	for _, tc := range []struct{ name, want string }{
		{"Sam/Okafor", "holds a slash"},
		{"Sam\nOkafor", "holds a line break"},
		{strings.Repeat("a", 500), "500 characters long"},
	} {
		for _, args := range [][]string{{"--person", tc.name}, {"forget", "--person", tc.name}} {
			r := runCLI(t, "1\n", args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, "--person: ") || !strings.Contains(r.stderr, tc.want) || strings.Count(r.stderr, "\n") > 2 {
				t.Errorf("%q = %d, %q; want exit 2 and %q on one line", args, r.code, r.stderr, tc.want)
			}
		}
	}
	if names := testbank.DirNames(t, os.Getenv("XDG_STATE_HOME")); len(names) != 0 {
		t.Errorf("a refused name left %v", names)
	}
}
