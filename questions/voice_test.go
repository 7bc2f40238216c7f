package questions

import (
	"os"
	"strings"
	"testing"
)

func TestTextFor(t *testing.T) {
	tx := Text{
		Default: "{Person} can bring {their} topics; {manager} will support {them}, and {they} decide. Ask {manager's} view of {person's} goals; {They} choose {themself}.",
		Self:    "You bring your own topics.",
	}
	cases := map[string]string{
		"":           "The person can bring their topics; the person's manager will support them, and they decide. Ask the person's manager's view of the person's goals; They choose themself.",
		"manager":    "This person can bring their topics; you will support them, and they decide. Ask your view of this person's goals; They choose themself.",
		"self":       "You bring your own topics.",
		"consultant": "The participant can bring their topics; the participant's manager will support them, and they decide. Ask the participant's manager's view of the participant's goals; They choose themself.",
		"nobody":     "The person can bring their topics; the person's manager will support them, and they decide. Ask the person's manager's view of the person's goals; They choose themself.",
	}
	for a, want := range cases {
		if got := tx.For(Audience(a)); got != want {
			t.Errorf("For(%q)\n got %q\nwant %q", a, got, want)
		}
	}
	self := Text{Default: "Help {person} find {their} way; {Manager} may help."}
	if got := self.For("self"); got != "Help you find your way; Your manager may help." {
		t.Errorf("self placeholders: %q", got)
	}
	if got := (Text{Default: "No placeholder."}).For("self"); got != "No placeholder." {
		t.Errorf("plain: %q", got)
	}
}

// TestEveryPlaceholderHasFourReaders: no placeholder resolves to nothing.
func TestEveryPlaceholderHasFourReaders(t *testing.T) {
	for name, v := range Placeholders {
		for i, w := range v {
			if w == "" {
				t.Errorf("{%s} is empty for reader %d", name, i)
			}
		}
	}
}

func TestPlaceholderProblem(t *testing.T) {
	cases := map[string]string{
		"Plain text.":                  "",
		"{person} and {their} goals.":  "",
		"Help {persn}.":                "unknown placeholder {persn}: did you mean {person}?",
		"Help {Persn}.":                "unknown placeholder {Persn}: did you mean {Person}?",
		"Help {group}.":                "unknown placeholder {group} (valid: ",
		"Help {person.":                `an unclosed { at "{person."`,
		"Help {person {them}.":         `an unclosed { at "{person {the…"`,
		"Help person}.":                "a } without its {",
		"{}":                           "unknown placeholder {}",
		"{person}{their}{manager's}.":  "",
		"A { b } c":                    "unknown placeholder { b }",
		"Text {person} then {thier}.":  "unknown placeholder {thier}: did you mean {their}?",
		"Only the closing one: }{ab}.": "a } without its {",
	}
	for in, want := range cases {
		what, hint := placeholderProblem(in)
		got := what + hint
		if want == "" && got != "" || want != "" && !strings.HasPrefix(got, want) {
			t.Errorf("%q: got %q, want %q…", in, got, want)
		}
	}
}

// TestAllConditionalStepsWarn: an outcome whose every next step has
// conditions loads, with a warning that some answers get no next step.
func TestAllConditionalStepsWarn(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `next_steps = [ { text = "Agree objectives.", sources = ["src_a"] } ]`,
		"\n[[outcome.next_steps]]\nid = \"only_short\"\nwhen.all = [ { question = \"horizon\", in = [\"short\"] } ]\ntext = \"Keep it short.\"\nsources = [\"src_a\"]\n", 1)
	b, err := Parse("fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	w := b.Warnings()
	want := `fixture:28: outcome "coaching": every next step has conditions, so some answers get no next step: give at least one step no when`
	if len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want %q", w, want)
	}
	s := b.Outcomes[0].NextSteps[0]
	if s.ID != "only_short" || s.Text != "Keep it short." || len(s.When.All) != 1 || s.When.All[0].Question != "horizon" {
		t.Errorf("compiled step %+v", s)
	}
}

// TestVoicedTextsCompile: a table of texts keeps each variant, and the
// plain field holds the text for no audience.
func TestVoicedTextsCompile(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `summary = "Mentoring summary."`,
		"summary.default = \"Mentoring for {person}.\"\nsummary.self = \"Mentoring for you.\"\nsummary.consultant = \"Mentoring for the group.\"", 1)
	src = strings.Replace(src, `rationale = "Introductions come from a mentor."`, `rationale = "Introductions for {them} come from a mentor."`, 1)
	b, err := Parse("fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	o := b.Outcomes[b.Outcome(Mentoring)]
	if o.Summary != "Mentoring for the person." || o.SummaryVoice.Self != "Mentoring for you." ||
		o.SummaryVoice.For("consultant") != "Mentoring for the group." || o.SummaryVoice.For("manager") != "Mentoring for this person." {
		t.Errorf("summary %q, voice %+v", o.Summary, o.SummaryVoice)
	}
	opt := b.Questions[0].Options[1]
	if opt.Rationale != "Introductions for them come from a mentor." || opt.RationaleVoice.For("self") != "Introductions for you come from a mentor." {
		t.Errorf("rationale %q", opt.Rationale)
	}
}

// TestOptionTextsVoiced: an option's label and description take
// placeholders and per-audience variants like its rationale; the plain
// fields hold the text for no audience, and an option built in code with
// only the plain fields gets them from LabelFor and DescriptionFor.
func TestOptionTextsVoiced(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `label = "Meet people"`,
		"label.default = \"Meet people\"\nlabel.self = \"Meet people yourself\"", 1)
	src = strings.Replace(src, `description = "Introductions and doors opened."`,
		`description = "Introductions that open doors for {them}; {Manager} can help."`, 1)
	b, err := Parse("fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	opt := b.Questions[0].Options[1]
	if opt.Label != "Meet people" || opt.Description != "Introductions that open doors for them; The person's manager can help." {
		t.Errorf("plain label %q, description %q", opt.Label, opt.Description)
	}
	cases := []struct{ audience, label, desc string }{
		{"", "Meet people", "Introductions that open doors for them; The person's manager can help."},
		{"manager", "Meet people", "Introductions that open doors for them; You can help."},
		{"self", "Meet people yourself", "Introductions that open doors for you; Your manager can help."},
		{"consultant", "Meet people", "Introductions that open doors for them; The participant's manager can help."},
	}
	for _, c := range cases {
		if got := opt.LabelFor(Audience(c.audience)); got != c.label {
			t.Errorf("LabelFor(%q) = %q, want %q", c.audience, got, c.label)
		}
		if got := opt.DescriptionFor(Audience(c.audience)); got != c.desc {
			t.Errorf("DescriptionFor(%q) = %q, want %q", c.audience, got, c.desc)
		}
	}
	plain := Option{Label: "Plain {label}", Description: "Plain {person}"}
	if plain.LabelFor("self") != "Plain {label}" || plain.DescriptionFor("self") != "Plain {person}" {
		t.Errorf("an option built in code: %q, %q", plain.LabelFor("self"), plain.DescriptionFor("self"))
	}
}

// TestLongVoicedLabelWarns: a label variant over the soft limit warns,
// naming the variant.
func TestLongVoicedLabelWarns(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `label = "Meet people"`,
		"label.default = \"Meet people\"\nlabel.self = \""+strings.Repeat("Meet ", 13)+"\"", 1)
	b, err := Parse("fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	w := strings.Join(b.Warnings(), "\n")
	if !strings.Contains(w, `option "networking": label.self is longer than 60 characters`) {
		t.Errorf("warnings %q", w)
	}
}
