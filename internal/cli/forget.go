package cli

// guidepost forget: remove the saved draft.

import (
	"fmt"

	"github.com/spf13/cobra"

	"guidepost/internal/store"
	"guidepost/questions"
)

func (a *app) forgetCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "forget",
		Short: "Remove the saved draft",
		Long: "Forget removes the draft the advisor saves after every answer " +
			"($XDG_STATE_HOME/guidepost/draft.toml, default ~/.local/state/guidepost/draft.toml).",
		RunE: a.action(0, func(*cobra.Command, []string) error {
			path, err := store.DraftPath(a.getenv)
			if err != nil {
				return err
			}
			removed, err := store.RemoveDraft(path)
			if err != nil {
				return err
			}
			msg := "There is no draft to remove (%s).\n"
			if removed {
				msg = "Removed the draft %s.\n"
			}
			if _, err := fmt.Fprintf(a.out, msg, questions.Clean(path)); err != nil {
				return outputError(err)
			}
			return nil
		}),
	}
}
