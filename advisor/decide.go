package advisor

// Deciding a call: the outcome, the kind of call, the cautions and how sure
// it is, in that order, without allocating.

import (
	"math"

	"guidepost/questions"
)

// Decide scores ch against b and decides, without allocating: the core of
// Evaluate, used directly for batch scoring.
func Decide(b *questions.Bank, ch questions.Choices) Verdict {
	return verdict(b, ch, true)
}

// verdict is Decide; fragile says whether to weigh how fragile a high
// confidence is (re-deciding every single answer change), which Decide
// does and the re-decisions themselves do not.
func verdict(b *questions.Bank, ch questions.Choices, fragile bool) Verdict {
	ev := evidenceOf(b, ch)
	o, closeCall := choose(b, &ev)
	route := routeOf(b, ch)
	st := status(b, &ev, o, closeCall, route)
	mask := cautionMask(b, ch, o, st)
	// A caution's doubt lowers the confidence whether or not the kind of
	// call shows it, so that a status change never hides or adds it.
	doubt := cautionMask(b, ch, o, "")
	c := rawConfidence(b, ch, &ev, o, st, doubt)
	if st == StatusClear && c < lowConfidence {
		// A clear call is never a low-confidence one: with the scores
		// apart by more than the margin, low confidence means too little
		// is known for a recommendation.
		st = StatusTooFew
		mask = cautionMask(b, ch, o, st)
		c = rawConfidence(b, ch, &ev, o, st, doubt)
	}
	if fragile && c >= highConfidence && fragileQuestions(b, ch, o, maxFragile+1) > maxFragile {
		// "High" only when at most maxFragile questions could each change
		// the call on their own.
		c = math.Min(c, maxFragileConfidence)
	}
	return Verdict{
		Outcome:    o,
		Score:      ev.total,
		Confidence: round2(c),
		CloseCall:  closeCall,
		Status:     st,
		Cautions:   mask,
		Route:      route,
	}
}

// Honest labels: the confidence bands' edges, and how many questions may
// each change a high-confidence call alone.
const (
	lowConfidence        = 0.4
	highConfidence       = 0.7
	maxFragile           = 3
	maxFragileConfidence = 0.65
)

// choose decides the outcome and whether it is a close call. The answers
// about what the organisation can offer (feasibility) shape delivery, not
// the need: the call is made on the rest (core), and feasibility only
// tips a near tie, so it never overturns a clear call.
func choose(b *questions.Bank, ev *evidence) (int, bool) {
	o, closeCall := decide(b, ev.core)
	if b.Outcomes[o].ID == questions.Combined && !twoNeeds(b, *ev) {
		o, closeCall = lean(b, ev.core)
	}
	if closeCall && b.Outcomes[o].ID != questions.Combined {
		o, _ = lean(b, ev.total)
	}
	return o, closeCall
}

// routeOf is the index of the first route whose conditions hold, or -1.
func routeOf(b *questions.Bank, ch questions.Choices) int {
	for i := range b.Routes {
		if holds(b, &b.Routes[i].When, ch) {
			return i
		}
	}
	return -1
}

// fragileQuestions counts the questions a single answer change to which
// would change outcome o, stopping at limit.
func fragileQuestions(b *questions.Bank, ch questions.Choices, o, limit int) int {
	alt := append(questions.Choices(nil), ch...)
	n := 0
	for q := range b.Questions {
		cur := int(ch[q])
		if cur == questions.NoAnswer {
			cur = b.Unsure(q)
		}
		for opt := range b.Questions[q].Options {
			if opt == cur {
				continue
			}
			alt[q] = int8(opt)
			if verdict(b, alt, false).Outcome != o {
				n++
				break
			}
		}
		alt[q] = ch[q]
		if n >= limit {
			break
		}
	}
	return n
}

// twoNeeds reports whether there is positive evidence of two needs: on each
// side, evidence of at least half the combined floor from answers or rules
// that say both. Opposite single-direction answers in balance are a clash
// of signals, never two needs.
func twoNeeds(b *questions.Bank, e evidence) bool {
	return float64(min(e.both[0], e.both[1])) >= b.Decision.CombinedFloor
}

// clash reports whether single-direction evidence points strongly both
// ways: the weaker side's reaches half the combined floor and
// combined_balance of the stronger side's.
func clash(b *questions.Bank, e evidence) bool {
	lo, hi := min(e.single[0], e.single[1]), max(e.single[0], e.single[1])
	return lo > 0 && float64(lo) >= b.Decision.CombinedFloor && float64(lo) >= b.Decision.CombinedBalance*float64(hi)
}

// decide applies the decision step to scores s (half points) and returns
// the outcome's index in b.Outcomes and whether it was a close call. It
// looks at the scores only: choose also asks for positive evidence of two
// needs before it keeps combined.
func decide(b *questions.Bank, s questions.Pair) (int, bool) {
	d := b.Decision
	lo, hi := min(s[0], s[1]), max(s[0], s[1])
	if lo > 0 && float64(lo) >= 2*d.CombinedFloor && float64(lo) >= d.CombinedBalance*float64(hi) {
		return b.Outcome(questions.Combined), false
	}
	return lean(b, s)
}

// lean is the higher of the two scores, the rule set's undecided outcome on
// an exact tie, and whether it was a close call.
func lean(b *questions.Bank, s questions.Pair) (int, bool) {
	switch diff := s[0] - s[1]; {
	case diff > 0:
		return b.Outcome(questions.Coaching), closeCall(b, s)
	case diff < 0:
		return b.Outcome(questions.Mentoring), closeCall(b, s)
	}
	return b.Outcome(b.Decision.Undecided), true
}

// cautionMask returns the cautions raised for outcome o and status st, bit
// i for caution i; with st "", whatever the status.
func cautionMask(b *questions.Bank, ch questions.Choices, o int, st Status) uint64 {
	var m uint64
	for i := range b.Cautions {
		c := &b.Cautions[i]
		if c.When.RecMask&(1<<o) != 0 && (st == "" || c.When.ForStatus(string(st), nil)) && holds(b, &c.When, ch) {
			m |= 1 << i
		}
	}
	return m
}
