package questions

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

func (v *validator) checkQuestions() {
	b := v.bank
	b.qindex = map[string]int{}
	if len(b.Questions) == 0 {
		v.add("", "the rule set has no [[question]]")
	}
	if len(b.Questions) > MaxQuestions {
		v.add("question", "the rule set has %d questions; at most %d", len(b.Questions), MaxQuestions)
		return
	}
	core := 0
	for i := range b.Questions {
		q := &b.Questions[i]
		p := fmt.Sprintf("question[%d]", i)
		v.checkID(p, "question", q.ID, b.qindex, i)
		if q.Core {
			core++
		}
		v.checkQuestionTexts(p, q)
		v.checkOptions(p, q)
	}
	if core == 0 && len(b.Questions) > 0 {
		v.add("question", "no question is core: mark at least one core = true (--quick asks only those)")
	}
}

func (v *validator) checkQuestionTexts(p string, q *Question) {
	v.need(p+".topic", "topic", q.Topic, hardLabel)
	for _, a := range Audiences {
		v.need(p+".prompt."+a, "prompt."+a, q.Prompt.For(a), hardPrompt)
	}
	v.need(p+".why", "why", q.Why, hardText)
	v.cite(p+".sources", q.Sources)
	switch q.Kind {
	case KindNeed, KindFeasibility, KindSafety:
	default:
		v.add(p+".kind", "%skind %q must be one of need, feasibility, safety", where(v.bank, p), q.Kind)
	}
}

func (v *validator) checkOptions(p string, q *Question) {
	q.oindex = map[string]int{}
	q.unsure = -1
	n := len(q.Options)
	if n < 2 || n > MaxOptions {
		v.add(p, "%shas %d options; a question has 2 to %d", where(v.bank, p), n, MaxOptions)
	}
	if n > 9 {
		v.warn(p, "%shas %d options; only 1 to 9 can be picked with a number key", where(v.bank, p), n)
	}
	labels := map[string]bool{}
	for j := range q.Options {
		o := &q.Options[j]
		op := fmt.Sprintf("%s.option[%d]", p, j)
		if !v.checkID(op, "option", o.ID, q.oindex, j) {
			continue
		}
		v.need(op+".label", "label", o.Label, hardLabel)
		if len([]rune(o.Label)) > SoftLabel {
			v.warn(op+".label", "%slabel is longer than %d characters and will wrap at 80 columns", where(v.bank, op), SoftLabel)
		}
		if l := strings.ToLower(o.Label); labels[l] && l != "" {
			v.warn(op+".label", "%slabel %q is used twice in this question", where(v.bank, op), o.Label)
		}
		labels[strings.ToLower(o.Label)] = true
		v.need(op+".description", "description", o.Description, hardPrompt)
		v.checkOption(op, o)
		if o.ID == UnsureID {
			q.unsure = j
		}
	}
	if q.unsure < 0 {
		v.add(p, "%shas no %q option: every question offers it, with no weights", where(v.bank, p), UnsureID)
	}
	q.Impact, q.Lead = spread(q.Options)
}

// spread returns the largest evidence any option carries and the largest
// lead toward each side.
func spread(opts []Option) (impact int32, lead Pair) {
	abs := func(x int32) int32 { return max(x, -x) }
	for _, o := range opts {
		w := o.Score
		impact = max(impact, abs(w[0])+abs(w[1]))
		lead[0] = max(lead[0], w[0]-w[1])
		lead[1] = max(lead[1], w[1]-w[0])
	}
	return impact, lead
}

func (v *validator) checkOption(op string, o *Option) {
	o.Score = v.pair(op+".weights", o.Weights)
	if o.ID == UnsureID {
		if o.Score != (Pair{}) {
			v.add(op+".weights", "%sunsure carries no evidence: remove its weights", where(v.bank, op))
		}
		return
	}
	if o.Score != (Pair{}) {
		v.need(op+".rationale", "rationale", o.Rationale, hardText)
		v.cite(op+".sources", o.Sources)
	} else if o.Rationale != "" || len(o.Sources) > 0 {
		v.cite(op+".sources", o.Sources)
	}
}

