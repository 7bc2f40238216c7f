package questions

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestWarningsLocatedOnDemand: a load without problems looks up no line;
// the warnings are located when asked for, once, at the right lines.
func TestWarningsLocatedOnDemand(t *testing.T) {
	data, err := os.ReadFile(largePath)
	if err != nil {
		t.Fatal(err)
	}
	// An eleventh option in every question, after unsure: past the number
	// keys (1–9, then 0), and not unsure (which u picks wherever it is), so
	// each question gets a warning.
	data = bytes.ReplaceAll(data, []byte("id = \"unsure\"\nlabel = \"Not sure\"\ndescription = \"Skip.\"\n"),
		[]byte("id = \"unsure\"\nlabel = \"Not sure\"\ndescription = \"Skip.\"\n[[question.option]]\nid = \"o_extra\"\nlabel = \"Extra\"\ndescription = \"Extra.\"\n"))
	before := locateRuns.Load()
	b, err := Parse("large.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if n := locateRuns.Load() - before; n != 0 {
		t.Fatalf("Parse located lines %d times for a valid file", n)
	}
	w := b.Warnings()
	if len(w) != 100 {
		t.Fatalf("%d warnings, want one per question:\n%s", len(w), strings.Join(w, "\n"))
	}
	line := 1 + bytes.Count(data[:bytes.Index(data, []byte("[[question]]\nid = \"q7\""))], []byte("\n"))
	want := fmt.Sprintf("large.toml:%d: question \"q7\": has 11 options; only the first 10 can be picked with a number key (1 to 9, then 0), and past them only unsure has a key of its own (u)", line)
	if w[7] != want {
		t.Errorf("warning 8 = %q, want %q", w[7], want)
	}
	b.Warnings()
	if n := locateRuns.Load() - before; n != 1 {
		t.Errorf("located %d times, want once", n)
	}
	src, err := os.ReadFile("../rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := Parse("rules.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	if w := shipped.Warnings(); w != nil { // need's eleventh option is unsure, which u picks
		t.Errorf("the shipped rule set has warnings: %v", w)
	}
	if fix := loadFixture(t); fix.Warnings() != nil {
		t.Errorf("fixture warnings: %v", fix.Warnings())
	}
}
