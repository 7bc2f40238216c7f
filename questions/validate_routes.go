package questions

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// checkRoutes checks the other routes: ids unique, a label, a summary and
// sources, conditions that can hold, and next steps like an outcome's. It
// also checks the cautions' confidence_cap and confidence_factor.
func (v *validator) checkRoutes() {
	seen := map[string]int{}
	for i := range v.fb.Routes {
		r := &v.fb.Routes[i]
		p := fmt.Sprintf("route[%d]", i)
		v.checkID(p, "route", r.ID, seen, i)
		v.need(p+".label", "label", r.Label.str(), hardLabel)
		v.needVoiced(p+".summary", "summary", &r.Summary.voiced, hardText)
		v.cite(p+".sources", r.Sources)
		v.checkWhen(p+".when", &r.When, whenRoute)
		v.checkStepList(p, r.NextSteps)
		if len(r.NextSteps) == 0 {
			v.add(p, "%shas no next steps: say what to do instead of coaching or mentoring", v.where(p))
		}
	}
	for i := range v.fb.Cautions {
		c := &v.fb.Cautions[i]
		p := fmt.Sprintf("caution[%d]", i)
		for _, f := range []struct {
			key string
			n   *number
		}{{"confidence_cap", &c.ConfidenceCap}, {"confidence_factor", &c.ConfidenceFactor}} {
			if x := f.n.float(); f.n.set && f.n.fits() && (math.IsNaN(x) || x <= 0 || x > 1) {
				v.add(p+"."+f.key, "%s%s = %v: it lies above 0 and at most 1", v.where(p), f.key, x)
			}
		}
	}
}

// checkStatus checks when.status: next steps and cautions only, known
// kinds of call.
func (v *validator) checkStatus(p string, list idList, kind whenKind) {
	ids := list.ids()
	if len(ids) == 0 {
		return
	}
	if kind != whenStep && kind != whenCaution {
		v.add(p+".status", "%swhen.status is for next steps and cautions only: scores and routes come before the kind of call", v.where(parentPath(p)))
		return
	}
	for _, s := range ids {
		if !slices.Contains(Statuses, s) {
			v.add(p+".status", "%sunknown status %q in when.status (valid: %s)", v.where(parentPath(p)), s, strings.Join(Statuses, ", "))
		}
	}
}

// checkStepList checks the next steps of the outcome or route at p (ids
// unique within it, a text, sources, conditions) and returns how many
// have conditions.
func (v *validator) checkStepList(p string, steps []fileNextStep) (conditional int) {
	seen := map[string]int{}
	for j := range steps {
		s := &steps[j]
		sp := fmt.Sprintf("%s.next_steps[%d]", p, j)
		if s.ID.set {
			v.checkID(sp, "next step", s.ID, seen, j)
		}
		v.needVoiced(sp+".text", "text", &s.Text.voiced, hardText)
		v.cite(sp+".sources", s.Sources)
		v.checkWhen(sp+".when", &s.When, whenStep)
		if len(s.When.All)+len(s.When.Any)+len(s.When.None)+len(s.When.Audience.ids()) > 0 {
			conditional++
		}
	}
	return conditional
}
