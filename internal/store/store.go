package store

// The store is Guidepost's only file output: the draft, written after every
// answer, and the results a person chooses to save.
//
// The draft is written atomically: a temporary file in the same folder is
// written, synced and renamed over the draft, so a crash or a full disk
// never leaves a torn draft behind. When two Guideposts run on one draft,
// neither replaces what the other wrote: each checks, before it writes,
// that the draft is still what it last read or wrote (see Drafts).

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"guidepost/advisor"
	"guidepost/questions"
)

// Permissions of everything the store creates: private to the user, since
// answers describe a person.
const (
	DirMode  = 0o700
	FileMode = 0o600
)

// maxResultSuffix bounds the -2, -3, … suffixes tried for one day's results.
const maxResultSuffix = 999

// xdgDir returns the folder named by the environment variable env when it
// holds an absolute path (the XDG rule), else fallback under $HOME.
func XDGDir(getenv func(string) string, env, fallback string) (string, error) {
	if d := getenv(env); filepath.IsAbs(d) {
		return d, nil
	}
	home := getenv("HOME")
	if !filepath.IsAbs(home) {
		return "", fmt.Errorf("cannot find the home folder: set HOME or %s to an absolute path", env)
	}
	return filepath.Join(home, fallback), nil
}

// DraftPath returns $XDG_STATE_HOME/guidepost/draft.toml.
func DraftPath(getenv func(string) string) (string, error) {
	dir, err := XDGDir(getenv, "XDG_STATE_HOME", filepath.Join(".local", "state"))
	return filepath.Join(dir, "guidepost", "draft.toml"), err
}

// UserRulesPath returns $XDG_CONFIG_HOME/guidepost/rules.toml.
func UserRulesPath(getenv func(string) string) (string, error) {
	dir, err := XDGDir(getenv, "XDG_CONFIG_HOME", ".config")
	return filepath.Join(dir, "guidepost", "rules.toml"), err
}

// checkStateDir refuses a state folder that is a symbolic link or something
// else than a folder: following a link would put the answers (and mode 0700) wherever
// it points. A folder that does not exist yet is fine; it is created on
// the first save. Only the folder itself is checked, not its parents, so
// a linked home or ~/.local keeps working.
func CheckStateDir(dir string) error {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return nil // not a link; saving reports what is wrong
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the state folder %s is a symbolic link; Guidepost does not follow it: replace it with a real folder", dir)
	case !st.IsDir():
		return fmt.Errorf("the state folder %s is not a folder", dir)
	}
	return nil
}

// SaveDraft writes the answers file for c to path atomically; now is the
// clock, write writes the temporary file (nil: a plain write).
func SaveDraft(path string, b *questions.Bank, audience questions.Audience, c questions.Choices, now time.Time, write WriteFunc) error {
	if err := WriteAtomic(path, questions.FormatAnswers(b, audience, c), now, write); err != nil {
		return fmt.Errorf("save the draft: %w", err)
	}
	return nil
}

// RemoveDraft removes the draft at path and reports whether there was one.
// It refuses a state folder that is a symbolic link.
func RemoveDraft(path string) (bool, error) {
	if err := CheckStateDir(filepath.Dir(path)); err != nil {
		return false, err
	}
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("remove the draft: %w", err)
	}
	return true, nil
}

// writeFunc writes data to f, a new temporary file.
type WriteFunc func(f *os.File, data []byte) error

// PlainWrite is the writeFunc of every real run.
func PlainWrite(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeAtomic replaces path with data: a private temporary file in the same
// folder is written (by write; nil is plainWrite), synced and renamed over
// path. On any error (a full disk among them) the temporary file is
// removed and path is left as it was. now dates leftover temporary files.
func WriteAtomic(path string, data []byte, now time.Time, write WriteFunc) (err error) {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return err
	}
	return writeAtomicIn(path, data, now, write)
}

