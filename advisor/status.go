package advisor

// The kind of call a result is, and how sure it is: status and confidence.

import (
	"math"

	"guidepost/questions"
)

// Status says what kind of call a result is (CONTRACT §5).
type Status string

// The statuses, in the order they are checked: the first that applies is
// the result's.
const (
	// StatusWellbeing: a safety question (the wellbeing question) says the
	// main concern is the person's wellbeing: professional support comes
	// first and coaching or mentoring is what can follow.
	StatusWellbeing Status = "wellbeing_first"
	// StatusRoute: the answers say something other than coaching or
	// mentoring comes first (Result.Route names it: training, a
	// performance process); the recommendation is what may follow.
	StatusRoute Status = "another_route"
	// StatusTooFew: fewer answers about the need than it takes to
	// recommend anything (see minNeedAnswers); the leaning is shown.
	StatusTooFew Status = "too_few_answers"
	// StatusMixed: strong single-direction answers point both ways.
	StatusMixed Status = "mixed_signals"
	// StatusClose: the two scores are within the rule set's margin.
	StatusClose Status = "close_call"
	// StatusClear: none of the above.
	StatusClear Status = "clear"
)

// minNeedAnswers is how many questions about the person's need (kind
// "need") must be answered, other than unsure, before Guidepost makes a
// recommendation: with one or two answers the call rests on one or two
// opinions that nothing else confirms or contradicts, so the third is the
// first that can. A rule set with fewer need questions needs all of them.
const minNeedAnswers = 3

// status decides what kind of call outcome o (with closeCall) is; route
// is the index of the route whose conditions hold, or -1.
func status(b *questions.Bank, e *evidence, o int, closeCall bool, route int) Status {
	combined := b.Outcomes[o].ID == questions.Combined
	switch {
	case e.safety >= 0:
		return StatusWellbeing
	case route >= 0:
		return StatusRoute
	case e.tooFew():
		return StatusTooFew
	case !combined && clash(b, *e):
		return StatusMixed
	case closeCall && !combined:
		return StatusClose
	}
	return StatusClear
}

// Confidence caps, by status; no confidence ever reaches maxConfidence's
// ceiling, since a hand-set weighting never knows for certain.
const (
	maxConfidence      = 0.95
	maxCloseConfidence = 0.55
	maxMixedConfidence = 0.5
	maxSafetyFirst     = 0.5
	maxRoute           = 0.5
	maxTooFew          = 0.2
)

// rawConfidence is coverage × (0.4 + 0.6 × separation), capped by status
// and by the raised cautions (mask), before rounding; see the package doc.
func rawConfidence(b *questions.Bank, ch questions.Choices, e *evidence, o int, st Status, mask uint64) float64 {
	want := b.Outcomes[o].ID
	coverage, scale := coverageOf(b, ch, want)
	if coverage == 0 {
		return 0
	}
	c := math.Min(coverage*(0.4+0.6*separation(e, want, scale)), maxConfidence)
	// The raised cautions' doubt first, then the caps by status, so that
	// a cap is never lowered further by a caution.
	c = withDoubt(b, c, mask)
	c = capByStatus(e, c, st)
	if closeCall(b, e.core) && want != questions.Combined {
		c = math.Min(c, maxCloseConfidence)
	}
	return c
}

// coverageOf is the share of what the questions can tell that the answers
// tell (an answer against want counts only toward the total), and half
// the largest lead any side could reach, the scale of separation.
func coverageOf(b *questions.Bank, ch questions.Choices, want string) (coverage, scale float64) {
	// away is the side that evidence against want adds to (-1: none).
	away := -1
	switch want {
	case questions.Coaching:
		away = 1
	case questions.Mentoring:
		away = 0
	}
	var answered, total, maxC, maxM int32
	for q := range b.Questions {
		qq := &b.Questions[q]
		total += qq.Impact
		maxC += qq.Lead[0]
		maxM += qq.Lead[1]
		if !b.Answered(ch, q) {
			continue
		}
		if w := qq.Options[ch[q]].Score; away < 0 || w[away] <= w[1-away] {
			answered += qq.Impact
		}
	}
	if answered == 0 || total == 0 {
		return 0, 0
	}
	return float64(answered) / float64(total), float64(max(maxC, maxM)) / 2
}

// separation is how far apart the scores are for want, from 0 to 1.
func separation(e *evidence, want string, scale float64) float64 {
	s := e.total
	lo, hi := min(s[0], s[1]), max(s[0], s[1])
	switch {
	case want == questions.Combined && lo > 0:
		// Two needs: how balanced they are, and how much of the weaker
		// one rests on evidence that says both.
		return float64(lo) / float64(hi) * math.Min(1, float64(min(e.both[0], e.both[1]))/float64(lo))
	case want != questions.Combined && scale > 0 && hi > 0:
		// Evidence against the call narrows the gap and also counts on
		// its own: 18 to 2.5 is less certain than 18 to 0.
		return math.Min(1, math.Abs(float64(s[0]-s[1]))/scale) * (1 - float64(max(lo, 0))/float64(hi))
	}
	return 0
}

// withDoubt applies the raised cautions' factors and caps to c.
func withDoubt(b *questions.Bank, c float64, mask uint64) float64 {
	for i := range b.Cautions {
		if mask&(1<<i) == 0 {
			continue
		}
		if f := b.Cautions[i].Factor; f > 0 {
			c *= f
		}
		if cp := b.Cautions[i].Cap; cp > 0 {
			c = math.Min(c, cp)
		}
	}
	return c
}

// capByStatus caps c for the kind of call st.
func capByStatus(e *evidence, c float64, st Status) float64 {
	switch st {
	case StatusTooFew:
		// Fewer answers than it takes: at most maxTooFew. A call too
		// unsure to be clear keeps its confidence, which is under
		// lowConfidence already.
		if e.tooFew() {
			c = math.Min(c, maxTooFew)
		}
	case StatusWellbeing:
		c = math.Min(c, maxSafetyFirst)
		if e.tooFew() {
			c = math.Min(c, maxTooFew)
		}
	case StatusMixed:
		c = math.Min(c, maxMixedConfidence)
	case StatusRoute:
		c = math.Min(c, maxRoute)
	case StatusClose:
		c = math.Min(c, maxCloseConfidence)
	}
	return c
}

// pullsAway reports whether weight w pulls away from outcome want: toward
// the other side more than toward want's (never for combined).
func pullsAway(want string, w questions.Pair) bool {
	switch want {
	case questions.Coaching:
		return w[1] > w[0]
	case questions.Mentoring:
		return w[0] > w[1]
	}
	return false
}

func closeCall(b *questions.Bank, s questions.Pair) bool {
	return math.Abs(float64(s[0]-s[1])) < 2*b.Decision.Margin
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Band puts a confidence into words.
func Band(c float64) string {
	switch {
	case c < 0.4:
		return "low"
	case c < 0.7:
		return "moderate"
	}
	return "high"
}
