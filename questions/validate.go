package questions

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// idPattern is compiled when a rule set is first checked, not at every
// start of the program.
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`) })

// validator is the second step of Parse: it checks a decoded file and
// reports problems (errors) and warnings, each by path; it changes nothing.
// The sets it builds (ids seen) are its own; compile builds the bank's.
type validator struct {
	fb   *fileBank
	p    *problems // errors
	w    *problems // warnings
	qs   map[string]int
	opts []map[string]int // option ids per question (nil: not checked)
	srcs map[string]int
	outs map[string]int
}

func validate(fb *fileBank, p, w *problems) {
	v := &validator{fb: fb, p: p, w: w}
	v.checkValues(reflect.ValueOf(fb).Elem(), &pathStack{})
	v.checkDecision()
	v.checkSources()
	v.checkOutcomes()
	v.checkQuestions()
	v.checkNextSteps()
	v.checkRules()
	v.checkCautions()
	v.checkDimensions()
	v.checkRoutes()
}

func (v *validator) add(path, format string, args ...any)  { v.p.add(path, format, args...) }
func (v *validator) warn(path, format string, args ...any) { v.w.add(path, format, args...) }

// where describes the element path p for a message (see describePath).
func (v *validator) where(p string) string { return v.fb.where(p) }

// name names a value's path for a message: its element by id, then the
// keys below it ("question "need": prompt.self"); a path outside any array
// is given as written ("decision.margin").
func (v *validator) name(path string) string {
	e := elemPath(path)
	if e == "" {
		return path
	}
	return v.where(e) + strings.TrimPrefix(path[len(e):], ".")
}

func (v *validator) checkDecision() {
	d := &v.fb.Decision
	if !(d.Margin.float() > 0) {
		v.add("decision.margin", "decision: margin must be greater than 0 (it separates a clear call from a close one)")
	}
	if f := d.CombinedFloor.float(); f < 0 || math.IsNaN(f) {
		v.add("decision.combined_floor", "decision: combined_floor must be 0 or more")
	}
	if f := d.CombinedBalance.float(); f < 0 || f > 1 || math.IsNaN(f) {
		v.add("decision.combined_balance", "decision: combined_balance must be between 0 and 1")
	}
	if d.Undecided.str() == "" {
		v.add("decision", "decision: undecided is missing: name the outcome reported when the scores tie exactly")
	}
}

// checkID checks an id's syntax and uniqueness within seen.
func (v *validator) checkID(path, kind string, id ident, seen map[string]int, idx int) bool {
	s := id.str()
	switch {
	case !id.fits():
		return false // reported as a wrong type
	case s == "":
		v.add(path, "%s #%d has no id", kind, idx+1)
		return false
	case !idPattern().MatchString(s):
		v.add(join(path, "id"), "%s id %q must be lower case letters, digits and _ (starting with a letter, at most 40)", kind, s)
		return false
	}
	if first, dup := seen[s]; dup {
		v.add(join(path, "id"), "%s%s id %q is defined twice (also %s #%d)", v.where(parentPath(path)), kind, s, kind, first+1)
		return false
	}
	seen[s] = idx
	return true
}

// needVoiced checks that a voiced text has a default (unless checkVoiced
// already said it lacks one) and that no variant is longer than limit.
func (v *validator) needVoiced(path, what string, t *voiced, limit int) {
	if t.isTable() && t.def() == "" {
		if slices.ContainsFunc(t.variants(), func(x variant) bool { return x.key == "default" }) {
			v.need(path, what+".default", "", limit)
		}
	} else {
		v.need(path, what, t.def(), limit)
	}
	for _, x := range t.variants() {
		if x.key != "default" {
			if n := len([]rune(x.text)); n > limit {
				v.add(path+"."+x.key, "%s%s.%s is %d characters; at most %d", v.where(elemPath(path)), what, x.key, n, limit)
			}
		}
	}
}

// need checks that a text is given and at most limit runes long.
func (v *validator) need(path, what, text string, limit int) {
	if strings.TrimSpace(text) == "" {
		v.add(path, "%s%s is empty", v.where(elemPath(path)), what)
	} else if n := len([]rune(text)); n > limit {
		v.add(path, "%s%s is %d characters; at most %d", v.where(elemPath(path)), what, n, limit)
	}
}

func (v *validator) checkSources() {
	fb := v.fb
	v.srcs = map[string]int{}
	if len(fb.Sources) == 0 {
		v.add("", "the rule set has no [[source]]: every question and rule must cite one")
	}
	for i := range fb.Sources {
		s := &fb.Sources[i]
		p := fmt.Sprintf("source[%d]", i)
		v.checkID(p, "source", s.ID, v.srcs, i)
		v.need(p+".publisher", "publisher", s.Publisher.str(), hardLabel)
		v.need(p+".title", "title", s.Title.str(), hardPrompt)
	}
}

// cite checks that sources is non-empty and names defined sources.
func (v *validator) cite(path string, sources idList) {
	ids := sources.ids()
	if len(ids) == 0 && sources.fits() {
		v.add(path, "%ssources is empty: cite at least one source", v.where(elemPath(path)))
	}
	for _, s := range ids {
		if _, ok := v.srcs[s]; ok {
			continue
		}
		msg := fmt.Sprintf("%sunknown source %q", v.where(elemPath(path)), s)
		if g := suggest(s, keys(v.srcs)); g != "" {
			msg += fmt.Sprintf(": did you mean %q?", g)
		} else {
			msg += fmt.Sprintf(" (valid: %s)", strings.Join(sortedKeys(v.srcs), ", "))
		}
		v.add(path, "%s", msg)
	}
}

func (v *validator) checkOutcomes() {
	fb := v.fb
	v.outs = map[string]int{}
	for i := range fb.Outcomes {
		o := &fb.Outcomes[i]
		p := fmt.Sprintf("outcome[%d]", i)
		if !v.checkID(p, "outcome", o.ID, v.outs, i) {
			continue
		}
		if id := o.ID.str(); id != Coaching && id != Mentoring && id != Combined {
			v.add(p+".id", "outcome %q is not one of coaching, mentoring, combined", id)
		}
		v.need(p+".label", "label", o.Label.str(), hardLabel)
		v.needVoiced(p+".summary", "summary", &o.Summary.voiced, hardText)
		v.cite(p+".sources", o.Sources)
		if len(o.NextSteps) == 0 {
			v.add(p+".next_steps", "%snext_steps is empty", v.where(p))
		}
	}
	for _, id := range []string{Coaching, Mentoring, Combined} {
		if _, ok := v.outs[id]; !ok {
			v.add("", "outcome %q is missing: a rule set defines coaching, mentoring and combined", id)
		}
	}
	if u := fb.Decision.Undecided.str(); u != "" {
		if _, ok := v.outs[u]; !ok {
			v.add("decision.undecided", "decision: undecided names unknown outcome %q (valid: coaching, mentoring, combined)", u)
		}
	}
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func sortedKeys(m map[string]int) []string {
	out := keys(m)
	sort.Strings(out)
	return out
}
