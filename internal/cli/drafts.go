package cli

// Drafts per person: which draft a run writes, the list the welcome screen
// shows, --resume FILE, and "guidepost drafts".

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"guidepost/advisor"
	"guidepost/internal/store"
	"guidepost/questions"
	"guidepost/ui"
)

// draftTarget returns the draft a run writes: --resume FILE's answers file
// itself, else the person's draft with --person, else the unnamed draft;
// a new start (or a reopened result) whose unnamed draft is taken gets a
// new draft beside it, so that it never replaces one.
func (a *app) draftTarget() (string, error) {
	if f := a.opt.resumeFile; f != "" && !isJSONName(f) {
		return f, nil
	}
	main, err := store.DraftPath(a.getenv)
	if err != nil {
		return "", err
	}
	if err := store.CheckStateDir(filepath.Dir(main)); err != nil {
		return "", err
	}
	if a.opt.person != "" {
		return store.PersonDraftPath(a.getenv, a.opt.person)
	}
	if a.opt.resume && a.opt.resumeFile == "" || !store.HasFile(main) {
		return main, nil
	}
	dir, err := store.DraftsDir(a.getenv)
	if err != nil {
		return "", err
	}
	return store.FreshDraftPath(dir, a.now())
}

// isJSONName reports whether path names a saved result (.json).
func isJSONName(path string) bool { return strings.EqualFold(filepath.Ext(path), ".json") }

// peopleConfig gives the UI the draft operations by path, the result
// named for the person, and "ask them too".
func (a *app) peopleConfig(cfg *ui.Config, d *store.Drafts) {
	b := cfg.Bank
	cfg.DraftID, cfg.Person = d.Path(), a.opt.person
	cfg.SaveDraftAt, cfg.ClearDraftAt, cfg.RemoveDraft = d.SaveAt, d.ClearAt, d.ClearAt
	cfg.SaveResultAs = func(person string, e advisor.Explanation) ([]string, error) {
		return store.SaveResultOf(".", person, a.now(), e)
	}
	cfg.AskThemToo = func(person string, quick bool, c questions.Choices) (string, error) {
		return store.WriteAsk(".", a.now(), b, person, quick, c)
	}
}

// listDrafts gives the welcome screen the saved drafts: with --person the
// person's own draft, offered to continue; without, every draft listed.
// Accessible mode names them in a notice instead.
func (a *app) listDrafts(cfg *ui.Config, d *store.Drafts, plain bool) error {
	list, err := store.ListDrafts(a.getenv, cfg.Bank)
	if err != nil {
		return nil // a folder that cannot be listed: the first save says what is wrong
	}
	// The unnamed draft stays the last entry (CONTRACT §4); the people's
	// drafts come before it, the most recently changed first.
	main, _ := store.DraftPath(a.getenv)
	for i, x := range list {
		if x.Path == main {
			list = append(append(list[:i:i], list[i+1:]...), x)
			break
		}
	}
	var names []string
	for _, x := range list {
		if x.Err != nil {
			names = append(names, "one that cannot be read ("+x.Path+")")
			continue
		}
		d.Saw(x.Path, x.Data)
		d.SetHead(x.Path, x.Person, x.Quick)
		names = append(names, draftName(x))
		if a.opt.person != "" && x.Path != d.Path() {
			continue
		}
		ud := ui.Draft{ID: x.Path, Person: x.Person, Audience: x.Audience, Quick: x.Quick, Choices: x.Choices,
			Changed: x.Changed, Notice: resumeNotice(x.Path, x.Dropped)}
		if a.opt.person != "" {
			cfg.Draft = &ud
		} else {
			cfg.Drafts = append(cfg.Drafts, ud)
		}
	}
	switch {
	case a.opt.person != "" && cfg.Draft != nil:
		cfg.Notice = fmt.Sprintf("A saved draft about %s exists: quit and run 'guidepost --person %s --resume' to continue it; answering here replaces it.",
			questions.Clean(a.opt.person), shellQuote(a.opt.person))
	case a.opt.person == "" && len(names) > 0:
		cfg.Notice = fmt.Sprintf("Saved drafts: %s. Quit and run 'guidepost --resume' (or --person NAME --resume) to continue one; answers here go to a new draft.",
			strings.Join(names, "; "))
	}
	if !plain && (cfg.Draft != nil || len(cfg.Drafts) > 0) {
		cfg.Notice = ""
	}
	return nil
}

// draftName says whom a draft is about and how far it is, for a line.
func draftName(x store.DraftInfo) string {
	who := "unnamed"
	if x.Person != "" {
		who = questions.Clean(x.Person)
	}
	aud := ""
	if x.Audience != "" {
		aud = string(x.Audience) + ", "
	}
	return fmt.Sprintf("%s (%s%d of %d answered)", who, aud, x.Answered, x.Asked)
}

