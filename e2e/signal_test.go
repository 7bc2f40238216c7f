//go:build linux

package e2e

// Signals in a real terminal: a SIGINT, SIGTERM or SIGHUP sent to the TUI
// (an IDE's stop button, kill, a closed window) keeps every answer given
// in the run and leaves the terminal as it found it; a SIGKILL loses no
// answer whose save had finished. They reuse the helpers of tmux_test.go.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// startShell runs guidepost with args under sh in the pane, then prints
// its exit status and the terminal's modes, so that the test can read
// both after guidepost has gone.
func (tm *pane) startShell(args ...string) {
	tm.run("clear-history", "-t", tm.name)
	script := fmt.Sprintf("%s %s; echo EXIT=$?; stty -a; echo DONE", guidepostBin(tm.t), strings.Join(args, " "))
	tm.run("respawn-pane", "-k", "-t", tm.name, "-c", tm.folder, clearScreen+" exec sh -c '"+script+"'")
}

// guidepostPID returns the pid of the guidepost the pane's shell runs.
func (tm *pane) guidepostPID() int {
	tm.t.Helper()
	shell := strings.TrimSpace(tm.run("display", "-p", "-t", tm.name, "#{pane_pid}"))
	deadline := time.Now().Add(e2eTimeout)
	for {
		data, _ := os.ReadFile(filepath.Join("/proc", shell, "task", shell, "children"))
		if f := strings.Fields(string(data)); len(f) > 0 {
			pid, err := strconv.Atoi(f[0])
			if err == nil {
				return pid
			}
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no guidepost under the pane's shell %s", shell)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// draftAnswers returns how many answers the draft holds (-1: no valid draft).
func (tm *pane) draftAnswers(b *questions.Bank) int {
	data, err := os.ReadFile(tm.draft())
	if err != nil {
		return -1
	}
	_, ch, err := questions.ParseAnswers(b, tm.draft(), data)
	if err != nil {
		return -1
	}
	n := 0
	for _, o := range ch {
		if o != questions.NoAnswer {
			n++
		}
	}
	return n
}

// waitDraft waits until the draft holds n answers.
func (tm *pane) waitDraft(b *questions.Bank, n int) {
	tm.t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for tm.draftAnswers(b) != n {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the draft holds %d answers; want %d", tm.draftAnswers(b), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// assertRestored checks, after guidepost has gone, its exit status and
// that the terminal is back in its normal modes: the main screen, line
// editing and echo on.
func (tm *pane) assertRestored(code int) string {
	tm.t.Helper()
	tm.waitFor("DONE")
	s := tm.screen("-S", "-")
	if !strings.Contains(s, fmt.Sprintf("EXIT=%d", code)) {
		tm.t.Errorf("exit status: want %d; the screen:\n%s", code, s)
	}
	if alt := strings.TrimSpace(tm.run("display", "-p", "-t", tm.name, "#{alternate_on}")); alt != "0" {
		tm.t.Errorf("the terminal is left in the alternate screen")
	}
	fields := strings.Fields(s)
	for _, mode := range []string{"icanon", "echo"} {
		if slices.Contains(fields, "-"+mode) || !slices.Contains(fields, mode) {
			tm.t.Errorf("the terminal is left without %s (raw mode); stty -a:\n%s", mode, s)
		}
	}
	return s
}

func TestE2ESignalsKeepAnswers(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, resume := range []bool{false, true} {
			t.Run(fmt.Sprintf("%v/resume=%v", sig, resume), func(t *testing.T) {
				tm := newPane(t, false)
				b, n := e2eBank(t)
				from := 1
				if resume {
					os.MkdirAll(filepath.Dir(tm.draft()), 0o700)
					os.WriteFile(tm.draft(), questions.FormatAnswers(b, "self", testbank.First(b, 2)), 0o600)
					tm.startShell("--resume")
					from = 3
				} else {
					tm.startShell("--for", "self")
				}
				tm.answer(from, from+1, n)
				tm.waitFor(fmt.Sprintf(markQuestion, from+2, n))
				syscall.Kill(tm.guidepostPID(), sig)
				s := tm.assertRestored(exitAborted)
				if !strings.Contains(s, "Your answers are saved in") {
					t.Errorf("%v: no word that the answers are saved; the screen:\n%s", sig, s)
				}
				if got := tm.draftAnswers(b); got != from+1 {
					t.Errorf("%v: the draft holds %d answers; want the %d given", sig, got, from+1)
				}
			})
		}
	}
}

// TestE2EKillLosesNoSavedAnswer is the README's guarantee for a kill -9:
// the draft is the last complete save, never torn, never older.
func TestE2EKillLosesNoSavedAnswer(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.startShell("--for", "manager")
	tm.answer(1, 3, n)
	tm.waitFor(fmt.Sprintf(markQuestion, 4, n))
	tm.waitDraft(b, 3)
	syscall.Kill(tm.guidepostPID(), syscall.SIGKILL)
	tm.waitFor("DONE")
	if got := tm.draftAnswers(b); got != 3 {
		t.Errorf("after kill -9 the draft holds %d answers; want 3", got)
	}
	if names := testbank.DirNames(t, filepath.Dir(tm.draft())); len(names) != 1 {
		t.Errorf("the state folder holds %q; want only the draft", names)
	}
}
