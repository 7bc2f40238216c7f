//go:build unix

package e2e

import (
	"fmt"
	"testing"
)

// TestE2EThemeWinsOverNoColor: with NO_COLOR=1, --theme high-contrast
// still paints the projector theme (no-color.org: a command-line flag
// overrides NO_COLOR); TestE2ENoColor holds that NO_COLOR alone gives none.
func TestE2EThemeWinsOverNoColor(t *testing.T) {
	tm := newPane(t, true)
	_, n := e2eBank(t)
	tm.start("--theme", "high-contrast", "--for", "consultant")
	tm.waitFor(fmt.Sprintf(markQuestion, 1, n))
	s := tm.screen("-e")
	if sgrColour.FindString(s) == "" {
		t.Errorf("NO_COLOR=1 --theme high-contrast: the screen has no colour:\n%q", s)
	}
	if line, ok := everyCellOnBackground(s); !ok {
		t.Errorf("line %d shows the terminal's own background", line)
	}
	tm.keys("C-c")
	tm.exitCode()
}
