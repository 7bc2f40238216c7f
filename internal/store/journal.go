package store

// The workshop's progress journal (ROOM.progress beside the room file):
// one line an event, appended; replaced whole when the workshop compacts
// it. A symbolic link in its place is refused and its target untouched.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Journal is an open progress journal.
type Journal struct {
	path  string
	f     *os.File
	size  int64
	write AppendFunc
}

// OpenJournal opens (creating it, private) the journal at path for
// appending. A symbolic link there is refused, not followed.
func OpenJournal(path string) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND|openNofollow, FileMode)
	if isLink(err) {
		return nil, fmt.Errorf("the progress file %s is a symbolic link; Guidepost does not follow it: remove it", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open the progress file: %w", err)
	}
	if err := CheckRegular(f); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Chmod(FileMode); err != nil {
		f.Close()
		return nil, fmt.Errorf("make the progress file private: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open the progress file: %w", err)
	}
	return &Journal{path: path, f: f, size: st.Size(), write: plainAppend}, nil
}

// ReadJournal reads the journal at path (nothing when there is none), a
// torn last line cut off the file. A symbolic link is refused.
func ReadJournal(path string) ([]byte, error) {
	_, lerr := os.Lstat(path)
	if errors.Is(lerr, fs.ErrNotExist) {
		return nil, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|openNofollow|openNonblock, 0)
	if isLink(err) {
		return nil, fmt.Errorf("the progress file %s is a symbolic link; Guidepost does not follow it: remove it", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open the progress file: %w", err)
	}
	defer f.Close()
	if err := CheckRegular(f); err != nil {
		return nil, err
	}
	data, err := readAllLimited(f, MaxRoomFile)
	if err != nil {
		return nil, fmt.Errorf("read the progress file %s: %w", path, err)
	}
	if n := len(data); n > 0 && data[n-1] != '\n' {
		cut := bytes.LastIndexByte(data, '\n') + 1
		if err := f.Truncate(int64(cut)); err != nil {
			return nil, fmt.Errorf("repair the progress file %s: %w", path, err)
		}
		data = data[:cut]
	}
	return data, nil
}

// SetAppend replaces how lines are written (tests: a full disk).
func (j *Journal) SetAppend(w AppendFunc) { j.write = w }

// Size is the journal's length in bytes.
func (j *Journal) Size() int64 { return j.size }

// Append writes one line in a single write (not synced: the room file is
// the record). The caller serialises.
func (j *Journal) Append(line []byte) error {
	if j.f == nil {
		return errors.New("the progress file is closed")
	}
	n, err := j.write(j.f, line)
	j.size += int64(n)
	if err == nil && n < len(line) {
		err = errors.New("short write")
	}
	if err != nil {
		return fmt.Errorf("write the progress file %s: %w", j.path, err)
	}
	return nil
}

// Replace swaps the journal's content for data atomically and keeps
// appending to the new file. On failure the old journal stays in use.
func (j *Journal) Replace(data []byte) error {
	if j.f == nil {
		return errors.New("the progress file is closed")
	}
	if err := WriteAtomic(j.path, data, time.Now(), nil); err != nil {
		return fmt.Errorf("compact the progress file %s: %w", j.path, err)
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND|openNofollow, 0)
	if err != nil {
		return fmt.Errorf("reopen the progress file %s: %w", j.path, err)
	}
	j.f.Close()
	j.f, j.size = f, int64(len(data))
	return nil
}

// Close closes the journal; later appends fail.
func (j *Journal) Close() error {
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}
