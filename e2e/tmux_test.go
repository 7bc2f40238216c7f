//go:build unix

package e2e

// End-to-end tests: the real binary in a real terminal (tmux), driven by
// keys and read back from the screen. Each test has its own tmux server
// (its own socket), so tests run in parallel and never touch a tmux the
// developer is using. They wait for markers on the screen, never for a
// fixed time.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// Screen markers and keys the tests rely on. The UI's wording is its own:
// adapt these when it changes.
const (
	markQuestion  = "Question %d of %d"         // the counter on a question screen
	markReview    = "Your answers"              // the review after the last question
	keyResult     = "r"                         // from the review to the result
	keySave       = "s"                         // on the result: save it as files
	markTooSmall  = "make the window larger"    // below the minimum size
	markReport    = "Confidence in this call: " // in the plain-text report printed on exit
	markQuitSaved = "guidepost --resume"        // the message after ctrl+c with answers
	markChosen    = "✓"                         // the earlier answer of a question
)

// e2eTimeout bounds each wait for the screen.
const e2eTimeout = 10 * time.Second

// sgrColour matches an SGR sequence that sets a colour (foreground or
// background; 16, 256 or true colour). 39 and 49, back to the default
// colours, set none.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;:]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:[;:][0-9;:]*)?m`)

// unsafeName matches what tmux does not take in a session name.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// guidepostBin builds the binary once for every end-to-end test.
func guidepostBin(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "guidepost-e2e-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "guidepost")
		out, err := exec.Command("go", "build", "-o", binPath, testbank.Root()).CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// needTmux skips the test without tmux, except in CI where it must run.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI for the end-to-end tests")
		}
		t.Skip("tmux is not installed")
	}
}

// pane is one tmux session running guidepost in a 100×30 window.
type pane struct {
	t             *testing.T
	socket, name  string
	state, folder string // XDG_STATE_HOME and the working folder
}

// newPane starts a detached tmux session for the test; noColor sets
// NO_COLOR. The session and its server are killed when the test ends.
func newPane(t *testing.T, noColor bool) *pane {
	needTmux(t)
	t.Parallel()
	guidepostBin(t)
	tm := &pane{t: t, state: t.TempDir(), folder: t.TempDir()}
	tm.name = fmt.Sprintf("gp-%d-%s", os.Getpid(), unsafeName.ReplaceAllString(t.Name(), "-"))
	tm.socket = tm.name
	nc := ""
	if noColor {
		nc = "1"
	}
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", tm.name, "-x", "100", "-y", "30",
		"-e", "TERM=xterm-256color", "-e", "XDG_STATE_HOME="+tm.state,
		"-e", "XDG_CONFIG_HOME="+t.TempDir(), "-e", "NO_COLOR="+nc, "-e", "COLORTERM=truecolor")
	socketPath := strings.TrimSpace(tm.run("display", "-p", "-t", tm.name, "#{socket_path}"))
	t.Cleanup(func() {
		pids := tm.panePIDs()
		exec.Command("tmux", "-L", tm.socket, "kill-session", "-t", tm.name).Run()
		exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
		os.Remove(socketPath)
		waitGone(pids) // a guidepost saves its draft on the hang-up: let it finish before the folders go
	})
	tm.run("set-option", "-t", tm.name, "remain-on-exit", "on")
	return tm
}

// start runs guidepost with args in the session's pane, on a cleared
// screen with no scrollback, so that no marker is left from an earlier run.
func (tm *pane) start(args ...string) {
	tm.run("clear-history", "-t", tm.name)
	cmd := strings.Join(append([]string{clearScreen, "exec", guidepostBin(tm.t)}, args...), " ")
	tm.run("respawn-pane", "-k", "-t", tm.name, "-c", tm.folder, cmd)
}

// clearScreen is the shell command that clears the screen and scrollback.
const clearScreen = `printf '\033[3J\033[H\033[2J';`

// run runs a tmux command on the test's server and returns its output.
func (tm *pane) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys sends tmux key names (Enter, BTab, C-c, or a single character).
func (tm *pane) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", tm.name}, keys...)...)
}

// screen returns the pane's text, wrapped lines joined; more adds
// capture-pane flags (-e for the SGR sequences, -S - for the scrollback).
func (tm *pane) screen(more ...string) string {
	tm.t.Helper()
	return tm.run(append([]string{"capture-pane", "-p", "-J", "-t", tm.name}, more...)...)
}

// waitFor polls the screen until it contains marker and returns it.
func (tm *pane) waitFor(marker string) string {
	tm.t.Helper()
	return tm.waitUntil(marker, func(s string) bool { return strings.Contains(s, marker) })
}

