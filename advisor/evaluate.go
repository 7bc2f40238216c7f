package advisor

import (
	"sort"

	"guidepost/questions"
)

// evidence is the scores in half points, split by the kind of evidence:
// total decides; both sums the answers about the need and the rules that
// add to both sides (an either-or-both need, a "both" answer, a rule such
// as two needs); single sums, side by side, those that add to one side
// only. Answers about what the organisation can offer (feasibility) count
// in total only: they shape delivery, not the need.
type evidence struct {
	total, both, single questions.Pair
	// core is total without the feasibility answers: what decides a call
	// that is not a near tie (feasibility only tips a near tie).
	core questions.Pair
	// safety is the first safety question answered with anything but
	// "no" or unsure, or -1; needAsked and needAnswered count the need
	// questions and those answered other than unsure.
	safety                  int
	needAsked, needAnswered int
}

// tooFew reports whether fewer need questions are answered than
// minNeedAnswers (or than the bank has, when it has fewer).
func (e *evidence) tooFew() bool {
	return e.needAnswered == 0 || e.needAnswered < min(minNeedAnswers, e.needAsked)
}

func (e *evidence) add(w questions.Pair, need bool) {
	e.total[0] += w[0]
	e.total[1] += w[1]
	if need {
		e.core[0] += w[0]
		e.core[1] += w[1]
	}
	switch {
	case !need:
	case w[0] > 0 && w[1] > 0:
		e.both[0] += w[0]
		e.both[1] += w[1]
	case w[0] > 0:
		e.single[0] += w[0]
	case w[1] > 0:
		e.single[1] += w[1]
	}
}

// evidenceOf sums the chosen options' weights and the weights of the rules
// that hold, in one pass that also counts what the status needs.
func evidenceOf(b *questions.Bank, ch questions.Choices) evidence {
	e := evidence{safety: -1}
	for q := range b.Questions {
		qq := &b.Questions[q]
		need := qq.Kind == questions.KindNeed
		if need {
			e.needAsked++
		}
		o := ch[q]
		if o == questions.NoAnswer {
			continue
		}
		e.add(qq.Options[o].Score, qq.Kind != questions.KindFeasibility)
		if int(o) == b.Unsure(q) {
			continue
		}
		if need {
			e.needAnswered++
		} else if e.safety < 0 && qq.Kind == questions.KindSafety && qq.Options[o].ID != "no" {
			e.safety = q
		}
	}
	for i := range b.Rules {
		if holds(b, &b.Rules[i].When, ch) {
			e.add(b.Rules[i].Score, true)
		}
	}
	return e
}

// scoreOf is the two scores, in half points.
func scoreOf(b *questions.Bank, ch questions.Choices) questions.Pair {
	return evidenceOf(b, ch).total
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

// Evaluate scores ch against b: the recommendation and, in ids and
// numbers, everything Explain words about it.
func Evaluate(b *questions.Bank, ch questions.Choices) Result {
	v := Decide(b, ch)
	r := Result{
		Recommendation: b.Outcomes[v.Outcome].ID,
		Status:         v.Status,
		Scores:         scores(v.Score),
		Confidence:     v.Confidence,
		Band:           Band(v.Confidence),
		CloseCall:      v.CloseCall,
		Questions:      len(b.Questions),
		RuleSet:        b.Title,
		Verdict:        v,
	}
	r.Answers, r.Answered = answers(b, ch)
	r.Reasons, r.Against = evidenceLists(b, ch, v)
	r.Cautions = cautionIDs(b, v.Cautions)
	if v.Route >= 0 {
		r.Route = b.Routes[v.Route].ID
	}
	r.WouldChange = wouldChange(b, ch, v)
	if ev := evidenceOf(b, ch); ev.safety >= 0 {
		r.Safety = b.Questions[ev.safety].ID
	}
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
		list = append(list, Answer{Question: qq.ID, Option: qq.Options[o].ID})
		if b.Answered(ch, q) {
			n++
		}
	}
	return list, n
}

