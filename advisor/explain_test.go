package advisor

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// The status fixture's weights (testdata/status.toml), in points. Its
// decision: margin 1, combined_floor 4, combined_balance 0.5.
const (
	sBehaviourC  = 3.0
	sCareer      = 1.5 // to each side
	sShortC      = 2.0
	sLongM       = 2.0
	sHorizonBoth = 1.0 // to each side
	sQuestionsC  = 1.0
	sAdviceM     = 1.0
	sSpecificC   = 2.0
	sBroadM      = 2.0
	sGoalBoth    = 1.0 // to each side
	sExternalC   = 0.5
	sTwoNeeds    = 1.5 // rule two_needs, to each side
)

func statusBank(t testing.TB) *questions.Bank {
	t.Helper()
	return load(t, "testdata/status.toml")
}

func TestStatusRules(t *testing.T) {
	b := statusBank(t)
	tests := []struct {
		name    string
		answers []string
		c, m    float64
		rec     string
		status  Status
		maxConf float64
	}{
		{"nothing answered", nil, 0, 0, "coaching", StatusTooFew, 0},
		{"the main need alone", []string{"need=behaviour"}, sBehaviourC, 0, "coaching", StatusTooFew, 0.2},
		{"two answers", []string{"need=behaviour", "horizon=short"}, sBehaviourC + sShortC, 0, "coaching", StatusTooFew, 0.2},
		{"two answers and unsure", []string{"need=behaviour", "horizon=short", "style=unsure", "goal=unsure"}, sBehaviourC + sShortC, 0, "coaching", StatusTooFew, 0.2},
		{"three agreeing answers", []string{"need=behaviour", "horizon=short", "style=questions"}, sBehaviourC + sShortC + sQuestionsC, 0, "coaching", StatusClear, 0.95},
		{"a weak answer the other way is no clash", []string{"need=behaviour", "horizon=short", "goal=specific", "style=advice"}, sBehaviourC + sShortC + sSpecificC, sAdviceM, "coaching", StatusClear, 0.95},
		{"strong answers both ways", []string{"need=behaviour", "horizon=long", "goal=broad"}, sBehaviourC, sLongM + sBroadM, "mentoring", StatusMixed, 0.5},
		{"balanced opposites are not combined", []string{"need=behaviour", "style=questions", "horizon=long", "goal=broad"}, sBehaviourC + sQuestionsC, sLongM + sBroadM, "coaching", StatusMixed, 0.5},
		{"two needs said both ways", []string{"need=career", "horizon=both", "goal=both"}, sCareer + sHorizonBoth + sGoalBoth + sTwoNeeds, sCareer + sHorizonBoth + sGoalBoth + sTwoNeeds, "combined", StatusClear, 0.95},
		// The budget once made this a close call; feasibility no longer
		// narrows a clear need, and the call is too thin to be clear.
		{"feasibility makes no close call", []string{"need=career", "horizon=both", "style=advice", "budget=external"}, sCareer + sHorizonBoth + sExternalC, sCareer + sHorizonBoth + sAdviceM, "mentoring", StatusTooFew, 0.39},
		{"feasibility is never a clash", []string{"need=networking", "horizon=long", "style=advice", "budget=external"}, sExternalC, 3 + sLongM + sAdviceM, "mentoring", StatusClear, 0.95},
		{"wellbeing first", []string{"need=behaviour", "horizon=short", "style=questions", "wellbeing=yes"}, sBehaviourC + sShortC + sQuestionsC, 0, "coaching", StatusWellbeing, 0.5},
		{"wellbeing first with too few answers", []string{"wellbeing=yes"}, 0, 0, "coaching", StatusWellbeing, 0.2},
		{"wellbeing no changes nothing", []string{"need=behaviour", "horizon=short", "style=questions", "wellbeing=no"}, sBehaviourC + sShortC + sQuestionsC, 0, "coaching", StatusClear, 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(b, choices(t, b, tt.answers...))
			if r.Scores.Coaching != tt.c || r.Scores.Mentoring != tt.m {
				t.Errorf("scores %v/%v, want %v/%v", r.Scores.Coaching, r.Scores.Mentoring, tt.c, tt.m)
			}
			if r.Recommendation != tt.rec || r.Status != tt.status {
				t.Errorf("got %s, %s; want %s, %s", r.Recommendation, r.Status, tt.rec, tt.status)
			}
			if r.Confidence > tt.maxConf {
				t.Errorf("confidence %v above %v", r.Confidence, tt.maxConf)
			}
			if r.Verdict.Status != r.Status {
				t.Errorf("Decide says %s, Evaluate %s", r.Verdict.Status, r.Status)
			}
		})
	}
}

