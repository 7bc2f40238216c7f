package cli

// guidepost man: the manual page, built from the command tree.

import (
	"fmt"
	"runtime/debug"
	"time"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manSections are the parts of the manual page the commands do not give.
var manSections = [][2]string{
	{"Exit status", "0 success; 1 invalid input (rule set, answers, any CSV row) or output that " +
		"could not be written; 2 a usage error; 130 when the person quits before a result (ctrl+c, " +
		"q, end of input or a signal), or a signal ends a workshop."},
	{"Environment", "NO_COLOR turns colours off, unless --theme names a theme. TERM=dumb chooses the plain prompts. " +
		"XDG_CONFIG_HOME and XDG_STATE_HOME (absolute paths) move the rule set and the draft; " +
		"else HOME is used."},
	{"Files", "~/.config/guidepost/rules.toml: the rule set in use where it exists. " +
		"~/.local/state/guidepost/draft.toml: the draft, mode 0600, written after every answer " +
		"and removed once a result is shown."},
}

func (a *app) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:    "man",
		Short:  "Print the manual page (roff), e.g. guidepost man | man -l -",
		Hidden: true,
		RunE: a.action(0, func(cmd *cobra.Command, _ []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return err
			}
			for _, s := range manSections {
				page = page.WithSection(s[0], s[1])
			}
			info, ok := debug.ReadBuildInfo()
			_, err = fmt.Fprint(a.out, page.Build(manHeading{roff.NewDocument(), buildDate(info, ok)}))
			return err
		}),
	}
}

// manTitle is the page's centre header. The command's one-line summary,
// the library's choice, overflows an 80-column header line.
const manTitle = "Guidepost Manual"

// fallbackDate dates the page of a build without a commit time (go run,
// -buildvcs=false, go test), so that every such build prints the same page.
var fallbackDate = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// buildDate is the day of the build's commit (vcs.time), else
// fallbackDate: a page's date is its build's, never the day it is printed.
func buildDate(info *debug.BuildInfo, ok bool) time.Time {
	if ok && info != nil {
		for _, s := range info.Settings {
			if s.Key != "vcs.time" {
				continue
			}
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t.UTC()
			}
		}
	}
	return fallbackDate
}

// manHeading dates the page by its build and gives it a short title.
type manHeading struct {
	*roff.Document
	day time.Time
}

func (d manHeading) Heading(section uint, title, _ string, _ time.Time) {
	d.Document.Heading(section, title, manTitle, d.day)
}
