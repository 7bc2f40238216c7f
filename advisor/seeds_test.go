package advisor

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
)

// seedsDir holds the five articles the default rule set is built from. It
// sits beside the repository on the developers' machines and is not shipped
// with it, so the test that needs it skips when it is absent.
const seedsDir = "../../shared/seeds"

// runLength is the longest run of consecutive words a rules.toml text may
// share with a seed: every text is written in our own words.
const runLength = 8

// seedWords splits s into lower-case words: letters, digits and apostrophes
// (curly ones folded to straight), so that punctuation, hyphens and dashes
// cannot hide a copied run.
func seedWords(s string) []string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// runs returns every run of n consecutive words in words, joined by spaces.
func runs(words []string, n int) []string {
	var out []string
	for i := 0; i+n <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+n], " "))
	}
	return out
}

// ruleTexts returns every string value in the TOML document doc, keyed by
// its path ("question[3].option[1].rationale").
func ruleTexts(path string, v any, out map[string]string) {
	switch v := v.(type) {
	case string:
		out[path] = v
	case map[string]any:
		for k, x := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			ruleTexts(p, x, out)
		}
	case []map[string]any:
		for i, x := range v {
			ruleTexts(fmt.Sprintf("%s[%d]", path, i), x, out)
		}
	case []any:
		for i, x := range v {
			ruleTexts(fmt.Sprintf("%s[%d]", path, i), x, out)
		}
	}
}

// copiedRuns returns, for each text, the runs of n words it shares with the
// seeds, sorted by path.
func copiedRuns(texts map[string]string, seeds []string, n int) []string {
	seen := map[string]bool{}
	for _, s := range seeds {
		for _, r := range runs(seedWords(s), n) {
			seen[r] = true
		}
	}
	var out []string
	for path, t := range texts {
		for _, r := range runs(seedWords(t), n) {
			if seen[r] {
				out = append(out, fmt.Sprintf("%s: %q", path, r))
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestCopiedRunsFinds(t *testing.T) {
	seed := []string{"Coaching is generally viewed as being a short-term relationship with a set timeframe."}
	texts := map[string]string{
		"copied":    "As they say, it is generally viewed as being a short term relationship.",
		"curly":     "It\u2019s generally viewed as being a short-term relationship with a set frame.",
		"own words": "Coaching is short and has a set end.",
		"seven":     "generally viewed as being a short term, nothing more",
	}
	got := copiedRuns(texts, seed, runLength)
	want := []string{
		`copied: "generally viewed as being a short term relationship"`,
		`copied: "is generally viewed as being a short term"`,
		`curly: "as being a short term relationship with a"`,
		`curly: "being a short term relationship with a set"`,
		`curly: "generally viewed as being a short term relationship"`,
		`curly: "viewed as being a short term relationship with"`,
	}
	// "a set frame" breaks the seed's run ("a set timeframe"), and "seven"
	// and "own words" share no run of eight.
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("copiedRuns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRulesInOwnWords checks every text in the default rule set against the
// seeds for runs of eight words copied from them.
func TestRulesInOwnWords(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("the seed articles are not beside the repository (" + seedsDir + ")")
	}
	var seeds []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	var doc map[string]any
	if _, err := toml.DecodeFile("../rules.toml", &doc); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	ruleTexts("", doc, texts)
	if len(texts) < 100 {
		t.Fatalf("only %d texts found in rules.toml", len(texts))
	}
	for _, c := range copiedRuns(texts, seeds, runLength) {
		t.Errorf("copied from a seed: %s", c)
	}
}
