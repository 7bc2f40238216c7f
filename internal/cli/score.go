package cli

// guidepost score: score an answers file, or a CSV of answers (batch).
// Every call into the batch scorer is in this file.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"guidepost/advisor"
	"guidepost/batch"
	"guidepost/internal/store"
	"guidepost/questions"
	"guidepost/ui"
)

// scoreFlags are the flags of score.
type scoreFlags struct {
	answers, csv, format, by string
	delimiter                string
	summary                  bool
	minGroup                 int
}

// delimiters maps --delimiter's values to the cell separator (none: read
// from the header row).
var delimiters = map[string]rune{",": ',', "comma": ',', ";": ';', "semicolon": ';', "tab": '\t', "\\t": '\t'}

func (a *app) scoreCommand() *cobra.Command {
	var f scoreFlags
	c := &cobra.Command{
		Use:   "score",
		Short: "Score an answers file, or a CSV with one person a row",
		Long: "Score scores one answers file (a draft is one, and so is a saved result .json) and writes the report as text, " +
			"Markdown or JSON; or scores a CSV file, one person a row (its header names " +
			"question ids), and writes one result a row as CSV or JSON lines, or with " +
			"--summary a summary of the whole group. --format is text (the default), markdown " +
			"or json with --answers; csv (the default) or jsonl with --csv; text or markdown " +
			"with --summary. A row that cannot be scored keeps its " +
			"place with the reason; the exit code is then 1.",
		Example: `
guidepost score --answers answers.toml --format json
guidepost score --csv team.csv > results.csv
guidepost score --csv - --summary --by team < team.csv`,
		RunE: a.action(0, func(*cobra.Command, []string) error {
			if err := f.validate(); err != nil {
				return err
			}
			if f.csv != "" {
				return a.scoreCSV(f)
			}
			return a.scoreAnswers(f)
		}),
	}
	fl := c.Flags()
	fl.StringVar(&f.answers, "answers", "", "the answers file, draft or saved result (.json) to score")
	fl.StringVar(&f.csv, "csv", "", "the CSV file to score, or - for stdin")
	fl.StringVar(&f.format, "format", "", "text, markdown or json; csv or jsonl with --csv (see above)")
	fl.BoolVar(&f.summary, "summary", false, "with --csv: a summary of the whole group, not a row each")
	fl.StringVar(&f.by, "by", "", "with --summary: one section for each value of this CSV column")
	fl.IntVar(&f.minGroup, "min-group", batch.DefaultMinGroup, "with --by: the fewest people a group needs to be shown")
	fl.StringVar(&f.delimiter, "delimiter", "", "with --csv: comma, semicolon or tab (default: from the header)")
	c.RegisterFlagCompletionFunc("delimiter", completeList([]string{"comma", "semicolon", "tab"}))
	c.MarkFlagFilename("answers", "toml")
	c.MarkFlagFilename("csv", "csv")
	c.RegisterFlagCompletionFunc("format", completeList([]string{"text", "markdown", "json", "csv", "jsonl"}))
	return c
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
	case f.minGroup < batch.MinGroupFloor:
		return usagef("--min-group %d: at least %d, so that a summary by group never tells people apart", f.minGroup, batch.MinGroupFloor)
	case f.delimiter != "" && f.csv == "":
		return usagef("--delimiter works with --csv")
	}
	if _, ok := delimiters[f.delimiter]; f.delimiter != "" && !ok {
		return usagef("--delimiter %q: use comma, semicolon or tab", questions.Clean(f.delimiter))
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
	data, err := store.ReadFile(f.answers, questions.MaxResultSize, false)
	if err != nil {
		return err
	}
	ans, ch, err := questions.ParseAnswersFile(b, f.answers, data)
	if err != nil {
		return err
	}
	e := advisor.ExplainAnswers(b, ch, ans.Audience)
	e.Person = ans.Person
	return writeResult(a.out, e, f.format, a.textWidth(a.out))
}

// writeResult writes e in format: text (wrapped to width cells; 0: the
// report's own width), markdown or json.
func writeResult(w io.Writer, e advisor.Explanation, format string, width int) error {
	switch format {
	case "markdown":
		return advisor.WriteMarkdown(w, e)
	case "json":
		return advisor.WriteJSON(w, e)
	}
	return advisor.WriteTextWidth(w, e, width)
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
	opt := batch.Options{Name: name, Format: f.format, Summary: f.summary, By: f.by, Warn: a.err,
		MinGroup: f.minGroup, Delimiter: delimiters[f.delimiter], Width: a.textWidth(a.out)}
	if p := a.progress(size); p != nil {
		opt.Progress = p.Update
		defer p.Done()
	}
	stats, err := batch.Score(b, in, a.out, opt)
	if err != nil {
		return err
	}
	if stats.Failed > 0 {
		where := "see their error column"
		if f.summary {
			where = "the summary names them"
		}
		return fmt.Errorf("%s: %d of %d rows could not be scored (%s)", name, stats.Failed, stats.Rows, where)
	}
	return nil
}

// openCSV opens path, or stdin for "-", and returns its size when known.
func (a *app) openCSV(path string) (io.Reader, int64, func(), error) {
	if path == "-" {
		return a.in, fileSize(a.in), func() {}, nil
	}
	f, err := store.OpenFile(path, false)
	if errors.Is(err, store.ErrNamedPipe) {
		return nil, 0, nil, fmt.Errorf("%w (to score a stream, pipe it to 'score --csv -')", err)
	}
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
	return ui.NewProgress(a.err, size, ui.NewStyles(a.opt.theme, true, a.noColor()))
}
