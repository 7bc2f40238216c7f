package questions

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that no input makes the loader panic, that every error
// and warning it returns is free of terminal control characters (raw NUL
// included: it must be shown escaped), that no error passes on the
// decoder's own words (its "toml:" prefix, the schema's Go type names),
// and that a bank it accepts can be asked for its warnings and contract
// gaps.
func FuzzParse(f *testing.F) {
	addSeeds(f, []string{"testdata/valid/fixture.toml", "testdata/invalid/typo_key.toml", "testdata/invalid/escape_u001b.toml",
		"testdata/invalid/voice_unclosed.toml", "testdata/invalid/step_any_contradiction.toml", "testdata/invalid/case_key_shape.toml"},
		"schema_version = 1\n[[question]]\nid = \"a\"\n",
		"schema_version = \"x\"",
		"\ufeff\ufeffschema_version = 1\n",
		"schema_version = 1\ndecision = 3\n[[decision]]\n",
		"schema_version = 1\ntitle = \"\"\"a\nb\"\"\"\n",
		"schema_version = 1\ntitle = \"a\u2028b\"\n[[question]]\nid = \"a\"\nprompt = \"x\\u2029y\"\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz", data)
		if err != nil {
			if strings.ContainsAny(err.Error(), unsafeOut) {
				t.Fatalf("error carries control characters: %q", err)
			}
			if strings.Contains(err.Error(), "questions.") || strings.Contains(err.Error(), "toml: ") {
				t.Fatalf("error shows the decoder's own words: %q", err)
			}
			return
		}
		for _, w := range append(b.Warnings(), ContractGaps(b)...) {
			if strings.ContainsAny(w, unsafeOut) {
				t.Fatalf("warning carries control characters: %q", w)
			}
		}
	})
}

// addSeeds adds each file (which must exist: a seed that went missing
// would weaken the target unseen) and each text to f's seed corpus.
func addSeeds(f *testing.F, files []string, texts ...string) {
	f.Helper()
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range texts {
		f.Add([]byte(s))
	}
}

// FuzzParseAnswers checks the answers parser the same way.
func FuzzParseAnswers(f *testing.F) {
	b := loadFixture(f)
	f.Add([]byte("audience = \"self\"\n[answers]\nneed = \"networking\"\n"))
	f.Add([]byte("[answers]\nneed = 1\n"))
	f.Add([]byte("[answers]\nx = \"\\u001b\"\n"))
	f.Add([]byte("[answers]\nneed = \"networking\"\n[other]\na = 1\n[[list]]\n"))
	f.Add([]byte("ne\x00ed = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, ch, err := ParseAnswers(b, "fuzz", data)
		if err != nil {
			if strings.ContainsAny(err.Error(), unsafeOut) {
				t.Fatalf("error carries control characters: %q", err)
			}
			return
		}
		if len(ch) != len(b.Questions) {
			t.Fatalf("choices for %d questions", len(ch))
		}
	})
}

// FuzzVoice checks the placeholder rules: a text that validation accepts
// resolves, for every reader, with no brace left; any text at all resolves
// without a panic.
func FuzzVoice(f *testing.F) {
	for _, s := range []string{"Help {person} find {their} way.", "{Manager} may {", "}{person}", "{a}{b}", "{person's}{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		what, _ := placeholderProblem(s)
		for _, a := range append([]Audience{NoAudience}, Audiences...) {
			got := Text{Default: s}.For(a)
			if what == "" && strings.ContainsAny(got, "{}") {
				t.Fatalf("accepted %q resolves for %q to %q", s, a, got)
			}
		}
	})
}

// unsafeOut are characters no message may carry raw.
const unsafeOut = "\x00\x1b\x07\r\u009b\u202e\u2028\u2029"
