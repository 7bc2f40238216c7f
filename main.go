// Command guidepost recommends coaching, mentoring or a combined programme
// for a person, from a short set of questions.
//
// With no command it runs the interactive advisor: a terminal UI, or plain
// numbered prompts when asked for (--accessible) or when stdin or stdout is
// not a terminal. The commands check, score, learn and forget work without a
// terminal. See CONTRACT.md §2 for the command line it promises.
//
// run is the whole program behind a seam: it takes the arguments and the
// three streams and returns the exit code, so tests call it directly. Only
// run maps errors to exit codes; only main calls os.Exit.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"guidepost/advisor"
	"guidepost/batch"
	"guidepost/questions"
	"guidepost/ui"
)

// Exit codes (CONTRACT §2).
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitAborted = 130
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

//go:embed rules.toml
var embeddedRules []byte

// embeddedName names the embedded rule set in messages.
const embeddedName = "rules.toml (embedded)"

// Valid values of the global flags.
var (
	themes    = []string{"auto", "dark", "light", "high-contrast"}
	textFmts  = []string{"text", "markdown"}
	scoreFmts = []string{"text", "markdown", "json"}
	rowFmts   = []string{"csv", "jsonl"}
)

// errAborted means the person quit before a result; its message is
// already shown.
var errAborted = errors.New("aborted")

// errHelp means the usage was asked for and printed.
var errHelp = errors.New("help")

// usageError is a mistake on the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usageError with a formatted message.
func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// options are the global flags.
type options struct {
	audience, theme, rules                   string
	quick, resume, accessible, lean, version bool
}

// app carries the streams and the global options to every command.
type app struct {
	in       io.Reader
	out, err io.Writer
	opt      options
}

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run runs guidepost with args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{in: stdin, out: stdout, err: stderr}
	return a.exitCode(a.dispatch(args))
}

// exitCode reports err on stderr and maps it to an exit code.
func (a *app) exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errAborted):
		return exitAborted
	case errors.As(err, &ue):
		fmt.Fprintf(a.err, "guidepost: %s\nRun 'guidepost --help' for usage.\n", questions.Clean(ue.msg))
		return exitUsage
	}
	fmt.Fprintf(a.err, "guidepost: %s\n", questions.Clean(err.Error()))
	return exitInvalid
}

// dispatch parses the global flags and runs the command that follows them.
func (a *app) dispatch(args []string) error {
	fs := a.flagSet("guidepost")
	a.globalFlags(fs)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if err := a.opt.validate(); err != nil {
		return err
	}
	if a.opt.version {
		fmt.Fprintf(a.out, "guidepost %s\n", version)
		return nil
	}
	if fs.NArg() == 0 {
		return a.interactive()
	}
	return a.command(fs.Arg(0), fs.Args()[1:])
}

// command runs the subcommand name with its arguments.
func (a *app) command(name string, args []string) error {
	switch name {
	case "check":
		return a.check(args)
	case "score":
		return a.score(args)
	case "learn":
		return a.learn(args)
	case "forget":
		return a.forget(args)
	case "help":
		fmt.Fprint(a.out, usage)
		return nil
	}
	return usagef("unknown command %q", name)
}

// flagSet returns a FlagSet that reports nothing itself: run prints one
// line per usage error, and the help on stdout.
func (a *app) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args into fs, turning -h into the usage on stdout.
func (a *app) parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(a.out, usage)
		return errHelp
	}
	if err != nil {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
			msg = "unknown flag --" + strings.TrimPrefix(name, "-")
		}
		return usageError{msg}
	}
	return nil
}

