// Package testbank holds the helpers Guidepost's tests share: the shipped
// rule set, the small fixture rule set and answers written as
// "question=option" pairs. It is imported by tests only.
package testbank

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"guidepost/questions"
)

// Root returns the module's root folder, found from this file's place in
// it, so that a test in any package (and any working folder) finds the
// shipped files.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Path returns the path of a file under the module root.
func Path(elem ...string) string {
	return filepath.Join(append([]string{Root()}, elem...)...)
}

var (
	rulesOnce sync.Once
	rules     []byte
	shipped   *questions.Bank
	rulesErr  error
)

// Rules returns the bytes of the shipped rules.toml (the rule set main
// embeds).
func Rules(tb testing.TB) []byte {
	tb.Helper()
	loadShipped()
	if rulesErr != nil {
		tb.Fatalf("the shipped rules.toml: %v", rulesErr)
	}
	return rules
}

// Shipped returns the shipped rule set, parsed once.
func Shipped(tb testing.TB) *questions.Bank {
	tb.Helper()
	Rules(tb)
	return shipped
}

func loadShipped() {
	rulesOnce.Do(func() {
		rules, rulesErr = os.ReadFile(Path("rules.toml"))
		if rulesErr == nil {
			shipped, rulesErr = questions.Parse("rules.toml", rules)
		}
	})
}

// Fixture returns the fixture rule set, questions/testdata/valid/fixture.toml.
func Fixture(tb testing.TB) *questions.Bank {
	tb.Helper()
	return Load(tb, Path("questions", "testdata", "valid", "fixture.toml"))
}

// Load parses the rule set at path, failing the test on any error.
func Load(tb testing.TB, path string) *questions.Bank {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := questions.Parse(path, data)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Answers builds answers on b from "question=option" pairs; each argument
// may hold several pairs separated by spaces ("need=networking horizon=long").
// An unknown question or option fails the test.
func Answers(tb testing.TB, b *questions.Bank, pairs ...string) questions.Choices {
	tb.Helper()
	ch := b.NewChoices()
	for _, p := range strings.Fields(strings.Join(pairs, " ")) {
		q, o, _ := strings.Cut(p, "=")
		qi := b.Question(q)
		if qi < 0 || b.Option(qi, o) < 0 {
			tb.Fatalf("no answer %q in the rule set", p)
		}
		ch[qi] = int8(b.Option(qi, o))
	}
	return ch
}

// First answers the first k questions asked (in full mode) with their
// first option.
func First(b *questions.Bank, k int) questions.Choices {
	ch := b.NewChoices()
	for _, q := range b.Asked(false)[:k] {
		ch[q] = 0
	}
	return ch
}

// Isolate points the state and config folders at fresh temporary folders
// (for this process and the ones a test starts), so that no test reads or
// writes the user's files, clears NO_COLOR, and returns the draft path.
func Isolate(tb testing.TB) string {
	tb.Helper()
	state := tb.TempDir()
	tb.Setenv("XDG_STATE_HOME", state)
	tb.Setenv("XDG_CONFIG_HOME", tb.TempDir())
	tb.Setenv("NO_COLOR", "")
	return filepath.Join(state, "guidepost", "draft.toml")
}

// Perm returns the permission bits of path.
func Perm(tb testing.TB, path string) os.FileMode {
	tb.Helper()
	st, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return st.Mode().Perm()
}

// DirNames lists the names in dir.
func DirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// DraftVariants returns n different drafts of b, each a complete answers
// file, the same every time: a writer and its checker build the same set.
func DraftVariants(b *questions.Bank, n int) [][]byte {
	asked := b.Asked(false)
	out := make([][]byte, n)
	for i := range out {
		ch := b.NewChoices()
		for j, q := range asked[:1+i%len(asked)] {
			ch[q] = int8((i + j) % len(b.Questions[q].Options))
		}
		out[i] = questions.FormatAnswers(b, questions.Audiences[i%len(questions.Audiences)], ch)
	}
	return out
}
