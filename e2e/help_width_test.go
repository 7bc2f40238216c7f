//go:build unix

package e2e

import (
	"strings"
	"testing"
)

// TestE2EHelpIn80Columns: in an 80-column terminal the root's help
// wraps no line: every word stays whole ("s / hell" was a wrapped
// "shell"). tmux joins wrapped lines with -J, so the two captures agree
// only when nothing wrapped.
func TestE2EHelpIn80Columns(t *testing.T) {
	tm := newPane(t, false)
	tm.run("resize-window", "-t", tm.name, "-x", "80", "-y", "60")
	tm.run("clear-history", "-t", tm.name)
	script := guidepostBin(t) + " --help; echo HELP-DONE; sleep 30"
	tm.run("respawn-pane", "-k", "-t", tm.name, "-c", tm.folder, clearScreen+" exec sh -c '"+script+"'")
	tm.waitFor("HELP-DONE")
	joined := tm.screen("-S", "-")
	raw := tm.run("capture-pane", "-p", "-t", tm.name, "-S", "-")
	if !strings.Contains(joined, "completion") {
		t.Fatalf("no help on the screen:\n%s", joined)
	}
	if j, r := strings.Count(joined, "\n"), strings.Count(raw, "\n"); j != r {
		t.Errorf("the help wrapped in 80 columns (%d lines joined, %d on screen):\n%s", j, r, raw)
	}
}