// mainNeedID is the contract id of the main-need question (CONTRACT §1).
const mainNeedID = "need"

// mainQuestion is the bank's main need: the question mainNeedID, else the
// need question whose answers weigh most (the first of equals), or -1.
func mainQuestion(b *questions.Bank) int {
	if q := b.Question(mainNeedID); q >= 0 {
		return q
	}
	best := -1
	for q := range b.Questions {
		qq := &b.Questions[q]
		if qq.Kind == questions.KindNeed && (best < 0 || qq.Impact > b.Questions[best].Impact) {
			best = q
		}
	}
	return best
}

// evidenceLists lists the answers and rules that support the
// recommendation (reasons) and those that pulled away from it (against),
// each strongest first, ties in rule-set order, with the main need's
// answer first in whichever list it falls: it is always shown.
func evidenceLists(b *questions.Bank, ch questions.Choices, v Verdict) (reasons, against []Reason) {
	want := b.Outcomes[v.Outcome].ID
	reasons, against = []Reason{}, []Reason{}
	place := func(r Reason, w questions.Pair) {
		if pullsAway(want, w) {
			r.Toward, r.Weight = awayFrom(want), float64(max(w[0], w[1]))/2
			against = append(against, r)
		} else if toward, weight, ok := support(want, w); ok {
			r.Toward, r.Weight = toward, weight
			reasons = append(reasons, r)
		}
	}
	main := mainQuestion(b)
	for q, o := range ch {
		if o == questions.NoAnswer {
			continue
		}
		qq, opt := &b.Questions[q], &b.Questions[q].Options[o]
		place(Reason{Question: qq.ID, Option: opt.ID, Score: opt.Score, Main: q == main}, opt.Score)
	}
	for i := range b.Rules {
		r := &b.Rules[i]
		if holds(b, &r.When, ch) {
			place(Reason{Rule: r.ID, Score: r.Score}, r.Score)
		}
	}
	order := func(list []Reason) {
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Main != list[j].Main {
				return list[i].Main
			}
			return list[i].Weight > list[j].Weight
		})
	}
	order(reasons)
	order(against)
	return reasons, against
}

// awayFrom is the side evidence against want points to.
func awayFrom(want string) string {
	if want == questions.Coaching {
		return questions.Mentoring
	}
	return questions.Coaching
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

// cautionIDs lists the ids of the cautions raised in mask.
func cautionIDs(b *questions.Bank, mask uint64) []string {
	list := []string{}
	for i, c := range b.Cautions {
		if mask&(1<<i) != 0 {
			list = append(list, c.ID)
		}
	}
	return list
}

// wouldChange re-scores every single answer change and keeps those that
// change the call: the recommendation, or the status into or out of
// wellbeing first. Changes out of wellbeing first come first, then the
// largest shift in the scores.
func wouldChange(b *questions.Bank, ch questions.Choices, v Verdict) []Change {
	type found struct {
		c      Change
		safety bool
		shift  int32
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
			safety := v.Status == StatusWellbeing && w.Status != StatusWellbeing
			if w.Outcome != v.Outcome || safety {
				shift := abs32((w.Score[0] - w.Score[1]) - (v.Score[0] - v.Score[1]))
				list = append(list, found{Change{
					Question: qq.ID, From: qq.Options[cur].ID, To: qq.Options[o].ID,
					Recommendation: b.Outcomes[w.Outcome].ID, Status: w.Status,
					Feasibility: qq.Kind == questions.KindFeasibility,
				}, safety, shift})
			}
		}
		alt[q] = ch[q]
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].safety != list[j].safety {
			return list[i].safety
		}
		return list[i].shift > list[j].shift
	})
	out := make([]Change, len(list))
	for i, f := range list {
		out[i] = f.c
	}
	return out
}
