package advisor

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// The fixture's weights (questions/testdata/valid/fixture.toml), in points.
const (
	needBehaviourC = 3.0
	needNetworkM   = 3.0
	needCareerC    = 1.5
	needCareerM    = 1.5
	horizonShortC  = 2.0
	horizonLongM   = 2.0
	horizonBothC   = 2.0
	horizonBothM   = 2.0
	budgetExtC     = 0.5
	ruleCareerBoth = 1.0 // added to both sides
)

// fixture is questions/testdata/valid/fixture.toml.
func fixture(t testing.TB) *questions.Bank { return testbank.Fixture(t) }

// load parses the rule set at path.
func load(t testing.TB, path string) *questions.Bank { return testbank.Load(t, path) }

// choices builds answers from "question=option" pairs.
func choices(t testing.TB, b *questions.Bank, pairs ...string) questions.Choices {
	return testbank.Answers(t, b, pairs...)
}

func TestEvaluateFixture(t *testing.T) {
	b := fixture(t)
	tests := []struct {
		name     string
		answers  []string
		c, m     float64
		rec      string
		close    bool
		cautions string
	}{
		{"behaviour, short", []string{"need=behaviour", "horizon=short"}, needBehaviourC + horizonShortC, 0, "coaching", false, ""},
		{"networking, long", []string{"need=networking", "horizon=long"}, 0, needNetworkM + horizonLongM, "mentoring", false, ""},
		{"two real needs", []string{"need=career", "horizon=both"}, needCareerC + horizonBothC + ruleCareerBoth, needCareerM + horizonBothM + ruleCareerBoth, "combined", false, "permission_to_switch"},
		{"career leaning short", []string{"need=career", "horizon=short"}, needCareerC + horizonShortC, needCareerM, "coaching", false, ""},
		{"pulling apart", []string{"need=behaviour", "horizon=long"}, needBehaviourC, horizonLongM, "coaching", true, ""},
		{"weak tie is not combined", []string{"need=career"}, needCareerC, needCareerM, "coaching", true, ""},
		{"nothing answered", nil, 0, 0, "coaching", true, ""},
		{"no budget caution", []string{"need=behaviour", "horizon=short", "budget=none"}, needBehaviourC + horizonShortC, 0, "coaching", false, "no_budget"},
		{"caution limited by outcome", []string{"need=networking", "budget=none"}, 0, needNetworkM, "mentoring", false, ""},
		{"feasibility adds a little", []string{"need=behaviour", "budget=external"}, needBehaviourC + budgetExtC, 0, "coaching", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(b, choices(t, b, tt.answers...))
			if r.Scores.Coaching != tt.c || r.Scores.Mentoring != tt.m {
				t.Errorf("scores = %v/%v, want %v/%v", r.Scores.Coaching, r.Scores.Mentoring, tt.c, tt.m)
			}
			if r.Recommendation != tt.rec || r.CloseCall != tt.close {
				t.Errorf("got %s (close %v), want %s (close %v)", r.Recommendation, r.CloseCall, tt.rec, tt.close)
			}
			if strings.Join(r.Cautions, ",") != tt.cautions {
				t.Errorf("cautions = %v, want %q", r.Cautions, tt.cautions)
			}
		})
	}
}

func TestReasonsStrongestFirst(t *testing.T) {
	b := fixture(t)
	r := Evaluate(b, choices(t, b, "need=behaviour", "horizon=short", "budget=external"))
	var got []string
	for _, x := range r.Reasons {
		got = append(got, x.Question+"="+x.Option)
	}
	if want := "need=behaviour,horizon=short,budget=external"; strings.Join(got, ",") != want {
		t.Fatalf("reasons %v, want %s", got, want)
	}
	if p := Explain(b, r, questions.NoAudience).Section(SectionFor).Points[0]; r.Reasons[0].Weight != needBehaviourC || p.Sources[0] != "src_a" {
		t.Fatalf("first reason %+v, explained %+v", r.Reasons[0], p)
	}
	r = Evaluate(b, choices(t, b, "need=career", "horizon=both"))
	if last := r.Reasons[len(r.Reasons)-1]; last.Rule != "career_both" || last.Toward != "combined" {
		t.Fatalf("rule reason missing: %+v", r.Reasons)
	}
}

