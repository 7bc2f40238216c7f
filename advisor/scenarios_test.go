package advisor

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"guidepost/questions"
)

// scenario is one person from testdata/scenarios.toml (a transcription of
// the shared scenarios) or testdata/scenarios-more.toml (written from the
// seeds for issue 10): the answers they would give and what the sources
// support.
type scenario struct {
	ID             string   `toml:"id"`
	Expect         string   `toml:"expect"`
	ExpectCautions []string `toml:"expect_cautions"`
	AvoidCautions  []string `toml:"avoid_cautions"`
	Story          string   `toml:"story"`
	Why            string   `toml:"why"`
	// Quick marks answers given in --quick mode: every answered question
	// must be a core one.
	Quick bool `toml:"quick"`
	// Audience is who answers (manager, self or consultant; default
	// manager).
	Audience string `toml:"audience"`
	// Status is the kind of call (clear, close_call, mixed_signals,
	// too_few_answers, wellbeing_first). It is checked as soon as Result
	// has a Status field (see checkStatus).
	Status string `toml:"status"`
	// ExpectSteps and AvoidSteps are next-step ids that must and must not
	// be advised to the audience (see checkSteps).
	ExpectSteps []string `toml:"expect_steps"`
	AvoidSteps  []string `toml:"avoid_steps"`
	// AvoidPhrases are words no text shown to the audience with the result
	// may use, in any case (see checkPhrases).
	AvoidPhrases []string `toml:"avoid_phrases"`
	// Route is the other route that must come first ("" for none is not
	// checked); MaxConfidence, when set, is the most the confidence may be.
	Route         string            `toml:"route"`
	MaxConfidence float64           `toml:"max_confidence"`
	Answers       map[string]string `toml:"answers"`
}

// scenarioFiles are the scenario files the default rule set must get right.
var scenarioFiles = []string{"../testdata/scenarios.toml", "../testdata/scenarios-more.toml", "../testdata/scenarios-issue19.toml"}

var statuses = []string{"clear", "close_call", "mixed_signals", "too_few_answers", "wellbeing_first", "another_route"}

func loadScenarioFile(t testing.TB, path string) []scenario {
	t.Helper()
	var f struct {
		Scenario []scenario `toml:"scenario"`
	}
	md, err := toml.DecodeFile(path, &f)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("%s: unknown keys %v", path, u)
	}
	if len(f.Scenario) == 0 {
		t.Fatalf("%s: no scenarios", path)
	}
	return f.Scenario
}

// loadScenarios returns the shared scenarios (testdata/scenarios.toml),
// which the other tests of the package use as realistic answers.
func loadScenarios(t testing.TB) []scenario {
	t.Helper()
	return loadScenarioFile(t, scenarioFiles[0])
}

// loadAllScenarios returns the scenarios of every file in scenarioFiles;
// an id may appear only once.
func loadAllScenarios(t testing.TB) []scenario {
	t.Helper()
	var all []scenario
	seen := map[string]string{}
	for _, path := range scenarioFiles {
		for _, sc := range loadScenarioFile(t, path) {
			if prev, dup := seen[sc.ID]; dup {
				t.Fatalf("scenario %s is in %s and %s", sc.ID, prev, path)
			}
			seen[sc.ID] = path
			all = append(all, sc)
		}
	}
	return all
}

