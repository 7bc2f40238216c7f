package cli

// guidepost compare: two views of one person's need side by side.

import (
	"github.com/spf13/cobra"

	"guidepost/advisor"
	"guidepost/internal/store"
	"guidepost/questions"
)

func (a *app) compareCommand() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "compare A B",
		Short: "Compare two views of one person, and merge them",
		Long: "Compare reads two answers files or saved results (.json), for example a manager's answers " +
			"and the person's own, and shows each view's call, every question they answer differently " +
			"(both answers and why it matters), a merged view that takes the questions the rule set marks " +
			"as best asked of the person from the person's own answers (the self-assessment) and the rest " +
			"from the other view, with its result and what would change it, and what to talk about first.",
		Example: `
guidepost compare mine.json guidepost-ask-sam-2026-12-04.toml
guidepost compare mine.toml theirs.toml --format json`,
		Args: cobra.ArbitraryArgs,
		RunE: a.action(2, func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("compare needs two files: the manager's answers (or saved result) and the person's own")
			}
			if err := checkOneOf("format", format, scoreFmts); err != nil {
				return err
			}
			if store.SameFile(args[0], args[1]) {
				return usagef("compare: %s and %s are the same file; give two views, such as your answers and the person's own", questions.Clean(args[0]), questions.Clean(args[1]))
			}
			b, _, err := a.loadBank()
			if err != nil {
				return err
			}
			va, err := readView(b, args[0])
			if err != nil {
				return err
			}
			vb, err := readView(b, args[1])
			if err != nil {
				return err
			}
			v := advisor.CompareViews(b, va, vb)
			switch format {
			case "json":
				return advisor.WriteViewsJSON(a.out, va, vb, v)
			case "markdown":
				return advisor.WriteViewsMarkdown(a.out, va, vb, v)
			}
			return advisor.WriteViewsText(a.out, va, vb, v, a.textWidth(a.out))
		}),
	}
	c.Flags().StringVar(&format, "format", "text", "text, markdown or json")
	c.RegisterFlagCompletionFunc("format", completeList(scoreFmts))
	return c
}

// readView reads an answers file or a saved result, strictly, as a view
// named by its file (and the person it names).
func readView(b *questions.Bank, path string) (advisor.View, error) {
	data, err := store.ReadFile(path, questions.MaxResultSize, false)
	if err != nil {
		return advisor.View{}, err
	}
	ans, ch, err := questions.ParseAnswersFile(b, path, data)
	if err != nil {
		return advisor.View{}, err
	}
	name := path
	if ans.Person != "" {
		name += " (about " + ans.Person + ")"
	}
	return advisor.View{Name: name, Audience: ans.Audience, Choices: ch}, nil
}