// globalFlags defines the flags that come before a command.
func (a *app) globalFlags(fs *flag.FlagSet) {
	o := &a.opt
	fs.StringVar(&o.audience, "for", "", "audience: manager, self or consultant")
	fs.StringVar(&o.theme, "theme", "auto", "colours: auto, dark, light or high-contrast")
	fs.StringVar(&o.rules, "rules", "", "rule set file")
	fs.BoolVar(&o.quick, "quick", false, "only the core questions")
	fs.BoolVar(&o.resume, "resume", false, "continue the saved draft")
	fs.BoolVar(&o.accessible, "accessible", false, "plain numbered prompts")
	fs.BoolVar(&o.lean, "lean", false, "show the lean gauge from the start")
	fs.BoolVar(&o.version, "version", false, "print the version")
}

// validate checks the values of the global flags.
func (o options) validate() error {
	if o.audience != "" && !oneOf(o.audience, questions.Audiences) {
		return usagef("--for %q: use %s", o.audience, strings.Join(questions.Audiences, ", "))
	}
	if !oneOf(o.theme, themes) {
		return usagef("--theme %q: use %s", o.theme, strings.Join(themes, ", "))
	}
	return nil
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

// noArgs rejects arguments left after a command's flags.
func noArgs(cmd string, fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q", cmd, fs.Arg(0))
	}
	return nil
}

// check validates a rule set: FILE, else the one in use.
func (a *app) check(args []string) error {
	fs := a.flagSet("check")
	fs.StringVar(&a.opt.rules, "rules", a.opt.rules, "rule set file")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("check: unexpected argument %q", fs.Arg(1))
	}
	if fs.NArg() == 1 {
		a.opt.rules = fs.Arg(0)
	}
	b, warnings, err := a.loadBank()
	if err != nil {
		return err
	}
	a.printCheck(b, warnings)
	return nil
}

// printCheck reports a valid rule set and its warnings.
func (a *app) printCheck(b *questions.Bank, warnings []string) {
	core := len(b.Asked(true))
	fmt.Fprintf(a.out, "%s: ok (%d questions, %d core; %d rules, %d cautions, %d sources)\n",
		questions.Clean(b.Name), len(b.Questions), core, len(b.Rules), len(b.Cautions), len(b.Sources))
	for _, w := range warnings {
		fmt.Fprintf(a.out, "%s: warning: %s\n", questions.Clean(b.Name), questions.Clean(w))
	}
}

// scoreFlags are the flags of score.
type scoreFlags struct {
	answers, csv, format, by string
	summary                  bool
}

// score scores an answers file or a CSV of answers.
func (a *app) score(args []string) error {
	var f scoreFlags
	fs := a.scoreFlagSet(&f)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if err := f.validate(); err != nil {
		return err
	}
	if err := noArgs("score", fs); err != nil {
		return err
	}
	if f.csv != "" {
		return a.scoreCSV(f)
	}
	return a.scoreAnswers(f)
}

// scoreFlagSet defines the flags of score into f.
func (a *app) scoreFlagSet(f *scoreFlags) *flag.FlagSet {
	fs := a.flagSet("score")
	fs.StringVar(&f.answers, "answers", "", "answers file")
	fs.StringVar(&f.csv, "csv", "", "CSV file, or - for stdin")
	fs.StringVar(&f.format, "format", "", "output format")
	fs.StringVar(&f.by, "by", "", "with --summary: group by this column")
	fs.BoolVar(&f.summary, "summary", false, "a summary of the whole group")
	fs.StringVar(&a.opt.rules, "rules", a.opt.rules, "rule set file")
	return fs
}

// validate checks the combination of score flags and fills in the default
// format.
func (f *scoreFlags) validate() error {
	switch {
	case f.answers == "" && f.csv == "":
		return usagef("score needs --answers FILE or --csv FILE")
	case f.answers != "" && f.csv != "":
		return usagef("score takes --answers or --csv, not both")
	case f.answers != "" && (f.summary || f.by != ""):
		return usagef("--summary and --by work with --csv")
	case f.by != "" && !f.summary:
		return usagef("--by works with --summary")
	}
	allowed := f.formats()
	if f.format == "" {
		f.format = allowed[0]
	}
	if !oneOf(f.format, allowed) {
		return usagef("--format %q: use %s here", f.format, strings.Join(allowed, ", "))
	}
	return nil
}

