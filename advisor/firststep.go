package advisor

import (
	"sort"
	"strings"

	"guidepost/questions"
)

// Step ids the engine gives itself, for a call that is not ready to act
// on: too few answers (what to ask next, instead of a programme) and mixed
// signals (settle the clash first; only steps that hold either way
// follow).
const (
	StepAskNext     = "ask_next"
	StepSettleClash = "settle_clash"
)

// askNextMax is how many unanswered questions the ask-next step names.
const askNextMax = 3

// firstStep is the engine's own first step for status st, if it has one.
func firstStep(b *questions.Bank, ch questions.Choices, audience questions.Audience, st Status) (Note, bool) {
	v := voiceOf(audience)
	switch st {
	case StatusTooFew:
		topics := nextQuestions(b, ch)
		t := "Not a plan yet: answer the questions that say most about the need first"
		if len(topics) > 0 {
			t += " (" + strings.Join(topics, ", ") + ")"
		}
		if v.who == "you" {
			return Note{ID: StepAskNext, Text: t + ", then run Guidepost again for a recommendation and its steps.", Sources: []string{}}, true
		}
		return Note{ID: StepAskNext, Text: t + ", ideally with " + v.who + ", then run Guidepost again for a recommendation and its steps.", Sources: []string{}}, true
	case StatusMixed:
		t := "Settle the clash first: the answers under Why and What pulled the other way point to different kinds of support. "
		if v.who == "you" {
			t += "Decide which matters most to you and answer those questions again"
		} else {
			t += "Ask " + v.who + " which matters most and answer those questions again"
		}
		return Note{ID: StepSettleClash, Text: t + "; book nothing that only one side would need until then.", Sources: []string{}}, true
	}
	return Note{}, false
}

// nextQuestions names the need questions not yet answered, the main need
// first and then by how much they can tell, at most askNextMax.
func nextQuestions(b *questions.Bank, ch questions.Choices) []string {
	main := mainQuestion(b)
	var open []int
	for q := range b.Questions {
		if b.Questions[q].Kind == questions.KindNeed && !b.Answered(ch, q) {
			open = append(open, q)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		if (open[i] == main) != (open[j] == main) {
			return open[i] == main
		}
		return b.Questions[open[i]].Impact > b.Questions[open[j]].Impact
	})
	var out []string
	for _, q := range open {
		if len(out) == askNextMax {
			break
		}
		out = append(out, strings.ToLower(questions.Clean(b.Questions[q].Topic)))
	}
	return out
}
