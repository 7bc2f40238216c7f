//go:build linux

package e2e

// The real binary on a pseudo-terminal: what it writes when stdout is a
// terminal (the TUI's start, colours, the terminal's width) and what it
// keeps off the terminal (a broken rule set is reported before it).

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"

	"guidepost/internal/testbank"
)

// openPTY returns the two ends of a new pseudo-terminal of cols×rows.
func openPTY(t testing.TB, cols, rows uint16) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: cols, Row: rows}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// ptyRun is one run of guidepost with stdout (and stdin, when tty) on a
// new cols×rows pseudo-terminal, its stderr apart.
type ptyRun struct {
	args       []string
	env        []string // besides PATH, HOME and private XDG folders
	cols, rows uint16
	tty        bool // stdin on the terminal too (else empty)
	// wait: once the terminal has received it, typeIn is called with the
	// master; "" types nothing. Without wait in 10 s, ctrl+c ends the run.
	wait   string
	typeIn func(master *os.File)
}

// run runs guidepost in a new session whose controlling terminal is the
// pty, and returns its exit code, what the terminal received (CRLF as
// LF) and its stderr.
func (r ptyRun) run(t *testing.T) (code int, screen, stderr string) {
	t.Helper()
	master, slave := openPTY(t, r.cols, r.rows)
	cmd := exec.Command(guidepostBin(t), r.args...)
	home := t.TempDir()
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home,
		"XDG_STATE_HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir()}, r.env...)
	cmd.Dir = home
	cmd.Stdout = slave
	if r.tty {
		cmd.Stdin = slave
	}
	var errw bytes.Buffer
	cmd.Stderr = &errw
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 1}
	var mu sync.Mutex
	var got bytes.Buffer
	seen := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		once := sync.Once{}
		for {
			n, err := master.Read(buf)
			mu.Lock()
			got.Write(buf[:n])
			if r.wait != "" && strings.Contains(got.String(), r.wait) {
				once.Do(func() { close(seen) })
			}
			mu.Unlock()
			if err != nil { // EIO once the last holder of the slave has closed it
				return
			}
		}
	}()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	if r.wait != "" {
		go func() {
			select {
			case <-seen:
				r.typeIn(master)
			case <-time.After(10 * time.Second):
				master.Write([]byte{3}) // ctrl+c: end the run, the test fails below
			}
		}()
	}
	err := cmd.Wait()
	code = cmd.ProcessState.ExitCode()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	<-done
	mu.Lock()
	defer mu.Unlock()
	return code, strings.ReplaceAll(got.String(), "\r\n", "\n"), errw.String()
}

// The TUI starts on a terminal while the embedded rule set is parsed
// (ui.RunPrepared); ctrl+c on the welcome ends it with nothing answered.
func TestE2ETUIStartsOnTheEmbeddedRules(t *testing.T) {
	code, screen, stderr := ptyRun{args: []string{"--theme", "dark"}, env: []string{"TERM=xterm-256color"},
		cols: 80, rows: 24, tty: true, wait: "Yourself", typeIn: func(m *os.File) { m.Write([]byte{3}) }}.run(t)
	if !strings.Contains(screen, "Yourself") {
		t.Fatalf("the welcome screen never came:\n%q", screen)
	}
	if code != exitAborted || !strings.Contains(stderr, "Nothing was answered.") {
		t.Errorf("ctrl+c on the welcome: exit %d, stderr %q; want %d and nothing answered", code, stderr, exitAborted)
	}
}

// A rule-set file is loaded, and its mistakes reported, before anything
// reaches the terminal.
func TestE2EBrokenRulesBeforeTheTerminal(t *testing.T) {
	code, screen, stderr := ptyRun{args: []string{"--rules", testbank.Path("testdata", "broken", "rules", "bell.toml")},
		env: []string{"TERM=xterm-256color"}, cols: 80, rows: 24, tty: true}.run(t)
	if code != exitInvalid || !strings.Contains(stderr, "bell.toml") {
		t.Errorf("a broken --rules on a terminal: exit %d, stderr %q; want %d and the file named", code, stderr, exitInvalid)
	}
	if screen != "" {
		t.Errorf("a broken --rules reached the terminal: %q", screen)
	}
}

// helpOnTerminal runs score --help with stdout on a cols-column terminal
// and env, and returns what the terminal received.
func helpOnTerminal(t *testing.T, cols uint16, env ...string) string {
	t.Helper()
	code, out, stderr := ptyRun{args: []string{"score", "--help"}, env: env, cols: cols, rows: 20}.run(t)
	if code != exitOK || !strings.Contains(out, "--answers") {
		t.Fatalf("score --help on a terminal = %d, %q, stderr %q", code, out, stderr)
	}
	return out
}

// The help on a terminal is styled in colour, and the environment limits
// its colours: NO_COLOR, or a dumb terminal, has none.
func TestE2EHelpColoursFollowTheEnvironment(t *testing.T) {
	colour := helpOnTerminal(t, 80, "TERM=xterm-256color", "COLORTERM=truecolor")
	if !sgrColour.MatchString(colour) {
		t.Errorf("on a colour terminal the help has no colour:\n%q", colour)
	}
	for name, env := range map[string][]string{
		"NO_COLOR":  {"TERM=xterm-256color", "COLORTERM=truecolor", "NO_COLOR=1"},
		"TERM=dumb": {"TERM=dumb"},
	} {
		if s := helpOnTerminal(t, 80, env...); sgrColour.MatchString(s) {
			t.Errorf("%s: the help still sets a colour with %q", name, sgrColour.FindString(s))
		}
	}
}

// widest is the width in cells of the widest line of s, escape
// sequences aside.
func widest(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// TestE2ETextFitsTheTerminal: the app knows stdout's width when it is a
// terminal, and the text report wraps to it: on 50 and 73 columns its
// widest line is within ten cells short of the edge (the report's own
// width through a pipe, 78, is internal/cli's TestTextKeepsItsWidthInAPipe).
func TestE2ETextFitsTheTerminal(t *testing.T) {
	b := testBank(t)
	var file strings.Builder
	file.WriteString("audience = \"manager\"\n[answers]\n")
	for _, q := range b.Asked(false) {
		fmt.Fprintf(&file, "%s = %q\n", b.Questions[q].ID, b.Questions[q].Options[0].ID)
	}
	answers := t.TempDir() + "/a.toml"
	if err := os.WriteFile(answers, []byte(file.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cols := range []int{50, 73} {
		code, screen, stderr := ptyRun{args: []string{"score", "--answers", answers}, env: []string{"TERM=xterm-256color"}, cols: uint16(cols), rows: 40}.run(t)
		if code != exitOK {
			t.Fatalf("exit %d, stderr %s", code, stderr)
		}
		if w := widest(screen); w > cols-1 || w < cols-10 {
			t.Errorf("on a %d-column terminal the widest line is %d cells; want %d-%d:\n%s", cols, w, cols-10, cols-1, screen)
		}
	}
}
