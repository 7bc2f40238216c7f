package questions

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

func (v *validator) checkQuestions() {
	fb := v.fb
	v.qs = map[string]int{}
	v.opts = make([]map[string]int, len(fb.Questions))
	if len(fb.Questions) == 0 {
		v.add("", "the rule set has no [[question]]")
	}
	if len(fb.Questions) > maxQuestions {
		v.add("question", "the rule set has %d questions; at most %d", len(fb.Questions), maxQuestions)
		return
	}
	core := 0
	for i := range fb.Questions {
		q := &fb.Questions[i]
		p := fmt.Sprintf("question[%d]", i)
		v.checkID(p, "question", q.ID, v.qs, i)
		if q.Core.bool() {
			core++
		}
		v.checkQuestionTexts(p, q)
		v.opts[i] = v.checkOptions(p, q)
	}
	if core == 0 && len(fb.Questions) > 0 {
		v.add("question", "no question is core: mark at least one core = true (--quick asks only those)")
	}
}

func (v *validator) checkQuestionTexts(p string, q *fileQuestion) {
	v.need(p+".topic", "topic", q.Topic.str(), hardLabel)
	for _, a := range Audiences {
		v.need(p+".prompt."+a.String(), "prompt."+a.String(), q.Prompt.For(a).str(), hardPrompt)
	}
	v.need(p+".why", "why", q.Why.str(), hardText)
	v.cite(p+".sources", q.Sources)
	switch k := q.Kind.str(); k {
	case KindNeed, KindFeasibility, KindSafety, KindPerson:
	default:
		if q.Kind.fits() {
			v.add(p+".kind", "%skind %q must be one of need, feasibility, safety, person", v.where(p), k)
		}
	}
}

// beyondKeys reports whether an option other than unsure (which u picks
// wherever it is) sits past the number keys.
func beyondKeys(opts []fileOption) bool {
	for j := numberKeys; j < len(opts); j++ {
		if opts[j].ID.str() != UnsureID {
			return true
		}
	}
	return false
}

// checkOptions checks a question's options and returns their ids.
func (v *validator) checkOptions(p string, q *fileQuestion) map[string]int {
	ids := map[string]int{}
	n := len(q.Options)
	if n < 2 || n > maxOptions {
		v.add(p, "%shas %d options; a question has 2 to %d", v.where(p), n, maxOptions)
	}
	if beyondKeys(q.Options) {
		v.warn(p, "%shas %d options; only the first %d can be picked with a number key (1 to 9, then 0), and past them only unsure has a key of its own (u)", v.where(p), n, numberKeys)
	}
	labels := map[string]bool{}
	unsure := false
	for j := range q.Options {
		o := &q.Options[j]
		op := fmt.Sprintf("%s.option[%d]", p, j)
		if !v.checkID(op, "option", o.ID, ids, j) {
			continue
		}
		label := o.Label.def()
		v.needVoiced(op+".label", "label", &o.Label.voiced, hardLabel)
		for _, x := range o.Label.variants() {
			if len([]rune(x.text)) > softLabel {
				name, lp := "label", op+".label"
				if o.Label.isTable() {
					name, lp = "label."+x.key, lp+"."+x.key
				}
				v.warn(lp, "%s%s is longer than %d characters and will wrap at 80 columns", v.where(op), name, softLabel)
			}
		}
		if l := strings.ToLower(label); labels[l] && l != "" {
			v.warn(op+".label", "%slabel %q is used twice in this question", v.where(op), label)
		}
		labels[strings.ToLower(label)] = true
		v.needVoiced(op+".description", "description", &o.Description.voiced, hardPrompt)
		v.checkOption(op, o)
		unsure = unsure || o.ID.str() == UnsureID
	}
	if !unsure {
		v.add(p, "%shas no %q option: every question offers it, with no weights", v.where(p), UnsureID)
	}
	return ids
}

func (v *validator) checkOption(op string, o *fileOption) {
	weighted := v.checkWeights(op+".weights", &o.Weights)
	if o.ID.str() == UnsureID {
		if weighted {
			v.add(op+".weights", "%sunsure carries no evidence: remove its weights", v.where(op))
		}
		return
	}
	if weighted {
		v.needVoiced(op+".rationale", "rationale", &o.Rationale.voiced, hardText)
		v.cite(op+".sources", o.Sources)
	} else if o.Rationale.set || o.Sources.set {
		v.cite(op+".sources", o.Sources)
	}
}

// checkWeights checks the outcome ids, the range and the step of weights
// toward outcomes, and reports whether any is non-zero.
func (v *validator) checkWeights(path string, w *weights) (nonZero bool) {
	for _, e := range w.entries() {
		switch e.outcome {
		case Coaching, Mentoring:
		case Combined:
			v.add(path, "%sweights name only coaching and mentoring: combined is decided from both scores, not weighted", v.where(elemPath(path)))
			continue
		default:
			msg := fmt.Sprintf("%sunknown outcome %q in %s", v.where(elemPath(path)), e.outcome, lastKey(path))
			if s := suggest(e.outcome, []string{Coaching, Mentoring}); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			v.add(path, "%s", msg)
			continue
		}
		if !validWeight(e.w) {
			v.add(path, "%s%s %s = %v: a weight lies between %v and %v in steps of 0.5", v.where(elemPath(path)), lastKey(path), e.outcome, e.w, -maxWeight, maxWeight)
			continue
		}
		nonZero = nonZero || e.w != 0
	}
	return nonZero
}

