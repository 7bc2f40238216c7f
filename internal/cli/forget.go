package cli

// guidepost forget: remove the saved draft, or one person's.

import (
	"fmt"

	"github.com/spf13/cobra"

	"guidepost/internal/store"
	"guidepost/questions"
)

func (a *app) forgetCommand() *cobra.Command {
	var person string
	c := &cobra.Command{
		Use:   "forget",
		Short: "Remove the saved draft (--person NAME: that person's)",
		Long: "Forget removes the draft the advisor saves after every answer " +
			"($XDG_STATE_HOME/guidepost/draft.toml, default ~/.local/state/guidepost/draft.toml), " +
			"or with --person NAME that person's draft; 'guidepost drafts' lists them.",
		Example: `
guidepost forget
guidepost forget --person "Sam Okafor"`,
		RunE: a.action(0, func(*cobra.Command, []string) error {
			path, err := store.DraftPath(a.getenv)
			if person != "" {
				if _, cerr := questions.CheckPerson(person); cerr != nil {
					return usagef("--person: %s", cerr)
				}
				path, err = store.PersonDraftPath(a.getenv, person)
			}
			if err != nil {
				return err
			}
			removed, err := store.RemoveDraft(path)
			if err != nil {
				return err
			}
			what := "the draft"
			if person != "" {
				what = "the draft about " + questions.Clean(person)
			}
			msg := "There is no draft to remove (%s).\n"
			if removed {
				msg = "Removed " + what + " %s.\n"
			} else if person != "" {
				msg = "There is no draft about " + questions.Clean(person) + " to remove (%s); 'guidepost drafts' lists them.\n"
			}
			if _, err := fmt.Fprintf(a.out, msg, questions.Clean(path)); err != nil {
				return outputError(err)
			}
			return nil
		}),
	}
	c.Flags().StringVar(&person, "person", "", "remove this person's draft")
	return c
}
