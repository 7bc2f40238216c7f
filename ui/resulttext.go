package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// resultText formats r for the result screen at the layout's width. It
// runs when the result or the width changes, never in View.
func resultText(r advisor.Result, c *common) string {
	sections := []string{
		recommendation(r, c),
		cautions(r, c), // before the detail: a caution can change what to do first
		scores(r, c),
		reasons(r, c),
		nextSteps(r, c),
		wouldChange(r, c),
		sourceList(r, c),
	}
	var out []string
	for _, s := range sections {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

func recommendation(r advisor.Result, c *common) string {
	s, w := c.styles, c.lay.text
	text := s.Muted.Render("We recommend") + "\n" + s.Rec.Render(wrap(outcomeLabel(c, r.Recommendation, r.Label), w))
	if r.Summary != "" {
		text += "\n" + wrap(Sanitize(r.Summary), w)
	}
	return text
}

// scores draws a bar for coaching and mentoring with the number beside
// each, and the confidence in words and as a number.
func scores(r advisor.Result, c *common) string {
	s, w := c.styles, c.lay.text
	top := max(r.Scores.Coaching, r.Scores.Mentoring, 1)
	barW := min(max(w-len("Mentoring  ")-6, 4), 40)
	out := []string{
		s.Heading.Render("Scores"),
		"Coaching   " + bar(r.Scores.Coaching/top, barW, s.Coaching, s) + " " + score(r.Scores.Coaching),
		"Mentoring  " + bar(r.Scores.Mentoring/top, barW, s.Mentoring, s) + " " + score(r.Scores.Mentoring),
		wrap(fmt.Sprintf("Confidence: %s (%d%%)", bandOr(r.Band), int(r.Confidence*100+0.5)), w),
	}
	if r.CloseCall {
		out = append(out, wrap("A close call: the two scores are near each other.", w))
	}
	if r.Questions > 0 {
		out = append(out, s.Muted.Render(wrap(fmt.Sprintf("Based on %d of %d questions answered (unsure counts as no answer).", r.Answered, r.Questions), w)))
	}
	return strings.Join(out, "\n")
}

func reasons(r advisor.Result, c *common) string {
	if len(r.Reasons) == 0 {
		return ""
	}
	s, w := c.styles, c.lay.text
	out := []string{c.styles.Heading.Render("Why")}
	for _, x := range r.Reasons[:min(len(r.Reasons), maxReasons)] {
		out = append(out, hang("• ", Sanitize(x.Text), w))
		if x.Topic != "" {
			out = append(out, s.Muted.Render(hang("  ", Sanitize(x.Topic+": "+x.Label)+toward(x), w)))
		}
		out = append(out, sources(c, x.Sources, "  ", w))
	}
	return strings.Join(compact(out), "\n")
}

// cautions are set apart in a box under a "⚠ Watch out" heading: the
// glyph and the border carry the warning without colour.
func cautions(r advisor.Result, c *common) string {
	if len(r.Cautions) == 0 {
		return ""
	}
	s := c.styles
	inner := c.lay.text - s.Caution.GetHorizontalFrameSize()
	out := []string{s.Warn.Render("⚠ Watch out")}
	for _, n := range r.Cautions {
		out = append(out, hang("• ", Sanitize(n.Text), inner), sources(c, n.Sources, "  ", inner))
	}
	return s.Caution.Render(strings.Join(compact(out), "\n"))
}

func nextSteps(r advisor.Result, c *common) string {
	if len(r.NextSteps) == 0 {
		return ""
	}
	out := []string{c.styles.Heading.Render("Next steps")}
	for i, t := range r.NextSteps {
		out = append(out, hang(fmt.Sprintf("%d. ", i+1), Sanitize(t), c.lay.text))
	}
	return strings.Join(out, "\n")
}

func wouldChange(r advisor.Result, c *common) string {
	out := []string{c.styles.Heading.Render("What would change this")}
	if len(r.WouldChange) == 0 {
		out = append(out, wrap(advisor.NoChange, c.lay.text))
		return strings.Join(out, "\n")
	}
	for i, ch := range r.WouldChange {
		if i == maxChanges {
			out = append(out, c.styles.Muted.Render(hang("  ", fmt.Sprintf("… and %d more single changes (see the saved report)", len(r.WouldChange)-i), c.lay.text)))
			break
		}
		line := fmt.Sprintf("If %s were “%s” → %s", Sanitize(ch.Topic), Sanitize(ch.ToLabel), outcomeLabel(c, ch.Recommendation, ""))
		if ch.Feasibility {
			line += " (what the organisation can offer)"
		}
		out = append(out, hang("• ", line, c.lay.text))
	}
	return strings.Join(out, "\n")
}

// maxChanges is how many answer changes the result screen lists.
const maxChanges = 6

// sourceList cites in full every source the screen names in short.
func sourceList(r advisor.Result, c *common) string {
	var ids []string
	seen := map[string]bool{}
	add := func(list []string) {
		for _, id := range list {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, n := range r.Cautions {
		add(n.Sources)
	}
	for _, x := range r.Reasons[:min(len(r.Reasons), maxReasons)] {
		add(x.Sources)
	}
	if len(ids) == 0 {
		return ""
	}
	out := []string{c.styles.Heading.Render("Sources")}
	for _, id := range ids {
		if src, ok := c.bank.Source(id); ok {
			out = append(out, citeLine(c, src))
		}
	}
	return strings.Join(out, "\n")
}

// outcomeLabel names an outcome by its label in the bank, else label,
// else its id.
func outcomeLabel(c *common, id, label string) string {
	if i := c.bank.Outcome(id); i >= 0 && c.bank.Outcomes[i].Label != "" {
		return Sanitize(c.bank.Outcomes[i].Label)
	}
	if label != "" {
		return Sanitize(label)
	}
	if id == "" {
		return "No recommendation"
	}
	return Sanitize(id)
}

// sources names sources in short on one wrapped line; sourceList cites
// them in full at the end of the screen.
func sources(c *common, ids []string, prefix string, w int) string {
	if len(ids) == 0 {
		return ""
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if src, ok := c.bank.Source(id); ok {
			names[i] = src.Name()
		}
	}
	return c.styles.Muted.Render(hang(prefix+"Sources: ", Sanitize(strings.Join(names, ", ")), w))
}

// citeLine cites a source in full for a source list, led by the short
// name used inline when that differs from the publisher.
func citeLine(c *common, src questions.Source) string {
	text := src.Cite()
	if src.Name() != src.Publisher {
		text = src.Name() + ": " + text
	}
	return c.styles.Muted.Render(hang("• ", Sanitize(text), c.lay.text))
}

func toward(x advisor.Reason) string {
	if x.Toward == "" || x.Weight == 0 {
		return ""
	}
	return fmt.Sprintf(" · toward %s, %s", Sanitize(x.Toward), score(x.Weight))
}

// bar is a bar of frac×w cells; its number is printed beside it.
func bar(frac float64, w int, fill lipgloss.Style, s Styles) string {
	n := min(max(int(frac*float64(w)+0.5), 0), w)
	return fill.Render(strings.Repeat("█", n)) + s.Track.Render(strings.Repeat("░", w-n))
}

func score(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%.1f", v)
}

func bandOr(b string) string {
	if b == "" {
		return "unknown"
	}
	return Sanitize(b)
}

// compact drops empty lines.
func compact(ls []string) []string {
	out := ls[:0]
	for _, l := range ls {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
