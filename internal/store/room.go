package store

// The workshop's room file: a CSV of finished participants, one row each,
// appended and synced row by row, locked for one facilitator at a time.
// What a row says is the workshop's business; the store keeps the file
// whole: a row is one write, a failed write is undone (or, when even that
// fails, the next row starts on a line of its own), a last row without its
// newline is kept when whole, and a symbolic link, for the file or for the
// rooms folder, is refused and left as it is.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// MaxRoomFile bounds a room file or progress journal read back (a room of
// a thousand participants is about 100 KB).
const MaxRoomFile = 16 << 20

// AppendFunc writes data to f at its end (the room file or journal); tests
// put a full disk in its place.
type AppendFunc func(f *os.File, data []byte) (int, error)

func plainAppend(f *os.File, data []byte) (int, error) { return f.Write(data) }

// RoomFile is an open, locked room file.
type RoomFile struct {
	path  string
	f     *os.File
	size  int64 // bytes known good: every append ends a line here
	torn  bool  // a failed append left bytes after size that could not be cut
	write AppendFunc
}

// ErrRoomLocked is returned when another guidepost has the room open.
var ErrRoomLocked = errors.New("the room is open in another guidepost workshop")

// CheckRoomDir refuses a rooms folder that is a symbolic link (its target
// is never touched) or is not a folder.
func CheckRoomDir(dir string) error {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("the rooms folder %s: %w", dir, errors.Unwrap(err))
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the rooms folder %s is a symbolic link; Guidepost does not follow it: replace it with a real folder", dir)
	case !st.IsDir():
		return fmt.Errorf("the rooms folder %s is not a folder", dir)
	}
	return nil
}

