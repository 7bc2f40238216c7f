//go:build unix

package e2e

// End-to-end trust tests in a real terminal: a dumb terminal, windows at
// both extremes, and a paste of 200 keys at once. They reuse the helpers
// of tmux_test.go.

import (
	"fmt"
	"guidepost/internal/testbank"
	"strings"
	"testing"
)

// startEnv runs guidepost with args in the pane under extra environment
// settings (NAME=value), which start cannot pass.
func (tm *pane) startEnv(env []string, args ...string) {
	tm.run("clear-history", "-t", tm.name)
	cmd := strings.Join(append(append([]string{clearScreen, "exec", "env"}, env...), append([]string{guidepostBin(tm.t)}, args...)...), " ")
	tm.run("respawn-pane", "-k", "-t", tm.name, "-c", tm.folder, cmd)
}

func TestE2EDumbTerminalIsAccessible(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.startEnv([]string{"TERM=dumb"}, "--for", "self")
	tm.waitFor("Question 1 of")
	if s := tm.screen("-e"); strings.Contains(s, "\x1b[?1049h") || sgrColour.MatchString(s) {
		t.Errorf("TERM=dumb: the screen has colour or the alternate screen:\n%q", s)
	}
	for range n {
		tm.keys("-l", "1")
		tm.keys("Enter")
	}
	if code := tm.exitCode(); code != exitOK {
		t.Errorf("TERM=dumb: exit code %d after the last answer; want 0", code)
	}
	if s := tm.screen("-S", "-"); !strings.Contains(s, markReport) || !strings.Contains(s, expectedHeadline(b, "self", testbank.First(b, n))) {
		t.Errorf("TERM=dumb: no report; the screen:\n%s", s)
	}
}

func TestE2ETinyWindow(t *testing.T) {
	tm := newPane(t, false)
	tm.run("resize-window", "-t", tm.name, "-x", "20", "-y", "6")
	tm.start("--for", "manager")
	s := tm.waitFor("larger")
	if !fitsWidth(s, 20) {
		t.Errorf("a line wider than 20 columns:\n%s", s)
	}
	tm.keys("1") // ignored while too small
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Errorf("ctrl+c in a tiny window: exit code %d; want 130", code)
	}
}

func TestE2EHugeWindow(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.run("resize-window", "-t", tm.name, "-x", "300", "-y", "100")
	if sz := strings.TrimSpace(tm.run("display", "-p", "-t", tm.name, "#{window_width}x#{window_height}")); sz != "300x100" {
		t.Fatalf("the window is %s, not 300x100", sz)
	}
	tm.start("--for", "consultant")
	for i := 1; i <= n; i++ {
		s := tm.waitFor(strings.Replace(markQuestion, "%d of %d", "", 1))
		if !fitsWidth(s, 300) {
			t.Fatalf("a line wider than 300 columns:\n%s", s)
		}
		tm.answer(i, i, n)
	}
	tm.finish(expectedHeadline(b, "consultant", testbank.First(b, n)), false)
}

func TestE2EPaste200Keys(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.start("--for", "manager")
	tm.waitFor("Question 1 of")
	tm.keys("-l", strings.Repeat("1", 200))
	tm.finish(expectedHeadline(b, "manager", testbank.First(b, n)), false)
}

// TestE2EHelpStyling: fang styles the help on a terminal, without colour
// under NO_COLOR; piped, the help has no escape at all (see TestHelp).
func TestE2EHelpStyling(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			tm := newPane(t, noColor)
			tm.start("score", "--help")
			tm.waitFor("--answers")
			if code := tm.exitCode(); code != exitOK {
				t.Errorf("score --help: exit code %d; want 0", code)
			}
			got := sgrColour.FindString(tm.screen("-e"))
			if noColor && got != "" {
				t.Errorf("NO_COLOR: the help sets a colour with %q", got)
			} else if !noColor && got == "" {
				t.Error("on a terminal the help has no colour: fang's styling is lost")
			}
		})
	}
}

// TestE2EPipedHelpIsPlain: with stdout a pipe in a real terminal, the
// help has no escape sequence; a usage error on the terminal is one plain
// message with exit 2.
func TestE2EPipedHelpIsPlain(t *testing.T) {
	tm := newPane(t, false)
	tm.run("clear-history", "-t", tm.name)
	script := guidepostBin(t) + ` score --help | od -c | grep -c 033; echo PIPED; ` +
		guidepostBin(t) + ` --bogus check; echo EXIT=$?`
	tm.run("respawn-pane", "-k", "-t", tm.name, "-c", tm.folder, clearScreen+" exec sh -c '"+script+"'")
	tm.waitFor("EXIT=")
	s := tm.screen("-S", "-")
	if !strings.Contains(s, "0\nPIPED") {
		t.Errorf("piped help carries escape sequences (the count before PIPED):\n%s", s)
	}
	if !strings.Contains(s, "guidepost: unknown flag: --bogus\nRun 'guidepost --help' for usage.\nEXIT=2") {
		t.Errorf("a usage error on the terminal:\n%s", s)
	}
}
