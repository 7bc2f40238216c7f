package questions

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// fixtureWith returns the fixture with old replaced by new (once).
func fixtureWith(t *testing.T, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("fixture lacks %q", old)
	}
	return []byte(strings.Replace(string(data), old, new, 1))
}

func utf16le(s string) []byte {
	var out []byte
	for _, c := range s {
		out = append(out, byte(c), 0)
	}
	return out
}

// TestParseMessages: each problem gives one located message, with no
// message text read back from the decoder.
func TestParseMessages(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []string
		not  []string
	}{
		{"line break in a label",
			fixtureWith(t, `label = "Change a behaviour"`, `label = "Change a\nbehaviour"`),
			[]string{`fixture:56: question "need", option "behaviour": label is one line, but it holds a line break`}, nil},
		{"line break in a prompt",
			fixtureWith(t, `prompt.self = "What do you need most?"`, "prompt.self = '''What do you\nneed most?'''"),
			[]string{`fixture:49: question "need": prompt.self is one line, but it holds a line break`}, nil},
		{"line break in a multi-line title",
			fixtureWith(t, `title = "Test fixture"`, "title = \"\"\"\nTest\nfixture\"\"\""),
			[]string{`fixture:3: title is one line`}, nil},
		{"wrong type in the second element is placed there",
			fixtureWith(t, "core = true\nkind = \"need\"\nprompt.manager = \"How long", "core = \"yes\"\nkind = \"need\"\nprompt.manager = \"How long"),
			[]string{`fixture:86: question "horizon": core must be true or false, found text`}, nil},
		{"a list where a table belongs",
			fixtureWith(t, "[decision]\nmargin = 2\n", "decision = [1]\n[decisionx]\nmargin = 2\n"),
			[]string{`fixture:5: decision must be a table, found a list`}, []string{"incompatible", "toml:"}},
		{"one table where a list of tables belongs",
			[]byte("schema_version = 1\n\n[question]\nid = \"a\"\n"),
			[]string{"fixture:3: question must be a list of tables ([[…]] or [ { … } ]), found a single table (write [[question]] for each one)"}, nil},
		{"a list of tables where one table belongs",
			fixtureWith(t, "[decision]\n", "[[decision]]\n"),
			[]string{"fixture:5: decision must be a table, found a list of tables (write [decision] once)"}, nil},
		{"double BOM", append([]byte("\ufeff\ufeff"), fixtureWith(t, "", "")...),
			[]string{"fixture:1: the file starts with two byte-order marks"}, nil},
		{"UTF-16 without a BOM", utf16le("schema_version = 1\n"),
			[]string{"fixture:1: this file looks like UTF-16; save it as UTF-8"}, []string{"NULL"}},
		{"UTF-16 big-endian without a BOM", append([]byte{0}, utf16le("schema_version = 1\n")...),
			[]string{"this file looks like UTF-16"}, nil},
		{"a line separator in a label", fixtureWith(t, `label = "Change a behaviour"`, `label = "Change a\u2028behaviour"`),
			[]string{`fixture:56: question "need", option "behaviour": a line separator (U+2028) at column 9 of label`}, nil},
		{"a raw paragraph separator in a prompt", fixtureWith(t, `prompt.self = "What do you need most?"`, "prompt.self = \"What do you\u2029need most?\""),
			[]string{`fixture:49: question "need": a paragraph separator (U+2029) at column 12 of prompt.self`}, []string{"\u2029"}},
		{"a NUL byte is shown, not dropped", fixtureWith(t, `title = "Test fixture"`, "title = \"Test\x00fixture\""),
			[]string{"fixture:3:14: a control character (\\x00)", `3 | title = "Test\x00fixture"`, "\n       |              ^"}, []string{"Testfixture", "UTF-16"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("fixture", tt.data)
			if err == nil {
				t.Fatal("want an error")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(msg, n) {
					t.Errorf("message holds %q:\n%s", n, msg)
				}
			}
		})
	}
}