// RoomFiles lists the names of the regular files in the rooms folder dir
// (none when it does not exist).
func RoomFiles(dir string) ([]string, error) {
	if err := CheckRoomDir(dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the rooms folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// CreateRoom creates the room file name in dir (a private folder, made if
// needed), locks it and writes header, synced.
func CreateRoom(dir, name string, header []byte) (*RoomFile, error) {
	if err := CheckRoomDir(dir); err != nil {
		return nil, err
	}
	if err := EnsureDir(dir); err != nil {
		return nil, fmt.Errorf("create the rooms folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|openNofollow, FileMode)
	if err != nil {
		return nil, fmt.Errorf("create the room file: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rf := &RoomFile{path: path, f: f, write: plainAppend}
	if err := rf.Append(header); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	return rf, nil
}

// OpenRoom reopens the room file at path for appending, locked, and
// returns its content. A last line without its newline is kept when whole
// (complete(data, start of the last line) says so; the newline is added) and otherwise cut off (a write
// the program did not finish); notice says which for the facilitator.
func OpenRoom(path string, complete func(data []byte, last int) bool) (*RoomFile, []byte, string, error) {
	if err := CheckRoomDir(filepath.Dir(path)); err != nil {
		return nil, nil, "", err
	}
	f, err := os.OpenFile(path, os.O_RDWR|openNofollow|openNonblock, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, "", fmt.Errorf("%s: no such room file", path)
	case isLink(err):
		return nil, nil, "", fmt.Errorf("%s is a symbolic link; Guidepost does not follow it", path)
	case err != nil:
		return nil, nil, "", fmt.Errorf("open the room file: %w", err)
	}
	rf := &RoomFile{path: path, f: f, write: plainAppend}
	fail := func(err error) (*RoomFile, []byte, string, error) {
		f.Close()
		return nil, nil, "", err
	}
	if err := CheckRegular(f); err != nil {
		return fail(err)
	}
	if err := lockFile(f); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	data, err := readAllLimited(f, MaxRoomFile)
	if err != nil {
		return fail(fmt.Errorf("read the room file %s: %w", path, err))
	}
	if err := f.Chmod(FileMode); err != nil {
		return fail(fmt.Errorf("make the room file private: %w", err))
	}
	notice := ""
	if n := len(data); n > 0 && data[n-1] != '\n' {
		cut := bytes.LastIndexByte(data, '\n') + 1
		if cut > 0 && complete(data, cut) {
			if _, err := f.WriteAt([]byte("\n"), int64(n)); err != nil {
				return fail(fmt.Errorf("repair the room file %s: %w", path, err))
			}
			data = append(data, '\n')
			notice = "The room file's last row had no line end; it was kept and the line end added."
		} else {
			if cut == 0 {
				return fail(fmt.Errorf("%s: the header row is incomplete", path))
			}
			if err := f.Truncate(int64(cut)); err != nil {
				return fail(fmt.Errorf("repair the room file %s: %w", path, err))
			}
			data = data[:cut]
			notice = "The room file's last row was cut short (the program stopped while writing it) and was dropped."
		}
		if err := f.Sync(); err != nil {
			return fail(fmt.Errorf("repair the room file %s: %w", path, err))
		}
	}
	rf.size = int64(len(data))
	return rf, data, notice, nil
}

// readAllLimited reads f from its start, refusing more than limit bytes.
func readAllLimited(f *os.File, limit int64) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("larger than %d MiB: not a room file", limit>>20)
	}
	data := make([]byte, st.Size())
	n, err := f.ReadAt(data, 0)
	if err != nil && n < len(data) {
		return nil, err
	}
	return data, nil
}

// Path is the room file's path.
func (rf *RoomFile) Path() string { return rf.path }

// SetAppend replaces how rows are written (tests: a full disk).
func (rf *RoomFile) SetAppend(w AppendFunc) { rf.write = w }

// Append writes line (one whole CSV row, its newline included) at the end
// of the file in one write and syncs. When the write fails part way (a
// full disk), the part written is cut off again; if even that fails, the
// next append starts with a line end, so the broken bytes stay on a line
// of their own and the retried row is whole. The caller serialises.
func (rf *RoomFile) Append(line []byte) error {
	if rf.f == nil {
		return errors.New("the room file is closed")
	}
	data := line
	if rf.torn {
		data = append([]byte{'\n'}, line...)
	}
	if _, err := rf.f.Seek(0, 2); err != nil {
		return fmt.Errorf("write the room file %s: %w", rf.path, err)
	}
	n, err := rf.write(rf.f, data)
	if err == nil && n < len(data) {
		err = errors.New("short write")
	}
	if err == nil {
		err = rf.f.Sync()
	}
	if err != nil {
		if n > 0 || rf.torn {
			if terr := rf.f.Truncate(rf.size); terr == nil {
				rf.torn = false
			} else {
				rf.torn = true
			}
		}
		return fmt.Errorf("write the room file %s: %w", rf.path, err)
	}
	rf.size += int64(n)
	rf.torn = false
	return nil
}

// Rewrite replaces the file's content with data atomically (a private
// temporary file renamed over it) and keeps appending to the new file,
// still locked.
func (rf *RoomFile) Rewrite(data []byte) error {
	if rf.f == nil {
		return errors.New("the room file is closed")
	}
	if err := WriteAtomic(rf.path, data, time.Now(), nil); err != nil {
		return fmt.Errorf("rewrite the room file %s: %w", rf.path, err)
	}
	f, err := os.OpenFile(rf.path, os.O_RDWR|openNofollow, 0)
	if err != nil {
		return fmt.Errorf("reopen the room file %s: %w", rf.path, err)
	}
	lockFile(f) // the new file: a second guidepost may not take it either
	rf.f.Close()
	rf.f, rf.size, rf.torn = f, int64(len(data)), false
	return nil
}

// Close unlocks and closes the file; later appends fail.
func (rf *RoomFile) Close() error {
	if rf.f == nil {
		return nil
	}
	err := rf.f.Close()
	rf.f = nil
	return err
}
