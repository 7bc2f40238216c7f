package advisor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// gridSets walks a large grid of answer sets for the default rule set:
// every question answered at random (a third left out), from a fixed seed,
// plus every single answer on its own.
func gridSets(b *questions.Bank, n int) []questions.Choices {
	rng := rand.New(rand.NewPCG(19, 19))
	var out []questions.Choices
	for range n {
		ch := b.NewChoices()
		for q := range b.Questions {
			if rng.IntN(3) > 0 {
				ch[q] = int8(rng.IntN(len(b.Questions[q].Options)))
			}
		}
		out = append(out, ch)
	}
	for q := range b.Questions {
		for o := range b.Questions[q].Options {
			ch := b.NewChoices()
			ch[q] = int8(o)
			out = append(out, ch)
		}
	}
	return out
}

// is reports whether ch answers question id with one of opts (a question
// left out counts as unsure).
func is(b *questions.Bank, ch questions.Choices, id string, opts ...string) bool {
	q := b.Question(id)
	o := int(ch[q])
	if o == questions.NoAnswer {
		o = b.Unsure(q)
	}
	return slices.Contains(opts, b.Questions[q].Options[o].ID)
}

// rawTexts are the texts as written of the steps and cautions with id, in
// every outcome and route, for placeholder checks.
func rawTexts(b *questions.Bank, id string) []string {
	var out []string
	add := func(t questions.Text, plain string) {
		out = append(out, plain, t.Default, t.Manager, t.Self, t.Consultant)
	}
	for _, o := range b.Outcomes {
		for _, s := range o.NextSteps {
			if s.ID == id {
				add(s.Voice, s.Text)
			}
		}
	}
	for _, r := range b.Routes {
		for _, s := range r.NextSteps {
			if s.ID == id {
				add(s.Voice, s.Text)
			}
		}
	}
	for _, c := range b.Cautions {
		if c.ID == id {
			add(c.Voice, c.Text)
		}
	}
	return out
}

