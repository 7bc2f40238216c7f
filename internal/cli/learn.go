package cli

// guidepost learn: the coaching-vs-mentoring comparison.

import (
	"github.com/spf13/cobra"

	"guidepost/advisor"
)

func (a *app) learnCommand() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "learn",
		Short: "The coaching-vs-mentoring comparison, sourced",
		Long: "Learn writes how coaching and mentoring differ, where the sources agree and " +
			"where they disagree, with every source cited.",
		Example: `
guidepost learn
guidepost learn --format markdown > coaching-vs-mentoring.md`,
		RunE: a.action(0, func(*cobra.Command, []string) error {
			if err := checkOneOf("format", format, textFmts); err != nil {
				return err
			}
			b, _, err := a.loadBank()
			if err != nil {
				return err
			}
			if format == "markdown" {
				return advisor.Learn(a.out, b, true)
			}
			return advisor.LearnWidth(a.out, b, false, a.textWidth(a.out))
		}),
	}
	c.Flags().StringVar(&format, "format", "text", "text or markdown")
	c.RegisterFlagCompletionFunc("format", completeList(textFmts))
	return c
}
