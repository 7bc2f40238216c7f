package cli

// score's --min-group and --delimiter, and the text report's width in a pipe.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/internal/testbank"
)

// teamCSV writes a CSV of n people in team a and n in team b, separated by
// sep, and returns its path.
func teamCSV(t *testing.T, sep string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(strings.Join([]string{"id", "team", "need", "horizon"}, sep) + "\n")
	for i := range 2 * n {
		team := []string{"north", "south"}[i/n]
		b.WriteString(strings.Join([]string{"p" + string(rune('a'+i)), team, "networking", "long"}, sep) + "\n")
	}
	p := filepath.Join(t.TempDir(), "team.csv")
	os.WriteFile(p, []byte(b.String()), 0o600)
	return p
}

// TestScoreMinGroup: --min-group sets the smallest group shown (three
// people show at 3, not at the default 5), and one under the floor is a
// usage error.
func TestScoreMinGroup(t *testing.T) {
	testbank.Isolate(t)
	csv := teamCSV(t, ",", 3)
	r := runCLI(t, "", "score", "--csv", csv, "--summary", "--by", "team")
	if r.code != exitOK || strings.Contains(r.stdout, "north") {
		t.Errorf("default minimum: exit %d, a group of 3 shown:\n%s", r.code, r.stdout)
	}
	r = runCLI(t, "", "score", "--csv", csv, "--summary", "--by", "team", "--min-group", "3")
	if r.code != exitOK || !strings.Contains(r.stdout, "north") || !strings.Contains(r.stdout, "south") {
		t.Errorf("--min-group 3: exit %d, want both groups shown:\n%s", r.code, r.stdout)
	}
	r = runCLI(t, "", "score", "--csv", csv, "--summary", "--by", "team", "--min-group", "1")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--min-group 1: at least 3") {
		t.Errorf("--min-group 1: exit %d, stderr %q; want 2 and the floor named", r.code, r.stderr)
	}
}

// TestScoreDelimiterFlag: a semicolon file is read with a warning, or
// silently with --delimiter semicolon; a made-up separator is a usage error.
func TestScoreDelimiterFlag(t *testing.T) {
	testbank.Isolate(t)
	csv := teamCSV(t, ";", 3)
	r := runCLI(t, "", "score", "--csv", csv)
	if r.code != exitOK || !strings.Contains(r.stderr, "semicolons") || strings.Count(r.stdout, ",mentoring,0.") != 6 {
		t.Errorf("detected: exit %d, stderr %q, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
	r = runCLI(t, "", "score", "--csv", csv, "--delimiter", "semicolon")
	if r.code != exitOK || strings.Contains(r.stderr, "semicolons") || strings.Count(r.stdout, ",mentoring,0.") != 6 {
		t.Errorf("--delimiter semicolon: exit %d, stderr %q, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
	r = runCLI(t, "", "score", "--csv", csv, "--delimiter", "|")
	if r.code != exitUsage || !strings.Contains(r.stderr, "comma, semicolon or tab") {
		t.Errorf("--delimiter |: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestTextKeepsItsWidthInAPipe: through a pipe the text report keeps its
// own width (on a terminal it wraps to the terminal's: e2e's
// TestE2ETextFitsTheTerminal).
func TestTextKeepsItsWidthInAPipe(t *testing.T) {
	testbank.Isolate(t)
	_, file := firstOptions(t, "manager")
	answers := filepath.Join(t.TempDir(), "a.toml")
	os.WriteFile(answers, []byte(file), 0o600)
	widest := func(s string) int {
		w := 0
		for _, l := range strings.Split(s, "\n") {
			w = max(w, advisor.Width(l))
		}
		return w
	}
	r := runCLI(t, "", "score", "--answers", answers)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if w := widest(r.stdout); w <= 50 || w > advisor.ReportWidth {
		t.Errorf("through a pipe the widest line is %d cells; want the report's own width (%d)", w, advisor.ReportWidth)
	}
}
