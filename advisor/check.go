package advisor

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"

	"guidepost/questions"
)

// Search limits for Check. A rule set beyond them is checked partially and
// says so in a warning.
const (
	maxAssignments = 1 << 20 // answer combinations of the questions rules mention
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
// reachable score pairs are folded into one set; the questions rules mention
// are enumerated in full. complete is false when a limit cut the search.
func reachable(b *questions.Bank) (reached []bool, complete bool) {
	reached = make([]bool, len(b.Outcomes))
	ruled := ruledQuestions(b)
	free, ok := freePairs(b, ruled)
	bases, ok2 := basePairs(b, ruled)
	left := len(reached)
	for _, base := range bases {
		for _, f := range free {
			o, _ := decide(b, questions.Pair{base[0] + f[0], base[1] + f[1]})
			if !reached[o] {
				reached[o] = true
				if left--; left == 0 {
					return reached, true
				}
			}
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
// pairs they can add together. The set is a grid of bits, one row per
// coaching score and one bit per mentoring score, so adding a question is a
// shift-and-or of the grid per option.
func freePairs(b *questions.Bank, ruled []int) ([]questions.Pair, bool) {
	isRuled := map[int]bool{}
	for _, q := range ruled {
		isRuled[q] = true
	}
	var qs []int
	var base, span questions.Pair
	for q := range b.Questions {
		if isRuled[q] {
			continue
		}
		lo, hi := optionBounds(&b.Questions[q])
		base[0], base[1] = base[0]+lo[0], base[1]+lo[1]
		span[0], span[1] = span[0]+hi[0]-lo[0], span[1]+hi[1]-lo[1]
		qs = append(qs, q)
	}
	rows, words := int(span[0])+1, int(span[1])/64+1
	if rows*words > maxGridWords {
		return []questions.Pair{base}, false
	}
	grid := make([]uint64, rows*words)
	grid[0] = 1
	for _, q := range qs {
		grid = addQuestion(grid, rows, words, &b.Questions[q])
	}
	return gridPairs(grid, rows, words, base), true
}

// maxGridWords bounds the reachability grid (8 MiB).
const maxGridWords = 1 << 20

func optionBounds(q *questions.Question) (lo, hi questions.Pair) {
	lo, hi = q.Options[0].Score, q.Options[0].Score
	for _, o := range q.Options {
		for i := range 2 {
			lo[i], hi[i] = min(lo[i], o.Score[i]), max(hi[i], o.Score[i])
		}
	}
	return lo, hi
}

// addQuestion returns the grid of sums reachable after also answering q.
func addQuestion(grid []uint64, rows, words int, q *questions.Question) []uint64 {
	lo, _ := optionBounds(q)
	next := make([]uint64, len(grid))
	for _, o := range q.Options {
		dr, db := int(o.Score[0]-lo[0]), int(o.Score[1]-lo[1])
		for r := 0; r+dr < rows; r++ {
			shiftOr(next[(r+dr)*words:(r+dr+1)*words], grid[r*words:(r+1)*words], db)
		}
	}
	return next
}

// shiftOr sets dst |= src << n over bitsets of equal length.
func shiftOr(dst, src []uint64, n int) {
	w, bit := n/64, uint(n%64)
	for i := len(dst) - 1; i >= w; i-- {
		v := src[i-w] << bit
		if bit > 0 && i-w-1 >= 0 {
			v |= src[i-w-1] >> (64 - bit)
		}
		dst[i] |= v
	}
}

func gridPairs(grid []uint64, rows, words int, base questions.Pair) []questions.Pair {
	var out []questions.Pair
	for r := 0; r < rows; r++ {
		for w := 0; w < words; w++ {
			for v := grid[r*words+w]; v != 0; v &= v - 1 {
				m := w*64 + bits.TrailingZeros64(v)
				out = append(out, questions.Pair{base[0] + int32(r), base[1] + int32(m)})
			}
		}
	}
	return out
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
