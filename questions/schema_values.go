package questions

// The values of the schema: every scalar keeps whatever the decoder gave,
// and validation checks its type, so a wrong type is a located problem.

import (
	"slices"
	"strings"
)

// raw is one value as the decoder produced it: string, int64, float64,
// bool, a date, []any, []map[string]any or map[string]any. set is false
// when the key is absent.
type raw struct {
	v   any
	set bool
}

// UnmarshalTOML keeps any value: its type is checked by validation.
func (r *raw) UnmarshalTOML(v any) error {
	r.v, r.set = v, true
	return nil
}

// value is what validation asks of every scalar field: whether the value
// has the expected type and, if not, how to say what was expected.
type value interface {
	fits() bool
	want() string
	found() any
}

func (r *raw) found() any { return r.v }

// line is text that must fit on one line: a label, a name, a title, a
// prompt. A line break in it is an error.
type line struct{ raw }

// para is text that may hold paragraphs: a summary, a reason, a caution.
type para struct{ raw }

// ident is an id or a keyword (a kind, an outcome id).
type ident struct{ raw }

func (t *line) fits() bool   { return isString(t.v) }
func (t *para) fits() bool   { return isString(t.v) }
func (t *ident) fits() bool  { return isString(t.v) }
func (t *line) want() string { return "text in quotes" }
func (t *para) want() string { return "text in quotes" }
func (t *ident) want() string {
	return "text in quotes"
}

// str returns the text as written, or "" when absent or not text.
func (r *raw) str() string {
	s, _ := r.v.(string)
	return s
}

// text returns the text normalised for display (see normalizeText).
func (r *raw) text() string { return normalizeText(r.str()) }

func isString(v any) bool {
	_, ok := v.(string)
	return ok || v == nil
}

// voiced is a text with a voice (voice.go): text in quotes, or a table of
// texts by audience (default, manager, self, consultant). vline is one line
// of it, vpara may hold paragraphs. vs keeps its variants once listed:
// validation and compilation each read them several times.
type voiced struct {
	raw
	vs []variant
}

type (
	vline struct{ voiced }
	vpara struct{ voiced }
)

func (t *voiced) fits() bool {
	if m, ok := t.v.(map[string]any); ok {
		for _, x := range m {
			if _, ok := x.(string); !ok {
				return false
			}
		}
		return true
	}
	return isString(t.v)
}

func (t *voiced) want() string {
	return `text in quotes, or a table of texts by audience, like { default = "…", self = "…" }`
}

// variants returns the texts as written, by key ("default" for text in
// quotes), keys sorted. The slice is shared: do not change it.
func (t *voiced) variants() []variant {
	if t.vs != nil {
		return t.vs
	}
	switch x := t.v.(type) {
	case string:
		t.vs = []variant{{"default", x}}
	case map[string]any:
		t.vs = make([]variant, 0, len(x))
		for k, v := range x {
			s, _ := v.(string)
			t.vs = append(t.vs, variant{k, s})
		}
		slices.SortFunc(t.vs, func(a, b variant) int { return strings.Compare(a.key, b.key) })
	}
	return t.vs
}

type variant struct{ key, text string }

// def returns the default text as written, or "".
func (t *voiced) def() string {
	for _, v := range t.variants() {
		if v.key == "default" {
			return v.text
		}
	}
	return ""
}

// isTable reports whether the text is written per audience.
func (t *voiced) isTable() bool { _, ok := t.v.(map[string]any); return ok }

// voice returns the compiled text, each variant normalised.
func (t *voiced) voice() Text {
	var out Text
	for _, v := range t.variants() {
		s := normalizeText(v.text)
		switch v.key {
		case "default":
			out.Default = s
		case "manager":
			out.Manager = s
		case "self":
			out.Self = s
		case "consultant":
			out.Consultant = s
		}
	}
	return out
}

// number is a number; whole numbers are accepted.
type number struct{ raw }

func (n *number) fits() bool   { _, ok := toFloat(n.v); return ok || n.v == nil }
func (n *number) want() string { return "a number" }
func (n *number) float() float64 {
	f, _ := toFloat(n.v)
	return f
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// whole is a whole number.
type whole struct{ raw }

func (n *whole) fits() bool   { _, ok := n.v.(int64); return ok || n.v == nil }
func (n *whole) want() string { return "a whole number" }
func (n *whole) int() int64 {
	i, _ := n.v.(int64)
	return i
}

// boolean is true or false.
type boolean struct{ raw }

func (f *boolean) fits() bool   { _, ok := f.v.(bool); return ok || f.v == nil }
func (f *boolean) want() string { return "true or false" }
func (f *boolean) bool() bool {
	b, _ := f.v.(bool)
	return b
}

// idList is a list of ids in quotes.
type idList struct{ raw }

func (l *idList) fits() bool {
	if l.v == nil {
		return true
	}
	list, ok := l.v.([]any)
	if !ok {
		return false
	}
	for _, x := range list {
		if _, ok := x.(string); !ok {
			return false
		}
	}
	return true
}

func (l *idList) want() string { return `a list of ids in quotes, like ["a", "b"]` }

// ids returns the ids, leaving out anything that is not text.
func (l *idList) ids() []string {
	list, _ := l.v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// weights is a table of outcome id to a number: { coaching = 1 }. Its
// keys are checked as outcome ids by validation, not as schema keys.
type weights struct{ raw }

func (w *weights) fits() bool {
	if w.v == nil {
		return true
	}
	m, ok := w.v.(map[string]any)
	if !ok {
		return false
	}
	for _, x := range m {
		if _, ok := toFloat(x); !ok {
			return false
		}
	}
	return true
}

func (w *weights) want() string { return "a table of numbers, like { coaching = 1, mentoring = 0.5 }" }

// entries returns the numeric entries sorted by key.
func (w *weights) entries() []weightEntry {
	m, _ := w.v.(map[string]any)
	out := make([]weightEntry, 0, len(m))
	for k, x := range m {
		if f, ok := toFloat(x); ok {
			out = append(out, weightEntry{k, f})
		}
	}
	slices.SortFunc(out, func(a, b weightEntry) int { return strings.Compare(a.outcome, b.outcome) })
	return out
}

type weightEntry struct {
	outcome string
	w       float64
}

// typeWords names the TOML type of a decoded value for people.
func typeWords(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number with a fraction"
	case bool:
		return "true or false"
	case []map[string]any:
		return "a list of tables"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}