// formats lists the formats allowed with these flags, the default first.
func (f *scoreFlags) formats() []string {
	switch {
	case f.answers != "":
		return scoreFmts
	case f.summary:
		return textFmts
	}
	return rowFmts
}

// scoreAnswers scores one answers file (or a draft).
func (a *app) scoreAnswers(f scoreFlags) error {
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	data, err := readFile(f.answers, questions.MaxAnswersSize)
	if err != nil {
		return err
	}
	ans, ch, err := questions.ParseAnswers(b, f.answers, data)
	if err != nil {
		return err
	}
	r := advisor.Evaluate(b, ch)
	r.Audience = ans.Audience
	return writeResult(a.out, b, r, f.format)
}

// writeResult writes r in format: text, markdown or json.
func writeResult(w io.Writer, b *questions.Bank, r advisor.Result, format string) error {
	switch format {
	case "markdown":
		return advisor.WriteMarkdown(w, b, r)
	case "json":
		return advisor.WriteJSON(w, r)
	}
	return advisor.WriteText(w, b, r)
}

// scoreCSV scores a CSV of answers, one person a row.
func (a *app) scoreCSV(f scoreFlags) error {
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	in, size, closeIn, err := a.openCSV(f.csv)
	if err != nil {
		return err
	}
	defer closeIn()
	name := f.csv
	if name == "-" {
		name = "stdin"
	}
	opt := batch.Options{Name: name, Format: f.format, Summary: f.summary, By: f.by, Warn: a.err}
	if p := a.progress(size); p != nil {
		opt.Progress = p.Update
		defer p.Done()
	}
	stats, err := batch.Score(b, in, a.out, opt)
	if err != nil {
		return err
	}
	if stats.Failed > 0 {
		return fmt.Errorf("%s: %d of %d rows could not be scored (see their error column)", name, stats.Failed, stats.Rows)
	}
	return nil
}

// openCSV opens path, or stdin for "-", and returns its size when known.
func (a *app) openCSV(path string) (io.Reader, int64, func(), error) {
	if path == "-" {
		return a.in, fileSize(a.in), func() {}, nil
	}
	f, err := openFile(path)
	if err != nil {
		return nil, 0, nil, err
	}
	return f, fileSize(f), func() { f.Close() }, nil
}

// fileSize returns the size of a regular file behind r, else 0 (unknown).
func fileSize(r io.Reader) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return 0
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return 0
	}
	return st.Size()
}

// progress returns a progress bar on stderr when stderr is a terminal.
func (a *app) progress(size int64) *ui.Progress {
	if !isTerminal(a.err) {
		return nil
	}
	return ui.NewProgress(a.err, size, ui.NewStyles(a.opt.theme, true, os.Getenv("NO_COLOR") != ""))
}

// learn writes the comparison of coaching and mentoring.
func (a *app) learn(args []string) error {
	fs := a.flagSet("learn")
	format := fs.String("format", "text", "text or markdown")
	fs.StringVar(&a.opt.rules, "rules", a.opt.rules, "rule set file")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if !oneOf(*format, textFmts) {
		return usagef("--format %q: use %s", *format, strings.Join(textFmts, ", "))
	}
	if err := noArgs("learn", fs); err != nil {
		return err
	}
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	return advisor.Learn(a.out, b, *format == "markdown")
}

// forget removes the draft.
func (a *app) forget(args []string) error {
	fs := a.flagSet("forget")
	fs.StringVar(&a.opt.rules, "rules", a.opt.rules, "rule set file")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if err := noArgs("forget", fs); err != nil {
		return err
	}
	path, err := draftPath()
	if err != nil {
		return err
	}
	removed, err := removeDraft(path)
	if err != nil {
		return err
	}
	msg := "There is no draft to remove (%s).\n"
	if removed {
		msg = "Removed the draft %s.\n"
	}
	fmt.Fprintf(a.out, msg, questions.Clean(path))
	return nil
}

