//go:build linux

package main

// The help on a terminal, through run: fang styles it, and the seam's
// environment limits its colours (NO_COLOR given only to run).

import (
	"bytes"
	"fmt"
	"io"
	"os"
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
	code := run([]string{"score", "--help"}, strings.NewReader(""), slave, &errw,
		func(k string) string { return env[k] }, time.Now)
	slave.Close()
	out := <-got
	if code != exitOK || !strings.Contains(out, "--answers") {
		t.Fatalf("score --help on a terminal = %d, %q, stderr %q", code, out, errw.String())
	}
	return out
}

func TestHelpColoursFollowTheSeam(t *testing.T) {
	isolate(t)
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