// pair converts weights toward outcomes into half points, checking the
// outcome ids, the range and the step.
func (v *validator) pair(path string, w map[string]float64) Pair {
	var p Pair
	for _, id := range sortedWeightKeys(w) {
		x := w[id]
		i := 0
		switch id {
		case Coaching:
		case Mentoring:
			i = 1
		case Combined:
			v.add(path, "%sweights name only coaching and mentoring: combined is decided from both scores, not weighted", where(v.bank, parentPath(path)))
			continue
		default:
			msg := fmt.Sprintf("%sunknown outcome %q in %s", where(v.bank, parentPath(path)), id, lastKey(path))
			if s := suggest(id, []string{Coaching, Mentoring}); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			v.add(path, "%s", msg)
			continue
		}
		if math.IsNaN(x) || x < -MaxWeight || x > MaxWeight || x*2 != math.Trunc(x*2) {
			v.add(path, "%s%s %s = %v: a weight lies between -5 and 5 in steps of 0.5", where(v.bank, parentPath(path)), lastKey(path), id, x)
			continue
		}
		p[i] = int32(x * 2)
	}
	return p
}

func sortedWeightKeys(w map[string]float64) []string {
	out := make([]string, 0, len(w))
	for k := range w {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (v *validator) checkRules() {
	b := v.bank
	if len(b.Rules) > MaxRules {
		v.add("rule", "the rule set has %d rules; at most %d", len(b.Rules), MaxRules)
		return
	}
	seen := map[string]int{}
	for i := range b.Rules {
		r := &b.Rules[i]
		p := fmt.Sprintf("rule[%d]", i)
		v.checkID(p, "rule", r.ID, seen, i)
		v.checkWhen(p+".when", &r.When, false)
		r.Score = v.pair(p+".add", r.Add)
		if r.Score == (Pair{}) {
			v.add(p+".add", "%sadds no weight: give it add = { coaching = …, mentoring = … } (use a [[caution]] to warn)", where(b, p))
		}
		v.need(p+".reason", "reason", r.Reason, hardText)
		v.cite(p+".sources", r.Sources)
	}
}

func (v *validator) checkCautions() {
	b := v.bank
	seen := map[string]int{}
	for i := range b.Cautions {
		c := &b.Cautions[i]
		p := fmt.Sprintf("caution[%d]", i)
		v.checkID(p, "caution", c.ID, seen, i)
		v.checkWhen(p+".when", &c.When, true)
		v.need(p+".text", "text", c.Text, hardText)
		v.cite(p+".sources", c.Sources)
	}
	if len(b.Cautions) > 64 {
		v.add("caution", "the rule set has %d cautions; at most 64", len(b.Cautions))
	}
}

// checkWhen resolves a rule's or caution's conditions into question indexes
// and option bitmasks, and rejects conditions that can never hold.
func (v *validator) checkWhen(p string, w *When, cautions bool) {
	n := len(w.All) + len(w.Any) + len(w.None)
	if n == 0 && (!cautions || len(w.Recommendation) == 0) {
		v.add(p, "%shas no conditions: add when.all, when.any or when.none", where(v.bank, parentPath(p)))
	}
	if n > MaxConditions {
		v.add(p, "%shas %d conditions; at most %d", where(v.bank, parentPath(p)), n, MaxConditions)
	}
	for _, list := range []struct {
		name  string
		conds []Cond
	}{{"all", w.All}, {"any", w.Any}, {"none", w.None}} {
		for i := range list.conds {
			v.checkCond(fmt.Sprintf("%s.%s", p, list.name), i, &list.conds[i])
		}
	}
	v.checkContradiction(p, w)
	w.RecMask = v.recMask(p, w.Recommendation, cautions)
}

func (v *validator) checkCond(p string, i int, c *Cond) {
	b := v.bank
	label := fmt.Sprintf("%s%s[%d]", where(b, parentPath(parentPath(p))), lastKey(parentPath(p))+"."+lastKey(p), i)
	q, ok := b.qindex[c.Question]
	if !ok {
		msg := fmt.Sprintf("%s: unknown question %q", label, c.Question)
		if s := suggest(c.Question, keys(b.qindex)); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		}
		v.add(p, "%s", msg)
		return
	}
	c.Q = q
	if len(c.In) == 0 {
		v.add(p, "%s: in is empty: list the options of %q that make it hold", label, c.Question)
	}
	for _, id := range c.In {
		o, ok := b.Questions[q].oindex[id]
		if !ok {
			v.add(p, "%s: %q is not an option of question %q (valid: %s)", label, id, c.Question, strings.Join(b.OptionIDs(q), ", "))
			continue
		}
		if c.Mask&(1<<o) != 0 {
			v.add(p, "%s: option %q is listed twice", label, id)
		}
		c.Mask |= 1 << o
	}
}

// checkContradiction rejects a when whose all/none conditions leave some
// question with no option that satisfies them: it could never hold.
func (v *validator) checkContradiction(p string, w *When) {
	allowed := map[int]uint64{}
	for _, c := range w.All {
		if c.Mask == 0 {
			return // already reported as empty or unknown
		}
		if m, ok := allowed[c.Q]; ok {
			allowed[c.Q] = m & c.Mask
		} else {
			allowed[c.Q] = c.Mask
		}
	}
	for _, c := range w.None {
		if m, ok := allowed[c.Q]; ok {
			allowed[c.Q] = m &^ c.Mask
		} else if c.Q < len(v.bank.Questions) {
			allowed[c.Q] = fullMask(len(v.bank.Questions[c.Q].Options)) &^ c.Mask
		}
	}
	for q, m := range allowed {
		if m == 0 && q < len(v.bank.Questions) && v.bank.Questions[q].oindex != nil {
			v.add(p, "%sits conditions on question %q contradict each other: it can never hold", where(v.bank, parentPath(p)), v.bank.Questions[q].ID)
			return
		}
	}
}

func fullMask(n int) uint64 { return 1<<n - 1 }

func (v *validator) recMask(p string, recs []string, cautions bool) uint8 {
	if len(recs) == 0 {
		return 0xff
	}
	if !cautions {
		v.add(p+".recommendation", "%swhen.recommendation is for cautions only: a rule's weight cannot depend on the result", where(v.bank, parentPath(p)))
		return 0
	}
	var m uint8
	for _, id := range recs {
		i, ok := v.bank.oindex[id]
		if !ok {
			v.add(p+".recommendation", "%sunknown outcome %q in when.recommendation (valid: coaching, mentoring, combined)", where(v.bank, parentPath(p)), id)
			continue
		}
		m |= 1 << i
	}
	return m
}

func (v *validator) checkDimensions() {
	seen := map[string]int{}
	for i, d := range v.bank.Dimensions {
		p := fmt.Sprintf("dimension[%d]", i)
		v.checkID(p, "dimension", d.ID, seen, i)
		v.need(p+".label", "label", d.Label, hardLabel)
		v.need(p+".coaching", "coaching.text", d.Coaching.Text, hardText)
		v.cite(p+".coaching", d.Coaching.Sources)
		v.need(p+".mentoring", "mentoring.text", d.Mentoring.Text, hardText)
		v.cite(p+".mentoring", d.Mentoring.Sources)
		if d.Disagreement.Text != "" || len(d.Disagreement.Sources) > 0 {
			v.need(p+".disagreement", "disagreement.text", d.Disagreement.Text, hardText)
			v.cite(p+".disagreement", d.Disagreement.Sources)
		}
	}
}
