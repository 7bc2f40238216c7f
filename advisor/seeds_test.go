package advisor

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
)

// seedRunsFile holds a hash of every run of runLength words in the five
// articles the default rule set is built from: the articles are not in the
// repository (nor beside a user's clone), their hashes are, so the check
// runs in every clone. Whoever holds the articles rewrites it with
//
//	go test ./advisor -run TestRulesInOwnWords -seeds DIR
//
// where DIR is the folder of the articles' text files; no test reads
// anything outside the repository otherwise.
var seedRunsFile = filepath.Join("testdata", "seed-runs.txt")

// seedsFlag names the folder of the seed articles, to rewrite seedRunsFile.
var seedsFlag = flag.String("seeds", "", "rewrite "+filepath.Join("testdata", "seed-runs.txt")+" from the seed articles in this folder")

// runHash is the hash kept for one run of words: the first 8 bytes of its
// SHA-256, in hex (a chance collision among ~10^4 runs is ~10^-11).
func runHash(run string) string {
	sum := sha256.Sum256([]byte(run))
	return hex.EncodeToString(sum[:8])
}

// seedRunHashes returns the sorted, distinct hashes of every run of n words
// in the texts.
func seedRunHashes(texts []string, n int) []string {
	seen := map[string]bool{}
	for _, s := range texts {
		for _, r := range runs(seedWords(s), n) {
			seen[runHash(r)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for h := range seen {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

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

// copiedRuns returns, for each text, the runs of n words whose hash is in
// seeds (see seedRunHashes), sorted by path.
func copiedRuns(texts map[string]string, seeds []string, n int) []string {
	seen := map[string]bool{}
	for _, h := range seeds {
		seen[h] = true
	}
	var out []string
	for path, t := range texts {
		for _, r := range runs(seedWords(t), n) {
			if seen[runHash(r)] {
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
	got := copiedRuns(texts, seedRunHashes(seed, runLength), runLength)
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
// seeds' hashed runs (seedRunsFile) for runs of eight words copied from them.
func TestRulesInOwnWords(t *testing.T) {
	if *seedsFlag != "" {
		writeSeedRuns(t, *seedsFlag)
	}
	data, err := os.ReadFile(seedRunsFile)
	if err != nil {
		t.Fatal(err)
	}
	seeds := strings.Fields(string(data))
	if len(seeds) < 1000 {
		t.Fatalf("%s holds %d runs; want the five articles' (thousands)", seedRunsFile, len(seeds))
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

// writeSeedRuns rewrites seedRunsFile from the articles (*.txt) in dir.
func writeSeedRuns(t *testing.T, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no seed articles (*.txt) in %s", dir)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	out := strings.Join(seedRunHashes(texts, runLength), "\n") + "\n"
	if err := os.WriteFile(seedRunsFile, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
