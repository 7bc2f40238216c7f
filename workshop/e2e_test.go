//go:build unix

package workshop

// End-to-end test of the facilitator's screen: the real binary in tmux on
// a private socket (tmux -L), participants as real HTTP clients over
// loopback. Only the tmux server this test started is killed.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const e2eWait = 15 * time.Second

// tmuxPane is the facilitator's terminal.
type tmuxPane struct {
	t      *testing.T
	socket string
}

func (p *tmuxPane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is the pane with its scrollback, so that what the facilitator
// screen prints on quitting is all there however long it is.
func (p *tmuxPane) screen() string { return p.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "ws") }

// waitFor waits until the screen matches re and returns the match.
func (p *tmuxPane) waitFor(re string) []string {
	p.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(e2eWait)
	var last string
	for time.Now().Before(deadline) {
		last = p.screen()
		if m := rx.FindStringSubmatch(last); m != nil {
			return m
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.t.Fatalf("the screen never showed %q:\n%s", re, last)
	return nil
}

func TestFacilitatorScreenTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI")
		}
		t.Skip("tmux is not installed")
	}
	b := testBank(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "guidepost")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	state := filepath.Join(dir, "state")
	p := &tmuxPane{t: t, socket: fmt.Sprintf("gp-workshop-%d", os.Getpid())}
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	script := fmt.Sprintf("env -u NO_COLOR XDG_STATE_HOME=%s %s workshop --addr 127.0.0.1:0 --min-group 3; echo \"exit code $?\"; sleep 120", state, bin)
	p.tmux("-f", "/dev/null", "new-session", "-d", "-s", "ws", "-x", "110", "-y", "45", "sh", "-c", script)

	m := p.waitFor(`(http://127\.0\.0\.1:\d+)/([A-Z0-9]{6})`)
	base, code := m[1], m[2]
	p.waitFor(`Joined 0 · Finished 0`)
	p.waitFor(`unencrypted`)

	finish := func(i int) {
		pp := newParticipant(t, base, code)
		if last := pp.answerAll(b, func(q int) string {
			opts := b.Questions[q].Options
			return opts[(i+q)%len(opts)].ID
		}); !strings.HasSuffix(last.path, "/result") {
			t.Fatalf("participant %d ended on %s", i, last.path)
		}
	}
	finish(0)
	p.waitFor(`Joined 1 · Finished 1`)
	finish(1)
	p.waitFor(`Joined 2 · Finished 2`)
	late := newParticipant(t, base, code)
	late.start()
	p.waitFor(`Joined 2 · Finished 2 · Starting 1`)

	p.tmux("send-keys", "-t", "ws", "r")
	p.waitFor(`Not yet: 2 of the 3 needed`)
	if strings.Contains(p.screen(), markPicture+" (") {
		t.Fatal("the picture shows below the minimum")
	}
	finish(2)
	p.waitFor(`Finished 3`)
	if strings.Contains(p.screen(), markPicture+" (") {
		t.Fatal("the picture shows before r")
	}
	p.tmux("send-keys", "-t", "ws", "r")
	p.waitFor(`The room's picture \(3 finished\)`)
	p.waitFor(`Kind of call`)

	p.tmux("send-keys", "-t", "ws", "q")
	p.waitFor(markConfirm)
	p.tmux("send-keys", "-t", "ws", "y")
	m = p.waitFor(`Room file: (\S+\.csv)`)
	p.waitFor(`exit code 0`)
	out := p.screen()
	path := m[1]
	if !strings.HasPrefix(path, filepath.Join(state, "guidepost", "rooms")) {
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
