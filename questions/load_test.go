package questions

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadFixture(t testing.TB) *Bank {
	t.Helper()
	data, err := os.ReadFile("testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("fixture", data)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

func TestParseValid(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.toml")
	files = append(files, "../rules.toml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse(f, data); err != nil {
				t.Fatalf("want no error, got:\n%v", err)
			}
		})
	}
}

// wants returns the messages an invalid file must produce: its "# want:"
// lines, or the lines of a .want file beside it.
func wants(t *testing.T, path string, data []byte) []string {
	if w, err := os.ReadFile(strings.TrimSuffix(path, ".toml") + ".want"); err == nil {
		return strings.Split(strings.TrimSpace(string(w)), "\n")
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "# want: "); ok {
			out = append(out, rest)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no # want: line", path)
	}
	return out
}

func TestParseInvalid(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.toml")
	if len(files) < 30 {
		t.Fatalf("only %d invalid files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			_, err := Parse("fixture", data)
			if err == nil {
				t.Fatal("want an error, got none")
			}
			msg := err.Error()
			for _, w := range wants(t, f, data) {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			if strings.ContainsRune(msg, 0x1b) || strings.ContainsRune(msg, 0x07) || strings.ContainsRune(msg, 0x9b) {
				t.Errorf("message carries control characters: %q", msg)
			}
		})
	}
}

func TestParseCollectsEveryProblem(t *testing.T) {
	data, _ := os.ReadFile("testdata/valid/fixture.toml")
	bad := strings.NewReplacer(`id = "long"`, `id = "short"`, `in = ["career"]`, `in = ["carer"]`,
		`label = "Meet people"`, `label = "Meet \u001b[31m people"`).Replace(string(data))
	_, err := Parse("fixture", []byte(bad))
	if err == nil {
		t.Fatal("want errors")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n < 3 {
		t.Fatalf("want 3 problems, got %d:\n%v", n, err)
	}
}

func TestParseNormalisesText(t *testing.T) {
	data, _ := os.ReadFile("testdata/valid/fixture.toml")
	data = bytes.Replace(data, []byte(`why = "Budget shapes delivery."`), []byte("why = \"Budget\\tshapes\\r\\ndelivery.  \""), 1)
	b, err := Parse("fixture", append([]byte("\ufeff"), data...))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Questions[2].Why; got != "Budget shapes\ndelivery." {
		t.Fatalf("why = %q", got)
	}
}

func TestParseCompiles(t *testing.T) {
	b := loadFixture(t)
	const behaviour, unsure = 0, 3
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"option score in half points", b.Questions[0].Options[behaviour].Score, Pair{3 * 2, 0}},
		{"1.5 each", b.Questions[0].Options[2].Score, Pair{3, 3}},
		{"unsure index", b.Unsure(0), unsure},
		{"question lookup", b.Question("horizon"), 1},
		{"unknown question", b.Question("nope"), -1},
		{"option lookup", b.Option(1, "long"), 1},
		{"rule cond mask", b.Rules[0].When.All[0].Mask, uint64(1 << 2)},
		{"caution rec mask", b.Cautions[0].When.RecMask, uint8(1<<0 | 1<<2)},
		{"quick asks core only", len(b.Asked(true)), 2},
		{"cite", b.Cite([]string{"src_a"})[0], "Publisher A, “Article A” (2020)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a\x1b[2Jb", "ab"},
		{"a\x1b]0;title\x07b", "ab"},
		{"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"a\u009b31mb", "ab"},
		{"tab\there", "tab here"},
		{"keep\nnewline", "keep\nnewline"},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"line\u2028sep\u2029para", `line\u2028sep\u2029para`},
		{"cr\rreturn", `cr\rreturn`},
		{"ne\x00ed", `ne\x00ed`},
		{"c1\u0085", `c1\u0085`},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"café", "café"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestParseRefusesDeepInput: the decoder has no depth limit and dotted keys
// cost it quadratic time, so deep input is refused before decoding.
func TestParseRefusesDeepInput(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"dotted header", "schema_version = 1\n[" + strings.Repeat("a.", 20000) + "b]\n", "in:2: a key of more than 16 dotted parts"},
		{"dotted key", "schema_version = 1\n" + strings.Repeat("a.", 40) + "b = 1\n", "in:2: a key of more than 16 dotted parts"},
		{"inline table key", "schema_version = 1\nx = { " + strings.Repeat("a.", 40) + "b = 1 }\n", "in:2: a key of more than 16"},
		{"nested arrays", "schema_version = 1\n\nx = " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000) + "\n", "in:3: nested more than 32 levels deep"},
		{"nested inline tables", "schema_version = 1\nx = " + strings.Repeat("{a=", 40) + "1" + strings.Repeat("}", 40) + "\n", "nested more than 32"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("in", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q, got %v", tt.want, err)
			}
		})
	}
	// Strings and comments are not structure.
	ok := "schema_version = 1\n# [[[[ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\ntitle = \"[[[[{{{{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\"\n"
	if err := checkStructure("in", []byte(ok)); err != nil {
		t.Fatalf("strings and comments counted as structure: %v", err)
	}
}
