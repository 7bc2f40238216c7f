package cli

// The root command: the interactive advisor, a TUI or plain prompts.

import (
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"guidepost/advisor"
	"guidepost/internal/store"
	"guidepost/questions"
	"guidepost/ui"
)

// advisorCommand is the root command: with no command, the advisor.
func (a *app) advisorCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "guidepost",
		Short: "Recommends coaching, mentoring or a combined programme for a person",
		Long: "Guidepost asks a few questions about a person and recommends coaching, mentoring " +
			"or a combined programme, with its reasons and sources.\n\n" +
			"With no command it runs the interactive advisor: a terminal UI, or plain numbered " +
			"prompts with --accessible, when stdin or stdout is not a terminal, or with TERM=dumb. " +
			"Every answer is saved in a draft ($XDG_STATE_HOME/guidepost/draft.toml, or one per person under drafts/ with --person); a result is " +
			"also printed as plain text.\n\n" +
			"Exit codes: 0 success, 1 invalid input, 2 usage error, 130 quit before a result.",
		Example: `
# a manager asking about an employee, core questions only
guidepost --for manager --quick
# continue the saved draft
guidepost --resume
# a draft for each person you manage, kept apart
guidepost --for manager --person "Sam Okafor"
# reopen a saved result (or an answers file) to change answers
guidepost --resume guidepost-result-sam-okafor-manager-2026-12-04.json
# another rule set, for any command
guidepost --rules mine.toml check`,
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && a.opt.resume {
				a.opt.resumeFile = args[0]
			} else if len(args) > 0 {
				return a.fail(unknownCommand(cmd, args[0]))
			}
			return a.fail(a.interactive())
		},
	}
	f := c.Flags()
	f.StringVar(&a.opt.audience, "for", "", "skip the audience screen: manager, self or consultant")
	f.BoolVar(&a.opt.quick, "quick", false, "ask only the core questions")
	f.BoolVar(&a.opt.resume, "resume", false, "continue the draft, or reopen a FILE given after it")
	f.StringVar(&a.opt.person, "person", "", "keep this person's draft apart from the others")
	f.BoolVar(&a.opt.accessible, "accessible", false, "plain numbered prompts: no full-screen UI, no colour")
	f.StringVar(&a.opt.theme, "theme", "auto", "colours: auto, dark, light or high-contrast")
	f.BoolVar(&a.opt.lean, "lean", false, "show the lean gauge from the start")
	f.BoolVarP(&a.opt.version, "version", "v", false, "print the version")
	c.RegisterFlagCompletionFunc("for", completeList(questions.AudienceNames()))
	c.RegisterFlagCompletionFunc("theme", completeList(themes))
	return c
}

// unknownCommand is the usage error for an unknown command name, with the
// commands it may be a typo of.
func unknownCommand(root *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if s := root.SuggestionsFor(name); len(s) > 0 {
		msg += " (did you mean " + strings.Join(s, " or ") + "?)"
	}
	return usageError{msg}
}

// validate checks the values of the advisor's flags.
func (o options) validate() error {
	if o.person != "" {
		if _, err := questions.CheckPerson(o.person); err != nil {
			return usagef("--person: %s", err)
		}
	}
	if o.audience != "" {
		if err := checkOneOf("for", o.audience, questions.AudienceNames()); err != nil {
			return err
		}
	}
	return checkOneOf("theme", o.theme, themes)
}

// noColor reports whether to draw without colour: NO_COLOR is set and no
// theme was asked for by name (an explicit --theme wins over NO_COLOR, as
// no-color.org asks of a command-line argument).
func (a *app) noColor() bool {
	return a.getenv("NO_COLOR") != "" && a.opt.theme == "auto"
}

// accessible reports whether to use plain prompts instead of the TUI.
func (a *app) accessible() bool {
	return a.opt.accessible || a.getenv("TERM") == "dumb" ||
		!isTerminal(a.in) || !isTerminal(a.out)
}

// interactive runs the advisor (TUI or accessible) and prints the result.
func (a *app) interactive() error {
	if err := a.opt.validate(); err != nil {
		return err
	}
	a.opt.person, _ = questions.CheckPerson(a.opt.person)
	plain := a.accessible()
	if !plain && !a.opt.resume && a.embedded() {
		return a.interactiveEarly()
	}
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	path, err := a.draftTarget()
	if err != nil {
		return err
	}
	d := store.NewDrafts(path, b, a.now)
	cfg, err := a.uiConfig(b, d, plain)
	if err != nil {
		return err
	}
	if plain { // prompts on stderr: stdout carries the result alone
		out, err := ui.RunAccessible(cfg, a.in, a.err)
		return a.finish(d, out, err)
	}
	stop := relayHangup()
	out, err := ui.Run(cfg, a.in, a.out)
	stop()
	return a.finish(d, out, err)
}

