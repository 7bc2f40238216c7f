package advisor

import (
	"math"
	"sort"

	"guidepost/questions"
)

// Decide scores ch against b and decides, without allocating: the core of
// Evaluate, used directly for batch scoring.
func Decide(b *questions.Bank, ch questions.Choices) Verdict {
	s := scoreOf(b, ch)
	o, closeCall := decide(b, s)
	return Verdict{
		Outcome:    o,
		Score:      s,
		Confidence: confidence(b, ch, s, o),
		CloseCall:  closeCall,
		Cautions:   cautionMask(b, ch, o),
	}
}

// scoreOf sums the chosen options' weights and the weights of the rules
// that hold.
func scoreOf(b *questions.Bank, ch questions.Choices) questions.Pair {
	var s questions.Pair
	for q := range b.Questions {
		if o := ch[q]; o != questions.NoAnswer {
			w := b.Questions[q].Options[o].Score
			s[0] += w[0]
			s[1] += w[1]
		}
	}
	for i := range b.Rules {
		if holds(b, &b.Rules[i].When, ch) {
			s[0] += b.Rules[i].Score[0]
			s[1] += b.Rules[i].Score[1]
		}
	}
	return s
}

// holds reports whether the answers satisfy w; an unanswered question is
// treated as answered unsure.
func holds(b *questions.Bank, w *questions.When, ch questions.Choices) bool {
	for i := range w.All {
		if !condHolds(b, &w.All[i], ch) {
			return false
		}
	}
	if len(w.Any) > 0 {
		any := false
		for i := range w.Any {
			if condHolds(b, &w.Any[i], ch) {
				any = true
				break
			}
		}
		if !any {
			return false
		}
	}
	for i := range w.None {
		if condHolds(b, &w.None[i], ch) {
			return false
		}
	}
	return true
}

func condHolds(b *questions.Bank, c *questions.Cond, ch questions.Choices) bool {
	o := int(ch[c.Q])
	if o == questions.NoAnswer {
		o = b.Unsure(c.Q)
	}
	return c.Mask&(1<<o) != 0
}

// decide applies the decision step to scores s (half points) and returns
// the outcome's index in b.Outcomes and whether it was a close call.
func decide(b *questions.Bank, s questions.Pair) (int, bool) {
	d := b.Decision
	lo, hi := min(s[0], s[1]), max(s[0], s[1])
	if lo > 0 && float64(lo) >= 2*d.CombinedFloor && float64(lo) >= d.CombinedBalance*float64(hi) {
		return b.Outcome(questions.Combined), false
	}
	diff := s[0] - s[1]
	switch {
	case diff > 0:
		return b.Outcome(questions.Coaching), closeCall(b, s)
	case diff < 0:
		return b.Outcome(questions.Mentoring), closeCall(b, s)
	}
	return b.Outcome(d.Undecided), true
}

// confidence is coverage × (0.4 + 0.6 × separation); see the package doc.
func confidence(b *questions.Bank, ch questions.Choices, s questions.Pair, o int) float64 {
	var answered, total, maxC, maxM int32
	for q := range b.Questions {
		qq := &b.Questions[q]
		total += qq.Impact
		maxC += qq.Lead[0]
		maxM += qq.Lead[1]
		if b.Answered(ch, q) {
			answered += qq.Impact
		}
	}
	if answered == 0 || total == 0 {
		return 0
	}
	coverage := float64(answered) / float64(total)
	lo, hi := min(s[0], s[1]), max(s[0], s[1])
	var sep float64
	switch {
	case b.Outcomes[o].ID == questions.Combined && hi > 0:
		sep = float64(lo) / float64(hi)
	default:
		scale := float64(max(maxC, maxM)) / 2
		if scale > 0 && hi > 0 {
			// Evidence against the winner narrows the gap and also counts
			// on its own: 18 to 2.5 is less certain than 18 to 0.
			sep = math.Min(1, math.Abs(float64(s[0]-s[1]))/scale) * (1 - float64(max(lo, 0))/float64(hi))
		}
	}
	c := coverage * (0.4 + 0.6*sep)
	if closeCall(b, s) && b.Outcomes[o].ID != questions.Combined {
		c = math.Min(c, maxCloseConfidence)
	}
	return round2(c)
}

// maxCloseConfidence caps the confidence of a close call: it is never
// "high".
const maxCloseConfidence = 0.55

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

// cautionMask returns the cautions raised for outcome o, bit i for caution i.
func cautionMask(b *questions.Bank, ch questions.Choices, o int) uint64 {
	var m uint64
	for i := range b.Cautions {
		c := &b.Cautions[i]
		if c.When.RecMask&(1<<o) != 0 && holds(b, &c.When, ch) {
			m |= 1 << i
		}
	}
	return m
}

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

