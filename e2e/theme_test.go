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

// TestE2EWorkshopThemeWinsOverNoColor: the facilitator's screen keeps a
// theme named with --theme under NO_COLOR too (it runs its own Bubble Tea
// program, which would strip the colours from NO_COLOR by itself).
func TestE2EWorkshopThemeWinsOverNoColor(t *testing.T) {
	for _, theme := range []string{"high-contrast", ""} {
		t.Run("theme="+theme, func(t *testing.T) {
			tm := newPane(t, true)
			args := []string{"workshop", "--addr", "127.0.0.1:0"}
			if theme != "" {
				args = append([]string{"--theme", theme}, args...)
			}
			tm.startShell(args...)
			tm.waitMatch(`unencrypted`)
			s := tm.screen("-e")
			if got := sgrColour.FindString(s) != ""; got != (theme != "") {
				t.Errorf("NO_COLOR=1 --theme %q: colour on the facilitator's screen = %v, want %v:\n%q", theme, got, theme != "", s)
			}
			tm.keys("q")
			tm.keys("y")
			tm.waitMatch(`EXIT=0`)
		})
	}
}
