package advisor

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"guidepost/questions"
)

// ReportWidth is the width, in terminal cells, plain-text reports wrap to
// unless the caller gives another (WriteTextWidth, LearnWidth).
const ReportWidth = 78

// MinReportWidth is the narrowest a plain-text report is wrapped to: a
// narrower width asked for is taken as this one.
const MinReportWidth = 20

// reportWidth is width as a report uses it: ReportWidth when width is 0 or
// less, at least MinReportWidth.
func reportWidth(width int) int {
	if width <= 0 {
		return ReportWidth
	}
	return max(width, MinReportWidth)
}

// report writes through a bufio.Writer and keeps the first error, so the
// formatting code reads straight through.
type report struct {
	w      *bufio.Writer
	width  int  // the cells text wraps to
	spoken bool // for a screen reader: no bar glyphs (see WriteSpokenText)
}

func newReport(w io.Writer, width int) *report {
	return &report{w: bufio.NewWriter(w), width: reportWidth(width)}
}

func (p *report) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

// Bar draws a bar of width cells for value out of full, with glyphs only
// (meaning never rests on colour): filled cells █, the rest ░.
func Bar(value, full float64, width int) string {
	n := 0
	if full > 0 && value > 0 {
		n = int(value/full*float64(width) + 0.5)
	}
	n = min(max(n, 0), width)
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

// WriteText writes e as a plain-text report for someone who has never seen
// the tool, wrapped to ReportWidth cells.
func WriteText(w io.Writer, e Explanation) error {
	return WriteTextWidth(w, e, ReportWidth)
}

// WriteTextWidth is WriteText wrapped to width terminal cells instead (the
// terminal's width when the report goes to one); 0 or less means
// ReportWidth, and a width under MinReportWidth is taken as that.
func WriteTextWidth(w io.Writer, e Explanation, width int) error {
	return newReport(w, width).text(e)
}

// text writes e as a plain-text report.
func (p *report) text(e Explanation) error {
	if e.Person != "" {
		p.printf("%s\n", Wrap("About: "+clean(e.Person), p.width, 0))
	}
	p.printf("%s\n", Wrap(e.Headline, p.width, 0))
	if e.Detail != "" {
		p.printf("%s\n", Wrap(e.Detail, p.width, 0))
	}
	p.printf("\n%s\n\n", Wrap(e.Summary, p.width, 0))
	p.printf("%s\n\n", Wrap(ConfidenceLabel+": "+e.ConfidenceText+". "+e.Basis, p.width, 0))
	p.textScores(e)
	for _, s := range e.Sections {
		p.textSection(s)
	}
	if len(e.Sources) > 0 {
		p.printf("%s\n", TitleSources)
		for _, c := range e.Sources {
			lead := fmt.Sprintf("  [%d] ", c.N)
			p.printf("%s%s\n", lead, Wrap(c.Text, p.width, len(lead)))
		}
		p.printf("\n")
	}
	p.printf("%s\n", Wrap("Rule set: "+e.RuleSetText(), p.width, 0))
	return p.w.Flush()
}

func (p *report) textScores(e Explanation) {
	if p.spoken {
		p.spokenScores(e)
		return
	}
	full := 1.0
	for _, s := range e.Scores {
		full = max(full, s.Value)
	}
	// The bar gives way on a narrow report, down to 8 cells.
	labelW, textW := 10, 0
	for _, s := range e.Scores {
		labelW, textW = max(labelW, Width(s.Label)), max(textW, Width(s.Text))
	}
	barW := min(max(p.width-labelW-textW-5, 8), 24)
	p.printf("Scores\n")
	for _, s := range e.Scores {
		pad := strings.Repeat(" ", labelW-Width(s.Label))
		p.printf("  %s%s %s %s\n", s.Label, pad, Bar(s.Value, full, barW), s.Text)
	}
	p.printf("\n")
}

func (p *report) textSection(s Section) {
	if len(s.Points) == 0 && s.Empty == "" {
		return
	}
	p.printf("%s\n", s.Title)
	if len(s.Points) == 0 {
		p.printf("  %s\n\n", Wrap(s.Empty, p.width, 2))
		return
	}
	for i, pt := range s.Points {
		lead := "  - "
		if s.Numbered {
			lead = fmt.Sprintf("  %d. ", i+1)
		}
		p.printf("%s%s\n", lead, Wrap(pt.Line(), p.width, len(lead)))
	}
	p.printf("\n")
}

// WriteMarkdown writes e as a Markdown report.
func WriteMarkdown(w io.Writer, e Explanation) error {
	p := newReport(w, 0)
	p.printf("# %s\n\n", Markdown(e.Headline))
	if e.Person != "" {
		p.printf("**About:** %s\n\n", Markdown(clean(e.Person)))
	}
	if e.Detail != "" {
		p.printf("%s\n\n", Markdown(e.Detail))
	}
	p.printf("%s\n\n**%s:** %s. %s\n\n", Markdown(e.Summary), ConfidenceLabel, Markdown(e.ConfidenceText), Markdown(e.Basis))
	full := 1.0
	for _, s := range e.Scores {
		full = max(full, s.Value)
	}
	p.printf("| Outcome | Points | |\n|---|---:|---|\n")
	for _, s := range e.Scores {
		p.printf("| %s | %s | `%s` |\n", Markdown(s.Label), FormatScore(s.Value), Bar(s.Value, full, 20))
	}
	p.printf("\n")
	for _, s := range e.Sections {
		if len(s.Points) == 0 && s.Empty == "" {
			continue
		}
		p.printf("## %s\n\n", Markdown(s.Title))
		if len(s.Points) == 0 {
			p.printf("%s\n\n", Markdown(s.Empty))
			continue
		}
		for i, pt := range s.Points {
			if s.Numbered {
				p.printf("%d. %s\n", i+1, mdLine(pt))
			} else {
				p.printf("- %s\n", mdLine(pt))
			}
		}
		p.printf("\n")
	}
	p.mdSources(e.Sources)
	p.printf("---\nRule set: %s\n", Markdown(e.RuleSetText()))
	return p.w.Flush()
}

func (p *report) mdSources(cs []Citation) {
	if len(cs) == 0 {
		return
	}
	p.printf("## %s\n\n", TitleSources)
	for _, c := range cs {
		p.printf("%d. %s\n", c.N, Markdown(c.Text))
	}
	p.printf("\n")
}

// mdLine is a point's line in Markdown: the sentence escaped, the
// citations as they are.
func mdLine(pt Point) string {
	if c := CiteText(pt.Cites); c != "" {
		return Markdown(pt.Sentence()) + " " + c
	}
	return Markdown(pt.Sentence())
}

// Learn writes the comparison of coaching and mentoring (see Compare), as
// text (wrapped to ReportWidth cells) or Markdown.
func Learn(w io.Writer, b *questions.Bank, markdown bool) error {
	return LearnWidth(w, b, markdown, ReportWidth)
}

// LearnWidth is Learn with its text wrapped to width terminal cells, as
// WriteTextWidth; Markdown is not wrapped.
func LearnWidth(w io.Writer, b *questions.Bank, markdown bool, width int) error {
	c := Compare(b)
	p := newReport(w, width)
	if markdown {
		p.learnMarkdown(c)
	} else {
		p.learnText(c)
	}
	return p.w.Flush()
}

func (p *report) learnText(c Comparison) {
	p.printf("%s\n%s\n\n", c.Title, Wrap(c.Intro, p.width, 0))
	width := 0
	for _, s := range []string{TitleCoaching, TitleMentoring} {
		width = max(width, Width(s))
	}
	for _, row := range c.Rows {
		p.printf("%s\n", row.Label)
		for _, side := range row.Sides() {
			if side.Name == TitleDiffer {
				p.printf("  ≠ %s:\n    %s\n", side.Name, Wrap(side.Point.Line(), p.width, 4))
				continue
			}
			lead := "  " + side.Name + ":" + strings.Repeat(" ", width-Width(side.Name)) + " "
			p.printf("%s%s\n", lead, Wrap(side.Point.Line(), p.width, Width(lead)))
		}
		p.printf("\n")
	}
	if len(c.Sources) > 0 {
		p.printf("%s\n", TitleSources)
		for _, s := range c.Sources {
			lead := fmt.Sprintf("  [%d] ", s.N)
			p.printf("%s%s\n", lead, Wrap(s.Text, p.width, len(lead)))
		}
		p.printf("\n")
	}
}

func (p *report) learnMarkdown(c Comparison) {
	p.printf("# %s\n\n%s\n\n| | %s | %s |\n|---|---|---|\n", Markdown(c.Title), Markdown(c.Intro), TitleCoaching, TitleMentoring)
	var notes []string
	for _, row := range c.Rows {
		p.printf("| **%s** | %s | %s |\n", Markdown(row.Label), mdLine(row.Coaching), mdLine(row.Mentoring))
		if row.Differ != nil {
			notes = append(notes, fmt.Sprintf("- **%s:** %s", Markdown(row.Label), mdLine(*row.Differ)))
		}
	}
	if len(notes) > 0 {
		p.printf("\n## %s\n\n%s\n", TitleDiffer, strings.Join(notes, "\n"))
	}
	p.printf("\n")
	p.mdSources(c.Sources)
}
