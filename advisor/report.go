package advisor

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"guidepost/questions"
)

// reportWidth is the width plain-text reports wrap to.
const reportWidth = 78

// MarshalJSON writes the scores as an object in a fixed order.
func (s Scores) MarshalJSON() ([]byte, error) {
	return []byte(`{"coaching":` + num(s.Coaching) + `,"mentoring":` + num(s.Mentoring) +
		`,"combined":` + num(s.Combined) + `}`), nil
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// WriteJSON writes r as one JSON object (CONTRACT §5), indented.
func WriteJSON(w io.Writer, r Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// report writes through a bufio.Writer and keeps the first error, so the
// formatting code reads straight through.
type report struct {
	w   *bufio.Writer
	b   *questions.Bank
	cit map[string]int // source id → number in the reference list
	ord []string
}

func newReport(w io.Writer, b *questions.Bank) *report {
	return &report{w: bufio.NewWriter(w), b: b, cit: map[string]int{}}
}

func (p *report) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

// cite returns "[1, 3]" for source ids, numbering sources as first cited.
func (p *report) cite(ids []string) string {
	nums := make([]string, 0, len(ids))
	for _, id := range ids {
		n, ok := p.cit[id]
		if !ok {
			p.ord = append(p.ord, id)
			n = len(p.ord)
			p.cit[id] = n
		}
		nums = append(nums, strconv.Itoa(n))
	}
	if len(nums) == 0 {
		return ""
	}
	return "[" + strings.Join(nums, ",") + "]" // no space: wrap never splits it
}

// wrap word-wraps text to width, indenting every line after the first by
// indent spaces.
func wrap(text string, width, indent int) string {
	var out strings.Builder
	for pi, para := range strings.Split(text, "\n") {
		if pi > 0 {
			out.WriteString("\n" + strings.Repeat(" ", indent))
		}
		col := indent
		for i, word := range strings.Fields(para) {
			n := len([]rune(word))
			if i > 0 && col+1+n > width {
				out.WriteString("\n" + strings.Repeat(" ", indent))
				col = indent
			} else if i > 0 {
				out.WriteByte(' ')
				col++
			}
			out.WriteString(word)
			col += n
		}
	}
	return out.String()
}

// Bar draws a bar of width cells for value out of full, with glyphs only
// (meaning never rests on colour).
func Bar(value, full float64, width int) string {
	n := 0
	if full > 0 && value > 0 {
		n = int(value/full*float64(width) + 0.5)
	}
	n = min(max(n, 0), width)
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

// Headline describes the confidence and coverage in one sentence.
func Headline(r Result) string {
	s := fmt.Sprintf("Confidence: %s (%.2f), from %d of %d questions answered.", r.Band, r.Confidence, r.Answered, r.Questions)
	switch {
	case r.Answered == 0:
		s += " Nothing was answered, so this is not a recommendation yet: answer at least the main need."
	case r.CloseCall:
		s += " This is a close call: the answers lean only slightly one way."
	}
	return s
}

// ChangeText describes one answer change for people.
func ChangeText(c Change, b *questions.Bank) string {
	label := c.Recommendation
	if i := b.Outcome(c.Recommendation); i >= 0 {
		label = b.Outcomes[i].Label
	}
	s := fmt.Sprintf("If %s were “%s” instead of “%s”: %s.", strings.ToLower(c.Topic), c.ToLabel, c.FromLabel, label)
	if c.Feasibility {
		s += " (This is about what can be offered, not about the need: it changes how support is delivered.)"
	}
	return s
}

// WriteText writes r as a plain-text report for someone who has never seen
// the tool.
func WriteText(w io.Writer, b *questions.Bank, r Result) error {
	r = Speak(b, r, r.Audience)
	p := newReport(w, b)
	p.printf("Guidepost recommends: %s\n\n", clean(r.Label))
	p.printf("%s\n\n%s\n\n", wrap(clean(r.Summary), reportWidth, 0), wrap(Headline(r), reportWidth, 0))
	p.textScores(r)
	p.textList("Why", reasonLines(p, r.Reasons, 6))
	p.textList("Watch out", noteLines(p, r.Cautions))
	p.textList("Next steps", noteLines(p, r.Steps))
	p.textList("What would change this", changeLines(b, r.WouldChange, 6))
	p.textList("Answers", answerLines(r.Answers))
	p.textSources()
	p.printf("Rule set: %s (%s)\n", clean(b.Title), clean(b.Name))
	return p.w.Flush()
}

func (p *report) textScores(r Result) {
	full := max(r.Scores.Coaching, r.Scores.Mentoring, 1)
	p.printf("Scores\n")
	p.printf("  Coaching   %s %s\n", Bar(r.Scores.Coaching, full, 24), num(r.Scores.Coaching))
	p.printf("  Mentoring  %s %s\n\n", Bar(r.Scores.Mentoring, full, 24), num(r.Scores.Mentoring))
}

func (p *report) textList(title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	p.printf("%s\n", title)
	for i, l := range lines {
		p.printf("  %d. %s\n", i+1, wrap(l, reportWidth, 5))
	}
	p.printf("\n")
}

func (p *report) textSources() {
	if len(p.ord) == 0 {
		return
	}
	p.printf("Sources\n")
	for i, id := range p.ord {
		if s, ok := p.b.Source(id); ok {
			p.printf("  [%d] %s\n", i+1, wrap(clean(s.Cite()), reportWidth, 6))
		}
	}
	p.printf("\n")
}

func reasonLines(p *report, rs []Reason, most int) []string {
	var out []string
	for i, r := range rs {
		if i == most {
			break
		}
		head := ""
		if r.Topic != "" {
			head = clean(r.Topic) + ": " + clean(r.Label) + ". "
		}
		out = append(out, head+clean(r.Text)+" "+p.cite(r.Sources))
	}
	return out
}

func noteLines(p *report, ns []Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, clean(n.Text)+" "+p.cite(n.Sources))
	}
	return out
}

// NoChange is said when no single answer change would alter the
// recommendation.
const NoChange = "No single answer change would change this recommendation: several answers point the same way."

func changeLines(b *questions.Bank, cs []Change, most int) []string {
	if len(cs) == 0 {
		return []string{NoChange}
	}
	var out []string
	for i, c := range cs {
		if i == most {
			out = append(out, fmt.Sprintf("… and %d more single changes.", len(cs)-most))
			break
		}
		out = append(out, clean(ChangeText(c, b)))
	}
	return out
}

func answerLines(as []Answer) []string {
	var out []string
	for _, a := range as {
		out = append(out, clean(a.Topic)+": "+clean(a.Label))
	}
	return out
}

func clean(s string) string { return questions.Clean(s) }

// WriteMarkdown writes r as a Markdown report.
func WriteMarkdown(w io.Writer, b *questions.Bank, r Result) error {
	r = Speak(b, r, r.Audience)
	p := newReport(w, b)
	p.printf("# Guidepost recommends: %s\n\n%s\n\n%s\n\n", md(r.Label), md(r.Summary), md(Headline(r)))
	full := max(r.Scores.Coaching, r.Scores.Mentoring, 1)
	p.printf("| Outcome | Score | |\n|---|---:|---|\n")
	p.printf("| Coaching | %s | `%s` |\n", num(r.Scores.Coaching), Bar(r.Scores.Coaching, full, 20))
	p.printf("| Mentoring | %s | `%s` |\n\n", num(r.Scores.Mentoring), Bar(r.Scores.Mentoring, full, 20))
	p.mdList("Why", reasonLines(p, r.Reasons, 6), true)
	p.mdList("Watch out", noteLines(p, r.Cautions), false)
	p.mdList("Next steps", noteLines(p, r.Steps), true)
	p.mdList("What would change this", changeLines(b, r.WouldChange, 6), false)
	p.mdList("Answers", answerLines(r.Answers), false)
	if len(p.ord) > 0 {
		p.printf("## Sources\n\n")
		for i, id := range p.ord {
			s, _ := b.Source(id)
			p.printf("%d. %s\n", i+1, md(s.Cite()))
		}
		p.printf("\n")
	}
	p.printf("---\nRule set: %s (%s)\n", md(b.Title), md(b.Name))
	return p.w.Flush()
}

func (p *report) mdList(title string, lines []string, numbered bool) {
	if len(lines) == 0 {
		return
	}
	p.printf("## %s\n\n", title)
	for i, l := range lines {
		if numbered {
			p.printf("%d. %s\n", i+1, md(l))
		} else {
			p.printf("- %s\n", md(l))
		}
	}
	p.printf("\n")
}

// md cleans s and escapes the characters Markdown would read as markup.
func md(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", "|", "\\|", "\n", " ")
	return r.Replace(clean(s))
}

// Learn writes the comparison of coaching and mentoring, dimension by
// dimension, each side sourced, with the places where the sources disagree.
func Learn(w io.Writer, b *questions.Bank, markdown bool) error {
	p := newReport(w, b)
	if markdown {
		p.learnMarkdown()
	} else {
		p.learnText()
	}
	return p.w.Flush()
}

func (p *report) learnText() {
	p.printf("Coaching and mentoring compared\n\n")
	for _, d := range p.b.Dimensions {
		p.printf("%s\n", clean(d.Label))
		p.printf("  Coaching:  %s\n", wrap(clean(d.Coaching.Text)+" "+p.cite(d.Coaching.Sources), reportWidth, 13))
		p.printf("  Mentoring: %s\n", wrap(clean(d.Mentoring.Text)+" "+p.cite(d.Mentoring.Sources), reportWidth, 13))
		if d.Disagreement.Text != "" {
			p.printf("  ≠ The sources differ:\n    %s\n", wrap(clean(d.Disagreement.Text)+" "+p.cite(d.Disagreement.Sources), reportWidth, 4))
		}
		p.printf("\n")
	}
	p.textSources()
}

func (p *report) learnMarkdown() {
	p.printf("# Coaching and mentoring compared\n\n| | Coaching | Mentoring |\n|---|---|---|\n")
	var notes []string
	for _, d := range p.b.Dimensions {
		p.printf("| **%s** | %s %s | %s %s |\n", md(d.Label), md(d.Coaching.Text), p.cite(d.Coaching.Sources), md(d.Mentoring.Text), p.cite(d.Mentoring.Sources))
		if d.Disagreement.Text != "" {
			notes = append(notes, fmt.Sprintf("- **%s:** %s %s", md(d.Label), md(d.Disagreement.Text), p.cite(d.Disagreement.Sources)))
		}
	}
	if len(notes) > 0 {
		p.printf("\n## Where the sources disagree\n\n%s\n", strings.Join(notes, "\n"))
	}
	p.printf("\n## Sources\n\n")
	for i, id := range p.ord {
		s, _ := p.b.Source(id)
		p.printf("%d. %s\n", i+1, md(s.Cite()))
	}
}