func TestHeadlineLeadsWithStatus(t *testing.T) {
	b := statusBank(t)
	tests := []struct {
		answers  []string
		audience string
		want     []string // in the headline and detail
	}{
		{nil, "manager", []string{"Too few answers: not a recommendation yet, and no leaning either way.", "Nothing about the need is answered yet.", "Answer at least 3"}},
		{[]string{"need=behaviour", "horizon=short"}, "manager", []string{"Too few answers", "leaning toward Coaching", "Only 2 questions about the need are answered"}},
		{[]string{"need=behaviour", "horizon=long", "goal=broad"}, "manager", []string{"Mixed signals: leaning toward Mentoring.", "Main need (“Change a behaviour”) points to coaching", "Time frame (“Years”) and Shape of the goal (“The whole person”) point to mentoring", "Clarify with this person"}},
		{[]string{"need=behaviour", "horizon=long", "goal=broad"}, "self", []string{"Decide which of these matters most to you"}},
		{[]string{"need=career", "horizon=both", "style=advice", "budget=external"}, "", []string{"Too few answers: not a recommendation yet, leaning toward Mentoring.", "too much is left open to be sure"}},
		{[]string{"need=behaviour", "horizon=short", "style=questions"}, "", []string{"Clear call: Guidepost recommends Coaching."}},
		{[]string{"need=behaviour", "horizon=short", "style=questions", "wellbeing=yes"}, "manager", []string{"Wellbeing first: help this person find the right professional support before anything else.", "the other answers point to Coaching to follow"}},
		{[]string{"need=behaviour", "horizon=short", "style=questions", "wellbeing=yes"}, "self", []string{"find the right professional support for yourself"}},
		{[]string{"need=behaviour", "horizon=short", "style=questions", "wellbeing=yes"}, "consultant", []string{"help the participant find"}},
	}
	for _, tt := range tests {
		e := ExplainAnswers(b, choices(t, b, tt.answers...), questions.Audience(tt.audience))
		if !strings.HasPrefix(e.Headline, e.StatusText+":") {
			t.Errorf("%v: headline %q does not lead with %q", tt.answers, e.Headline, e.StatusText)
		}
		got := e.Headline + " " + e.Detail
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v (%s): %q lacks %q", tt.answers, tt.audience, got, w)
			}
		}
	}
}

func TestWellbeingFirst(t *testing.T) {
	b := statusBank(t)
	r := Evaluate(b, choices(t, b, "need=behaviour", "horizon=short", "style=questions", "wellbeing=yes"))
	if len(r.WouldChange) == 0 || r.WouldChange[0].Question != "wellbeing" || r.WouldChange[0].To != "no" || r.WouldChange[0].Status != StatusClear {
		t.Fatalf("would_change does not lead with the wellbeing answer: %+v", r.WouldChange)
	}
	e := Explain(b, r, "")
	steps := e.Section(SectionSteps).Points
	if len(steps) == 0 || !strings.Contains(steps[0].Text, "professional support") || len(steps[0].Cites) == 0 {
		t.Fatalf("next steps do not start with the referral: %+v", steps)
	}
	for _, s := range steps {
		if strings.Contains(s.Text, "partner") || strings.Contains(s.Text, "360") {
			t.Errorf("a step assumes a work-performance engagement: %q", s.Text)
		}
	}
	ch := e.Section(SectionChanges).Points
	if len(ch) == 0 || ch[0].Lead != "Wellbeing" || !strings.Contains(ch[0].Text, "instead of “Yes, wellbeing first”, the call would be Coaching") {
		t.Fatalf("changes do not lead with wellbeing: %+v", ch)
	}
	if !slices.Contains(r.Cautions, "not_therapy") {
		t.Errorf("not_therapy not raised: %+v", r.Cautions)
	}
}

// TestAgainstAndMainNeed: the evidence against the call is listed, and the
// main need is always shown first in whichever list it falls.
func TestAgainstAndMainNeed(t *testing.T) {
	b := statusBank(t)
	r := Evaluate(b, choices(t, b, "need=behaviour", "horizon=long", "goal=broad", "style=advice"))
	if r.Recommendation != "mentoring" {
		t.Fatalf("want mentoring, got %s", r.Recommendation)
	}
	if len(r.Against) != 1 || r.Against[0].Question != "need" || r.Against[0].Weight != sBehaviourC || r.Against[0].Toward != "coaching" {
		t.Fatalf("against = %+v", r.Against)
	}
	e := Explain(b, r, "")
	if p := e.Section(SectionAgainst).Points; len(p) != 1 || p[0].Lead != "Main need: Change a behaviour" || p[0].Weight != "3 points toward Coaching" {
		t.Fatalf("against points = %+v", p)
	}
	// The main need leads the reasons even when a rule weighs more.
	r = Evaluate(b, choices(t, b, "need=career", "horizon=both", "goal=both"))
	if r.Reasons[0].Question != "need" {
		t.Fatalf("reasons do not start with the main need: %+v", r.Reasons)
	}
}

