package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// writeView writes an answers file for audience (and person) in the
// working folder.
func writeView(t *testing.T, name, audience, person, pairs string) {
	t.Helper()
	b := testBank(t)
	data := questions.FormatAnswersOf(b, questions.Answers{Audience: questions.Audience(audience), Person: person}, testbank.Answers(t, b, pairs))
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

const (
	mgrPairs  = "need=performance_dip wellbeing=no goal_shape=specific awareness=self_awareness driver=current_role horizon=short agenda=agreed_objectives style=practice expertise=not_needed"
	selfPairs = "need=performance_dip wellbeing=no goal_shape=broad awareness=experience_transfer driver=future horizon=long agenda=person_led style=advice expertise=not_needed"
)

// TestCompareManagerAndPerson: a manager's saved result and the
// person's own answers; compare names every differing question, and the
// merged view takes the questions best asked of the person from them.
func TestCompareManagerAndPerson(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	b := testBank(t)
	writeView(t, "mgr.toml", "manager", "Sam", mgrPairs)
	os.WriteFile("mgr.json", []byte(runCLI(t, "", "score", "--answers", "mgr.toml", "--format", "json").stdout), 0o600)
	writeView(t, "sam.toml", "self", "Sam", selfPairs)
	r := runCLI(t, "", "compare", "mgr.json", "sam.toml", "--format", "json")
	var got struct {
		Differences []struct{ Question, A, B, Merged string }
		Merged      struct {
			Answers []struct{ Question, Option string }
		}
		Compared map[string]string
	}
	if r.code != exitOK || json.Unmarshal([]byte(r.stdout), &got) != nil {
		t.Fatalf("compare = %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
	mgr, self := testbank.Answers(t, b, mgrPairs), testbank.Answers(t, b, selfPairs)
	var want, names []string
	for q := range b.Questions {
		if mgr[q] != self[q] {
			want = append(want, b.Questions[q].ID)
		}
	}
	for _, d := range got.Differences {
		names = append(names, d.Question)
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("differences %v; want %v", names, want)
	}
	merged := map[string]string{}
	for _, x := range got.Merged.Answers {
		merged[x.Question] = x.Option
	}
	for _, q := range b.PersonOwned() {
		id := b.Questions[q].ID
		if self[q] == questions.NoAnswer { // the person left it open: neither view answered it here
			if _, ok := merged[id]; ok || mgr[q] != questions.NoAnswer {
				t.Errorf("merged %s = %q, though neither view answered it", id, merged[id])
			}
			continue
		}
		if o := b.Questions[q].Options[self[q]].ID; merged[id] != o {
			t.Errorf("merged %s = %q; want the person's %q", id, merged[id], o)
		}
	}
	if merged["horizon"] != "short" || merged["goal_shape"] != "specific" {
		t.Errorf("merged took the person's answer to a question not marked as theirs: %v", merged)
	}
	if got.Compared["a"] != "mgr.json (about Sam)" || !strings.Contains(got.Compared["b"], "sam.toml (about Sam)") {
		t.Errorf("compared %v", got.Compared)
	}
	for _, format := range []string{"text", "markdown"} {
		r := runCLI(t, "", "compare", "mgr.json", "sam.toml", "--format", format)
		for _, w := range []string{"mgr.json", "Where they differ (6 questions)", "Merged view", "talk about first"} {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s lacks %q:\n%s", format, w, r.stdout)
			}
		}
	}
}

func TestCompareBadInput(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	writeView(t, "mgr.toml", "manager", "", mgrPairs)
	writeView(t, "ws.toml", "consultant", "", selfPairs)
	os.WriteFile("old.json", []byte(`{"recommendation": "coaching", "rule_set": "Old rules", "answers": [{"question": "tone", "option": "warm"}]}`), 0o600)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"compare", "mgr.toml", "mgr.toml"}, exitUsage, "mgr.toml and mgr.toml are the same file"},
		{[]string{"compare", "mgr.toml", "./mgr.toml"}, exitUsage, "are the same file"},
		{[]string{"compare", "mgr.toml"}, exitUsage, "compare needs two files"},
		{[]string{"compare", "mgr.toml", "old.json"}, exitInvalid, `old.json: answers[0]: unknown question "tone" (this result was made with the rule set "Old rules"`},
		{[]string{"compare", "mgr.toml", "missing.toml"}, exitInvalid, "missing.toml: no such file"},
		{[]string{"compare", "mgr.toml", "ws.toml"}, exitOK, "B is taken as the person's own view"},
	} {
		r := runCLI(t, "", tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.want) {
			t.Errorf("%q = %d, %q %q; want %d and %q", tc.args, r.code, r.stdout[:min(len(r.stdout), 300)], r.stderr, tc.code, tc.want)
		}
	}
	r := runCLI(t, "", "compare", "mgr.toml", "ws.toml")
	if !strings.Contains(r.stdout, "mgr.toml, a manager's answers") || !strings.Contains(r.stdout, "ws.toml, a consultant's answers") || !strings.Contains(r.stdout, "may be about a group") {
		t.Errorf("compare does not say what it compared:\n%s", r.stdout)
	}
}

// TestScoreSaysWhomItIsAbout: an answers file's person leads the text
// report and is the JSON's "person"; without one, neither says anyone.
func TestScoreSaysWhomItIsAbout(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	writeView(t, "sam.toml", "manager", "Sam Okafor", mgrPairs)
	writeView(t, "anon.toml", "manager", "", mgrPairs)
	if r := runCLI(t, "", "score", "--answers", "sam.toml"); !strings.HasPrefix(r.stdout, "About: Sam Okafor\n") {
		t.Errorf("text report: %q", r.stdout[:min(len(r.stdout), 120)])
	}
	if r := runCLI(t, "", "score", "--answers", "sam.toml", "--format", "json"); !strings.Contains(r.stdout, `"person": "Sam Okafor"`) {
		t.Errorf("the JSON has no person:\n%s", r.stdout)
	}
	for _, format := range []string{"text", "json"} {
		if r := runCLI(t, "", "score", "--answers", "anon.toml", "--format", format); strings.Contains(r.stdout, "About:") || strings.Contains(r.stdout, `"person"`) {
			t.Errorf("%s names someone for an unnamed file:\n%s", format, r.stdout)
		}
	}
}
