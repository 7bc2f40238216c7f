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

var valueType = reflect.TypeOf((*value)(nil)).Elem()

// isText reports whether x holds text whose characters are checked.
func isText(x value) bool {
	switch t := x.(type) {
	case *line:
		return t.str() != "" && !isSafeASCII(t.str())
	case *para:
		return t.str() != "" && !isSafeASCII(t.str())
	case *vline, *vpara:
		return true // placeholders and variants are checked even in ASCII
	case *weights:
		m, _ := t.v.(map[string]any)
		for k := range m {
			if !isSafeASCII(k) {
				return true
			}
		}
		return !t.fits()
	}
	return false
}

// isSafeASCII reports whether s is printable ASCII (and spaces), which
// needs no further check.
func isSafeASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// checkValues walks every value of the file: a value of the wrong type is
// an error, and so is unsafe text (escape sequences, control characters,
// bidirectional controls) and a line break in one-line text. The path is
// kept in pieces and joined only for a problem.
func (v *validator) checkValues(rv reflect.Value, path *pathStack) {
	switch rv.Kind() {
	case reflect.Struct:
		for _, f := range planOf(rv.Type()) {
			fv := rv.Field(f.index)
			path.push(f.key, -1)
			if f.value {
				v.checkValue(fv.Addr().Interface().(value), path)
			} else {
				v.checkValues(fv, path)
			}
			path.pop()
		}
	case reflect.Slice:
		for i := 0; i < rv.Len(); i++ {
			path.index(i)
			v.checkValues(rv.Index(i), path)
		}
		path.index(-1)
	}
}

// fieldPlan is what checkValues needs of a schema struct's field: where it
// is, its key, and whether it is a value checked as such (else a table or
// an array walked into).
type fieldPlan struct {
	index int
	key   string
	value bool
}

// plans holds each schema struct's fields, found by reflection once per
// type rather than once per element of the file.
var plans sync.Map // reflect.Type → []fieldPlan

func planOf(t reflect.Type) []fieldPlan {
	if p, ok := plans.Load(t); ok {
		return p.([]fieldPlan)
	}
	p := make([]fieldPlan, t.NumField())
	for i := range p {
		f := t.Field(i)
		p[i] = fieldPlan{i, f.Tag.Get("toml"), reflect.PointerTo(f.Type).Implements(valueType)}
	}
	plans.Store(t, p)
	return p
}

// pathStack is a path being walked: keys, each with an array index or -1.
type pathStack struct {
	keys []string
	idx  []int
}

func (s *pathStack) push(key string, i int) { s.keys, s.idx = append(s.keys, key), append(s.idx, i) }
func (s *pathStack) pop()                   { s.keys, s.idx = s.keys[:len(s.keys)-1], s.idx[:len(s.idx)-1] }
func (s *pathStack) index(i int)            { s.idx[len(s.idx)-1] = i }

func (s *pathStack) String() string {
	var b strings.Builder
	for i, k := range s.keys {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(k)
		if s.idx[i] >= 0 {
			fmt.Fprintf(&b, "[%d]", s.idx[i])
		}
	}
	return b.String()
}

func (v *validator) checkValue(x value, ps *pathStack) {
	if x.fits() && !isText(x) {
		return
	}
	switch t := x.(type) {
	case *vline:
		v.checkVoiced(ps, &t.voiced, true)
		return
	case *vpara:
		v.checkVoiced(ps, &t.voiced, false)
		return
	}
	path := ps.String()
	if !x.fits() {
		v.add(path, "%s must be %s, found %s", v.name(path), x.want(), typeWords(x.found()))
		return
	}
	var s string
	oneLine := false
	switch t := x.(type) {
	case *line:
		s, oneLine = t.str(), true
	case *para:
		s = t.str()
	case *weights:
		for _, e := range t.entries() {
			if col, kind, ok := checkText(e.outcome); !ok {
				v.add(path, "%s%s at column %d of a key in %s", v.where(elemPath(path)), kind, col, lastKey(path))
			}
		}
		return
	default:
		return
	}
	if col, kind, ok := checkText(s); !ok {
		v.add(path, "%s%s at column %d of %s; texts must be plain", v.where(elemPath(path)), kind, col, strings.TrimPrefix(path[len(elemPath(path)):], "."))
		return
	}
	if oneLine && strings.ContainsAny(strings.TrimSpace(s), "\n\r") {
		v.add(path, "%s is one line, but it holds a line break: write it on one line (the screen wraps it); only summaries, next steps, why, reasons and the texts of cautions and comparisons may hold paragraphs", v.name(path))
	}
}

// checkVoiced checks a text with a voice: its audience keys, a default
// when it is a table, and in every variant plain characters, no line break
// in one-line text and known placeholders.
func (v *validator) checkVoiced(ps *pathStack, t *voiced, oneLine bool) {
	// The names in a message are made only for a message: every start
	// checks every voiced text of the embedded rule set.
	if !t.fits() {
		path := ps.String()
		v.add(path, "%s must be %s, found %s", v.name(path), t.want(), typeWords(t.found()))
		return
	}
	var path, elem, field string
	names := func() {
		if path == "" {
			path = ps.String()
			elem = elemPath(path)
			field = strings.TrimPrefix(path[len(elem):], ".")
		}
	}
	where := func() string { names(); return v.where(elem) }
	table := t.isTable()
	if table && !slices.ContainsFunc(t.variants(), func(x variant) bool { return x.key == "default" }) {
		w := where()
		v.add(path, "%s%s gives texts by audience but no %s.default: add one, used for every other reader", w, field, field)
	}
	for _, x := range t.variants() {
		// at is the variant's name in messages and its path.
		at := func() (name, p string) {
			names()
			if table {
				return field + "." + x.key, path + "." + x.key
			}
			return field, path
		}
		if table {
			if !slices.Contains(voiceKeys, x.key) {
				_, p := at()
				v.add(p, "%sunknown audience %q in %s (valid: %s)", where(), x.key, field, strings.Join(voiceKeys, ", "))
				continue
			}
			if strings.TrimSpace(x.text) == "" {
				name, p := at()
				v.add(p, "%s%s is empty", where(), name)
				continue
			}
		}
		if col, kind, ok := checkText(x.text); !ok {
			name, p := at()
			v.add(p, "%s%s at column %d of %s; texts must be plain", where(), kind, col, name)
			continue
		}
		if oneLine && strings.ContainsAny(strings.TrimSpace(x.text), "\n\r") {
			name, p := at()
			v.add(p, "%s%s is one line, but it holds a line break: write it on one line (the screen wraps it)", where(), name)
		}
		if what, hint := placeholderProblem(x.text); what != "" {
			name, p := at()
			v.add(p, "%s%s in %s%s", where(), what, name, hint)
		}
	}
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
