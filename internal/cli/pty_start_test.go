//go:build linux

package cli

// The TUI's start on a terminal: with the embedded rule set it starts while
// the rule set is parsed (ui.RunPrepared); a rule-set file is loaded, and
// its mistakes reported, before anything reaches the terminal.

import (
	"bytes"
	"guidepost/internal/testbank"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// terminalRun runs guidepost with stdin and stdout on a new pty; type is
// called with the terminal's master once the output holds wait ("" types
// at once), and run returns what the terminal received.
func terminalRun(t *testing.T, args []string, wait string, typeIn func(master *os.File)) (code int, screen, stderr string) {
	t.Helper()
	master, slave := openPTY(t)
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
			if wait != "" && strings.Contains(got.String(), wait) {
				once.Do(func() { close(seen) })
			}
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	if wait != "" {
		go func() {
			select {
			case <-seen:
				typeIn(master)
			case <-time.After(10 * time.Second):
				master.Write([]byte{3}) // ctrl+c: end the run, the test fails below
			}
		}()
	}
	var errw bytes.Buffer
	code = run(process{in: slave, out: slave, err: &errw, getenv: os.Getenv, now: time.Now, rules: testbank.Rules(t)}, args)
	slave.Close()
	<-done
	mu.Lock()
	defer mu.Unlock()
	return code, got.String(), errw.String()
}

func TestTUIStartsOnTheEmbeddedRules(t *testing.T) {
	testbank.Isolate(t)
	t.Setenv("TERM", "xterm-256color")
	code, screen, stderr := terminalRun(t, []string{"--theme", "dark"}, "Yourself", func(m *os.File) { m.Write([]byte{3}) })
	if !strings.Contains(screen, "Yourself") {
		t.Fatalf("the welcome screen never came:\n%q", screen)
	}
	if code != exitAborted || !strings.Contains(stderr, "Nothing was answered.") {
		t.Errorf("ctrl+c on the welcome: exit %d, stderr %q; want %d and nothing answered", code, stderr, exitAborted)
	}
}

func TestBrokenRulesBeforeTheTerminal(t *testing.T) {
	testbank.Isolate(t)
	t.Setenv("TERM", "xterm-256color")
	code, screen, stderr := terminalRun(t, []string{"--rules", testbank.Path("testdata", "broken", "rules", "bell.toml")}, "", nil)
	if code != exitInvalid || !strings.Contains(stderr, "bell.toml") {
		t.Errorf("a broken --rules on a terminal: exit %d, stderr %q; want %d and the file named", code, stderr, exitInvalid)
	}
	if screen != "" {
		t.Errorf("a broken --rules reached the terminal: %q", screen)
	}
}