// writeAtomicIn is WriteAtomic in a folder that exists and is the
// user's own (a file they gave): its permissions are left as they are.
func writeAtomicIn(path string, data []byte, now time.Time, write WriteFunc) (err error) {
	dir := filepath.Dir(path)
	if write == nil {
		write = PlainWrite
	}
	removeStaleTemps(path, now.Add(-staleTempAge))
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if err := writeClose(f, data, write); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// staleTempAge is how old a temporary file must be before a later write
// takes it for the leftover of a run that was killed mid-write. A write
// takes milliseconds; a minute leaves a slow disk a wide margin, so a
// second Guidepost's write in flight is never removed.
const staleTempAge = time.Minute

// tempPattern is the name pattern of path's temporary files.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// removeStaleTemps removes path's temporary files last written before
// cutoff: a run killed between creating one and renaming it leaves it
// behind, and without this every such kill would leave one more.
func removeStaleTemps(path string, cutoff time.Time) {
	dir := filepath.Dir(path)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if ok, _ := filepath.Match(tempPattern(path), e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		if st, err := e.Info(); err == nil && st.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// ensureDir creates dir (and its parents) private to the user, and narrows
// the permissions of an existing dir that others can read. A dir that is
// a symbolic link is refused, never followed (see checkStateDir).
func EnsureDir(dir string) error {
	if err := CheckStateDir(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return CheckStateDir(dir) // replaced by a link since the first check
	}
	if st.Mode().Perm()&0o077 != 0 {
		return os.Chmod(dir, DirMode)
	}
	return nil
}

// writeClose makes f private, writes data with write, syncs and closes f.
func writeClose(f *os.File, data []byte, write WriteFunc) error {
	err := f.Chmod(FileMode)
	if err == nil {
		err = write(f, data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows it; a
// failure only weakens durability, so it is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// SaveResult writes the explained result e as guidepost-result-DATE.md and
// .json in dir, side by side. It never overwrites: when either name exists,
// both get the next free suffix (-2, -3, …). On error nothing it created
// is left behind.
func SaveResult(dir string, day time.Time, e advisor.Explanation) ([]string, error) {
	return SaveResultOf(dir, "", day, e)
}

// SaveResultOf saves e as SaveResult does, named for person (when named)
// and e's audience: guidepost-result-SLUG-AUDIENCE-DATE.md and .json.
func SaveResultOf(dir, person string, day time.Time, e advisor.Explanation) ([]string, error) {
	if e.Person == "" {
		e.Person = person
	}
	data, err := renderResult(e)
	if err != nil {
		return nil, err
	}
	base := resultBase(person, e.Audience, day)
	for n := 1; n <= maxResultSuffix; n++ {
		paths := resultPaths(dir, base, n)
		err := createAll(paths, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot save the result in %s: %w", dir, err)
		}
		return paths, nil
	}
	return nil, fmt.Errorf("cannot save the result in %s: %s-%d.md and every earlier name are taken", dir, base, maxResultSuffix)
}

// renderResult returns e as Markdown and as JSON.
func renderResult(e advisor.Explanation) ([][]byte, error) {
	var md, js bytes.Buffer
	if err := advisor.WriteMarkdown(&md, e); err != nil {
		return nil, fmt.Errorf("write the result: %w", err)
	}
	if err := advisor.WriteJSON(&js, e); err != nil {
		return nil, fmt.Errorf("write the result: %w", err)
	}
	return [][]byte{md.Bytes(), js.Bytes()}, nil
}

// resultPaths returns the Markdown and JSON paths for suffix n (1: none).
func resultPaths(dir, base string, n int) []string {
	if n > 1 {
		base = fmt.Sprintf("%s-%d", base, n)
	}
	return []string{filepath.Join(dir, base+".md"), filepath.Join(dir, base+".json")}
}

// createAll creates every path exclusively and writes data[i] to paths[i].
// If one exists it returns an error wrapping fs.ErrExist; on any error it
// removes the files it created.
func createAll(paths []string, data [][]byte) (err error) {
	var created []string
	defer func() {
		if err != nil {
			for _, p := range created {
				os.Remove(p)
			}
		}
	}()
	for i, p := range paths {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
		if err != nil {
			return err
		}
		created = append(created, p)
		if err := writeClose(f, data[i], PlainWrite); err != nil {
			return err
		}
	}
	return nil
}
