package main

// Reading what the commands read: the rule set in use, answers files, CSV
// files and the draft.

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"guidepost/advisor"
	"guidepost/questions"
)

//go:embed rules.toml
var embeddedRules []byte

// embeddedName names the embedded rule set in messages.
const embeddedName = "rules.toml (embedded)"

// loadGC is the garbage collector's percent while a rule set is parsed.
// Decoding makes many small objects, most of them garbage at once, and a
// new process starts with a small heap, so at Go's default of 100 a large
// rule set is collected many times while the heap grows. At 400 the 100x10
// generated rule set checks about a quarter faster, and the input's cap
// (questions.MaxSize) bounds the extra memory (BENCHMARKS.md).
const loadGC = 400

// withLoadGC runs parse with the collector at loadGC percent, then puts back
// the percent it found. A higher percent, or none (GOGC=off), set by the
// person is left as it is.
func withLoadGC[T any](parse func() (T, error)) (T, error) {
	old := debug.SetGCPercent(loadGC)
	if old < 0 || old > loadGC {
		debug.SetGCPercent(old)
	}
	defer debug.SetGCPercent(old)
	return parse()
}

// parseRules is questions.Parse; a test replaces it to see how loadBank
// calls it.
var parseRules = questions.Parse

// loadBank loads and checks the rule set in use, and returns the engine's
// warnings about it.
func (a *app) loadBank() (*questions.Bank, []string, error) {
	name, data, err := a.rulesSource()
	if err != nil {
		return nil, nil, err
	}
	b, err := withLoadGC(func() (*questions.Bank, error) { return parseRules(name, data) })
	if err != nil {
		return nil, nil, err
	}
	warnings, err := advisor.Check(b)
	if err != nil {
		return nil, nil, err
	}
	return b, warnings, nil
}

// embedded reports whether the rule set in use is the embedded one.
func (a *app) embedded() bool {
	if a.opt.rules != "" {
		return false
	}
	user, err := userRulesPath(a.getenv)
	return err != nil || !exists(user)
}

// rulesSource returns the name and bytes of the rule set in use: --rules,
// else the user's rules.toml where it exists, else the embedded one.
func (a *app) rulesSource() (string, []byte, error) {
	path := a.opt.rules
	if path == "" {
		user, err := userRulesPath(a.getenv)
		if err != nil || !exists(user) {
			return embeddedName, embeddedRules, nil
		}
		path = user
	}
	data, err := readFile(path, questions.MaxSize, false)
	return path, data, err
}

// exists reports whether something is at path (a broken entry counts, so
// that its error is reported rather than silently skipped).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// openFile opens a regular file for reading, with clear messages for a
// missing path, a folder or anything else that is not a regular file. It
// opens without blocking, so a named pipe with no writer (or a device) is
// refused at once instead of hanging; with nofollow a symbolic link is
// refused, not followed.
func openFile(path string, nofollow bool) (*os.File, error) {
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
	if err := checkRegular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkRegular refuses what an open f is when it is not a regular file.
func checkRegular(f *os.File) error {
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
		return fmt.Errorf("%s is a named pipe, not a regular file (to score a stream, pipe it to 'score --csv -')", f.Name())
	case mode&fs.ModeSocket != 0:
		return fmt.Errorf("%s is a socket, not a regular file", f.Name())
	}
	return fmt.Errorf("%s is a device, not a regular file", f.Name())
}

// readFile reads at most limit+1 bytes of path: one byte more than the
// limit, so that the parser can report the size.
func readFile(path string, limit int64, nofollow bool) ([]byte, error) {
	f, err := openFile(path, nofollow)
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
