//go:build linux

package e2e

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
)

// TestE2EWorkshopSignalsExit130: a signal that ends the facilitator's
// session early (SIGINT, SIGTERM, SIGHUP) is an interruption: the room
// file's path is printed all the same and the exit code is 130, whichever
// the signal (CONTRACT §2).
func TestE2EWorkshopSignalsExit130(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			tm := newPane(t, false)
			tm.startShell("workshop", "--addr", "127.0.0.1:0")
			tm.waitFor("Joined 0")
			if err := syscall.Kill(tm.guidepostPID(), sig); err != nil {
				t.Fatal(err)
			}
			tm.waitFor("DONE")
			s := tm.screen("-S", "-")
			if !strings.Contains(s, fmt.Sprintf("EXIT=%d", exitAborted)) || !strings.Contains(s, "Room file: ") {
				t.Errorf("after %v the workshop printed:\n%s\nwant the room file and EXIT=%d", sig, s, exitAborted)
			}
		})
	}
}
