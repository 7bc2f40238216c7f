package advisor

import (
	"slices"

	"guidepost/questions"
)

// Steps returns the next steps the rule set advises for r: those of r's
// recommendation whose conditions hold for r's answers and whose audience
// (when.audience) includes audience, in the rule set's order, each with its
// id, its text spoken to audience (see Speak) and its sources. audience is
// questions.NoAudience for no particular reader.
func Steps(b *questions.Bank, r Result, audience questions.Audience) []Note {
	o := b.Outcome(r.Recommendation)
	if o < 0 {
		return []Note{}
	}
	return nextSteps(b, o, choicesOf(b, r.Answers), audience)
}

// nextSteps returns the steps of outcome o that apply to ch and audience.
func nextSteps(b *questions.Bank, o int, ch questions.Choices, audience questions.Audience) []Note {
	list := []Note{}
	for i := range b.Outcomes[o].NextSteps {
		s := &b.Outcomes[o].NextSteps[i]
		if stepApplies(b, s, ch, audience) {
			list = append(list, Note{ID: s.ID, Text: say(s.Voice, s.Text, audience), Sources: ids(s.Sources)})
		}
	}
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

// stepTexts returns the texts of steps, for Result.NextSteps.
func stepTexts(steps []Note) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Text
	}
	return out
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
