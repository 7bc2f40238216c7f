package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/advisor"
)

// resultText lays out the explanation for the result screen at the
// layout's width: the same headline, sections and points, in the same
// order, as the saved reports. It runs when the result or the width
// changes, never in View.
func resultText(e advisor.Explanation, c *common) string {
	parts := []string{headline(e, c), scores(e, c)}
	for _, s := range e.Sections {
		if s.ID == advisor.SectionAnswers {
			continue // the review screen shows the answers
		}
		parts = append(parts, section(s, c))
	}
	parts = append(parts, sourceList(e.Sources, c))
	return joinBlocks(parts)
}

// joinBlocks joins the non-empty blocks of a text with a blank line
// between each two.
func joinBlocks(blocks []string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// hangText wraps text after prefix with advisor.Wrap, the one wrap every
// output uses, indenting the following lines under the text.
func hangText(prefix, text string, w int) string {
	pw := ansi.StringWidth(prefix)
	return prefix + advisor.Wrap(Sanitize(text), max(w, pw+1), pw)
}

// headline leads with the kind of call, then what it means and the
// outcome's summary.
func headline(e advisor.Explanation, c *common) string {
	s, w := c.styles, c.lay.text
	out := []string{s.Rec.Render(hangText("", e.Headline, w))}
	if e.Detail != "" {
		out = append(out, hangText("", e.Detail, w))
	}
	if e.Summary != "" {
		out = append(out, "", s.Muted.Render(hangText("", e.Summary, w)))
	}
	return strings.Join(out, "\n")
}

// scores draws a bar for coaching and mentoring with the points beside
// each, the confidence in words and figures, and how much was answered.
func scores(e advisor.Explanation, c *common) string {
	s, w := c.styles, c.lay.text
	full, labelW := 1.0, 0
	for _, l := range e.Scores {
		full = max(full, l.Value)
		labelW = max(labelW, ansi.StringWidth(Sanitize(l.Label)))
	}
	barW := min(max(w-labelW-len(" 99.5 points")-2, 4), 40)
	out := []string{s.Heading.Render("Scores")}
	for _, l := range e.Scores {
		fill := s.Coaching
		if l.Outcome != "coaching" {
			fill = s.Mentoring
		}
		label := Sanitize(l.Label)
		label += strings.Repeat(" ", labelW-ansi.StringWidth(label))
		out = append(out, label+"  "+bar(advisor.Bar(l.Value, full, barW), fill, s)+" "+l.Text)
	}
	out = append(out, hangText("", advisor.ConfidenceLabel+": "+e.ConfidenceText, w), s.Muted.Render(hangText("", e.Basis, w)))
	return strings.Join(out, "\n")
}

// bar colours a bar drawn by advisor.Bar: its filled cells in fill, the
// rest as the track. The glyphs carry the meaning without colour.
func bar(cells string, fill lipgloss.Style, s *Styles) string {
	filled := strings.TrimRight(cells, "░")
	return fill.Render(filled) + s.Track.Render(cells[len(filled):])
}

// section is one list of the explanation; cautions are set apart in a box
// under a "⚠" heading: the glyph and the border carry the warning without
// colour.
func section(sec advisor.Section, c *common) string {
	s, w := c.styles, c.lay.text
	if len(sec.Points) == 0 && sec.Empty == "" {
		return ""
	}
	caution := sec.ID == advisor.SectionCautions
	if caution {
		w -= s.Caution.GetHorizontalFrameSize()
	}
	head := s.Heading.Render(Sanitize(sec.Title))
	if caution {
		head = s.Warn.Render("⚠ " + Sanitize(sec.Title))
	}
	out := []string{head}
	if len(sec.Points) == 0 {
		out = append(out, s.Muted.Render(hangText("", sec.Empty, w)))
	}
	numW := len(strconv.Itoa(len(sec.Points)))
	for i, p := range sec.Points {
		prefix := "• "
		if sec.Numbered { // right-aligned, so that 9. sits over 10.
			n := strconv.Itoa(i + 1)
			prefix = strings.Repeat(" ", numW-len(n)) + n + ". "
		}
		out = append(out, hangText(prefix, p.Line(), w))
	}
	text := strings.Join(out, "\n")
	if caution {
		return s.Caution.Render(text)
	}
	return text
}

// sourceList cites in full, by number, every source the screen cites.
func sourceList(cs []advisor.Citation, c *common) string {
	if len(cs) == 0 {
		return ""
	}
	out := []string{c.styles.Heading.Render(advisor.TitleSources)}
	for _, s := range cs {
		out = append(out, c.styles.Muted.Render(hangText("["+strconv.Itoa(s.N)+"] ", s.Text, c.lay.text)))
	}
	return strings.Join(out, "\n")
}
