package cli

// guidepost man: the manual page, built from the command tree.

import (
	"fmt"
	"time"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manSections are the parts of the manual page the commands do not give.
var manSections = [][2]string{
	{"Exit status", "0 success; 1 invalid input (rule set, answers, any CSV row); 2 a usage error; " +
		"130 when the person quits before a result (ctrl+c, q, end of input or a signal)."},
	{"Environment", "NO_COLOR turns colours off. TERM=dumb chooses the plain prompts. " +
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
			_, err = fmt.Fprint(a.out, page.Build(datedRoff{roff.NewDocument(), a.now()}))
			return err
		}),
	}
}

// datedRoff dates the page by the seam's clock, not the library's.
type datedRoff struct {
	*roff.Document
	day time.Time
}

func (d datedRoff) Heading(section uint, title, description string, _ time.Time) {
	d.Document.Heading(section, title, description, d.day)
}