func validWeight(x float64) bool {
	return !math.IsNaN(x) && x >= -maxWeight && x <= maxWeight && x*2 == math.Trunc(x*2)
}

func (v *validator) checkRules() {
	fb := v.fb
	if len(fb.Rules) > maxRules {
		v.add("rule", "the rule set has %d rules; at most %d", len(fb.Rules), maxRules)
		return
	}
	seen := map[string]int{}
	for i := range fb.Rules {
		r := &fb.Rules[i]
		p := fmt.Sprintf("rule[%d]", i)
		v.checkID(p, "rule", r.ID, seen, i)
		v.checkWhen(p+".when", &r.When, whenRule)
		if !v.checkWeights(p+".add", &r.Add) && r.Add.fits() {
			v.add(p+".add", "%sadds no weight: give it add = { coaching = …, mentoring = … } (use a [[caution]] to warn)", v.where(p))
		}
		v.needVoiced(p+".reason", "reason", &r.Reason.voiced, hardText)
		v.cite(p+".sources", r.Sources)
	}
}

func (v *validator) checkCautions() {
	fb := v.fb
	seen := map[string]int{}
	for i := range fb.Cautions {
		c := &fb.Cautions[i]
		p := fmt.Sprintf("caution[%d]", i)
		v.checkID(p, "caution", c.ID, seen, i)
		v.checkWhen(p+".when", &c.When, whenCaution)
		v.needVoiced(p+".text", "text", &c.Text.voiced, hardText)
		v.cite(p+".sources", c.Sources)
	}
	if len(fb.Cautions) > maxCautions {
		v.add("caution", "the rule set has %d cautions; at most %d", len(fb.Cautions), maxCautions)
	}
}

// What a when belongs to: its checks differ.
type whenKind int

const (
	whenRule    whenKind = iota // must have conditions; no recommendation
	whenCaution                 // may name outcomes instead of conditions
	whenStep                    // may have no conditions; may name audiences
	whenRoute                   // must have conditions; nothing else
)

// checkNextSteps checks every outcome's next steps: ids unique within the
// outcome, a text and sources, and conditions like a rule's (none needed:
// a step without conditions is always advised). It runs after the
// questions, which the conditions name.
func (v *validator) checkNextSteps() {
	for i := range v.fb.Outcomes {
		o := &v.fb.Outcomes[i]
		p := fmt.Sprintf("outcome[%d]", i)
		if conditional := v.checkStepList(p, o.NextSteps); len(o.NextSteps) > 0 && conditional == len(o.NextSteps) {
			v.warn(p+".next_steps", "%severy next step has conditions, so some answers get no next step: give at least one step no when", v.where(p))
		}
	}
}

// checkWhen checks the conditions of a rule, caution or next step and
// rejects conditions that can never hold.
func (v *validator) checkWhen(p string, w *fileWhen, kind whenKind) {
	n := len(w.All) + len(w.Any) + len(w.None)
	if n == 0 && (kind == whenRule || kind == whenRoute) || n == 0 && kind == whenCaution && len(w.Recommendation.ids()) == 0 && len(w.Status.ids()) == 0 {
		v.add(p, "%shas no conditions: add when.all, when.any or when.none", v.where(parentPath(p)))
	}
	if n > maxConditions {
		v.add(p, "%shas %d conditions; at most %d", v.where(parentPath(p)), n, maxConditions)
	}
	masks := map[string][]condMask{}
	for _, list := range []struct {
		name  string
		conds []fileCond
	}{{"all", w.All}, {"any", w.Any}, {"none", w.None}} {
		for i := range list.conds {
			if q, m, ok := v.checkCond(p+"."+list.name, i, &list.conds[i]); ok {
				masks[list.name] = append(masks[list.name], condMask{q, m})
			}
		}
	}
	v.checkContradiction(p, masks["all"], masks["any"], masks["none"])
	v.checkRecommendation(p, w.Recommendation, kind)
	v.checkAudience(p, w.Audience, kind)
	v.checkStatus(p, w.Status, kind)
}

// checkAudience checks when.audience: next steps only, known audiences.
func (v *validator) checkAudience(p string, list idList, kind whenKind) {
	ids := list.ids()
	if len(ids) == 0 {
		return
	}
	if kind != whenStep {
		v.add(p+".audience", "%swhen.audience is for next steps only: scores and cautions do not depend on who reads them", v.where(parentPath(p)))
		return
	}
	for _, a := range ids {
		if !Audience(a).Known() {
			v.add(p+".audience", "%sunknown audience %q in when.audience (valid: %s)", v.where(parentPath(p)), a, strings.Join(AudienceNames(), ", "))
		}
	}
}