func scenarioChoices(t testing.TB, b *questions.Bank, sc scenario) questions.Choices {
	t.Helper()
	ch, dropped := questions.ResolveAnswers(b, sc.Answers)
	if len(dropped) > 0 {
		t.Fatalf("%s: answers not in the rule set: %v", sc.ID, dropped)
	}
	return ch
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// checkForm checks what a scenario states beyond its answers: known
// cautions, statuses and audiences, well-formed step ids and phrases, and
// core questions only in quick mode.
func checkForm(t *testing.T, b *questions.Bank, sc scenario) {
	t.Helper()
	for _, id := range slices.Concat(sc.ExpectCautions, sc.AvoidCautions) {
		if !slices.ContainsFunc(b.Cautions, func(c questions.Caution) bool { return c.ID == id }) {
			t.Errorf("caution %q is not in the rule set", id)
		}
	}
	if sc.Status != "" && !slices.Contains(statuses, sc.Status) {
		t.Errorf("status %q is not one of %v", sc.Status, statuses)
	}
	if sc.Audience != "" && !questions.Audience(sc.Audience).Known() {
		t.Errorf("audience %q is not one of %v", sc.Audience, questions.Audiences)
	}
	for _, id := range slices.Concat(sc.ExpectSteps, sc.AvoidSteps) {
		if !idPattern.MatchString(id) {
			t.Errorf("next-step id %q is not an id", id)
		} else if !slices.ContainsFunc(b.Outcomes, func(o questions.Outcome) bool {
			return slices.ContainsFunc(o.NextSteps, func(s questions.Step) bool { return s.ID == id })
		}) && !slices.ContainsFunc(b.Routes, func(r questions.Route) bool {
			return slices.ContainsFunc(r.NextSteps, func(s questions.Step) bool { return s.ID == id })
		}) && id != StepAskNext && id != StepSettleClash {
			t.Errorf("next step %q is not in the rule set", id)
		}
	}
	for _, p := range sc.AvoidPhrases {
		if p == "" {
			t.Error("empty avoid_phrases entry")
		}
	}
	if sc.Quick {
		for q := range sc.Answers {
			if i := b.Question(q); i >= 0 && !b.Questions[i].Core {
				t.Errorf("quick mode never asks %s", q)
			}
		}
	}
}

// checkStatus compares the scenario's status with the result's.
func checkStatus(t *testing.T, r Result, want string) {
	t.Helper()
	if want != "" && string(r.Status) != want {
		t.Errorf("status %s, want %s", r.Status, want)
	}
}

// checkSteps compares the scenario's next-step ids with the explanation's.
func checkSteps(t *testing.T, e Explanation, want, avoid []string) {
	t.Helper()
	var got []string
	for _, s := range e.Section(SectionSteps).Points {
		got = append(got, s.ID)
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("next step %s not advised (got %v)", id, got)
		}
	}
	for _, id := range avoid {
		if slices.Contains(got, id) {
			t.Errorf("next step %s advised, want it left out", id)
		}
	}
}

// shownTexts returns the texts an explanation says about the person, each
// named for a message: the headline, the detail, the summary and every
// point of the evidence, the cautions and the next steps.
func shownTexts(e Explanation) map[string]string {
	out := map[string]string{"headline": e.Headline, "detail": e.Detail, "summary": e.Summary}
	for _, s := range e.Sections {
		if s.ID == SectionChanges || s.ID == SectionAnswers {
			continue
		}
		for i, p := range s.Points {
			out[fmt.Sprintf("%s[%d] %s", s.ID, i, p.ID+p.Question+p.Rule)] = p.Line()
		}
	}
	return out
}

// checkPhrases fails for every shown text that uses an avoided phrase.
func checkPhrases(t *testing.T, e Explanation, avoid []string) {
	t.Helper()
	for name, text := range shownTexts(e) {
		for _, p := range avoid {
			if strings.Contains(strings.ToLower(text), strings.ToLower(p)) {
				t.Errorf("%s says %q to a %s reader: %s", name, p, e.Audience, text)
			}
		}
	}
}

// scenarioAudience is who answers a scenario: manager unless it says.
func scenarioAudience(sc scenario) questions.Audience {
	if sc.Audience == "" {
		return "manager"
	}
	return questions.Audience(sc.Audience)
}

func TestScenarios(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadAllScenarios(t) {
		t.Run(sc.ID, func(t *testing.T) {
			checkForm(t, b, sc)
			r := Evaluate(b, scenarioChoices(t, b, sc))
			e := Explain(b, r, scenarioAudience(sc))
			if r.Recommendation != sc.Expect {
				t.Errorf("got %s (coaching %v, mentoring %v), want %s: %s", r.Recommendation, r.Scores.Coaching, r.Scores.Mentoring, sc.Expect, sc.Why)
			}
			raised := func(id string) bool { return slices.Contains(r.Cautions, id) }
			for _, id := range sc.ExpectCautions {
				if !raised(id) {
					t.Errorf("caution %s not raised (got %v)", id, r.Cautions)
				}
			}
			for _, id := range sc.AvoidCautions {
				if raised(id) {
					t.Errorf("caution %s raised, want it left out", id)
				}
			}
			if r.Recommendation == "combined" && !raised("permission_to_switch") {
				t.Errorf("combined without permission_to_switch")
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("confidence %v out of range", r.Confidence)
			}
			checkStatus(t, r, sc.Status)
			if sc.Route != "" && r.Route != sc.Route {
				t.Errorf("route %q, want %q", r.Route, sc.Route)
			}
			if sc.MaxConfidence > 0 && r.Confidence > sc.MaxConfidence {
				t.Errorf("confidence %v, want at most %v", r.Confidence, sc.MaxConfidence)
			}
			checkSteps(t, e, sc.ExpectSteps, sc.AvoidSteps)
			checkPhrases(t, e, sc.AvoidPhrases)
		})
	}
}
