package questions

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// The TOML schema of a rule set (schema_version = 1), exactly as a file
// writes it. These types are only decoded, validated and compiled; the
// program uses the runtime model in bank.go. Every scalar is one of the value
// types below, which accept any TOML value, so a value of the wrong type is a
// validation problem, found by path with all the others, never a decoder
// error. See doc.go for how to add a field.

type fileBank struct {
	SchemaVersion whole           `toml:"schema_version"`
	Title         line            `toml:"title"`
	Decision      fileDecision    `toml:"decision"`
	Sources       []fileSource    `toml:"source"`
	Outcomes      []fileOutcome   `toml:"outcome"`
	Questions     []fileQuestion  `toml:"question"`
	Rules         []fileRule      `toml:"rule"`
	Cautions      []fileCaution   `toml:"caution"`
	Dimensions    []fileDimension `toml:"dimension"`
}

type fileDecision struct {
	Margin          number `toml:"margin"`
	CombinedFloor   number `toml:"combined_floor"`
	CombinedBalance number `toml:"combined_balance"`
	Undecided       ident  `toml:"undecided"`
}

type fileSource struct {
	ID        ident `toml:"id"`
	Short     line  `toml:"short"`
	Publisher line  `toml:"publisher"`
	Title     line  `toml:"title"`
	Author    line  `toml:"author"`
	Year      whole `toml:"year"`
}

type fileOutcome struct {
	ID        ident          `toml:"id"`
	Label     line           `toml:"label"`
	Summary   vpara          `toml:"summary"`
	Sources   idList         `toml:"sources"`
	NextSteps []fileNextStep `toml:"next_steps"`
}

// fileNextStep is one next step of an outcome: advised when its conditions
// hold (always, without any), in file order.
type fileNextStep struct {
	ID      ident    `toml:"id"`
	When    fileWhen `toml:"when"`
	Text    vpara    `toml:"text"`
	Sources idList   `toml:"sources"`
}

type fileStep struct {
	Text    para   `toml:"text"`
	Sources idList `toml:"sources"`
}

type fileQuestion struct {
	ID      ident        `toml:"id"`
	Topic   line         `toml:"topic"`
	Core    boolean      `toml:"core"`
	Kind    ident        `toml:"kind"`
	Prompt  filePrompt   `toml:"prompt"`
	Why     para         `toml:"why"`
	Sources idList       `toml:"sources"`
	Options []fileOption `toml:"option"`
}

type filePrompt struct {
	Manager    line `toml:"manager"`
	Self       line `toml:"self"`
	Consultant line `toml:"consultant"`
}

// For returns the wording for an audience (see Prompt.For).
func (p *filePrompt) For(audience string) *line {
	switch audience {
	case "self":
		return &p.Self
	case "consultant":
		return &p.Consultant
	}
	return &p.Manager
}

type fileOption struct {
	ID          ident   `toml:"id"`
	Label       line    `toml:"label"`
	Description line    `toml:"description"`
	Weights     weights `toml:"weights"`
	Rationale   vline   `toml:"rationale"`
	Sources     idList  `toml:"sources"`
}

type fileRule struct {
	ID      ident    `toml:"id"`
	When    fileWhen `toml:"when"`
	Add     weights  `toml:"add"`
	Reason  vpara    `toml:"reason"`
	Sources idList   `toml:"sources"`
}

type fileCaution struct {
	ID      ident    `toml:"id"`
	Text    vpara    `toml:"text"`
	Sources idList   `toml:"sources"`
	When    fileWhen `toml:"when"`
}

type fileWhen struct {
	All            []fileCond `toml:"all"`
	Any            []fileCond `toml:"any"`
	None           []fileCond `toml:"none"`
	Recommendation idList     `toml:"recommendation"`
	// Audience (next steps only) limits a step to some readers.
	Audience idList `toml:"audience"`
}

type fileCond struct {
	Question ident  `toml:"question"`
	In       idList `toml:"in"`
}

type fileDimension struct {
	ID           ident    `toml:"id"`
	Label        line     `toml:"label"`
	Coaching     fileStep `toml:"coaching"`
	Mentoring    fileStep `toml:"mentoring"`
	Disagreement fileStep `toml:"disagreement"`
}

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
// of it, vpara may hold paragraphs.
type voiced struct{ raw }

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
// quotes), keys sorted.
func (t *voiced) variants() []variant {
	switch x := t.v.(type) {
	case string:
		return []variant{{"default", x}}
	case map[string]any:
		out := make([]variant, 0, len(x))
		for k, v := range x {
			s, _ := v.(string)
			out = append(out, variant{k, s})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
		return out
	}
	return nil
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
	sort.Slice(out, func(i, j int) bool { return out[i].outcome < out[j].outcome })
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

// schemaNode describes the keys allowed at one level of the rule set.
type schemaNode struct {
	fields map[string]*schemaNode // nil: a value (its own keys are free)
	array  bool                   // an array of tables: elements are numbered
	names  []string               // the field names, sorted
}

var (
	// bankSchema is made when a rule set is first parsed, not at every
	// start of the program.
	bankSchema    = sync.OnceValue(func() *schemaNode { return schemaOf(reflect.TypeOf(fileBank{})) })
	unmarshalType = reflect.TypeOf((*toml.Unmarshaler)(nil)).Elem()
)

func schemaOf(t reflect.Type) *schemaNode {
	for t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(unmarshalType) {
		return &schemaNode{}
	}
	n := &schemaNode{fields: map[string]*schemaNode{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("toml")
		if tag == "" || tag == "-" {
			continue
		}
		child := schemaOf(f.Type)
		child.array = f.Type.Kind() == reflect.Slice
		n.fields[tag] = child
		n.names = append(n.names, tag)
	}
	sort.Strings(n.names)
	return n
}

// kind describes what the node expects, for a shape message.
func (n *schemaNode) kind() string {
	if n.array {
		return "a list of tables ([[…]] or [ { … } ])"
	}
	return "a table"
}

func (n *schemaNode) valid() string { return strings.Join(n.names, ", ") }
