package batch

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

const summaryTitle = "Guidepost batch summary"

// heading returns a section's title: the group ("team: Sales") or "All
// rows".
func (s *summary) heading(t *tally) string {
	if t == s.all {
		return t.name
	}
	return s.by + ": " + t.name
}

func (s *summary) writeText() {
	title := summaryTitle
	if s.by != "" {
		title += ", by " + s.by
	}
	s.w.WriteString(title + "\n")
	for _, t := range s.sections() {
		s.textSection(t)
	}
}

func (s *summary) textSection(t *tally) {
	w := s.w
	head := s.heading(t)
	fmt.Fprintf(w, "\n%s\n%s\n", head, strings.Repeat("=", utf8.RuneCountInString(head)))
	fmt.Fprintf(w, "Rows: %d (%d scored, %d failed)\n", t.rows, t.scored(), t.failed)
	if t.failed > 0 {
		w.WriteString(wrap("Failed: "+t.failedList(), summaryWidth, 2))
	}
	if t.scored() > 0 {
		fmt.Fprintf(w, "Average confidence: %.2f\n", t.avgConfidence())
	}
	w.WriteString("\nStatus\n")
	writeItems(w, s.statusItems(t))
	w.WriteString("\nRecommendations\n")
	for _, line := range s.chart(t) {
		w.WriteString("  " + line + "\n")
	}
	if needs := s.topNeeds(t); len(needs) > 0 {
		w.WriteString("\nMost frequent needs\n")
		writeItems(w, needs)
	}
	if cautions := s.topCautions(t); len(cautions) > 0 {
		w.WriteString("\nCautions\n")
		for _, it := range cautions {
			fmt.Fprintf(w, "  %s (%d %s)\n", it.name, it.count, plural(it.count, "row", "rows"))
			w.WriteString(wrap("    "+it.text, summaryWidth, 4))
		}
	}
	advice, notes := s.suggest(t)
	w.WriteString("\n" + wrap("Suggestion: "+advice, summaryWidth, 2))
	for _, n := range notes {
		w.WriteString(wrap("Note: "+n, summaryWidth, 2))
	}
}

// writeItems writes items as aligned lines: name, count, text.
func writeItems(w interface{ WriteString(string) (int, error) }, items []item) {
	nameW, countW := 0, 0
	for _, it := range items {
		nameW = max(nameW, utf8.RuneCountInString(it.name))
		countW = max(countW, len(fmt.Sprint(it.count)))
	}
	for _, it := range items {
		pad := strings.Repeat(" ", nameW-utf8.RuneCountInString(it.name))
		line := fmt.Sprintf("  %s%s  %*d", it.name, pad, countW, it.count)
		if it.text != "" {
			line += "  " + it.text
		}
		w.WriteString(line + "\n")
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// wrap breaks text into lines of at most width runes at spaces, every
// line after the first indented by indent spaces, each ending in a line
// break. A word longer than a line stays whole on its own line.
func wrap(text string, width, indent int) string {
	var b strings.Builder
	lead := len(text) - len(strings.TrimLeft(text, " "))
	b.WriteString(text[:lead])
	col := lead
	for i, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case i == 0:
		case col+1+n > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			col = indent
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	b.WriteByte('\n')
	return b.String()
}

func (s *summary) writeMarkdown() {
	title := summaryTitle
	if s.by != "" {
		title += ", by " + mdEscape(s.by)
	}
	s.w.WriteString("# " + title + "\n")
	for _, t := range s.sections() {
		s.markdownSection(t)
	}
}

func (s *summary) markdownSection(t *tally) {
	w := s.w
	fmt.Fprintf(w, "\n## %s\n\n", mdEscape(s.heading(t)))
	fmt.Fprintf(w, "%d rows: %d scored, %d failed.", t.rows, t.scored(), t.failed)
	if t.failed > 0 {
		fmt.Fprintf(w, " Failed: %s.", mdEscape(t.failedList()))
	}
	if t.scored() > 0 {
		fmt.Fprintf(w, " Average confidence: %.2f.", t.avgConfidence())
	}
	w.WriteString("\n\n| Status | Rows | Share |\n|---|--:|--:|\n")
	for _, it := range s.statusItems(t) {
		fmt.Fprintf(w, "| %s | %d | %d%% |\n", mdEscape(it.name), it.count, percent(it.count, t.scored()))
	}
	w.WriteString("\n| Recommendation | Rows | Share |\n|---|--:|--:|\n")
	for i, o := range s.b.Outcomes {
		fmt.Fprintf(w, "| %s | %d | %d%% |\n", o.ID, t.outcomes[i], percent(t.outcomes[i], t.scored()))
	}
	w.WriteString("\n```text\n" + strings.Join(s.chart(t), "\n") + "\n```\n")
	if needs := s.topNeeds(t); len(needs) > 0 {
		w.WriteString("\n| Most frequent needs | Rows |\n|---|--:|\n")
		for _, it := range needs {
			fmt.Fprintf(w, "| %s | %d |\n", mdEscape(it.name), it.count)
		}
	}
	if cautions := s.topCautions(t); len(cautions) > 0 {
		w.WriteString("\n| Caution | Rows | About |\n|---|--:|---|\n")
		for _, it := range cautions {
			fmt.Fprintf(w, "| `%s` | %d | %s |\n", it.name, it.count, mdEscape(it.text))
		}
	}
	advice, notes := s.suggest(t)
	fmt.Fprintf(w, "\n**Suggestion:** %s\n", advice)
	if len(notes) > 0 {
		w.WriteString("\n")
	}
	for _, n := range notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
}

// mdEscaper escapes the characters that Markdown (and its tables) would
// read as markup.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`,
)

// mdEscape escapes s for Markdown text.
func mdEscape(s string) string { return mdEscaper.Replace(s) }
