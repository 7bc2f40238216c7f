//go:build linux

package e2e

// The facilitator's screen: the real binary's `guidepost workshop` in
// tmux (the shared pane harness, on the test's own socket), participants
// as real HTTP clients over loopback.

import (
	"guidepost/workshop"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The facilitator screen's wording the test relies on (workshop/screen.go
// has the same texts: adapt these when it changes).
const (
	markPicture = "The room's picture"
	markConfirm = "Quit the workshop?"
)

// workshopWait bounds each wait for the facilitator's screen: each step
// waits on participants' requests too.
const workshopWait = 15 * time.Second

// waitMatch polls the pane with its scrollback (all the facilitator
// screen prints on quitting is there however long it is) until it
// matches re, and returns the match and its groups.
func (tm *pane) waitMatch(re string) []string {
	tm.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(workshopWait)
	var last string
	for time.Now().Before(deadline) {
		last = tm.screen("-S", "-")
		if m := rx.FindStringSubmatch(last); m != nil {
			return m
		}
		time.Sleep(100 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q:\n%s", re, last)
	return nil
}

func TestE2EFacilitatorScreen(t *testing.T) {
	tm := newPane(t, false)
	b := testBank(t)
	tm.run("resize-window", "-t", tm.name, "-x", "110", "-y", "45")
	tm.startShell("workshop", "--addr", "127.0.0.1:0", "--min-group", "3")

	m := tm.waitMatch(`(http://127\.0\.0\.1:\d+)/([A-Z0-9]{6})`)
	base, code := m[1], m[2]
	tm.waitMatch(`Joined 0 · Finished 0`)
	tm.waitMatch(`unencrypted`)

	finish := func(i int) {
		pp := newParticipant(t, base, code)
		if last := pp.AnswerAll(b, workshop.Asked(b, false), func(q int) string {
			opts := b.Questions[q].Options
			return opts[(i+q)%len(opts)].ID
		}); !strings.HasSuffix(last.Path, "/result") {
			t.Fatalf("participant %d ended on %s", i, last.Path)
		}
	}
	finish(0)
	tm.waitMatch(`Joined 1 · Finished 1`)
	finish(1)
	tm.waitMatch(`Joined 2 · Finished 2`)
	late := newParticipant(t, base, code)
	late.Start()
	tm.waitMatch(`Joined 2 · Finished 2 · Starting 1`)

	tm.keys("r")
	tm.waitMatch(`Not yet: 2 of the 3 needed`)
	if strings.Contains(tm.screen("-S", "-"), markPicture+" (") {
		t.Fatal("the picture shows below the minimum")
	}
	finish(2)
	tm.waitMatch(`Finished 3`)
	if strings.Contains(tm.screen("-S", "-"), markPicture+" (") {
		t.Fatal("the picture shows before r")
	}
	tm.keys("r")
	tm.waitMatch(`The room's picture \(3 finished\)`)
	tm.waitMatch(`Kind of call`)

	tm.keys("q")
	tm.waitMatch(markConfirm)
	tm.keys("y")
	m = tm.waitMatch(`Room file: (\S+\.csv)`)
	tm.waitMatch(`EXIT=0\b`)
	out := tm.screen("-S", "-")
	path := m[1]
	if !strings.HasPrefix(path, filepath.Join(tm.state, "guidepost", "rooms")) {
		t.Errorf("room file %s is not in the state folder", path)
	}
	if rows := roomRows(t, path); len(rows) != 4 {
		t.Errorf("room file has %d lines, want a header and 3 rows", len(rows))
	}
	for _, want := range []string{"3 joined, 3 finished.", "guidepost score --csv " + path + " --summary"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output after quitting lacks %q:\n%s", want, out)
		}
	}
}