// Evaluate scores ch against b and explains the recommendation in full.
func Evaluate(b *questions.Bank, ch questions.Choices) Result {
	v := Decide(b, ch)
	out := b.Outcomes[v.Outcome]
	r := Result{
		Recommendation: out.ID,
		Label:          out.Label,
		Summary:        out.Summary,
		Scores:         scores(v.Score),
		Confidence:     v.Confidence,
		Band:           Band(v.Confidence),
		CloseCall:      v.CloseCall,
		Questions:      len(b.Questions),
		RuleSet:        b.Title,
		Verdict:        v,
	}
	r.Answers, r.Answered = answers(b, ch)
	r.Reasons = reasons(b, ch, v)
	r.Cautions = cautions(b, v.Cautions)
	r.Steps = nextSteps(b, v.Outcome, ch, "")
	r.NextSteps = stepTexts(r.Steps)
	r.WouldChange = wouldChange(b, ch, v)
	return r
}

func scores(s questions.Pair) Scores {
	return Scores{
		Coaching:  float64(s[0]) / 2,
		Mentoring: float64(s[1]) / 2,
		Combined:  float64(min(s[0], s[1])) / 2,
	}
}

func answers(b *questions.Bank, ch questions.Choices) ([]Answer, int) {
	list := []Answer{}
	n := 0
	for q, o := range ch {
		if o == questions.NoAnswer {
			continue
		}
		qq := &b.Questions[q]
		list = append(list, Answer{Question: qq.ID, Option: qq.Options[o].ID, Topic: qq.Topic, Label: qq.Options[o].Label})
		if b.Answered(ch, q) {
			n++
		}
	}
	return list, n
}

// reasons lists the answers and rules that support the recommendation,
// strongest first, ties in rule-set order.
func reasons(b *questions.Bank, ch questions.Choices, v Verdict) []Reason {
	want := b.Outcomes[v.Outcome].ID
	list := []Reason{}
	for q, o := range ch {
		if o == questions.NoAnswer {
			continue
		}
		qq, opt := &b.Questions[q], &b.Questions[q].Options[o]
		if toward, w, ok := support(want, opt.Score); ok {
			list = append(list, Reason{Question: qq.ID, Option: opt.ID, Topic: qq.Topic, Label: opt.Label,
				Text: opt.Rationale, Sources: ids(opt.Sources), Toward: toward, Weight: w})
		}
	}
	for i := range b.Rules {
		r := &b.Rules[i]
		if !holds(b, &r.When, ch) {
			continue
		}
		if toward, w, ok := support(want, r.Score); ok {
			list = append(list, Reason{Rule: r.ID, Text: r.Reason, Sources: ids(r.Sources), Toward: toward, Weight: w})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Weight > list[j].Weight })
	return list
}

// support says whether weight w supports outcome want, toward which side,
// and how strongly (in points).
func support(want string, w questions.Pair) (string, float64, bool) {
	c, m := float64(w[0])/2, float64(w[1])/2
	switch want {
	case questions.Coaching:
		return questions.Coaching, c, c > 0
	case questions.Mentoring:
		return questions.Mentoring, m, m > 0
	}
	switch {
	case c > 0 && m > 0:
		return questions.Combined, c + m, true
	case c > 0:
		return questions.Coaching, c, true
	case m > 0:
		return questions.Mentoring, m, true
	}
	return "", 0, false
}

func ids(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func cautions(b *questions.Bank, mask uint64) []Note {
	list := []Note{}
	for i, c := range b.Cautions {
		if mask&(1<<i) != 0 {
			list = append(list, Note{ID: c.ID, Text: c.Text, Sources: ids(c.Sources)})
		}
	}
	return list
}

// wouldChange re-scores every single answer change and keeps those that
// change the recommendation, largest shift in the scores first.
func wouldChange(b *questions.Bank, ch questions.Choices, v Verdict) []Change {
	type found struct {
		c     Change
		shift int32
	}
	var list []found
	alt := append(questions.Choices(nil), ch...)
	for q := range b.Questions {
		qq := &b.Questions[q]
		cur := int(ch[q])
		if cur == questions.NoAnswer {
			cur = b.Unsure(q)
		}
		for o := range qq.Options {
			if o == cur {
				continue
			}
			alt[q] = int8(o)
			w := Decide(b, alt)
			if w.Outcome != v.Outcome {
				shift := abs32((w.Score[0] - w.Score[1]) - (v.Score[0] - v.Score[1]))
				list = append(list, found{Change{
					Question: qq.ID, From: qq.Options[cur].ID, To: qq.Options[o].ID,
					Recommendation: b.Outcomes[w.Outcome].ID, Topic: qq.Topic,
					FromLabel: qq.Options[cur].Label, ToLabel: qq.Options[o].Label,
					Feasibility: qq.Kind == questions.KindFeasibility,
				}, shift})
			}
		}
		alt[q] = ch[q]
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].shift > list[j].shift })
	out := make([]Change, len(list))
	for i, f := range list {
		out[i] = f.c
	}
	return out
}
