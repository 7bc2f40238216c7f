package cli

// The width help and reports are written to. On a real terminal (a pty)
// they are e2e's tests: TestE2ETextFitsTheTerminal, and the help's colours
// in TestE2EHelpColoursFollowTheEnvironment.

import (
	"bytes"
	"testing"
)

// TestTerminalWidth: the app's width is 0 for a writer that is no
// terminal (a pipe or a file), and help is fitted to 80 columns there and
// to a narrower terminal's width.
func TestTerminalWidth(t *testing.T) {
	if w := newApp(process{out: &bytes.Buffer{}}).width; w != 0 {
		t.Errorf("width on a buffer = %d; want 0", w)
	}
	if got := helpWidth(73); got != 73-helpPad {
		t.Errorf("helpWidth(73) = %d", got)
	}
	if got := helpWidth(0); got != helpColumns-helpPad {
		t.Errorf("helpWidth(0) = %d", got)
	}
}
