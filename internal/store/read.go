package store

// Reading the user's files: one policy for every file Guidepost reads
// (a regular file only, never a named pipe or a device; the draft never
// through a symbolic link; a size limit).

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// exists reports whether something is at path (a broken entry counts, so
// that its error is reported rather than silently skipped).
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// openFile opens a regular file for reading, with clear messages for a
// missing path, a folder or anything else that is not a regular file. It
// opens without blocking, so a named pipe with no writer (or a device) is
// refused at once instead of hanging; with nofollow a symbolic link is
// refused, not followed.
func OpenFile(path string, nofollow bool) (*os.File, error) {
	flag := os.O_RDONLY | openNonblock
	if nofollow {
		flag |= openNofollow
	}
	f, err := os.OpenFile(path, flag, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", path)
	case nofollow && isLink(err):
		return nil, fmt.Errorf("%s is a symbolic link; Guidepost does not follow it", path)
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err))
	}
	if err := CheckRegular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ErrNamedPipe is wrapped by CheckRegular's error for a named pipe, so
// that a caller can say how to read a stream instead.
var ErrNamedPipe = errors.New("named pipe")

// CheckRegular refuses what an open f is when it is not a regular file.
func CheckRegular(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", f.Name(), errors.Unwrap(err))
	}
	mode := st.Mode()
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return fmt.Errorf("%s is a folder, not a file", f.Name())
	case mode&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%s is a %w, not a regular file", f.Name(), ErrNamedPipe)
	case mode&fs.ModeSocket != 0:
		return fmt.Errorf("%s is a socket, not a regular file", f.Name())
	}
	return fmt.Errorf("%s is a device, not a regular file", f.Name())
}

// ReadFile reads at most limit+1 bytes of path: one byte more than the
// limit, so that the parser can report the size.
func ReadFile(path string, limit int64, nofollow bool) ([]byte, error) {
	f, err := OpenFile(path, nofollow)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return data, nil
}

// HasFile reports whether a regular file is at path (not a link, a folder
// or an entry that cannot be looked at).
func HasFile(path string) bool {
	st, err := os.Lstat(path)
	return err == nil && st.Mode().IsRegular()
}

// SameFile reports whether a and b name one file: the same path, or two
// paths (links, ./a and a) to the same file.
func SameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, ea := os.Stat(a)
	sb, eb := os.Stat(b)
	return ea == nil && eb == nil && os.SameFile(sa, sb)
}
