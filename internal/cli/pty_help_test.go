//go:build linux

package cli

// The help on a terminal, through run: fang styles it, and the seam's
// environment limits its colours (NO_COLOR given only to run).

import (
	"bytes"
	"fmt"
	"guidepost/internal/testbank"
	"io"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY returns the two ends of a new pseudo-terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
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
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// helpOnTerminal runs score --help with stdout on a pseudo-terminal and
// returns what the terminal received.
func helpOnTerminal(t *testing.T, env map[string]string) string {
	master, slave := openPTY(t)
	got := make(chan string)
	go func() {
		var buf bytes.Buffer
		io.Copy(&buf, master) // ends with EIO once the slave is closed
		got <- buf.String()
	}()
	var errw bytes.Buffer
	p := process{in: strings.NewReader(""), out: slave, err: &errw,
		getenv: func(k string) string { return env[k] }, now: time.Now, rules: testbank.Rules(t)}
	code := run(p, []string{"score", "--help"})
	slave.Close()
	out := <-got
	if code != exitOK || !strings.Contains(out, "--answers") {
		t.Fatalf("score --help on a terminal = %d, %q, stderr %q", code, out, errw.String())
	}
	return out
}

func TestHelpColoursFollowTheSeam(t *testing.T) {
	testbank.Isolate(t)
	// What fang itself reads: a colour terminal, NO_COLOR unset.
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "")
	t.Setenv("COLORTERM", "truecolor")
	colour := helpOnTerminal(t, map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"})
	if !sgrColour.MatchString(colour) {
		t.Errorf("on a colour terminal the help has no colour:\n%q", colour)
	}
	for name, env := range map[string]map[string]string{
		"NO_COLOR":  {"TERM": "xterm-256color", "NO_COLOR": "1"},
		"TERM=dumb": {"TERM": "dumb"},
	} {
		if s := helpOnTerminal(t, env); sgrColour.MatchString(s) {
			t.Errorf("%s given to run: the help still sets a colour with %q", name, sgrColour.FindString(s))
		}
	}
}

// sgrColour matches an SGR sequence that sets a colour (foreground or
// background; 16, 256 or true colour). 39 and 49, back to the default
// colours, set none.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;:]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:[;:][0-9;:]*)?m`)

// TestTerminalWidth: the app knows stdout's width when it is a terminal
// (what help is fitted to, and what text reports are to be wrapped to),
// and 0 for a pipe or a file.
func TestTerminalWidth(t *testing.T) {
	_, slave := openPTY(t)
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: 73, Row: 20}); err != nil {
		t.Fatal(err)
	}
	if w := newApp(process{out: slave}).width; w != 73 {
		t.Errorf("width on a 73-column terminal = %d", w)
	}
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
