//go:build unix

package cli

// The state folder and input files against hostile file systems: a linked
// state folder or draft, a named pipe, a full disk.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"guidepost/internal/store"
	"guidepost/internal/testbank"
	"guidepost/ui"
)

// linkedState makes $XDG_STATE_HOME/guidepost a symbolic link to a fresh
// folder (mode 0755) and returns that target.
func linkedState(t *testing.T) string {
	t.Helper()
	target := t.TempDir()
	os.Chmod(target, 0o755)
	link := filepath.Join(os.Getenv("XDG_STATE_HOME"), "guidepost")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return target
}

func TestLinkedStateFolderIsRefused(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	target := linkedState(t)
	for _, args := range [][]string{{"--for", "self"}, {"--resume"}, {"forget"}} {
		r := runCLI(t, "1\n1\n", args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "is a symbolic link; Guidepost does not follow it") {
			t.Errorf("%q with a linked state folder = %d, stderr %q; want exit 1 and the refusal", args, r.code, r.stderr)
		}
		if strings.Contains(r.stdout, "Question 1") {
			t.Errorf("%q asked questions it could not save", args)
		}
	}
	st, _ := os.Stat(target)
	if names := testbank.DirNames(t, target); len(names) != 0 || st.Mode().Perm() != 0o755 {
		t.Errorf("the link's target holds %q with mode %v; want nothing written, mode unchanged", names, st.Mode().Perm())
	}
	b := testBank(t)
	path, _ := store.DraftPath(os.Getenv)
	if err := store.SaveDraft(path, b, "self", b.NewChoices(), time.Now(), nil); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("saveDraft through a linked folder = %v; want the refusal", err)
	}
}

func TestLinkedDraftIsNotFollowed(t *testing.T) {
	draft := testbank.Isolate(t)
	secret := filepath.Join(t.TempDir(), "secret.toml")
	os.WriteFile(secret, []byte("[answers]\nneed = \"networking\"\n"), 0o600)
	os.MkdirAll(filepath.Dir(draft), 0o700)
	if err := os.Symlink(secret, draft); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "--resume")
	if r.code != exitInvalid || !strings.Contains(r.stderr, draft+" is a symbolic link") {
		t.Errorf("--resume with a linked draft = %d, stderr %q; want exit 1 and the refusal", r.code, r.stderr)
	}
}

func TestNamedPipeIsRefusedAtOnce(t *testing.T) {
	testbank.Isolate(t)
	fifo := filepath.Join(t.TempDir(), "rules.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	type run struct {
		cliResult
		args []string
	}
	done := make(chan run, 4)
	cases := [][]string{{"check", fifo}, {"--rules", fifo, "learn"}, {"score", "--answers", fifo}, {"score", "--csv", fifo}}
	for _, args := range cases {
		go func() { done <- run{runCLI(t, "", args...), args} }()
	}
	for range cases {
		select {
		case r := <-done:
			if r.code != exitInvalid || !strings.Contains(r.stderr, fifo+" is a named pipe, not a regular file") {
				t.Errorf("a named pipe = %d, stderr %q; want exit 1 and the refusal", r.code, r.stderr)
			}
			// Only score --csv can read a stream: only it says how.
			if csv := strings.Contains(r.stderr, "score --csv -"); csv != strings.Contains(strings.Join(r.args, " "), "--csv") {
				t.Errorf("%v: stderr %q: the hint to pipe a stream belongs to score --csv alone", r.args, r.stderr)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("reading a named pipe with no writer blocks")
		}
	}
	r := runCLI(t, "", "check", "/dev/null")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "/dev/null is a device") {
		t.Errorf("check /dev/null = %d, %q; want the refusal of a device", r.code, r.stderr)
	}
}

// errNoSpace is what a full disk gives a write.
// fullDisk writes half of data, then fails as a full disk does.
// TestFullDiskAtQuit checks the message when the last save fails: the
// answers are not said to be saved.
func TestFullDiskAtQuit(t *testing.T) {
	draft := testbank.Isolate(t)
	b := testBank(t)
	var out, errw bytes.Buffer
	a := newApp(process{in: strings.NewReader(""), out: &out, err: &errw, getenv: os.Getenv, now: time.Now, rules: testbank.Rules(t)})
	d := store.NewDrafts(draft, b, time.Now)
	d.SetWrite(fullDisk)
	a.quit(d, ui.Ending{Audience: "self", Choices: testbank.First(b, 2), Quit: true})
	if s := errw.String(); strings.Contains(s, "are saved") || !strings.Contains(s, "could not be saved") || !strings.Contains(s, "no space left") {
		t.Errorf("quitting on a full disk says:\n%s\nwant the failure and no claim that the answers are saved", s)
	}
}

// TestLinkedParentIsFollowed: only the guidepost folder itself is checked,
// so a state home that is a link (dotfiles managers make them) works.
func TestLinkedParentIsFollowed(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "state")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_STATE_HOME", link)
	r := runCLI(t, "1\n", "--for", "self")
	if r.code != exitAborted || !strings.Contains(r.stderr, "Your answers are saved") {
		t.Errorf("a linked XDG_STATE_HOME = %d, stderr %q; want 130 and the draft saved", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(real, "guidepost", "draft.toml")); err != nil {
		t.Errorf("the draft is not under the linked state home: %v", err)
	}
}

// fullDisk writes half of data, then fails as a full disk does.
func fullDisk(f *os.File, data []byte) error {
	f.Write(data[:len(data)/2])
	return &os.PathError{Op: "write", Path: "draft", Err: syscall.ENOSPC}
}

func TestDraftUnwritable(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	state := t.TempDir()
	if os.Geteuid() == 0 {
		state = filepath.Join(state, "file")
		os.WriteFile(state, []byte("not a folder"), 0o600)
	} else {
		os.Chmod(state, 0o500)
		t.Cleanup(func() { os.Chmod(state, 0o700) })
	}
	t.Setenv("XDG_STATE_HOME", state)
	path, _ := store.DraftPath(os.Getenv)
	b := testBank(t)
	err := store.SaveDraft(path, b, "self", b.NewChoices(), time.Now(), nil)
	if err == nil || !strings.Contains(err.Error(), "save the draft") || !strings.Contains(err.Error(), state) {
		t.Errorf("saveDraft into an unwritable folder = %v; want an error naming %s", err, state)
	}
	stdin, _ := firstOptions(t, "self")
	r := runCLI(t, stdin, "--for", "self")
	if r.code != exitOK || !strings.Contains(r.stderr, "Could not save the draft") || !strings.Contains(r.stdout, markReport) {
		t.Errorf("accessible run with an unwritable draft = %d, stdout:\n%s\nstderr: %s\nwant 0, the failure shown and the result", r.code, r.stdout, r.stderr)
	}
	assertTrusted(t, r)
	r = runCLI(t, "1\n", "--for", "self")
	if r.code != exitAborted || !strings.Contains(r.stderr, "save the draft") {
		t.Errorf("quitting with an unwritable draft = %d, stderr %q; want 130 and the failure named", r.code, r.stderr)
	}
}