// TestChangesGroupedByQuestion: one point a question, in plain words.
func TestChangesGroupedByQuestion(t *testing.T) {
	b := statusBank(t)
	r := Evaluate(b, choices(t, b, "need=behaviour", "horizon=both", "style=questions"))
	e := Explain(b, r, "")
	if len(e.Section(SectionChanges).Points) == 0 {
		t.Fatalf("no changes: %+v", r)
	}
	seen := map[string]bool{}
	for _, p := range e.Section(SectionChanges).Points {
		if seen[p.Question] {
			t.Errorf("question %s has two change points", p.Question)
		}
		seen[p.Question] = true
		if strings.Contains(p.Text, "→") {
			t.Errorf("change %q uses an arrow", p.Text)
		}
	}
	want := "Main need: if it were “Build a network” instead of “Change a behaviour”, the call would be Mentoring."
	if got := e.Section(SectionChanges).Points[0].Line(); got != want {
		t.Errorf("first change %q, want %q", got, want)
	}
}

// TestCitationsSorted: citation numbers are given in order of first
// citation and every point lists its own in ascending order.
func TestCitationsSorted(t *testing.T) {
	b := statusBank(t)
	for _, a := range [][]string{{"need=behaviour", "horizon=long", "goal=broad"}, {"need=career", "horizon=both", "goal=both"}} {
		e := ExplainAnswers(b, choices(t, b, a...), "")
		for i, c := range e.Sources {
			if c.N != i+1 {
				t.Fatalf("source %d numbered %d", i, c.N)
			}
		}
		// The fixture cites src_b before src_a: the first point must still
		// read [1,2].
		first := e.Sections[0].Points[0]
		if CiteText(first.Cites) != "[1,2]" {
			t.Errorf("first point cites %s, want [1,2]", CiteText(first.Cites))
		}
		for _, s := range e.Sections {
			for _, p := range s.Points {
				if !slices.IsSorted(p.Cites) {
					t.Errorf("%s: citations %v not sorted", s.ID, p.Cites)
				}
			}
		}
	}
	if c := Compare(b); CiteText(c.Rows[0].Coaching.Cites) != "[1,2]" {
		t.Errorf("learn cites %v", c.Rows[0].Coaching.Cites)
	}
}

// TestConfidenceProperties checks, over every answer set of the status
// fixture and a sample of the default rule set's, that confidence stays
// below 0.99, that an answer agreeing with the call never lowers it, that
// an answer against the call lowers it (whenever the call and its status
// stay the same) and never beats the same question answered for the call,
// and that unsure never raises it.
func TestConfidenceProperties(t *testing.T) {
	b := statusBank(t)
	n := 0
	var walk func(ch questions.Choices, q int)
	walk = func(ch questions.Choices, q int) {
		if q == len(b.Questions) {
			checkProperties(t, b, ch)
			n++
			return
		}
		for o := questions.NoAnswer; o < len(b.Questions[q].Options); o++ {
			ch[q] = int8(o)
			walk(ch, q+1)
		}
		ch[q] = questions.NoAnswer
	}
	walk(b.NewChoices(), 0)
	if n < 1000 {
		t.Fatalf("only %d answer sets", n)
	}
	d := load(t, "../rules.toml")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1500 {
		ch := d.NewChoices()
		for q := range d.Questions {
			if rng.IntN(3) > 0 {
				ch[q] = int8(rng.IntN(len(d.Questions[q].Options)))
			}
		}
		checkProperties(t, d, ch)
	}
}

