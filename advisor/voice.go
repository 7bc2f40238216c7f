package advisor

import "guidepost/questions"

// The reader's voice. Every text a result shows from the rule set (the
// outcome's summary, the rationales and reasons given as evidence, the
// cautions and the next steps) is written once, with placeholders and
// per-audience variants (package questions, voice.go), and spoken to its
// reader here: a person assessing themself reads "you"; a manager is "you"
// and the employee "this person"; a consultant reads about "the
// participant". A result with no audience (a batch row, an answers file
// without one) reads about "the person".

// Say returns a voiced text of the rule set for audience
// (questions.NoAudience for no particular reader). It is the one
// resolver for any text with a voice.
func Say(t questions.Text, audience questions.Audience) string { return t.For(audience) }

// say is Say with a fallback: a bank built in code rather than parsed may
// carry only the plain text.
func say(t questions.Text, plain string, audience questions.Audience) string {
	if t.IsZero() {
		return plain
	}
	return t.For(audience)
}

// EvaluateFor is Evaluate for a reader: the result's texts are spoken to
// audience and its next steps are those for audience.
func EvaluateFor(b *questions.Bank, ch questions.Choices, audience questions.Audience) Result {
	return Speak(b, Evaluate(b, ch), audience)
}

// Speak returns r, a result of Evaluate on b, with its audience set and
// every text from the rule set spoken to audience: the summary, the
// reasons, the cautions and the next steps (Steps, which may also differ by
// audience). It reads each text from b by its id, so speaking a result
// again for another audience is exact; r itself is not changed.
func Speak(b *questions.Bank, r Result, audience questions.Audience) Result {
	r.Audience = audience
	if o := b.Outcome(r.Recommendation); o >= 0 {
		out := &b.Outcomes[o]
		r.Summary = say(out.SummaryVoice, out.Summary, audience)
	}
	r.Answers = speakAnswers(b, r.Answers, audience)
	r.Reasons = speakReasons(b, r.Reasons, audience)
	r.Against = speakReasons(b, r.Against, audience)
	r.Cautions = speakCautions(b, r.Cautions, audience)
	r.Steps = Steps(b, r, audience)
	r.NextSteps = stepTexts(r.Steps)
	return r
}

// speakAnswers returns a copy of list with each answer's label spoken to
// audience.
func speakAnswers(b *questions.Bank, list []Answer, audience questions.Audience) []Answer {
	if list == nil {
		return nil
	}
	out := append([]Answer(nil), list...)
	for i, x := range out {
		if q := b.Question(x.Question); q >= 0 {
			if o := b.Option(q, x.Option); o >= 0 {
				out[i].Label = b.Questions[q].Options[o].LabelFor(audience)
			}
		}
	}
	return out
}

// speakReasons returns a copy of list with each text spoken to audience:
// an answer's option rationale, or a rule's reason.
func speakReasons(b *questions.Bank, list []Reason, audience questions.Audience) []Reason {
	if list == nil {
		return nil
	}
	out := make([]Reason, len(list))
	for i, x := range list {
		out[i] = x
		if x.Rule != "" {
			for j := range b.Rules {
				if rr := &b.Rules[j]; rr.ID == x.Rule {
					out[i].Text = say(rr.ReasonVoice, rr.Reason, audience)
					break
				}
			}
			continue
		}
		if q := b.Question(x.Question); q >= 0 {
			if o := b.Option(q, x.Option); o >= 0 {
				opt := &b.Questions[q].Options[o]
				out[i].Text = say(opt.RationaleVoice, opt.Rationale, audience)
				out[i].Label = opt.LabelFor(audience)
			}
		}
	}
	return out
}

// speakCautions returns a copy of list with each caution's text spoken to
// audience.
func speakCautions(b *questions.Bank, list []Note, audience questions.Audience) []Note {
	if list == nil {
		return nil
	}
	out := make([]Note, len(list))
	for i, n := range list {
		out[i] = n
		for j := range b.Cautions {
			if c := &b.Cautions[j]; c.ID == n.ID {
				out[i].Text = say(c.Voice, c.Text, audience)
				break
			}
		}
	}
	return out
}