// waitUntil polls the screen until ok holds.
func (tm *pane) waitUntil(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q; the screen:\n%s", what, s)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// draft returns the path of the session's draft.
func (tm *pane) draft() string { return filepath.Join(tm.state, "guidepost", "draft.toml") }

// answer answers questions from..to (1-based) of n with option 1, waiting
// for each to show.
func (tm *pane) answer(from, to, n int) {
	tm.t.Helper()
	for i := from; i <= to; i++ {
		tm.waitFor(fmt.Sprintf(markQuestion, i, n))
		tm.keys("1")
	}
}

// finish goes from the review to the result, saves it if asked, quits and
// checks the report and the exit code.
// finish goes from the review to the result, waits for label (the
// headline, which the report in the scrollback may wrap), optionally saves,
// and quits.
func (tm *pane) finish(label string, save bool) {
	tm.t.Helper()
	tm.waitFor(markReview)
	tm.keys(keyResult)
	tm.waitFor(label)
	if save {
		tm.keys(keySave)
		for _, f := range tm.waitForFiles("guidepost-result-*", 2) {
			if p := testbank.Perm(tm.t, f); p != fileMode {
				tm.t.Errorf("%s: mode %v; want %v", f, p, os.FileMode(fileMode))
			}
		}
	}
	tm.keys("q")
	if code := tm.exitCode(); code != exitOK {
		tm.t.Errorf("exit code %d after the result; want 0", code)
	}
	if s := tm.screen("-S", "-"); !strings.Contains(s, markReport) || !strings.Contains(strings.Join(strings.Fields(s), " "), label) {
		tm.t.Errorf("the report is not in the scrollback; the screen:\n%s", s)
	}
	if _, err := os.Stat(tm.draft()); err == nil {
		tm.t.Error("the draft is still there after a result")
	}
}

// e2eBank returns the embedded bank and the number of questions asked.
func e2eBank(t *testing.T) (*questions.Bank, int) {
	b := testBank(t)
	return b, len(b.Asked(false))
}

// expectedHeadline returns the headline the report leads with for ch.
func expectedHeadline(b *questions.Bank, audience questions.Audience, ch questions.Choices) string {
	return advisor.ExplainAnswers(b, ch, audience).Headline
}

func TestE2EFullRun(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.start("--for", "manager")
	tm.answer(1, n, n)
	tm.finish(expectedHeadline(b, "manager", testbank.First(b, n)), true)
}

// waitForFiles polls folder until it holds n files matching pattern.
func (tm *pane) waitForFiles(pattern string, n int) []string {
	tm.t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for {
		files, _ := filepath.Glob(filepath.Join(tm.folder, pattern))
		if len(files) >= n {
			return files
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no %s saved in %s; the screen:\n%s", pattern, tm.folder, tm.screen())
		}
		time.Sleep(40 * time.Millisecond)
	}
}

func TestE2EBackCtrlCResume(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.start("--for", "self")
	tm.answer(1, 2, n)
	tm.waitFor(fmt.Sprintf(markQuestion, 3, n))
	tm.keys("BTab")
	s := tm.waitFor(fmt.Sprintf(markQuestion, 2, n))
	if !strings.Contains(s, markChosen) {
		t.Errorf("going back does not show the earlier answer; the screen:\n%s", s)
	}
	tm.keys("2")
	tm.waitFor(fmt.Sprintf(markQuestion, 3, n))
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Errorf("ctrl+c: exit code %d; want 130", code)
	}
	if s := tm.screen("-S", "-"); !strings.Contains(s, markQuitSaved) {
		t.Errorf("no word on the draft after ctrl+c; the screen:\n%s", s)
	}
	ch := checkDraft(t, b, tm.draft())
	q2 := b.Asked(false)[1]
	if ch[q2] != 1 {
		t.Errorf("draft answer to question 2 = %d; want the changed answer 1", ch[q2])
	}
	tm.start("--resume")
	tm.answer(3, n, n)
	ch = testbank.First(b, n)
	ch[q2] = 1
	tm.finish(expectedHeadline(b, "self", ch), false)
}

// checkDraft checks that the draft is private and valid, and returns its
// answers.
func checkDraft(t *testing.T, b *questions.Bank, path string) questions.Choices {
	t.Helper()
	if p := testbank.Perm(t, path); p != fileMode {
		t.Errorf("draft mode %v; want %v", p, os.FileMode(fileMode))
	}
	data, _ := os.ReadFile(path)
	_, ch, err := questions.ParseAnswers(b, path, data)
	if err != nil {
		t.Fatalf("the draft is not a valid answers file: %v", err)
	}
	return ch
}

func TestE2EResize(t *testing.T) {
	tm := newPane(t, false)
	_, n := e2eBank(t)
	tm.start("--for", "consultant")
	q1 := fmt.Sprintf(markQuestion, 1, n)
	tm.waitFor(q1)
	tm.run("resize-window", "-t", tm.name, "-x", "40", "-y", "12")
	tm.waitUntil("a 40×12 screen", func(s string) bool { return fitsWidth(s, 40) && strings.Contains(s, q1) })
	tm.run("resize-window", "-t", tm.name, "-x", "30", "-y", "10")
	tm.waitFor(markTooSmall)
	tm.run("resize-window", "-t", tm.name, "-x", "100", "-y", "30")
	tm.waitFor(q1)
	tm.keys("1")
	tm.waitFor(fmt.Sprintf(markQuestion, 2, n))
}

// fitsWidth reports whether every line of s is at most w cells wide (by
// runes: the UI's glyphs are one cell).
func fitsWidth(s string, w int) bool {
	for _, line := range strings.Split(s, "\n") {
		if len([]rune(strings.TrimRight(line, " "))) > w {
			return false
		}
	}
	return true
}

func TestE2ENoColor(t *testing.T) {
	for _, noColor := range []bool{true, false} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			tm := newPane(t, noColor)
			_, n := e2eBank(t)
			tm.start("--for", "manager")
			tm.answer(1, 1, n)
			tm.waitFor(fmt.Sprintf(markQuestion, 2, n))
			s := tm.screen("-e")
			if got := sgrColour.FindString(s); noColor && got != "" {
				t.Errorf("NO_COLOR: the screen sets a colour with %q", got)
			} else if !noColor && got == "" {
				t.Error("without NO_COLOR the screen has no colour: the check above proves nothing")
			}
		})
	}
}
