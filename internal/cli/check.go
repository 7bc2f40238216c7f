package cli

// guidepost check [FILE]: validate a rule set.

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"guidepost/questions"
)

func (a *app) checkCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "check [FILE]",
		Short: "Validate a rule set (default: the one in use)",
		Long: "Check validates a rule set: FILE, else the one in use (--rules, else " +
			"$XDG_CONFIG_HOME/guidepost/rules.toml where it exists, else the built-in one). " +
			"It prints a summary and every warning: questionable texts, what the engine " +
			"found about the weights, and each id of the public contract a custom rule set " +
			"lacks (answer files and spreadsheets that use it would stop working). " +
			"A rule set with errors exits 1, naming the file and line of each.",
		Example: `
guidepost check
guidepost check mine.toml`,
		ValidArgsFunction: cobra.FixedCompletions(nil, cobra.ShellCompDirectiveDefault),
		RunE: a.action(1, func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				a.opt.rules = args[0]
			}
			b, warnings, err := a.loadBank()
			if err != nil {
				return err
			}
			return printCheck(a.out, b, append(append(b.Warnings(), warnings...), contractGaps(b)...))
		}),
	}
	return c
}

// printCheck reports a valid rule set and its warnings, one a line, each
// placed where its text says (the rule set, or the rule set and a line).
// Its error is the output's.
func printCheck(w io.Writer, b *questions.Bank, warnings []string) error {
	out := bufio.NewWriter(w)
	core := len(b.Asked(true))
	fmt.Fprintf(out, "%s: ok (%d questions, %d core; %d rules, %d cautions, %d sources)\n",
		questions.Clean(b.Name), len(b.Questions), core, len(b.Rules), len(b.Cautions), len(b.Sources))
	for _, warning := range warnings {
		where, what := placeWarning(b.Name, warning)
		fmt.Fprintf(out, "%s: warning: %s\n", questions.Clean(where), questions.Clean(what))
	}
	if err := out.Flush(); err != nil {
		return outputError(err)
	}
	return nil
}

// placeWarning splits a warning that starts with the rule set's name (and
// perhaps a line number) into that place and the text.
func placeWarning(name, warning string) (where, what string) {
	rest, ok := strings.CutPrefix(warning, name+":")
	if !ok {
		return name, warning
	}
	if text, ok := strings.CutPrefix(rest, " "); ok {
		return name, text
	}
	if line, text, ok := strings.Cut(rest, ": "); ok && line != "" && strings.Trim(line, "0123456789") == "" {
		return name + ":" + line, text
	}
	return name, warning
}

// contractGaps returns, for a custom rule set, one warning for each id of
// the public contract (CONTRACT §1: question, option or caution) it lacks,
// saying which answer files and spreadsheets stop working. The embedded
// rule set is held to the whole contract by its tests.
func contractGaps(b *questions.Bank) []string {
	if b.Name == embeddedName {
		return nil
	}
	return questions.ContractGaps(b)
}
