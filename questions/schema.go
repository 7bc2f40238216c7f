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
	Routes        []fileRoute     `toml:"route"`
}

// fileRoute is another route: something other than coaching or mentoring
// that the answers say comes first (training, a performance process,
// wellbeing support). The first route whose conditions hold is the
// result's; its next steps are shown first.
type fileRoute struct {
	ID        ident          `toml:"id"`
	Label     line           `toml:"label"`
	Summary   vpara          `toml:"summary"`
	When      fileWhen       `toml:"when"`
	Sources   idList         `toml:"sources"`
	NextSteps []fileNextStep `toml:"next_steps"`
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
	Ask     boolean      `toml:"asked_of_person"`
	NotOwn  boolean      `toml:"not_when_own_phone"`
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
func (p *filePrompt) For(audience Audience) *line {
	switch audience {
	case Self:
		return &p.Self
	case Consultant:
		return &p.Consultant
	}
	return &p.Manager
}

type fileOption struct {
	ID          ident   `toml:"id"`
	Label       vline   `toml:"label"`
	Description vline   `toml:"description"`
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
	// ConfidenceCap caps the confidence when the caution is raised;
	// ConfidenceFactor multiplies it (both optional, 0 to 1).
	ConfidenceCap    number `toml:"confidence_cap"`
	ConfidenceFactor number `toml:"confidence_factor"`
}

type fileWhen struct {
	All            []fileCond `toml:"all"`
	Any            []fileCond `toml:"any"`
	None           []fileCond `toml:"none"`
	Recommendation idList     `toml:"recommendation"`
	// Audience (next steps only) limits a step to some readers.
	Audience idList `toml:"audience"`
	// Status (next steps and cautions) limits them to some kinds of call.
	Status idList `toml:"status"`
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