// TestWouldChangeHolds re-evaluates every listed change, and checks that no
// unlisted single change alters the recommendation.
func TestWouldChangeHolds(t *testing.T) {
	banks := map[string]*questions.Bank{"fixture": fixture(t), "default": load(t, "../rules.toml")}
	for name, b := range banks {
		for _, sc := range loadScenarios(t) {
			if name == "fixture" {
				break
			}
			checkWouldChange(t, b, scenarioChoices(t, b, sc))
		}
		checkWouldChange(t, b, b.NewChoices())
	}
	b := banks["fixture"]
	for _, a := range [][]string{{"need=behaviour"}, {"need=career", "horizon=both"}, {"need=behaviour", "horizon=long"}} {
		checkWouldChange(t, b, choices(t, b, a...))
	}
}

func checkWouldChange(t *testing.T, b *questions.Bank, ch questions.Choices) {
	t.Helper()
	r := Evaluate(b, ch)
	listed := map[string]bool{}
	for _, c := range r.WouldChange {
		q := b.Question(c.Question)
		alt := append(questions.Choices(nil), ch...)
		alt[q] = int8(b.Option(q, c.To))
		got := Evaluate(b, alt).Recommendation
		if got != c.Recommendation || got == r.Recommendation {
			t.Errorf("%s→%s claims %s, re-evaluates to %s (was %s)", c.Question, c.To, c.Recommendation, got, r.Recommendation)
		}
		listed[c.Question+"="+c.To] = true
	}
	for q, qq := range b.Questions {
		for o, opt := range qq.Options {
			alt := append(questions.Choices(nil), ch...)
			alt[q] = int8(o)
			if Decide(b, alt).Outcome != r.Verdict.Outcome && !listed[qq.ID+"="+opt.ID] && int(ch[q]) != o {
				t.Errorf("%s=%s changes the recommendation but is not listed", qq.ID, opt.ID)
			}
		}
	}
}

func TestConfidence(t *testing.T) {
	b := fixture(t)
	if c := Evaluate(b, b.NewChoices()).Confidence; c != 0 {
		t.Fatalf("nothing answered: confidence %v, want 0", c)
	}
	unsure := choices(t, b, "need=unsure", "horizon=unsure", "budget=unsure")
	if c := Evaluate(b, unsure).Confidence; c != 0 {
		t.Fatalf("all unsure: confidence %v, want 0", c)
	}
	one := Evaluate(b, choices(t, b, "need=behaviour")).Confidence
	two := Evaluate(b, choices(t, b, "need=behaviour", "horizon=short")).Confidence
	three := Evaluate(b, choices(t, b, "need=behaviour", "horizon=short", "budget=external")).Confidence
	if !(one <= two && two <= three && three <= 1) {
		t.Fatalf("more answers in the same direction lowered confidence: %v %v %v", one, two, three)
	}
	opposed := Evaluate(b, choices(t, b, "need=behaviour", "horizon=long")).Confidence
	if opposed >= two {
		t.Fatalf("opposing answers (%v) should be less sure than agreeing ones (%v)", opposed, two)
	}
}

func TestEvaluateDeterministic(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadScenarios(t) {
		ch := scenarioChoices(t, b, sc)
		first := Evaluate(b, ch)
		for i := 0; i < 20; i++ {
			if again := Evaluate(b, ch); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: evaluation differs between runs", sc.ID)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	b := fixture(t)
	if _, err := Check(b); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	data, _ := os.ReadFile("../questions/testdata/valid/fixture.toml")
	high := strings.Replace(string(data), "combined_floor = 4", "combined_floor = 100", 1)
	hb, err := questions.Parse("high_floor.toml", []byte(high))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Check(hb)
	if err == nil || !strings.Contains(err.Error(), `high_floor.toml: outcome "combined" can never be recommended`) {
		t.Fatalf("want combined unreachable, got %v", err)
	}
	swing := strings.Replace(string(data), "weights = { coaching = 0.5 }", "weights = { coaching = 2 }", 1)
	sb, _ := questions.Parse("swing.toml", []byte(swing))
	warns, _ := Check(sb)
	if len(warns) != 1 || !strings.Contains(warns[0], "could flip a clear need") {
		t.Fatalf("want a feasibility warning, got %v", warns)
	}
}

func TestCheckDefault(t *testing.T) {
	warns, err := Check(load(t, "../rules.toml"))
	if err != nil || len(warns) != 0 {
		t.Fatalf("default rule set: %v %v", warns, err)
	}
}