func namesAny(texts []string, words ...string) bool {
	for _, t := range texts {
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// TestGridNoContradiction walks a large grid of answer sets, for every
// audience, and checks that no step or caution contradicts the answers or
// the kind of call (issue 19).
func TestGridNoContradiction(t *testing.T) {
	b := load(t, "../rules.toml")
	sets := gridSets(b, 3000)
	audiences := []questions.Audience{questions.Manager, questions.Self, questions.Consultant, questions.NoAudience}
	matching := []string{"plan_matching", "matching_questions", "start_design_now", "mentor_outside_line", "choose_mentor_no_manager"}
	ready := []string{StepSettleClash, "if_coaching_holds", "if_mentoring_holds", "check_with_person", "check_readiness"}
	for i, ch := range sets {
		a := audiences[i%len(audiences)]
		r := Evaluate(b, ch)
		steps := map[string]bool{}
		var ids []string
		for _, s := range Explain(b, r, a).Section(SectionSteps).Points {
			steps[s.ID] = true
			ids = append(ids, s.ID)
		}
		cautions := map[string]bool{}
		for _, id := range r.Cautions {
			cautions[id] = true
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s %v (%s, %s): steps %v, cautions %v: "+format, append([]any{a, r.Answers, r.Recommendation, r.Status, ids, keys(cautions)}, args...)...)
		}
		if is(b, ch, "mentor_available", "yes") {
			for _, id := range matching {
				if steps[id] {
					fail("matching step %s with a mentor found", id)
				}
			}
			for _, id := range []string{"no_mentor_yet", "mentoring_needs_design", "line_manager_mentor"} {
				if cautions[id] {
					fail("caution %s with a mentor found", id)
				}
			}
		}
		if is(b, ch, "manager_involvement", "no_manager") {
			for id := range steps {
				if namesAny(rawTexts(b, id), "{manager", "{Manager") {
					fail("step %s names the manager, with no manager", id)
				}
			}
			for id := range cautions {
				if namesAny(rawTexts(b, id), "{manager", "{Manager") {
					fail("caution %s names the manager, with no manager", id)
				}
			}
			if steps["funding_case"] {
				fail("funding case to someone who holds the budget")
			}
		}
		if !is(b, ch, "group", "several", "team") && (steps["group_coaching_design"] || steps["team_coaching"] || steps["group_combined"] || steps["group_mentoring"]) {
			fail("a group step for one person")
		}
		// The no-budget caution says "the next steps say how to fund it or
		// keep it small": when it shows beside a plan, one of them must.
		if cautions["no_coaching_budget"] && (r.Status == StatusClear || r.Status == StatusClose) &&
			!steps["funding_case"] && !steps["own_budget"] && !steps["small_org_fallback"] && !steps["fund_the_coaching"] {
			fail("the no-budget caution promises a funding step, and none is given")
		}
		if is(b, ch, "assessment", "no") && steps["baseline_assessment"] {
			fail("a baseline assessment with assessments declined")
		}
		switch r.Status {
		case StatusTooFew:
			if len(ids) != 1 || ids[0] != StepAskNext {
				fail("too few answers gives a programme")
			}
		case StatusMixed:
			if len(ids) == 0 || ids[0] != StepSettleClash {
				fail("mixed signals does not settle the clash first")
			}
			for _, id := range ids {
				if !slices.Contains(ready, id) {
					fail("mixed signals gives the programme step %s", id)
				}
			}
		case StatusRoute:
			if r.Route == "" {
				fail("another route without a route")
			}
			rt := b.Routes[b.Route(r.Route)]
			for _, id := range ids {
				if !slices.ContainsFunc(rt.NextSteps, func(s questions.Step) bool { return s.ID == id }) {
					fail("another route gives the %s step %s", r.Recommendation, id)
				}
			}
		case StatusClear:
			if r.Confidence < lowConfidence {
				fail("clear with low confidence %v", r.Confidence)
			}
		}
		if r.Band == "high" {
			qs := map[string]bool{}
			for _, c := range r.WouldChange {
				if c.Recommendation != r.Recommendation {
					qs[c.Question] = true
				}
			}
			if len(qs) > maxFragile {
				fail("high confidence %v with %d questions that each change the call", r.Confidence, len(qs))
			}
		}
		if is(b, ch, "wellbeing", "unsure") && (r.Status == StatusClear || r.Status == StatusClose) {
			if !cautions["wellbeing_unsure"] || !steps["check_readiness"] {
				fail("wellbeing not sure gives no caution or readiness step")
			}
		}
		if is(b, ch, "readiness", "reluctant") && r.Status != StatusTooFew {
			if !cautions["not_ready"] || r.Confidence > 0.6 {
				fail("reluctance: not_ready %v, confidence %v", cautions["not_ready"], r.Confidence)
			}
		}
		if is(b, ch, "answered_by", "on_their_behalf") && (r.Status == StatusClear || r.Status == StatusClose) {
			if !cautions["ask_the_person"] || !steps["check_with_person"] || r.Band == "high" {
				fail("second-hand answers: caution %v, step %v, band %s", cautions["ask_the_person"], steps["check_with_person"], r.Band)
			}
		}
	}
}

// TestFeasibilityNeverFlipsAClearCall: over the grid, no answer to a
// question about what the organisation can offer (budget, mentor
// available, start) changes a clear call's recommendation (rules.toml,
// "the principles behind the weights").
func TestFeasibilityNeverFlipsAClearCall(t *testing.T) {
	b := load(t, "../rules.toml")
	n := 0
	for _, ch := range gridSets(b, 3000) {
		v := Decide(b, ch)
		if v.Status != StatusClear {
			continue
		}
		n++
		alt := append(questions.Choices(nil), ch...)
		for q := range b.Questions {
			if b.Questions[q].Kind != questions.KindFeasibility {
				continue
			}
			for o := questions.NoAnswer; o < len(b.Questions[q].Options); o++ {
				alt[q] = int8(o)
				if w := Decide(b, alt); w.Outcome != v.Outcome {
					t.Errorf("%v: %s=%d turns %s into %s", ch, b.Questions[q].ID, o, b.Outcomes[v.Outcome].ID, b.Outcomes[w.Outcome].ID)
				}
			}
			alt[q] = ch[q]
		}
	}
	if n < 50 {
		t.Fatalf("only %d clear calls in the grid", n)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
