//go:build unix

package store

// The state folder and input files against hostile file systems: a linked
// state folder or draft, a named pipe, a full disk.

import (
	"bytes"
	"errors"
	"guidepost/internal/testbank"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

var errNoSpace = &os.PathError{Op: "write", Path: "draft", Err: syscall.ENOSPC}

func fullDisk(f *os.File, data []byte) error {
	f.Write(data[:len(data)/2])
	return errNoSpace
}

func TestFullDiskKeepsThePreviousDraft(t *testing.T) {
	b := testBank(t)
	dir := filepath.Join(t.TempDir(), "guidepost")
	d := &Drafts{path: filepath.Join(dir, "draft.toml"), bank: b, now: time.Now}
	before := testbank.First(b, 2)
	if err := d.Save("self", before); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(d.path)
	d.write = fullDisk
	err := d.Save("self", testbank.First(b, 3))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "save the draft") {
		t.Errorf("a save on a full disk = %v; want the ENOSPC reported", err)
	}
	if got, _ := os.ReadFile(d.path); !bytes.Equal(got, want) {
		t.Errorf("after a failed save the draft is\n%s\nwant the previous one\n%s", got, want)
	}
	if names := testbank.DirNames(t, dir); !slices.Equal(names, []string{"draft.toml"}) {
		t.Errorf("the folder holds %q; want only the draft (no half-written temporary file)", names)
	}
}
