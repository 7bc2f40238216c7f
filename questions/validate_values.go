package questions

// The walk over every value of a decoded file: types, characters, line
// breaks and the placeholders of voiced texts (the first of validate's checks).

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

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
