package advisor

import (
	"os"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"

	"guidepost/questions"
)

// scenario is one person from testdata/scenarios.toml (a transcription of
// the shared scenarios): the answers they would give and what the sources
// support.
type scenario struct {
	ID             string            `toml:"id"`
	Expect         string            `toml:"expect"`
	ExpectCautions []string          `toml:"expect_cautions"`
	Story          string            `toml:"story"`
	Why            string            `toml:"why"`
	Answers        map[string]string `toml:"answers"`
}

func loadScenarios(t testing.TB) []scenario {
	t.Helper()
	var f struct {
		Scenario []scenario `toml:"scenario"`
	}
	md, err := toml.DecodeFile("../testdata/scenarios.toml", &f)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("scenarios: unknown keys %v", u)
	}
	if len(f.Scenario) == 0 {
		t.Fatal("no scenarios")
	}
	return f.Scenario
}

func scenarioChoices(t testing.TB, b *questions.Bank, sc scenario) questions.Choices {
	t.Helper()
	ch, dropped := questions.ResolveAnswers(b, sc.Answers)
	if len(dropped) > 0 {
		t.Fatalf("%s: answers not in the rule set: %v", sc.ID, dropped)
	}
	return ch
}

func TestScenarios(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadScenarios(t) {
		t.Run(sc.ID, func(t *testing.T) {
			r := Evaluate(b, scenarioChoices(t, b, sc))
			if r.Recommendation != sc.Expect {
				t.Errorf("got %s (coaching %v, mentoring %v), want %s: %s", r.Recommendation, r.Scores.Coaching, r.Scores.Mentoring, sc.Expect, sc.Why)
			}
			for _, id := range sc.ExpectCautions {
				if !slices.ContainsFunc(r.Cautions, func(n Note) bool { return n.ID == id }) {
					t.Errorf("caution %s not raised (got %v)", id, r.Cautions)
				}
			}
			if r.Recommendation == "combined" && !slices.ContainsFunc(r.Cautions, func(n Note) bool { return n.ID == "permission_to_switch" }) {
				t.Errorf("combined without permission_to_switch")
			}
			if r.Confidence <= 0 || r.Confidence > 1 {
				t.Errorf("confidence %v out of range", r.Confidence)
			}
		})
	}
}

func TestScenarioFileMatchesShared(t *testing.T) {
	shared, err := os.ReadFile("../../shared/scenarios.toml")
	if err != nil {
		t.Skip("shared/ is not beside the repository")
	}
	local, _ := os.ReadFile("../testdata/scenarios.toml")
	if string(shared) != string(local) {
		t.Log("testdata/scenarios.toml differs from ../shared/scenarios.toml: transcribe the new scenarios")
	}
}
