// Package e2e holds the tests that start processes: the real binary in a
// real terminal (tmux, on a private socket per test), signals, kill -9 and
// the workshop in a browser. It has no code of its own; go test ./... runs
// it, and .ci/run installs what it needs (tmux, chromium).
package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// Exit codes (CONTRACT §2).
const (
	exitOK      = 0
	exitInvalid = 1
	exitAborted = 130
)

// fileMode is the mode of every file Guidepost saves.
const fileMode = 0o600

// testBank is the shipped rule set, the one the binary embeds.
func testBank(t *testing.T) *questions.Bank { return testbank.Shipped(t) }

// isolate points the state and config folders at fresh temporary folders
// (the processes the test starts inherit them), and returns the draft path.
func isolate(t *testing.T) string {
	t.Helper()
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "")
	return filepath.Join(state, "guidepost", "draft.toml")
}

// perm returns the permission bits of path.
func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
