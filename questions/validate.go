package questions

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Limits on a rule set. Hard limits are errors; the soft ones (labels over
// SoftLabel runes, more than nine options) are warnings.
const (
	MaxQuestions  = 128
	MaxOptions    = 20
	MaxRules      = 500
	MaxConditions = 16
	MaxWeight     = 5.0
	SoftLabel     = 60
	hardLabel     = 120
	hardPrompt    = 600
	hardText      = 2000
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// validator collects every problem with a bank, each located by path.
type validator struct {
	bank  *Bank
	src   []byte
	lines map[string]int
	probs []problem
	warns []string
}

type problem struct {
	line int
	path string
	msg  string
}

func (v *validator) add(path, format string, args ...any) {
	if v.lines == nil {
		v.lines = locate(v.src)
	}
	v.probs = append(v.probs, problem{lineOf(v.lines, path), path, fmt.Sprintf(format, args...)})
}

func (v *validator) warn(path, format string, args ...any) {
	if v.lines == nil {
		v.lines = locate(v.src)
	}
	v.warns = append(v.warns, at(v.bank.Name, lineOf(v.lines, path))+": "+fmt.Sprintf(format, args...))
}

// err returns every problem, sorted by line, as one error, or nil.
func (v *validator) err() error {
	if len(v.probs) == 0 {
		return nil
	}
	sort.SliceStable(v.probs, func(i, j int) bool {
		if v.probs[i].line != v.probs[j].line {
			return v.probs[i].line < v.probs[j].line
		}
		return v.probs[i].msg < v.probs[j].msg // never map order
	})
	errs := make([]error, len(v.probs))
	for i, p := range v.probs {
		errs[i] = fmt.Errorf("%s: %s", at(v.bank.Name, p.line), p.msg)
	}
	return capped(v.bank.Name, errs)
}

// checkKeys reports unknown keys (typos) and keys written in another case,
// which the decoder accepts silently, collapsed to the top-most key.
func (v *validator) checkKeys(md toml.MetaData) {
	counts := map[string]int{}
	reported := map[string]bool{}
	for _, k := range md.Keys() {
		v.checkKey(k, md.Type(k...) == "ArrayHash", counts, reported)
	}
	for _, k := range md.Undecoded() {
		if !reported[k.String()] && !underReported(k, reported) {
			v.add(k.String(), "unknown key %q", k.String())
			reported[k.String()] = true
		}
	}
}

func (v *validator) checkKey(k toml.Key, header bool, counts map[string]int, reported map[string]bool) {
	if underReported(k, reported) {
		return
	}
	node, path := bankSchema, ""
	for i, c := range k {
		if node.fields == nil {
			return
		}
		child, ok := node.fields[c]
		if !ok {
			v.badKey(path, c, node)
			reported[k[:i+1].String()] = true
			return
		}
		path = join(path, c)
		if child.array {
			if header && i == len(k)-1 {
				counts[path]++
			}
			path = fmt.Sprintf("%s[%d]", path, max(0, counts[path]-1))
		}
		node = child
	}
}

func underReported(k toml.Key, reported map[string]bool) bool {
	for i := 1; i < len(k); i++ {
		if reported[k[:i].String()] {
			return true
		}
	}
	return false
}

func (v *validator) badKey(path, key string, node *schemaNode) {
	names := make([]string, 0, len(node.fields))
	for n := range node.fields {
		names = append(names, n)
		if strings.EqualFold(n, key) {
			v.add(join(path, key), "%skey %q must be written in lower case: %q", where(v.bank, path), key, n)
			return
		}
	}
	msg := fmt.Sprintf("%sunknown key %q", where(v.bank, path), key)
	if s := suggest(key, names); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		sort.Strings(names)
		msg += fmt.Sprintf(" (valid here: %s)", strings.Join(names, ", "))
	}
	v.add(join(path, key), "%s", msg)
}

// where describes an indexed path for people: question "need", option
// "unsure": . Elements are named by id where the id is known.
func where(b *Bank, path string) string {
	if path == "" {
		return ""
	}
	var parts []string
	rest := path
	var q *Question
	for rest != "" {
		seg := rest
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			seg, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		name, idx := splitIndex(seg)
		if idx < 0 {
			parts = append(parts, name)
			continue
		}
		parts = append(parts, describe(b, &q, name, idx))
	}
	return strings.Join(parts, ", ") + ": "
}

func splitIndex(seg string) (string, int) {
	i := strings.IndexByte(seg, '[')
	if i < 0 {
		return seg, -1
	}
	var n int
	fmt.Sscanf(seg[i:], "[%d]", &n)
	return seg[:i], n
}

func describe(b *Bank, q **Question, name string, idx int) string {
	id := ""
	switch name {
	case "question":
		if idx < len(b.Questions) {
			*q = &b.Questions[idx]
		}
		id = idAt(b.Questions, idx, func(x Question) string { return x.ID })
	case "option":
		if *q != nil {
			id = idAt((*q).Options, idx, func(x Option) string { return x.ID })
		}
	case "rule":
		id = idAt(b.Rules, idx, func(x Rule) string { return x.ID })
	case "caution":
		id = idAt(b.Cautions, idx, func(x Caution) string { return x.ID })
	case "outcome":
		id = idAt(b.Outcomes, idx, func(x Outcome) string { return x.ID })
	case "source":
		id = idAt(b.Sources, idx, func(x Source) string { return x.ID })
	case "dimension":
		id = idAt(b.Dimensions, idx, func(x Dimension) string { return x.ID })
	}
	if id == "" {
		return fmt.Sprintf("%s #%d", name, idx+1)
	}
	return fmt.Sprintf("%s %q", name, id)
}

// idAt returns the id of list[i], or "" when i is out of range.
func idAt[T any](list []T, i int, id func(T) string) string {
	if i < 0 || i >= len(list) {
		return ""
	}
	return id(list[i])
}

// validate runs the semantic checks and compiles the bank's indexes.
func (v *validator) validate() {
	b := v.bank
	v.checkTexts(reflect.ValueOf(b).Elem(), "")
	v.checkDecisionParams()
	v.checkSources()
	v.checkOutcomes()
	v.checkQuestions()
	v.checkRules()
	v.checkCautions()
	v.checkDimensions()
	b.Warnings = v.warns
}

// checkTexts walks every string in the bank: unsafe characters are errors,
// tabs and CRLF are normalised, surrounding space trimmed.
func (v *validator) checkTexts(rv reflect.Value, path string) {
	switch rv.Kind() {
	case reflect.String:
		if col, kind, ok := checkText(rv.String()); !ok {
			v.add(path, "%s%s at column %d of %s; texts must be plain", where(v.bank, parentPath(path)), kind, col, lastKey(path))
			return
		}
		rv.SetString(normalizeText(rv.String()))
	case reflect.Struct:
		t := rv.Type()
		for i := 0; i < rv.NumField(); i++ {
			tag := t.Field(i).Tag.Get("toml")
			if tag != "" && tag != "-" && t.Field(i).IsExported() {
				v.checkTexts(rv.Field(i), join(path, tag))
			}
		}
	case reflect.Slice:
		for i := 0; i < rv.Len(); i++ {
			p := fmt.Sprintf("%s[%d]", path, i)
			if rv.Index(i).Kind() == reflect.String {
				p = path
			}
			v.checkTexts(rv.Index(i), p)
		}
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if col, kind, ok := checkText(k.String()); !ok {
				v.add(path, "%s%s at column %d of a key in %s", where(v.bank, parentPath(path)), kind, col, lastKey(path))
			}
		}
	}
}

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