// interactiveEarly is the TUI on the embedded rule set, started while the
// rule set is parsed (ui.RunPrepared): Bubble Tea's first frame waits for
// its first tick anyway, and the parse fits in that wait. Only the
// embedded rule set is parsed this late: it is known to load, while a
// file's mistakes are reported before any terminal set-up. Everything
// that can fail on the person's machine (the draft's folder) is checked
// first, as in interactive.
func (a *app) interactiveEarly() error {
	path, err := a.draftTarget()
	if err != nil {
		return err
	}
	var d *store.Drafts
	prepare := func() (ui.Config, error) {
		b, _, err := a.loadBank()
		if err != nil {
			return ui.Config{}, err
		}
		d = store.NewDrafts(path, b, a.now)
		return a.uiConfig(b, d, false)
	}
	stop := relayHangup()
	out, err := ui.RunPrepared(prepare, a.in, a.out)
	stop()
	if d == nil { // prepare failed: nothing was asked
		return err
	}
	return a.finish(d, out, err)
}

// uiConfig builds the UI's configuration from the flags and, with
// --resume, the draft.
func (a *app) uiConfig(b *questions.Bank, d *store.Drafts, plain bool) (ui.Config, error) {
	cfg := ui.Config{
		Bank: b, Audience: questions.Audience(a.opt.audience), Quick: a.opt.quick, Choices: b.NewChoices(),
		Theme: a.opt.theme, NoColor: a.noColor(), ShowLean: a.opt.lean,
		SaveDraft: d.Save, ClearDraft: d.Clear,
		SaveResult: func(e advisor.Explanation) ([]string, error) {
			return store.SaveResultOf(".", a.opt.person, a.now(), e)
		},
	}
	a.peopleConfig(&cfg, d)
	d.SetHead(d.Path(), a.opt.person, a.opt.quick)
	switch {
	case a.opt.resumeFile != "":
		return cfg, a.resumeFile(&cfg, d)
	case a.opt.resume:
		return cfg, a.resumeDraft(&cfg, d)
	}
	return cfg, a.listDrafts(&cfg, d, plain)
}

// resumeDraft loads the draft into cfg leniently: answers that no longer fit
// the rule set are dropped and named in the notice. The draft's quick mode
// is kept.
func (a *app) resumeDraft(cfg *ui.Config, d *store.Drafts) error {
	path := d.Path()
	if !store.Exists(path) {
		if a.opt.person != "" {
			return fmt.Errorf("there is no saved draft about %s to resume (%s); 'guidepost drafts' lists them", questions.Clean(a.opt.person), path)
		}
		return fmt.Errorf("there is no saved draft to resume (%s)", path)
	}
	data, err := d.Read(path)
	if err != nil {
		return err
	}
	dr, err := questions.ReadDraftOf(cfg.Bank, path, data)
	if err != nil {
		return fmt.Errorf("%w\nthe draft cannot be read; remove it with 'guidepost forget%s'", err, a.personFlag())
	}
	a.resumeInto(cfg, d, path, dr)
	cfg.Notice = resumeNotice(path, dr.Dropped)
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

// finish handles the end of an interactive run: a result is printed and
// then the draft removed; quitting (a key, end of input or a signal) keeps
// the answers in the draft and exits 130. A result that cannot be written
// (stdout on a full disk, a closed pipe) keeps the draft, so that no
// answer is lost, and exits 1.
func (a *app) finish(d *store.Drafts, out ui.Ending, err error) error {
	if err != nil && !interrupted(err) {
		d.Stop()
		return err
	}
	if out.Result == nil || err != nil {
		return a.quit(d, out)
	}
	write := advisor.WriteTextWidth
	if a.accessible() { // a screen reader: no bar glyphs
		write = advisor.WriteSpokenText
	}
	path := endPath(d, out)
	e := *out.Result
	e.Person = out.Person // whom it is about, as the person was named
	if err := write(a.out, e, a.textWidth(a.out)); err != nil {
		kept := "the answers could not be saved either"
		if k, kerr := d.KeepAt(path, out.Audience, out.Choices); kerr != nil {
			a.warn(kerr)
		} else {
			kept = "the answers are kept in " + questions.Clean(k) + " ('" + a.resumeHow(k, out.Person) + "' shows the result again)"
		}
		return fmt.Errorf("the result could not be written (%w); %s", err, kept)
	}
	if err := d.DiscardAt(path); err != nil {
		a.warn(err)
	}
	return nil
}

// quit saves what was answered as the draft and says where it is; it says
// the answers are saved only once they are.
func (a *app) quit(d *store.Drafts, out ui.Ending) error {
	if !anyAnswer(out.Choices) {
		d.Stop()
		msg := "Nothing was answered."
		if store.Exists(d.Path()) {
			msg += " The saved draft " + questions.Clean(d.Path()) + " is unchanged."
		}
		fmt.Fprintln(a.err, msg)
		return errAborted
	}
	path := endPath(d, out)
	kept, err := d.KeepAt(path, out.Audience, out.Choices)
	if err != nil {
		a.warn(err)
		fmt.Fprintln(a.err, "Your answers could not be saved.")
		return errAborted
	}
	person := out.Person
	if person == "" {
		person = a.opt.person
	}
	msg := fmt.Sprintf("Your answers are saved in %s. Run '%s' to continue.", questions.Clean(kept), a.resumeHow(kept, person))
	if kept != path {
		msg = fmt.Sprintf("The draft %s was changed by another Guidepost while this one ran, so it was left as that one saved it. Your answers are saved apart in %s ('guidepost drafts' lists both).",
			questions.Clean(path), questions.Clean(kept))
	}
	fmt.Fprintln(a.err, ui.Wrap(msg, out.Width))
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
