package batch

import (
	"fmt"
	"strings"

	"guidepost/advisor"
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
	p := s.withhold()
	for _, t := range s.sections() {
		if t == s.all {
			if line := p.withheldLine(); line != "" {
				s.w.WriteString("\n" + advisor.Wrap(line, s.width, 0) + "\n")
			}
		}
		if p.hidden[t] && t != s.all {
			continue
		}
		s.textSection(t, p)
	}
}

func (s *summary) textSection(t *tally, p privacy) {
	w := s.w
	head := s.heading(t)
	fmt.Fprintf(w, "\n%s\n%s\n", head, strings.Repeat("=", advisor.Width(head)))
	fmt.Fprintf(w, "Rows: %d (%d scored, %d failed)\n", t.rows, t.scored(), t.failed)
	if t.failed > 0 {
		w.WriteString(advisor.Wrap("Failed: "+t.failedList(), s.width, 2) + "\n")
	}
	if p.hidden[t] {
		w.WriteString(advisor.Wrap(p.allLine(t), s.width, 0) + "\n")
		return
	}
	if t.scored() > 0 {
		fmt.Fprintf(w, "Average confidence: %.2f\n", t.avgConfidence())
	}
	w.WriteString("\nStatus\n")
	writeItems(w, s.statusItems(t))
	if routes := s.routeItems(t); len(routes) > 0 {
		w.WriteString("\nOther route first\n")
		writeItems(w, routes)
	}
	w.WriteString("\nRecommendations\n")
	for _, line := range s.chart(t) {
		w.WriteString("  " + line + "\n")
	}
	if n := s.notCalls(t); n != "" {
		w.WriteString("  " + advisor.Wrap(n, s.width, 2) + "\n")
	}
	if needs := s.topNeeds(t); len(needs) > 0 {
		w.WriteString("\nMost frequent needs\n")
		writeItems(w, needs)
	}
	if cautions := s.topCautions(t); len(cautions) > 0 {
		w.WriteString("\nCautions\n")
		for _, it := range cautions {
			fmt.Fprintf(w, "  %s (%d %s)\n", it.name, it.count, plural(it.count, "row", "rows"))
			w.WriteString("    " + advisor.Wrap(it.text, s.width, 4) + "\n")
		}
	}
	advice, notes := s.suggest(t)
	w.WriteString("\n" + advisor.Wrap("Suggestion: "+advice, s.width, 2) + "\n")
	for _, n := range notes {
		w.WriteString(advisor.Wrap("Note: "+n, s.width, 2) + "\n")
	}
}

// writeItems writes items as aligned lines: name, count, text.
func writeItems(w interface{ WriteString(string) (int, error) }, items []item) {
	nameW, countW := 0, 0
	for _, it := range items {
		nameW = max(nameW, advisor.Width(it.name))
		countW = max(countW, len(fmt.Sprint(it.count)))
	}
	for _, it := range items {
		pad := strings.Repeat(" ", nameW-advisor.Width(it.name))
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

func (s *summary) writeMarkdown() {
	title := summaryTitle
	if s.by != "" {
		title += ", by " + advisor.Markdown(s.by)
	}
	s.w.WriteString("# " + title + "\n")
	p := s.withhold()
	for _, t := range s.sections() {
		if t == s.all {
			if line := p.withheldLine(); line != "" {
				s.w.WriteString("\n" + advisor.Markdown(line) + "\n")
			}
		}
		if p.hidden[t] && t != s.all {
			continue
		}
		s.markdownSection(t, p)
	}
}

func (s *summary) markdownSection(t *tally, p privacy) {
	w := s.w
	fmt.Fprintf(w, "\n## %s\n\n", advisor.Markdown(s.heading(t)))
	fmt.Fprintf(w, "%d %s: %d scored, %d failed.", t.rows, plural(t.rows, "row", "rows"), t.scored(), t.failed)
	if t.failed > 0 {
		fmt.Fprintf(w, " Failed: %s.", advisor.Markdown(t.failedList()))
	}
	if t.scored() > 0 {
		fmt.Fprintf(w, " Average confidence: %.2f.", t.avgConfidence())
	}
	if p.hidden[t] {
		w.WriteString("\n\n" + advisor.Markdown(p.allLine(t)) + "\n")
		return
	}
	w.WriteString("\n\n| Status | Rows | Share |\n|---|--:|--:|\n")
	for _, it := range s.statusItems(t) {
		fmt.Fprintf(w, "| %s | %d | %d%% |\n", advisor.Markdown(it.name), it.count, percent(it.count, t.scored()))
	}
	if routes := s.routeItems(t); len(routes) > 0 {
		w.WriteString("\n| Other route first | Rows |\n|---|--:|\n")
		for _, it := range routes {
			fmt.Fprintf(w, "| %s | %d |\n", advisor.Markdown(it.name), it.count)
		}
	}
	w.WriteString("\n| Recommendation | Rows | Share |\n|---|--:|--:|\n")
	for i, o := range s.b.Outcomes {
		fmt.Fprintf(w, "| %s | %d | %d%% |\n", o.ID, t.calls[i], percent(t.calls[i], t.called()))
	}
	w.WriteString("\n```text\n" + strings.Join(s.chart(t), "\n") + "\n```\n")
	if n := s.notCalls(t); n != "" {
		w.WriteString("\n" + advisor.Markdown(n) + "\n")
	}
	if needs := s.topNeeds(t); len(needs) > 0 {
		w.WriteString("\n| Most frequent needs | Rows |\n|---|--:|\n")
		for _, it := range needs {
			fmt.Fprintf(w, "| %s | %d |\n", advisor.Markdown(it.name), it.count)
		}
	}
	if cautions := s.topCautions(t); len(cautions) > 0 {
		w.WriteString("\n| Caution | Rows | About |\n|---|--:|---|\n")
		for _, it := range cautions {
			fmt.Fprintf(w, "| `%s` | %d | %s |\n", it.name, it.count, advisor.Markdown(it.text))
		}
	}
	advice, notes := s.suggest(t)
	fmt.Fprintf(w, "\n**Suggestion:** %s\n", advisor.Markdown(advice))
	if len(notes) > 0 {
		w.WriteString("\n")
	}
	for _, n := range notes {
		fmt.Fprintf(w, "- %s\n", advisor.Markdown(n))
	}
}