// resumeFile reopens a saved result (.json) or an answers file. An
// answers file is written in place as the person answers; a result's
// answers go to a draft (the person's, or a new one), the result file
// itself never changes.
func (a *app) resumeFile(cfg *ui.Config, d *store.Drafts) error {
	path := a.opt.resumeFile
	data, err := store.ReadFile(path, questions.MaxResultSize, false)
	if err != nil {
		return err
	}
	if questions.IsResultJSON(data) {
		ans, ch, err := questions.ParseResult(cfg.Bank, path, data)
		if err != nil {
			return err
		}
		if store.Exists(d.Path()) {
			return fmt.Errorf("there is already a saved draft about %s (%s): continue it with 'guidepost --person %s --resume', or remove it with 'guidepost forget --person %s'",
				questions.Clean(a.opt.person), d.Path(), shellQuote(a.opt.person), shellQuote(a.opt.person))
		}
		a.resumeInto(cfg, d, d.Path(), questions.Draft{Audience: ans.Audience, Choices: ch, Quick: a.opt.quick})
		cfg.Notice = "Reopened the result " + path + ": change any answer; your changes are kept in a draft, the saved result stays as it is."
		return nil
	}
	dr, err := questions.ReadDraftOf(cfg.Bank, path, data)
	if err != nil {
		return err
	}
	d.UserFile(path)
	d.Saw(path, data)
	a.resumeInto(cfg, d, path, dr)
	cfg.Notice = resumeNotice(path, dr.Dropped) + " Your answers are saved in it as you go."
	return nil
}

// resumeInto starts cfg from dr, written to path: its answers, audience
// (unless --for says otherwise), person (unless --person) and quick mode.
func (a *app) resumeInto(cfg *ui.Config, d *store.Drafts, path string, dr questions.Draft) {
	cfg.Choices = dr.Choices
	if cfg.Audience == "" {
		cfg.Audience = dr.Audience
	}
	if a.opt.person == "" {
		a.opt.person = dr.Person
	}
	cfg.Person = a.opt.person
	cfg.Quick = cfg.Quick || dr.Quick
	d.SetHead(path, a.opt.person, cfg.Quick)
	cfg.Start = firstOpen(cfg.Bank, dr.Choices, cfg.Quick)
}

// personFlag is " --person NAME" when the run names a person.
func (a *app) personFlag() string {
	if a.opt.person == "" {
		return ""
	}
	return " --person " + shellQuote(a.opt.person)
}

// resumeHow is the command that continues the draft at path.
func (a *app) resumeHow(path, person string) string {
	main, _ := store.DraftPath(a.getenv)
	dir, _ := store.DraftsDir(a.getenv)
	switch {
	case person != "" && filepath.Dir(path) == dir:
		return "guidepost --person " + shellQuote(person) + " --resume"
	case path == main:
		return "guidepost --resume"
	case filepath.Dir(path) == dir:
		return "guidepost' and pick it from the list, or 'guidepost drafts"
	}
	return "guidepost --resume " + shellQuote(path)
}

// endPath is the draft the run was writing when it ended.
func endPath(d *store.Drafts, out ui.Ending) string {
	if out.DraftID != "" {
		return out.DraftID
	}
	return d.Path()
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// draftsCommand is "guidepost drafts": every saved draft.
func (a *app) draftsCommand() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "drafts",
		Short: "List saved drafts: whom, how far, last change",
		Long: "Drafts lists every saved draft: the unnamed one ($XDG_STATE_HOME/guidepost/draft.toml) " +
			"and one for each person named with --person ($XDG_STATE_HOME/guidepost/drafts/), the most " +
			"recently changed first. Continue one with 'guidepost --person NAME --resume' or from the " +
			"welcome screen; remove one with 'guidepost forget --person NAME'.",
		Example: `
guidepost drafts
guidepost drafts --format json`,
		RunE: a.action(0, func(*cobra.Command, []string) error {
			if err := checkOneOf("format", format, []string{"text", "json"}); err != nil {
				return err
			}
			b, _, err := a.loadBank()
			if err != nil {
				return err
			}
			list, err := store.ListDrafts(a.getenv, b)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeDraftsJSON(a, list)
			}
			return writeDraftsTable(a, list)
		}),
	}
	c.Flags().StringVar(&format, "format", "text", "text (a table) or json")
	c.RegisterFlagCompletionFunc("format", completeList([]string{"text", "json"}))
	return c
}

// draftJSON is one draft in 'drafts --format json'.
type draftJSON struct {
	Person   string             `json:"person"`
	Audience questions.Audience `json:"audience"`
	Quick    bool               `json:"quick"`
	Answered int                `json:"answered"`
	Asked    int                `json:"asked"`
	Changed  string             `json:"changed"`
	File     string             `json:"file"`
	Error    string             `json:"error,omitempty"`
}

func writeDraftsJSON(a *app, list []store.DraftInfo) error {
	out := []draftJSON{}
	for _, x := range list {
		j := draftJSON{Person: x.Person, Audience: x.Audience, Quick: x.Quick, Answered: x.Answered, Asked: x.Asked,
			Changed: x.Changed.UTC().Format(time.RFC3339), File: x.Path}
		if x.Err != nil {
			j.Error = questions.Clean(x.Err.Error())
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(a.out)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeDraftsTable(a *app, list []store.DraftInfo) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(a.out, "No saved drafts. Start one with 'guidepost' (add --person NAME to keep one per person).")
		return err
	}
	tw := tabwriter.NewWriter(a.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PERSON\tAUDIENCE\tANSWERED\tLAST CHANGE\tFILE")
	for _, x := range list {
		who, aud, n := "(unnamed)", x.Audience, fmt.Sprintf("%d of %d", x.Answered, x.Asked)
		if x.Person != "" {
			who = questions.Clean(x.Person)
		}
		if x.Err != nil {
			aud, n = "?", "cannot be read"
		}
		if x.Quick {
			n += " (quick)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", who, aud, n, x.Changed.Local().Format("2006-01-02 15:04"), questions.Clean(x.Path))
	}
	return tw.Flush()
}
