// Command guidepost recommends coaching, mentoring or a combined programme
// for a person, from a short set of questions.
//
// With no command it runs the interactive advisor: a terminal UI, or plain
// numbered prompts when asked for (--accessible) or when stdin or stdout is
// not a terminal. The commands check, score, learn and forget work without a
// terminal. See docs/CONTRACT.md §2 for the command line it promises.
//
// The package is laid out as gum is: this file is the seam between the
// program and the process (streams, environment, clock, exit codes); cmd.go
// builds the cobra command tree that fang styles; each command lives in its
// own cmd_*.go file; store.go is the only code that writes files.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/pflag"

	"guidepost/questions"
)

// Exit codes (CONTRACT §2).
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitAborted = 130
)

// errAborted means the person quit before a result; its message is
// already shown.
var errAborted = errors.New("aborted")

// usageError is a mistake on the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usageError with a formatted message.
func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// process is everything the program takes from the process it runs in.
// Nothing else in the package reads the environment or the clock.
type process struct {
	in       io.Reader
	out, err io.Writer
	getenv   func(string) string // the environment: TERM, NO_COLOR, HOME, XDG_*
	now      func() time.Time    // the clock: the date in saved file names
}

func main() {
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, time.Now)
	os.Exit(code)
}

// run runs guidepost with args and returns the exit code. It is the whole
// program behind a seam: tests call it with their own streams, environment
// and clock. Only run maps errors to exit codes; only main calls os.Exit.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	p := process{in: stdin, out: stdout, err: stderr, getenv: getenv, now: now}
	a := newApp(p)
	root := a.rootCommand()
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(buildVersion()),
		fang.WithoutManpage(), // ours writes to the command's stream: see cmd_man.go
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}),
	)
	if err == nil {
		err = a.failed
	}
	return exitCode(stderr, err)
}

// exitCode reports err on w and maps it to an exit code. Commands hand
// their errors to the app rather than to cobra (see app.fail), so that
// every message has this one plain form, on a terminal or not.
func exitCode(w io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errAborted):
		return exitAborted
	case errors.As(err, &ue) || isFlagError(err):
		fmt.Fprintf(w, "guidepost: %s\nRun 'guidepost --help' for usage.\n", questions.Clean(err.Error()))
		return exitUsage
	}
	fmt.Fprintf(w, "guidepost: %s\n", questions.Clean(err.Error()))
	return exitInvalid
}

// isFlagError reports whether err is pflag's report of a bad flag.
func isFlagError(err error) bool {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	return errors.As(err, &notExist) || errors.As(err, &required) ||
		errors.As(err, &invalid) || errors.As(err, &syntax)
}