func lastKey(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func (v *validator) checkDecisionParams() {
	d := v.bank.Decision
	if !(d.Margin > 0) {
		v.add("decision.margin", "decision: margin must be greater than 0 (it separates a clear call from a close one)")
	}
	if d.CombinedFloor < 0 || math.IsNaN(d.CombinedFloor) {
		v.add("decision.combined_floor", "decision: combined_floor must be 0 or more")
	}
	if d.CombinedBalance < 0 || d.CombinedBalance > 1 || math.IsNaN(d.CombinedBalance) {
		v.add("decision.combined_balance", "decision: combined_balance must be between 0 and 1")
	}
	if d.Undecided == "" {
		v.add("decision", "decision: undecided is missing: name the outcome reported when the scores tie exactly")
	}
}

// checkID checks an id's syntax and uniqueness within seen.
func (v *validator) checkID(path, kind, id string, seen map[string]int, idx int) bool {
	switch {
	case id == "":
		v.add(path, "%s#%d has no id", kind+" ", idx+1)
		return false
	case !idPattern.MatchString(id):
		v.add(join(path, "id"), "%s id %q must be lower case letters, digits and _ (starting with a letter, at most 40)", kind, id)
		return false
	}
	if first, dup := seen[id]; dup {
		v.add(join(path, "id"), "%s%s id %q is defined twice (also %s #%d)", where(v.bank, parentPath(path)), kind, id, kind, first+1)
		return false
	}
	seen[id] = idx
	return true
}

func (v *validator) need(path, what, text string, limit int) {
	if strings.TrimSpace(text) == "" {
		v.add(path, "%s%s is empty", where(v.bank, elemPath(path)), what)
	} else if n := len([]rune(text)); n > limit {
		v.add(path, "%s%s is %d characters; at most %d", where(v.bank, elemPath(path)), what, n, limit)
	}
}

// elemPath returns the path of the array element that contains path.
func elemPath(path string) string {
	if i := strings.LastIndexByte(path, ']'); i >= 0 {
		return path[:i+1]
	}
	return ""
}

func (v *validator) checkSources() {
	b := v.bank
	b.sindex = map[string]int{}
	if len(b.Sources) == 0 {
		v.add("", "the rule set has no [[source]]: every question and rule must cite one")
	}
	for i, s := range b.Sources {
		p := fmt.Sprintf("source[%d]", i)
		v.checkID(p, "source", s.ID, b.sindex, i)
		v.need(p+".publisher", "publisher", s.Publisher, hardLabel)
		v.need(p+".title", "title", s.Title, hardPrompt)
	}
}

// cite checks that sources is non-empty and names defined sources.
func (v *validator) cite(path string, sources []string) {
	if len(sources) == 0 {
		v.add(path, "%ssources is empty: cite at least one source", where(v.bank, parentPath(path)))
	}
	for _, s := range sources {
		if _, ok := v.bank.sindex[s]; ok {
			continue
		}
		msg := fmt.Sprintf("%sunknown source %q", where(v.bank, parentPath(path)), s)
		if g := suggest(s, keys(v.bank.sindex)); g != "" {
			msg += fmt.Sprintf(": did you mean %q?", g)
		} else {
			msg += fmt.Sprintf(" (valid: %s)", strings.Join(sortedKeys(v.bank.sindex), ", "))
		}
		v.add(path, "%s", msg)
	}
}

func (v *validator) checkOutcomes() {
	b := v.bank
	b.oindex = map[string]int{}
	for i, o := range b.Outcomes {
		p := fmt.Sprintf("outcome[%d]", i)
		if !v.checkID(p, "outcome", o.ID, b.oindex, i) {
			continue
		}
		if o.ID != Coaching && o.ID != Mentoring && o.ID != Combined {
			v.add(p+".id", "outcome %q is not one of coaching, mentoring, combined", o.ID)
		}
		v.need(p+".label", "label", o.Label, hardLabel)
		v.need(p+".summary", "summary", o.Summary, hardText)
		v.cite(p+".sources", o.Sources)
		if len(o.NextSteps) == 0 {
			v.add(p+".next_steps", "%snext_steps is empty", where(b, p))
		}
		for j, s := range o.NextSteps {
			sp := fmt.Sprintf("%s.next_steps", p)
			v.need(sp, fmt.Sprintf("next step %d", j+1), s.Text, hardText)
			v.cite(sp, s.Sources)
		}
	}
	for _, id := range []string{Coaching, Mentoring, Combined} {
		if _, ok := b.oindex[id]; !ok {
			v.add("", "outcome %q is missing: a rule set defines coaching, mentoring and combined", id)
		}
	}
	if _, ok := b.oindex[b.Decision.Undecided]; !ok && b.Decision.Undecided != "" {
		v.add("decision.undecided", "decision: undecided names unknown outcome %q (valid: coaching, mentoring, combined)", b.Decision.Undecided)
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
