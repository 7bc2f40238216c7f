package advisor

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sort"

	"guidepost/questions"
)

// Search limits for Check. A rule set beyond them is checked partially and
// says so in a warning.
const (
	maxAssignments = 1 << 20 // answer combinations of the questions rules mention
	maxGridWords   = 1 << 20 // words of the reachability grid (8 MiB)
	maxDecisions   = 1 << 24 // score pairs decided by the exact pass
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
// it; complete is false when a limit cut the search and an unreached outcome
// may still be reachable.
//
// It works in two passes. The first is linear in the rule set: for each of
// a few directions it picks, question by question, the option that moves the
// scores furthest that way (and once the option that keeps them most
// balanced), then scores those answers exactly, rules included. Every such
// answer set is a witness, so whatever it reaches is reachable; on real rule
// sets it reaches every outcome. Only an outcome it misses goes to the exact
// second pass (exhaustive), whose cost grows with the weight span.
func reachable(b *questions.Bank) (reached []bool, complete bool) {
	reached = make([]bool, len(b.Outcomes))
	left := len(reached)
	mark := func(ch questions.Choices) {
		if o, _ := decide(b, scoreOf(b, ch)); !reached[o] {
			reached[o] = true
			left--
		}
	}
	ch := b.NewChoices()
	mark(ch) // nothing answered
	for i, dir := range directions {
		if left == 0 {
			return reached, true
		}
		for q := range b.Questions {
			ch[q] = int8(bestOption(&b.Questions[q], dir))
		}
		mark(ch)
		if i == 1 { // after each side alone: where combined usually is
			mark(balanced(b, ch))
		}
	}
	if left == 0 {
		return reached, true
	}
	return exhaustive(b, reached)
}

// directions are the weightings (coaching, mentoring) the first pass of
// reachable pushes the scores toward: each side alone, against the other,
// both together, and mixtures.
var directions = [][2]int32{
	{1, -1}, {-1, 1}, {1, 0}, {0, 1}, {1, 1}, {-1, 0}, {0, -1}, {-1, -1},
	{2, -1}, {-1, 2}, {1, -2}, {-2, 1}, {2, 1}, {1, 2}, {3, 1}, {1, 3},
}

// bestOption returns the option of q whose score has the largest product
// with dir (the first on a tie).
func bestOption(q *questions.Question, dir [2]int32) int {
	best, bestV := 0, int64(math.MinInt64)
	for o := range q.Options {
		s := q.Options[o].Score
		if v := int64(dir[0])*int64(s[0]) + int64(dir[1])*int64(s[1]); v > bestV {
			best, bestV = o, v
		}
	}
	return best
}

// balanced fills ch with answers that keep both scores as high as each
// other can be: per question, the option that most raises the lower score
// (then the total). It is where combined is usually found.
func balanced(b *questions.Bank, ch questions.Choices) questions.Choices {
	var s questions.Pair
	for q := range b.Questions {
		best, bestLo, bestSum := 0, int32(math.MinInt32), int32(math.MinInt32)
		for o, opt := range b.Questions[q].Options {
			c, m := s[0]+opt.Score[0], s[1]+opt.Score[1]
			if lo, sum := min(c, m), c+m; lo > bestLo || lo == bestLo && sum > bestSum {
				best, bestLo, bestSum = o, lo, sum
			}
		}
		ch[q] = int8(best)
		s[0] += b.Questions[q].Options[best].Score[0]
		s[1] += b.Questions[q].Options[best].Score[1]
	}
	return ch
}

// exhaustive is the exact pass of reachable. Questions that no rule
// mentions add independent weight, so their reachable score pairs are
// folded into one set; the questions rules mention are enumerated in full.
// It stops as soon as every outcome is reached.
func exhaustive(b *questions.Bank, reached []bool) ([]bool, bool) {
	left := 0
	for _, r := range reached {
		if !r {
			left++
		}
	}
	ruled := ruledQuestions(b)
	free, ok := freePairs(b, ruled)
	bases, ok2 := basePairs(b, ruled)
	decisions := 0
	for _, base := range bases {
		if decisions += len(free); decisions > maxDecisions {
			return reached, false
		}
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
// shift-and-or of the grid per option; two grids are swapped, never
// reallocated.
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
	grid, next := make([]uint64, rows*words), make([]uint64, rows*words)
	grid[0] = 1
	var reach questions.Pair // the span reached so far: rows and bits beyond it are empty
	for _, q := range qs {
		lo, hi := optionBounds(&b.Questions[q])
		clear(next)
		addQuestion(next, grid, int(reach[0])+1, words, &b.Questions[q], lo)
		reach[0], reach[1] = reach[0]+hi[0]-lo[0], reach[1]+hi[1]-lo[1]
		grid, next = next, grid
	}
	return gridPairs(grid, rows, words, base), true
}

func optionBounds(q *questions.Question) (lo, hi questions.Pair) {
	lo, hi = q.Options[0].Score, q.Options[0].Score
	for _, o := range q.Options {
		for i := range 2 {
			lo[i], hi[i] = min(lo[i], o.Score[i]), max(hi[i], o.Score[i])
		}
	}
	return lo, hi
}

// addQuestion sets next to the sums reachable after also answering q,
// reading the first rows rows of grid (the rest are empty).
func addQuestion(next, grid []uint64, rows, words int, q *questions.Question, lo questions.Pair) {
	total := len(grid) / words
	for _, o := range q.Options {
		dr, db := int(o.Score[0]-lo[0]), int(o.Score[1]-lo[1])
		for r := 0; r < rows && r+dr < total; r++ {
			shiftOr(next[(r+dr)*words:(r+dr+1)*words], grid[r*words:(r+1)*words], db)
		}
	}
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