// loadBank loads and checks the rule set in use.
func (a *app) loadBank() (*questions.Bank, []string, error) {
	name, data, err := a.rulesSource()
	if err != nil {
		return nil, nil, err
	}
	b, err := questions.Parse(name, data)
	if err != nil {
		return nil, nil, err
	}
	warnings, err := advisor.Check(b)
	if err != nil {
		return nil, nil, err
	}
	return b, warnings, nil
}

// rulesSource returns the name and bytes of the rule set in use: --rules,
// else the user's rules.toml where it exists, else the embedded one.
func (a *app) rulesSource() (string, []byte, error) {
	path := a.opt.rules
	if path == "" {
		user, err := userRulesPath()
		if err != nil || !exists(user) {
			return embeddedName, embeddedRules, nil
		}
		path = user
	}
	data, err := readFile(path, questions.MaxSize)
	return path, data, err
}

// exists reports whether something is at path (a broken entry counts, so
// that its error is reported rather than silently skipped).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// openFile opens a regular file for reading, with clear messages for a
// missing path or a folder.
func openFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	return f, nil
}

// readFile reads at most limit+1 bytes of path: one byte more than the
// limit, so that the parser can report the size.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := openFile(path)
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

// isTerminal reports whether stream is a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// accessible reports whether to use plain prompts instead of the TUI.
func (a *app) accessible() bool {
	return a.opt.accessible || os.Getenv("TERM") == "dumb" ||
		!isTerminal(a.in) || !isTerminal(a.out)
}

// interactive runs the advisor (TUI or accessible) and prints the result.
func (a *app) interactive() error {
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	path, err := draftPath()
	if err != nil {
		return err
	}
	d := &drafts{path: path, bank: b}
	cfg, err := a.uiConfig(d)
	if err != nil {
		return err
	}
	runUI := ui.Run
	if a.accessible() {
		runUI = ui.RunAccessible
	}
	out, err := runUI(cfg, a.in, a.out)
	return a.finish(d, out, err)
}

// uiConfig builds the UI's configuration from the flags and, with
// --resume, the draft.
func (a *app) uiConfig(d *drafts) (ui.Config, error) {
	b := d.bank
	cfg := ui.Config{
		Bank: b, Audience: a.opt.audience, Quick: a.opt.quick, Choices: b.NewChoices(),
		Theme: a.opt.theme, NoColor: os.Getenv("NO_COLOR") != "", ShowLean: a.opt.lean,
		SaveDraft: d.save,
		SaveResult: func(audience string, c questions.Choices, r advisor.Result) ([]string, error) {
			r.Audience = audience
			return saveResult(".", time.Now(), b, r)
		},
	}
	if a.opt.resume {
		return cfg, resumeDraft(&cfg, d.path)
	}
	if exists(d.path) {
		cfg.Notice = "A saved draft exists: quit and run 'guidepost --resume' to continue it; answering here replaces it."
	}
	return cfg, nil
}

// resumeDraft loads the draft into cfg leniently: answers that no longer fit
// the rule set are dropped and named in the notice.
func resumeDraft(cfg *ui.Config, path string) error {
	if !exists(path) {
		return fmt.Errorf("there is no saved draft to resume (%s)", path)
	}
	data, err := readFile(path, questions.MaxAnswersSize)
	if err != nil {
		return err
	}
	audience, ch, dropped, err := questions.ReadDraft(cfg.Bank, path, data)
	if err != nil {
		return fmt.Errorf("%w\nthe draft cannot be read; remove it with 'guidepost forget'", err)
	}
	cfg.Choices = ch
	if cfg.Audience == "" {
		cfg.Audience = audience
	}
	cfg.Start = firstOpen(cfg.Bank, ch, cfg.Quick)
	cfg.Notice = resumeNotice(path, dropped)
	return nil
}

