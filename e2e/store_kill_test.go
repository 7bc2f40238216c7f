//go:build unix

package e2e

// Nothing lost: the draft survives a writer killed with SIGKILL at any
// moment. The writer is the test binary started again with writerEnv set,
// writing drafts through store.WriteAtomic in a loop until it is killed.

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"guidepost/internal/store"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// draftVariants returns n different drafts of the shipped rule set, each
// a complete answers file; the helper and the test build the same ones.
func draftVariants(b *questions.Bank, n int) [][]byte { return testbank.DraftVariants(b, n) }

// writerHelper writes drafts to path in a loop until it is killed; it
// returns only on an error. It prints "writing" just before its first
// write, once the process has started and built its drafts.
func writerHelper(path string) int {
	b, err := helperBank()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	variants := draftVariants(b, 16)
	fmt.Println("writing")
	for i := 0; ; i++ {
		if err := store.WriteAtomic(path, variants[i%len(variants)], time.Now(), nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

// kills is how many times TestDraftSurvivesKill kills a writer.
const kills = 60

func TestDraftSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	b := testBank(t)
	variants := draftVariants(b, 16)
	dir := filepath.Join(t.TempDir(), "guidepost")
	path := filepath.Join(dir, "draft.toml")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for i := range kills {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), writerEnv+"="+path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The moment is counted from the helper's first write: the start
		// of a process (slower under load) must not eat it.
		if line, _ := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: the helper did not start writing (%q, %s)", i+1, line, stderr.String())
		}
		// A random moment: before the first write, during one, between two.
		time.Sleep(time.Duration(rand.IntN(42_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !st.Signaled() {
			t.Fatalf("kill %d: the helper ended by itself (%v, %s); it must write until killed", i+1, err, stderr.String())
		}
		data, err := os.ReadFile(path)
		switch {
		case os.IsNotExist(err) && seen == 0:
			continue // killed before its first write
		case err != nil:
			t.Fatalf("kill %d: the draft is gone after a write: %v", i+1, err)
		}
		seen++
		if !isVariant(data, variants) {
			t.Fatalf("kill %d: the draft is torn:\n%q", i+1, data)
		}
		if _, _, err := questions.ParseAnswers(b, path, data); err != nil {
			t.Fatalf("kill %d: the draft does not parse: %v", i+1, err)
		}
		ageTemps(t, dir) // as if the next run came a while later
	}
	if seen == 0 {
		t.Fatalf("no draft was written in %d runs", kills)
	}
	// Kills mid-write leave temporary files; under load a writer can be
	// killed again before its first write cleans them, so their number
	// after one kill is not fixed. What must hold: they never pile up,
	// because the next write removes every stale one.
	if err := store.WriteAtomic(path, variants[0], time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	var temps []string
	for _, n := range testbank.DirNames(t, dir) {
		if strings.HasSuffix(n, ".tmp") {
			temps = append(temps, n)
		}
	}
	if len(temps) > 0 {
		t.Fatalf("%d temporary files in %s after a write: %q", len(temps), dir, temps)
	}
	t.Logf("%d kills; the draft was complete after each of the %d that came after a write", kills, seen)
}

// isVariant reports whether data is exactly one of the drafts written.
func isVariant(data []byte, variants [][]byte) bool {
	for _, v := range variants {
		if bytes.Equal(data, v) {
			return true
		}
	}
	return false
}

// staleAge is older than any temporary file the store keeps (it removes
// those over a minute old: a write in flight is never that slow).
const staleAge = time.Hour

// ageTemps dates dir's temporary files back past the store's stale age.
func ageTemps(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-staleAge)
	for _, n := range testbank.DirNames(t, dir) {
		if strings.HasSuffix(n, ".tmp") {
			os.Chtimes(filepath.Join(dir, n), old, old)
		}
	}
}
