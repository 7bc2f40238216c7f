package cli

import (
	"os"
	"testing"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// testBank is the shipped rule set, the one main embeds.
func testBank(t *testing.T) *questions.Bank { return testbank.Shipped(t) }

// perm returns the permission bits of path.
func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// Markers of the outputs these tests read.
const (
	markReport    = "Confidence in this call: " // in the plain-text report
	markAccPrompt = "Choose 1-"                 // an accessible prompt
)

// expectedHeadline returns the headline the report leads with for ch.
func expectedHeadline(b *questions.Bank, audience questions.Audience, ch questions.Choices) string {
	r := advisor.Evaluate(b, ch)
	r.Audience = audience
	return advisor.Explain(b, r).Headline
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
