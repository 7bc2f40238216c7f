package advisor

import "guidepost/questions"

// The reader's voice. Every text a result shows from the rule set (the
// outcome's summary, the answers' labels, the rationales and reasons given
// as evidence, the cautions and the next steps) is written once, with
// placeholders and per-audience variants (package questions, voice.go),
// and Explain reads each by its id, once, in its reader's voice: a person
// assessing themself reads "you"; a manager is "you" and the employee
// "this person"; a consultant reads about "the participant". An
// explanation for no audience (questions.NoAudience: a batch row, an
// answers file without one) reads about "the person".

// say resolves t for audience; a bank built in code rather than parsed may
// carry only the plain text.
func say(t questions.Text, plain string, audience questions.Audience) string {
	if t.IsZero() {
		return plain
	}
	return t.For(audience)
}

// CautionText is caution c's text for audience: the one wording of a
// caution every output shows (explanations, the batch summary).
func CautionText(c *questions.Caution, audience questions.Audience) string {
	return say(c.Voice, c.Text, audience)
}

// option returns the question and option with ids qid and oid, or nils.
func option(b *questions.Bank, qid, oid string) (*questions.Question, *questions.Option) {
	q := b.Question(qid)
	if q < 0 {
		return nil, nil
	}
	o := b.Option(q, oid)
	if o < 0 {
		return &b.Questions[q], nil
	}
	return &b.Questions[q], &b.Questions[q].Options[o]
}

// rule returns the rule with id, or nil.
func rule(b *questions.Bank, id string) *questions.Rule {
	for i := range b.Rules {
		if b.Rules[i].ID == id {
			return &b.Rules[i]
		}
	}
	return nil
}

// caution returns the caution with id, or nil.
func caution(b *questions.Bank, id string) *questions.Caution {
	for i := range b.Cautions {
		if b.Cautions[i].ID == id {
			return &b.Cautions[i]
		}
	}
	return nil
}