// TestParagraphFieldsMayBreakLines: why, summaries, reasons and caution
// texts may hold paragraphs.
func TestParagraphFieldsMayBreakLines(t *testing.T) {
	data := fixtureWith(t, `why = "The need decides the kind of support."`, "why = \"\"\"The need decides.\n\nThe kind of support.\"\"\"")
	b, err := Parse("fixture", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Questions[0].Why; got != "The need decides.\n\nThe kind of support." {
		t.Fatalf("why = %q", got)
	}
}

// TestDecodeErrorKinds pins what BurntSushi/toml (v1.6.0, go.mod) returns,
// which decodeError relies on: syntax is a toml.ParseError with a position;
// a scalar of the wrong type is no decoder error at all (the schema's value
// types take any value); a table of the wrong shape is a plain error, which
// is why decodeError finds it by walking the schema instead.
func TestDecodeErrorKinds(t *testing.T) {
	var fb fileBank
	_, err := toml.Decode("schema_version = 1\ntitle = [\n", &fb)
	var pe toml.ParseError
	if !errors.As(err, &pe) || pe.Position.Line == 0 {
		t.Fatalf("syntax: want a positioned toml.ParseError, got %T %v", err, err)
	}
	if _, err := toml.Decode("schema_version = \"one\"\ntitle = 3\n[decision]\nmargin = \"two\"\n", &fb); err != nil {
		t.Fatalf("scalars of the wrong type: want no decoder error, got %v", err)
	}
	if fb.SchemaVersion.fits() || fb.Title.fits() || fb.Decision.Margin.fits() {
		t.Fatal("wrong types not kept for validation")
	}
	_, err = toml.Decode("decision = 3\n", &fileBank{})
	if err == nil || errors.As(err, &pe) {
		t.Fatalf("table shape: want a plain error, got %T %v", err, err)
	}
	_, err = Parse("x", []byte("schema_version = 1\ndecision = 3\n"))
	if err == nil || !strings.Contains(err.Error(), "x:2: decision must be a table, found a whole number") {
		t.Fatalf("table shape: %v", err)
	}
}

// TestParseAnswersMessages: answers-file problems come one per table, with
// lines, in line order; bytes problems are named accurately.
func TestParseAnswersMessages(t *testing.T) {
	b := loadFixture(t)
	tests := []struct {
		name, in string
		want     string // the whole error
	}{
		{"other tables once each", "[answers]\nneed = \"networking\"\n[other]\na = 1\nb = 2\n[more.x]\nc = 3\n[[list]]\nd = 4\n",
			"a:3: table [other] does not belong here: an answers file holds only audience, person, quick and [answers]\n" +
				"a:6: table [more] does not belong here: an answers file holds only audience, person, quick and [answers]\n" +
				"a:8: table [[list]] does not belong here: an answers file holds only audience, person, quick and [answers]"},
		{"line order", "[answers]\nzzz = \"x\"\naaa = \"y\"\nneed = \"bad\"\n",
			"a:2: unknown question \"zzz\" (valid: need, horizon, budget)\n" +
				"a:3: unknown question \"aaa\" (valid: need, horizon, budget)\n" +
				"a:4: \"bad\" is not an option of question \"need\" (valid: behaviour, networking, career, unsure)"},
		{"mixed kinds in line order", "audience = 3\nname = \"x\"\n[answers]\nneed = 3\n",
			"a:1: audience must be text in quotes (manager, self or consultant), found a whole number\n" +
				"a:2: unknown key \"name\": an answers file holds only audience, person, quick and [answers]\n" +
				"a:4: answers.need must be text in quotes (an option id), found a whole number"},
		{"a NUL byte is shown escaped", "ne\x00ed = 1\n",
			"a:1:3: a control character (\\x00): a TOML file cannot hold one, not even in a comment\n" +
				"     1 | ne\\x00ed = 1\n" +
				"       |   ^"},
		{"double BOM", "\ufeff\ufeff[answers]\nneed = \"networking\"\n",
			"a:1: the file starts with two byte-order marks (U+FEFF); save it as UTF-8 with at most one"},
		{"UTF-16 without a BOM", string(utf16le("[answers]\nneed = \"networking\"\n")),
			"a:1: this file looks like UTF-16; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseAnswers(b, "a", []byte(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
	// One BOM is fine.
	if _, ch, err := ParseAnswers(b, "a", []byte("\ufeff[answers]\nneed = \"networking\"\n")); err != nil || ch[0] != 1 {
		t.Fatalf("one BOM: %v %v", ch, err)
	}
}