func checkProperties(t *testing.T, b *questions.Bank, ch questions.Choices) {
	t.Helper()
	base := Decide(b, ch)
	if base.Confidence >= 0.99 || base.Confidence > maxConfidence {
		t.Fatalf("confidence %v for %v", base.Confidence, ch)
	}
	want := b.Outcomes[base.Outcome].ID
	alt := append(questions.Choices(nil), ch...)
	for q := range b.Questions {
		if ch[q] != questions.NoAnswer {
			continue
		}
		qq := &b.Questions[q]
		alt[q] = int8(b.Unsure(q))
		if c := Decide(b, alt).Confidence; c > base.Confidence {
			t.Fatalf("unsure on %s raised confidence %v to %v (%v)", qq.ID, base.Confidence, c, ch)
		}
		if want == questions.Combined {
			alt[q] = questions.NoAnswer
			continue
		}
		side := 0
		if want == questions.Mentoring {
			side = 1
		}
		best := -1.0
		for o := range qq.Options {
			w := qq.Options[o].Score
			if w[side] > 0 && w[1-side] == 0 {
				alt[q] = int8(o)
				v := Decide(b, alt)
				if v.Confidence < base.Confidence {
					t.Fatalf("agreeing %s=%s lowered confidence %v to %v (%v)", qq.ID, qq.Options[o].ID, base.Confidence, v.Confidence, ch)
				}
				best = max(best, v.Confidence)
			}
		}
		for o := range qq.Options {
			w := qq.Options[o].Score
			if w[1-side] > 0 && w[side] == 0 {
				alt[q] = int8(o)
				v := Decide(b, alt)
				if v.Outcome != base.Outcome {
					continue
				}
				// Within the same status (and the same too-few cap and
				// cautions: a caution that says answers were left open
				// lowers confidence on its own), conflict lowers confidence
				// unless it is held at a cap.
				ea, eb := evidenceOf(b, alt), evidenceOf(b, ch)
				sameCap := v.Status == base.Status && ea.tooFew() == eb.tooFew() && cautionMask(b, alt, v.Outcome, "") == cautionMask(b, ch, base.Outcome, "")
				if sameCap && v.Confidence > base.Confidence {
					t.Fatalf("conflicting %s=%s raised confidence %v to %v (%v)", qq.ID, qq.Options[o].ID, base.Confidence, v.Confidence, ch)
				}
				// Rounding to two places may hide a small drop: compare
				// before rounding.
				rb, rv := raw(b, ch), raw(b, alt)
				if sameCap && rb > 0 && !atCap(b, ch, rb) && rv >= rb {
					t.Fatalf("conflicting %s=%s did not lower confidence %v (got %v) (%v)", qq.ID, qq.Options[o].ID, base.Confidence, v.Confidence, ch)
				}
				if best >= 0 && v.Confidence > best {
					t.Fatalf("conflicting %s=%s (%v) beat agreeing (%v) (%v)", qq.ID, qq.Options[o].ID, v.Confidence, best, ch)
				}
			}
		}
		alt[q] = questions.NoAnswer
	}
}

// raw is the confidence of ch before rounding.
func raw(b *questions.Bank, ch questions.Choices) float64 {
	v := Decide(b, ch)
	e := evidenceOf(b, ch)
	return rawConfidence(b, ch, &e, v.Outcome, v.Status, cautionMask(b, ch, v.Outcome, ""))
}

// atCap reports whether c, the raw confidence of ch, is one of the caps
// (by status, or a caution's cap), as scaled by the factors of the
// cautions raised.
func atCap(b *questions.Bank, ch questions.Choices, c float64) bool {
	v := Decide(b, ch)
	v.Cautions = cautionMask(b, ch, v.Outcome, "")
	f := 1.0
	caps := []float64{maxConfidence, maxCloseConfidence, maxMixedConfidence, maxSafetyFirst, maxTooFew, maxRoute, maxFragileConfidence}
	for i, cc := range b.Cautions {
		if v.Cautions&(1<<i) != 0 {
			if cc.Factor > 0 {
				f *= cc.Factor
			}
			if cc.Cap > 0 {
				caps = append(caps, cc.Cap)
			}
		}
	}
	for _, x := range caps {
		if math.Abs(x*f-c) < 1e-9 || math.Abs(x-c) < 1e-9 {
			return true
		}
	}
	return false
}

// TestOutputsInPlainWords: no doubled parentheses, no bare "toward
// coaching, 4", no arrows, and the rule set named once.
func TestOutputsInPlainWords(t *testing.T) {
	b := load(t, "../rules.toml")
	b.Name = "rules.toml (embedded)"
	for _, sc := range loadScenarios(t) {
		e := ExplainAnswers(b, scenarioChoices(t, b, sc), "")
		var text, md strings.Builder
		WriteText(&text, e)
		WriteMarkdown(&md, e)
		for _, out := range []string{text.String(), md.String()} {
			for _, bad := range []string{"))", "((", "→", "toward coaching,", "toward mentoring,"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s: output has %q:\n%s", sc.ID, bad, out)
				}
			}
			if !strings.Contains(out, TitleAgainst) {
				t.Errorf("%s: no %q section", sc.ID, TitleAgainst)
			}
		}
	}
}

// TestFeasibilityIsNotEvidenceOfNeed: what the organisation can offer adds
// to the scores but never to a clash or to two needs.
func TestFeasibilityIsNotEvidenceOfNeed(t *testing.T) {
	b := statusBank(t)
	ev := evidenceOf(b, choices(t, b, "budget=external"))
	if ev.total != (questions.Pair{2 * sExternalC, 0}) || ev.single != (questions.Pair{}) || ev.both != (questions.Pair{}) {
		t.Fatalf("evidence %+v", ev)
	}
}
