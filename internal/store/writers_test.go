//go:build unix

package store

// Nothing lost: the draft survives two writers at once, stale temporary
// files and a folder it cannot write to. A writer killed with SIGKILL is
// e2e's TestDraftSurvivesKill (it starts processes).

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"guidepost/internal/testbank"
)

// draftVariants returns n different drafts of the embedded rule set, each
// a complete answers file.
func draftVariants(t *testing.T, n int) [][]byte { return testbank.DraftVariants(testBank(t), n) }

// isVariant reports whether data is exactly one of the drafts written.
func isVariant(data []byte, variants [][]byte) bool {
	for _, v := range variants {
		if bytes.Equal(data, v) {
			return true
		}
	}
	return false
}

// checkTemps fails when dir holds more than max temporary files.
func checkTemps(t *testing.T, dir string, max int) {
	t.Helper()
	var temps []string
	for _, n := range testbank.DirNames(t, dir) {
		if strings.HasSuffix(n, ".tmp") {
			temps = append(temps, n)
		}
	}
	if len(temps) > max {
		t.Fatalf("%d temporary files in %s (want at most %d): %q", len(temps), dir, max, temps)
	}
}

func TestStaleTempsKeepAWriteInFlight(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.toml")
	fresh := filepath.Join(dir, ".draft.toml.111.tmp")
	stale := filepath.Join(dir, ".draft.toml.222.tmp")
	other := filepath.Join(dir, ".notes.toml.333.tmp")
	for _, p := range []string{fresh, stale, other} {
		os.WriteFile(p, []byte("half"), 0o600)
	}
	old := time.Now().Add(-2 * staleTempAge)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := WriteAtomic(path, []byte("x"), time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	got := testbank.DirNames(t, dir)
	want := []string{".draft.toml.111.tmp", ".notes.toml.333.tmp", "draft.toml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("folder holds %q; want %q (the stale temporary removed, another's in flight and other files kept)", got, want)
	}
}

func TestTwoWritersNeverTear(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "guidepost")
	path := filepath.Join(dir, "draft.toml")
	variants := draftVariants(t, 2)
	var wg sync.WaitGroup
	var done atomic.Bool
	var errs [2]error
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100 && errs[w] == nil; i++ {
				errs[w] = WriteAtomic(path, variants[w], time.Now(), nil)
			}
		}()
	}
	reads := 0
	go func() { wg.Wait(); done.Store(true) }()
	for !done.Load() {
		data, err := os.ReadFile(path)
		if err == nil {
			reads++
			if !isVariant(data, variants) {
				t.Fatalf("read %d: the draft is torn:\n%q", reads, data)
			}
		}
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	if data, _ := os.ReadFile(path); !isVariant(data, variants) {
		t.Errorf("the final draft is torn:\n%q", data)
	}
	checkTemps(t, dir, 0)
	t.Logf("%d reads during 200 writes, none torn", reads)
}

func TestSaveResultConcurrentNeverOverwrites(t *testing.T) {
	b := testBank(t)
	r := testResult(t, b)
	dir := t.TempDir()
	day := time.Date(2025, 3, 7, 12, 0, 0, 0, time.UTC)
	const savers = 8
	paths := make([][]string, savers)
	errs := make([]error, savers)
	var wg sync.WaitGroup
	for i := range savers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = SaveResult(dir, day, r)
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range savers {
		if errs[i] != nil {
			t.Fatalf("save %d: %v", i, errs[i])
		}
		for _, p := range paths[i] {
			if seen[p] {
				t.Errorf("two saves wrote %s", p)
			}
			seen[p] = true
		}
	}
	if n := len(testbank.DirNames(t, dir)); n != 2*savers {
		t.Errorf("%d files after %d saves; want %d", n, savers, 2*savers)
	}
}

// TestDraftUnwritable checks that a state folder the draft cannot be
// written to gives a clear error naming it, and that an accessible run
// still reaches its result. Root ignores permissions, so there the folder
// is blocked by a file in its place.
