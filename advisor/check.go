package advisor

import (
	"errors"
	"fmt"
	"sort"

	"guidepost/questions"
)

// Search limits for Check. A rule set beyond them is checked partially and
// says so in a warning.
const (
	maxAssignments = 1 << 20 // answer combinations of the questions rules mention
	maxStates      = 1 << 18 // distinct score pairs reachable by the other questions
)

// Check runs the decision-level checks on b: every outcome must be reachable
// by some set of answers (an error otherwise), and it warns when the
// feasibility questions alone can outweigh the margin (the need must decide
// the kind of support, not the budget) or when answering nothing raises a
// score.
func Check(b *questions.Bank) (warnings []string, err error) {
	reached, complete := reachable(b)
	var errs []error
	for i, o := range b.Outcomes {
		if !reached[i] && complete {
			errs = append(errs, fmt.Errorf("%s: outcome %q can never be recommended: no combination of answers reaches it (check the weights and the [decision] parameters)", b.Name, o.ID))
		}
	}
	if !complete {
		warnings = append(warnings, fmt.Sprintf("%s: the rule set is too large to search every combination of answers; reachability of outcomes was not fully checked", b.Name))
	}
	if w := feasibilitySwing(b); w != "" {
		warnings = append(warnings, w)
	}
	if s := scoreOf(b, b.NewChoices()); s != (questions.Pair{}) {
		warnings = append(warnings, fmt.Sprintf("%s: with nothing answered the scores are %v and %v, not 0: a rule fires on unsure answers", b.Name, float64(s[0])/2, float64(s[1])/2))
	}
	return warnings, errors.Join(errs...)
}

// reachable reports, for each outcome, whether some set of answers leads to
// it. Questions that no rule mentions add independent weight, so their
// reachable score pairs are folded into a set; the questions rules mention
// are enumerated in full. complete is false when a limit cut the search.
func reachable(b *questions.Bank) (reached []bool, complete bool) {
	reached = make([]bool, len(b.Outcomes))
	ruled := ruledQuestions(b)
	free, ok := freePairs(b, ruled)
	bases, ok2 := basePairs(b, ruled)
	for _, base := range bases {
		for _, f := range free {
			o, _ := decide(b, questions.Pair{base[0] + f[0], base[1] + f[1]})
			reached[o] = true
		}
	}
	return reached, ok && ok2
}

// ruledQuestions returns the indexes of questions some rule mentions.
func ruledQuestions(b *questions.Bank) []int {
	seen := map[int]bool{}
	for i := range b.Rules {
		w := &b.Rules[i].When
		for _, list := range [][]questions.Cond{w.All, w.Any, w.None} {
			for _, c := range list {
				seen[c.Q] = true
			}
		}
	}
	out := make([]int, 0, len(seen))
	for q := range seen {
		out = append(out, q)
	}
	sort.Ints(out)
	return out
}

// freePairs folds the questions no rule mentions into the set of score
// pairs they can add together.
func freePairs(b *questions.Bank, ruled []int) ([]questions.Pair, bool) {
	isRuled := map[int]bool{}
	for _, q := range ruled {
		isRuled[q] = true
	}
	set := map[questions.Pair]bool{{}: true}
	for q := range b.Questions {
		if isRuled[q] {
			continue
		}
		next := map[questions.Pair]bool{}
		for p := range set {
			for _, o := range b.Questions[q].Options {
				next[questions.Pair{p[0] + o.Score[0], p[1] + o.Score[1]}] = true
			}
		}
		if len(next) > maxStates {
			return sortedPairs(set), false
		}
		set = next
	}
	return sortedPairs(set), true
}

// basePairs enumerates every answer combination of the ruled questions and
// returns the distinct score pairs they give, rules included.
func basePairs(b *questions.Bank, ruled []int) ([]questions.Pair, bool) {
	ch := b.NewChoices()
	set := map[questions.Pair]bool{}
	count := 0
	var walk func(i int) bool
	walk = func(i int) bool {
		if i == len(ruled) {
			count++
			set[scoreOf(b, ch)] = true
			return count < maxAssignments
		}
		q := ruled[i]
		for o := range b.Questions[q].Options {
			ch[q] = int8(o)
			if !walk(i + 1) {
				return false
			}
		}
		ch[q] = questions.NoAnswer
		return true
	}
	done := walk(0)
	return sortedPairs(set), done
}

func sortedPairs(set map[questions.Pair]bool) []questions.Pair {
	out := make([]questions.Pair, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// feasibilitySwing warns when the feasibility questions alone (their own
// weights and the rules that mention them) can move the gap between the
// scores by the margin or more.
func feasibilitySwing(b *questions.Bank) string {
	var swing int32
	feasible := map[int]bool{}
	for q := range b.Questions {
		qq := &b.Questions[q]
		if qq.Kind != questions.KindFeasibility {
			continue
		}
		feasible[q] = true
		lo, hi := int32(0), int32(0)
		for _, o := range qq.Options {
			d := o.Score[0] - o.Score[1]
			lo, hi = min(lo, d), max(hi, d)
		}
		swing += hi - lo
	}
	for i := range b.Rules {
		if mentions(&b.Rules[i].When, feasible) {
			swing += abs32(b.Rules[i].Score[0] - b.Rules[i].Score[1])
		}
	}
	if float64(swing) < 2*b.Decision.Margin {
		return ""
	}
	return fmt.Sprintf("%s: the feasibility questions (budget, availability, timing) can move the scores by up to %v, not less than the margin (%v): they could flip a clear need", b.Name, float64(swing)/2, b.Decision.Margin)
}

func mentions(w *questions.When, qs map[int]bool) bool {
	for _, list := range [][]questions.Cond{w.All, w.Any, w.None} {
		for _, c := range list {
			if qs[c.Q] {
				return true
			}
		}
	}
	return false
}
