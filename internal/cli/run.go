package cli

// The seam between the program and its process: exit codes, the error
// messages' one plain form, and Run.

import (
	"context"
	"errors"
	"fmt"
	"io"
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

// Process is everything the program takes from the process it runs in:
// main fills it from os and its embedded rule set, tests with their own
// streams, environment and clock.
type Process struct {
	Args     []string
	In       io.Reader
	Out, Err io.Writer
	Getenv   func(string) string // the environment: TERM, NO_COLOR, HOME, XDG_*
	Now      func() time.Time    // the clock: the date in saved file names
	Rules    []byte              // the embedded default rule set
}

// process is the Process as the commands use it. Nothing else in the
// package reads the environment or the clock.
type process struct {
	in       io.Reader
	out, err io.Writer
	getenv   func(string) string
	now      func() time.Time
	rules    []byte
}

// Run runs guidepost as p describes and returns the exit code. It is the
// whole program behind a seam. Only Run maps errors to exit codes; only
// main calls os.Exit.
func Run(p Process) int {
	return run(process{in: p.In, out: p.Out, err: p.Err, getenv: p.Getenv, now: p.Now, rules: p.Rules}, p.Args)
}

// run runs guidepost with args on p and returns the exit code.
func run(p process, args []string) int {
	stderr := p.err
	a := newApp(p)
	root := a.rootCommand()
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(buildVersion()),
		fang.WithoutManpage(), // ours writes to the command's stream: see man.go
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}),
	)
	if err == nil {
		err = a.failed
	}
	if err == nil && a.shown.err != nil {
		err = outputError(a.shown.err)
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

// outputError is the error for output that could not be written to
// stdout (a full disk, a closed pipe): exit 1, never a silent success.
func outputError(err error) error {
	return fmt.Errorf("the output could not be written: %w", err)
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