type condMask struct {
	q    int
	mask uint64
}

// checkCond checks one condition and returns its question and option mask.
func (v *validator) checkCond(p string, i int, c *fileCond) (int, uint64, bool) {
	label := fmt.Sprintf("%s%s[%d]", v.where(parentPath(parentPath(p))), lastKey(parentPath(p))+"."+lastKey(p), i)
	id := c.Question.str()
	q, ok := v.qs[id]
	if !ok {
		if c.Question.fits() {
			msg := fmt.Sprintf("%s: unknown question %q", label, id)
			if s := suggest(id, keys(v.qs)); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			v.add(p, "%s", msg)
		}
		return 0, 0, false
	}
	opts := v.opts[q]
	in := c.In.ids()
	if len(in) == 0 && c.In.fits() {
		v.add(p, "%s: in is empty: list the options of %q that make it hold", label, id)
	}
	var mask uint64
	for _, o := range in {
		j, ok := opts[o]
		if !ok {
			v.add(p, "%s: %q is not an option of question %q (valid: %s)", label, o, id, strings.Join(v.optionIDs(q), ", "))
			continue
		}
		if mask&(1<<j) != 0 {
			v.add(p, "%s: option %q is listed twice", label, o)
		}
		mask |= 1 << j
	}
	return q, mask, mask != 0
}

// optionIDs returns question q's valid option ids in file order.
func (v *validator) optionIDs(q int) []string {
	var out []string
	for _, o := range v.fb.Questions[q].Options {
		if _, ok := v.opts[q][o.ID.str()]; ok {
			out = append(out, o.ID.str())
		}
	}
	return out
}

// checkContradiction rejects a when whose conditions could never hold:
// all/none conditions that leave some question with no option, or any
// conditions of which none can hold beside them.
func (v *validator) checkContradiction(p string, all, anyOf, none []condMask) {
	allowed := map[int]uint64{}
	var order []int
	for _, c := range all {
		if m, ok := allowed[c.q]; ok {
			allowed[c.q] = m & c.mask
		} else {
			allowed[c.q] = c.mask
			order = append(order, c.q)
		}
	}
	for _, c := range none {
		if m, ok := allowed[c.q]; ok {
			allowed[c.q] = m &^ c.mask
		} else {
			allowed[c.q] = fullMask(len(v.fb.Questions[c.q].Options)) &^ c.mask
			order = append(order, c.q)
		}
	}
	for _, q := range order {
		if allowed[q] == 0 {
			v.add(p, "%sits conditions on question %q contradict each other: it can never hold", v.where(parentPath(p)), v.fb.Questions[q].ID.str())
			return
		}
	}
	if len(anyOf) == 0 {
		return
	}
	var qs []string
	for _, c := range anyOf {
		m, ok := allowed[c.q]
		if !ok || m&c.mask != 0 {
			return
		}
		qs = append(qs, fmt.Sprintf("%q", v.fb.Questions[c.q].ID.str()))
	}
	v.add(p, "%sno condition of when.any can hold beside when.all and when.none (on question %s): it can never hold", v.where(parentPath(p)), strings.Join(slices.Compact(qs), ", "))
}

func fullMask(n int) uint64 { return 1<<n - 1 }

func (v *validator) checkRecommendation(p string, recs idList, kind whenKind) {
	ids := recs.ids()
	if len(ids) == 0 {
		return
	}
	switch kind {
	case whenRule:
		v.add(p+".recommendation", "%swhen.recommendation is for cautions only: a rule's weight cannot depend on the result", v.where(parentPath(p)))
		return
	case whenStep:
		v.add(p+".recommendation", "%swhen.recommendation is for cautions only: a next step already belongs to its outcome", v.where(parentPath(p)))
		return
	case whenRoute:
		v.add(p+".recommendation", "%swhen.recommendation is for cautions only: a route is decided before any recommendation", v.where(parentPath(p)))
		return
	}
	for _, id := range ids {
		if _, ok := v.outs[id]; !ok {
			v.add(p+".recommendation", "%sunknown outcome %q in when.recommendation (valid: coaching, mentoring, combined)", v.where(parentPath(p)), id)
		}
	}
}

func (v *validator) checkDimensions() {
	seen := map[string]int{}
	for i := range v.fb.Dimensions {
		d := &v.fb.Dimensions[i]
		p := fmt.Sprintf("dimension[%d]", i)
		v.checkID(p, "dimension", d.ID, seen, i)
		v.need(p+".label", "label", d.Label.str(), hardLabel)
		v.need(p+".coaching", "coaching.text", d.Coaching.Text.str(), hardText)
		v.cite(p+".coaching", d.Coaching.Sources)
		v.need(p+".mentoring", "mentoring.text", d.Mentoring.Text.str(), hardText)
		v.cite(p+".mentoring", d.Mentoring.Sources)
		if d.Disagreement.Text.str() != "" || d.Disagreement.Sources.set {
			v.need(p+".disagreement", "disagreement.text", d.Disagreement.Text.str(), hardText)
			v.cite(p+".disagreement", d.Disagreement.Sources)
		}
	}
}
