package store

// The drafts of one run: which files it writes, and the check that keeps
// two Guideposts on one draft from replacing each other's answers.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"guidepost/questions"
)

// Drafts serialises the draft writes of one run. The UI saves from its
// own goroutines, which may still be running when the run ends; once main
// has written or removed the draft for the last time (end), later saves
// are ignored, so a slow save can neither tear the final draft nor bring
// back a draft removed after a result.
//
// A run may write more than one draft (the welcome screen lists every
// person's); each is named by its path. Before it writes or removes a
// draft, the run checks that the file is still what the run last read or
// wrote there (nothing, if it never had it): when another Guidepost
// changed it in between, the write is refused with a *ConflictError and
// the file is left as the other run wrote it. The check and the write
// hold a lock on the drafts' folder, so two runs cannot both pass it.
type Drafts struct {
	mu    sync.Mutex
	path  string // the draft of Save, Keep, Discard and Clear
	bank  *questions.Bank
	now   func() time.Time
	write WriteFunc // nil: a plain write; tests simulate a full disk
	ended bool
	// seen is what the run last read or wrote at each path (nil: nothing
	// there); a path not in it was never read: nothing is expected there.
	seen map[string][]byte
	// head holds each path's person and quick mode, written with it.
	head map[string]questions.Answers
	// users are the paths that are the user's own files (an answers file
	// resumed), not drafts in the state folder: their folder is theirs.
	users map[string]bool
}

// NewDrafts returns the draft writer of one run: the draft at path, for
// the rule set b, dated by now.
func NewDrafts(path string, b *questions.Bank, now func() time.Time) *Drafts {
	d := &Drafts{path: path, bank: b, now: now}
	d.init()
	return d
}

// ConflictError is a draft changed by another Guidepost since this run
// read or wrote it: the answers of this run were not written over it.
type ConflictError struct{ Path string }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("the draft %s was changed by another Guidepost since this one last read or saved it; your answers were not written over it", e.Path)
}

// SetWrite replaces how the draft's temporary file is written (nil: a
// plain write); tests use it to simulate a full disk.
func (d *Drafts) SetWrite(write WriteFunc) { d.write = write }

// Bank returns the rule set the draft is written for.
func (d *Drafts) Bank() *questions.Bank { return d.bank }

// Path returns the draft's path.
func (d *Drafts) Path() string { return d.path }

// SetHead sets the person and quick mode written with the draft at path.
func (d *Drafts) SetHead(path, person string, quick bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.head[path] = questions.Answers{Person: person, Quick: quick}
}

// Read reads the draft at path (never through a link) and remembers what
// it holds, so that this run may write over it; see Drafts.
func (d *Drafts) Read(path string) ([]byte, error) {
	data, err := ReadFile(path, questions.MaxAnswersSize, true)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.seen[path] = data
	return data, nil
}

// Saw records data as what the run read at path (a draft it listed).
func (d *Drafts) Saw(path string, data []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.seen[path] = data
}

// UserFile marks path as the user's own answers file: written in place
// (atomically, 0600) without touching its folder, and never removed.
func (d *Drafts) UserFile(path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.init()
	d.users[path] = true
}

// init makes the maps of a Drafts built without NewDrafts; d.mu is held.
func (d *Drafts) init() {
	if d.seen == nil {
		d.seen, d.head, d.users = map[string][]byte{}, map[string]questions.Answers{}, map[string]bool{}
	}
}

// Keep ends the run with a last save of c, made while no other save is
// under way; later saves are ignored. When the draft was changed by
// another Guidepost, the answers are kept apart in a new draft beside it
// instead; Keep returns the path they are in.
func (d *Drafts) Keep(audience questions.Audience, c questions.Choices) (string, error) {
	return d.KeepAt(d.path, audience, c)
}

// KeepAt is Keep for the draft at path.
func (d *Drafts) KeepAt(path string, audience questions.Audience, c questions.Choices) (string, error) {
	kept := path
	err := d.End(func() error {
		err := d.saveLocked(path, audience, c)
		var ce *ConflictError
		if !errors.As(err, &ce) {
			return err
		}
		apart, perr := FreshDraftPath(filepath.Dir(path), d.now())
		if perr != nil {
			return errors.Join(err, perr)
		}
		d.head[apart], d.users[apart] = d.head[path], d.users[path]
		if err := d.saveLocked(apart, audience, c); err != nil {
			return err
		}
		kept = apart
		return nil
	})
	return kept, err
}

// Discard ends the run and removes the draft (a result was given).
func (d *Drafts) Discard() error { return d.DiscardAt(d.path) }

// DiscardAt ends the run and removes the draft at path.
func (d *Drafts) DiscardAt(path string) error {
	return d.End(func() error { return d.removeLocked(path) })
}

// Stop ends the run and leaves the draft as it is.
func (d *Drafts) Stop() { d.End(func() error { return nil }) }

// Save writes the draft unless the run has ended.
func (d *Drafts) Save(audience questions.Audience, c questions.Choices) error {
	return d.SaveAt(d.path, audience, c)
}

// SaveAt writes the draft at path unless the run has ended.
func (d *Drafts) SaveAt(path string, audience questions.Audience, c questions.Choices) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ended {
		return nil
	}
	return d.saveLocked(path, audience, c)
}

// Clear removes the draft (start over, or a result saved) unless the run
// has ended.
func (d *Drafts) Clear() error { return d.ClearAt(d.path) }

// ClearAt removes the draft at path unless the run has ended.
func (d *Drafts) ClearAt(path string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ended {
		return nil
	}
	return d.removeLocked(path)
}

// End stops further saves and runs last (the final write or the removal)
// while no save is under way.
func (d *Drafts) End(last func() error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.ended = true
	return last()
}

// saveLocked writes the draft at path after checking that no other run
// changed it; d.mu is held.
func (d *Drafts) saveLocked(path string, audience questions.Audience, c questions.Choices) error {
	d.init()
	h := d.head[path]
	h.Audience = audience
	data := questions.FormatAnswersOf(d.bank, h, c)
	write := WriteAtomic
	if d.users[path] {
		write = writeAtomicIn
	}
	err := d.checked(path, func() error {
		if err := write(path, data, d.now(), d.write); err != nil {
			return fmt.Errorf("save the draft: %w", err)
		}
		return nil
	})
	if err == nil {
		d.seen[path] = data
	}
	return err
}

// removeLocked removes the draft at path after the same check; d.mu is
// held. A draft another run changed is left in place.
func (d *Drafts) removeLocked(path string) error {
	d.init()
	if d.users[path] {
		return nil // the user's own file: a result keeps its answers
	}
	err := d.checked(path, func() error { _, err := RemoveDraft(path); return err })
	if err == nil {
		d.seen[path] = nil
	}
	return err
}

// checked runs op while holding the folder's lock, once the draft at path
// is what this run expects there.
func (d *Drafts) checked(path string, op func() error) error {
	dir := filepath.Dir(path)
	if !d.users[path] {
		if err := EnsureDir(dir); err != nil {
			return err
		}
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return fmt.Errorf("save the draft: lock %s: %w", dir, err)
	}
	defer unlock()
	now, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		now = nil
	case err != nil:
		return fmt.Errorf("save the draft: %w", err)
	}
	want, read := d.seen[path]
	// A draft that is gone is no one's answers: writing it again replaces
	// nothing, so only a file that differs from the one expected stops us.
	if now != nil && (!read || !bytes.Equal(now, want)) {
		return &ConflictError{Path: questions.Clean(path)}
	}
	return op()
}