// firstOpen returns the position, among the questions asked, of the first
// one without an answer; len(asked), which opens the review, when all are
// answered.
func firstOpen(b *questions.Bank, ch questions.Choices, quick bool) int {
	asked := b.Asked(quick)
	for i, q := range asked {
		if ch[q] == questions.NoAnswer {
			return i
		}
	}
	return len(asked)
}

// resumeNotice is the notice shown after resuming from path.
func resumeNotice(path string, dropped []string) string {
	n := "Resumed the draft " + path + "."
	if len(dropped) > 0 {
		n += " These answers no longer fit the rule set and were dropped: " + strings.Join(dropped, ", ") + "."
	}
	return n
}

// finish handles the end of an interactive run: a result is printed and the
// draft removed; quitting keeps the draft and exits 130.
func (a *app) finish(d *drafts, out ui.Outcome, err error) error {
	if err != nil && !interrupted(err) {
		d.end(func() error { return nil })
		return err
	}
	if out.Result == nil || err != nil {
		return a.quit(d, out)
	}
	if err := d.end(func() error { _, err := removeDraft(d.path); return err }); err != nil {
		a.warn(err)
	}
	r := *out.Result
	r.Audience = out.Audience
	return advisor.WriteText(a.out, d.bank, r)
}

// quit saves what was answered as the draft and says where it is.
func (a *app) quit(d *drafts, out ui.Outcome) error {
	if !anyAnswer(out.Choices) {
		d.end(func() error { return nil })
		fmt.Fprintln(a.err, "Nothing was answered.")
		return errAborted
	}
	err := d.end(func() error { return saveDraft(d.path, d.bank, out.Audience, out.Choices) })
	if err != nil {
		a.warn(err)
		return errAborted
	}
	fmt.Fprintf(a.err, "Your answers are saved in %s. Run 'guidepost --resume' to continue.\n", questions.Clean(d.path))
	return errAborted
}

// warn reports an error that does not change the exit code.
func (a *app) warn(err error) {
	fmt.Fprintf(a.err, "guidepost: %s\n", questions.Clean(err.Error()))
}

// interrupted reports whether err means the person stopped the run: end
// of input in accessible mode, or SIGINT to the TUI.
func interrupted(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, tea.ErrInterrupted)
}

// anyAnswer reports whether c holds at least one answer.
func anyAnswer(c questions.Choices) bool {
	for _, o := range c {
		if o != questions.NoAnswer {
			return true
		}
	}
	return false
}

// usage is the help printed by -h, --help and "guidepost help".
const usage = `Guidepost recommends coaching, mentoring or a combined programme.

Usage:
  guidepost [flags]                 the interactive advisor
  guidepost [flags] check [FILE]    validate a rule set (default: the one in use)
  guidepost [flags] score --answers FILE [--format text|markdown|json]
  guidepost [flags] score --csv FILE|- [--format csv|jsonl]
  guidepost [flags] score --csv FILE|- --summary [--by COLUMN] [--format text|markdown]
                                    score a group, one person a row
  guidepost [flags] learn [--format text|markdown]
                                    the coaching-vs-mentoring comparison, sourced
  guidepost forget                  remove the saved draft

Flags:
  --for manager|self|consultant     skip the audience screen
  --quick                           only the core questions
  --resume                          continue the saved draft
  --accessible                      plain numbered prompts (also when stdin or
                                    stdout is not a terminal, or TERM=dumb)
  --theme auto|dark|light|high-contrast
                                    colours; NO_COLOR is honoured
  --lean                            show the lean gauge from the start
  --rules FILE                      use another rule set (any command)
  --version                         print the version
  -h, --help                        print this help

The rule set in use: --rules FILE, else $XDG_CONFIG_HOME/guidepost/rules.toml
(default ~/.config/guidepost/rules.toml) where it exists, else the built-in one.
The draft: $XDG_STATE_HOME/guidepost/draft.toml (default
~/.local/state/guidepost/draft.toml); 'guidepost score --answers' accepts it.

Exit codes: 0 success, 1 invalid input, 2 usage error, 130 quit before a result.
`
