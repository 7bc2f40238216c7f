package cli

// The command tree: one cobra command per file (check.go, score.go, …), put together
// here, styled by fang (help, version, completions) in run.

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// app carries the process and the flags to every command, and the error
// the run ends with.
type app struct {
	process
	opt    options
	failed error
	shown  *writeCheck // cobra's and fang's stdout: help, version, completions
	// width is stdout's width in columns when it is a terminal, else 0
	// (a pipe, a file): what help is fitted to, and what text reports and
	// summaries are to be wrapped to.
	width int
}

// options are the flags of the root command (the interactive advisor),
// and --rules, which every command takes.
type options struct {
	audience, theme, rules    string
	person, resumeFile        string
	quick, resume, accessible bool
	lean, version             bool
}

func newApp(p process) *app {
	return &app{process: p, opt: options{theme: "auto"}, width: terminalWidth(p.out)}
}

// Valid values of the flags that take one of a list.
var (
	themes    = []string{"auto", "dark", "light", "high-contrast"}
	textFmts  = []string{"text", "markdown"}
	scoreFmts = []string{"text", "markdown", "json"}
	rowFmts   = []string{"csv", "jsonl"}
)

// fail records err as the outcome of the run and returns nil to cobra.
// Errors never travel through cobra and fang: fang would style them and,
// on a terminal, query its background colour first (a round trip on the
// terminal after the TUI has ended). run prints the recorded error.
func (a *app) fail(err error) error {
	if a.failed == nil {
		a.failed = err
	}
	return nil
}

// action returns a cobra RunE for a command: the root's flags given
// before it are checked (and --version honoured) as for the advisor, more
// than maxArgs arguments are refused, and body runs, its error recorded.
func (a *app) action(maxArgs int, body func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := a.opt.validate(); err != nil {
			return a.fail(err)
		}
		if a.opt.version {
			return a.fail(printVersion(cmd))
		}
		if len(args) > maxArgs {
			return a.fail(usagef("%s: unexpected argument %q", cmd.Name(), args[maxArgs]))
		}
		return a.fail(body(cmd, args))
	}
}

// printVersion prints the version as --version on the root does.
func printVersion(cmd *cobra.Command) error {
	_, err := fmt.Fprintf(cmd.OutOrStdout(), "guidepost %s\n", cmd.Root().Version)
	return err
}

// rootCommand builds the command tree on the app's streams.
func (a *app) rootCommand() *cobra.Command {
	root := a.advisorCommand()
	// The root's flags may come before a command, as they always could
	// (guidepost --for self check); a command's own flags come after it.
	root.TraverseChildren = true
	root.SetIn(a.in)
	root.SetOut(a.checkedOut())
	root.SetErr(a.styled(a.err))
	root.SetVersionTemplate("guidepost {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return a.fail(usageError{err.Error()}) })
	root.PersistentFlags().StringVar(&a.opt.rules, "rules", "", "use the rule set in this file (any command)")
	root.MarkPersistentFlagFilename("rules", "toml")
	root.AddCommand(a.checkCommand(), a.scoreCommand(), a.learnCommand(), a.forgetCommand(), a.draftsCommand(), a.compareCommand(), a.workshopCommand(), a.manCommand())
	root.SetHelpCommand(a.helpCommand())
	root.InitDefaultCompletionCmd()
	a.completionCommand(root)
	usageArgs(root)
	fitHelp(root, helpWidth(a.width))
	return root
}

// helpCommand is "guidepost help [COMMAND]": cobra's, except that an
// unknown command is a usage error rather than the root's help.
func (a *app) helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(c *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			for _, sub := range c.Root().Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return a.fail(unknownCommand(c.Root(), strings.Join(args, " ")))
			}
			target.InitDefaultHelpFlag() // as cobra's own help does: list -h too
			return a.fail(target.Help())
		},
	}
}

// completionCommand makes cobra's completion command refuse a missing or
// unknown shell as a usage error (cobra would print its help, exit 0).
func (a *app) completionCommand(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "Print a shell completion script"
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return a.fail(usagef("completion needs a shell: bash, zsh, fish or powershell"))
			}
			return a.fail(usagef("completion: unknown shell %q: use bash, zsh, fish or powershell", args[0]))
		}
	}
}

// usageArgs makes the argument errors of cobra's own commands (completion
// and its shells) usage errors, exit 2.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err.Error()}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// oneOf reports whether s is in list.
func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// checkOneOf returns a usage error when the flag's value is not in list.
func checkOneOf(flag, value string, list []string) error {
	if !oneOf(value, list) {
		return usagef("--%s %q: use %s", flag, value, strings.Join(list, ", "))
	}
	return nil
}

// completeList completes a flag's value from list.
func completeList(list []string) cobra.CompletionFunc {
	return cobra.FixedCompletions(list, cobra.ShellCompDirectiveNoFileComp)
}

// textWidth is the width plain text is wrapped to on w: the terminal's
// width less one cell (a last column written to wraps on some terminals)
// when w is a terminal, else 0, the report's own width (78 cells; 80 for
// a summary), so that files and pipes read the same everywhere.
func (a *app) textWidth(w io.Writer) int {
	if cols := terminalWidth(w); cols > 1 {
		return cols - 1
	}
	return 0
}

// isTerminal reports whether stream is a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// environ returns the variables of the environment that decide colours,
// read through the seam.
func (a *app) environ() []string {
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"} {
		if v := a.getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// styled returns the stream fang writes help and versions to. Where it is
// a terminal, fang sees a terminal whose colours are limited by the
// environment the seam gives (NO_COLOR, TERM=dumb); elsewhere, a plain
// writer, which fang never styles.
func (a *app) styled(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return w
	}
	return terminal{File: f, limit: colorprofile.NewWriter(f, a.environ())}
}

// checkedOut returns the styled stdout for cobra and fang, its first
// write error kept in a.shown. A terminal stays a terminal (fang picks
// its colours by it).
func (a *app) checkedOut() io.Writer {
	a.shown = &writeCheck{w: a.styled(a.out)}
	if t, ok := a.shown.w.(terminal); ok {
		t.check = a.shown
		return t
	}
	a.shown.trim = true // fang pads its help to 120 columns with spaces
	return a.shown
}

// terminal is a terminal stream whose writes go through a colour profile.
type terminal struct {
	*os.File
	limit *colorprofile.Writer
	check *writeCheck // keeps the first write error, if set
}

func (t terminal) Write(p []byte) (int, error) {
	n, err := t.limit.Write(p)
	if t.check != nil && err != nil && t.check.err == nil {
		t.check.err = err
	}
	return n, err
}
