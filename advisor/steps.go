package advisor

import (
	"slices"

	"guidepost/questions"
)

// Note is a sourced text of an explanation: a next step, with its id
// where it has one.
type Note struct {
	ID      string
	Text    string
	Sources []string
}

// Steps returns the next steps the rule set advises for r: those of r's
// recommendation whose conditions hold for r's answers and whose audience
// (when.audience) includes audience, in the rule set's order, each with its
// id, its text in audience's voice and its sources. audience is
// questions.NoAudience for no particular reader. Explain words them so.
func Steps(b *questions.Bank, r Result, audience questions.Audience) []Note {
	o := b.Outcome(r.Recommendation)
	if o < 0 {
		return []Note{}
	}
	return nextSteps(b, o, choicesOf(b, r.Answers), audience, r.Status, b.Route(r.Route))
}

// nextSteps returns the steps for outcome o, status st and route (an index
// of b.Routes, or -1) that apply to ch and audience: the engine's own
// first step for a call that is not ready (too few answers, mixed
// signals), then the route's steps, then the outcome's steps for st.
func nextSteps(b *questions.Bank, o int, ch questions.Choices, audience questions.Audience, st Status, route int) []Note {
	list := []Note{}
	if n, ok := firstStep(b, ch, audience, st); ok {
		list = append(list, n)
	}
	add := func(steps []questions.Step, def []string) {
		for i := range steps {
			s := &steps[i]
			if s.When.ForStatus(string(st), def) && stepApplies(b, s, ch, audience) {
				list = append(list, Note{ID: s.ID, Text: say(s.Voice, s.Text, audience), Sources: ids(s.Sources)})
			}
		}
	}
	if route >= 0 {
		add(b.Routes[route].NextSteps, nil)
	}
	add(b.Outcomes[o].NextSteps, questions.DefaultStepStatuses)
	return list
}

// stepApplies reports whether step s is advised for ch and audience: its
// conditions hold (an unanswered question counts as unsure) and it is for
// this reader. A step limited to some audiences is not shown to a reader
// with none.
func stepApplies(b *questions.Bank, s *questions.Step, ch questions.Choices, audience questions.Audience) bool {
	if len(s.When.Audiences) > 0 && !slices.Contains(s.When.Audiences, audience) {
		return false
	}
	return holds(b, &s.When, ch)
}

// choicesOf rebuilds the choices behind a result from its answers; an
// answer the bank does not know is left out.
func choicesOf(b *questions.Bank, answers []Answer) questions.Choices {
	ch := b.NewChoices()
	for _, a := range answers {
		q := b.Question(a.Question)
		if q < 0 {
			continue
		}
		if o := b.Option(q, a.Option); o >= 0 {
			ch[q] = int8(o)
		}
	}
	return ch
}
