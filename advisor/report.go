package advisor

import (
	"bufio"
	"encoding/json"
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

// MarshalJSON writes the scores as an object in a fixed order.
func (s Scores) MarshalJSON() ([]byte, error) {
	return []byte(`{"coaching":` + FormatScore(s.Coaching) + `,"mentoring":` + FormatScore(s.Mentoring) +
		`,"combined":` + FormatScore(s.Combined) + `}`), nil
}

// jsonReport is the JSON form of a result (CONTRACT §5): the contract's
// fields, with their texts taken from the explanation, and more.
type jsonReport struct {
	Recommendation string             `json:"recommendation"`
	Status         Status             `json:"status"`
	Route          string             `json:"route"`
	RouteLabel     string             `json:"route_label,omitempty"`
	StatusText     string             `json:"status_text"`
	Headline       string             `json:"headline"`
	Detail         string             `json:"detail,omitempty"`
	Label          string             `json:"label"`
	Summary        string             `json:"summary"`
	Scores         Scores             `json:"scores"`
	Confidence     float64            `json:"confidence"`
	ConfidenceText string             `json:"confidence_text"`
	Band           string             `json:"confidence_band"`
	CloseCall      bool               `json:"close_call"`
	Answered       int                `json:"answered"`
	Questions      int                `json:"questions"`
	Reasons        []jsonReason       `json:"reasons"`
	Against        []jsonReason       `json:"against"`
	Cautions       []Note             `json:"cautions"`
	NextSteps      []string           `json:"next_steps"`
	Steps          []Note             `json:"next_steps_sourced"`
	WouldChange    []jsonChange       `json:"would_change"`
	Audience       questions.Audience `json:"audience,omitempty"`
	Answers        []Answer           `json:"answers"`
	RuleSet        string             `json:"rule_set"`
}

type jsonReason struct {
	Question   string   `json:"question,omitempty"`
	Option     string   `json:"option,omitempty"`
	Rule       string   `json:"rule,omitempty"`
	Topic      string   `json:"topic,omitempty"`
	Label      string   `json:"label,omitempty"`
	Text       string   `json:"text"`
	Sources    []string `json:"sources"`
	Toward     string   `json:"toward"`
	Weight     float64  `json:"weight"`
	WeightText string   `json:"weight_text"`
}

type jsonChange struct {
	Change
	// Text is the change's question group in words, as the other outputs
	// say it.
	Text string `json:"text"`
}

// WriteJSON writes r as one JSON object (CONTRACT §5), indented.
func WriteJSON(w io.Writer, b *questions.Bank, r Result) error {
	e := Explain(b, r)
	j := jsonReport{
		Recommendation: r.Recommendation, Status: e.Status, Route: r.Route, RouteLabel: e.RouteLabel, StatusText: e.StatusText,
		Headline: e.Headline, Detail: e.Detail, Label: e.Label, Summary: e.Summary,
		Scores: r.Scores, Confidence: e.Confidence, ConfidenceText: e.ConfidenceText,
		Band: Band(e.Confidence), CloseCall: r.CloseCall, Answered: r.Answered, Questions: r.Questions,
		Reasons:  jsonReasons(r.Reasons, e.Section(SectionFor).Points),
		Against:  jsonReasons(r.Against, e.Section(SectionAgainst).Points),
		Cautions: []Note{}, NextSteps: []string{}, Steps: []Note{}, WouldChange: []jsonChange{},
		Audience: r.Audience, Answers: r.Answers, RuleSet: r.RuleSet,
	}
	for i, p := range e.Section(SectionCautions).Points {
		j.Cautions = append(j.Cautions, Note{ID: r.Cautions[i].ID, Text: p.Text, Sources: sourceIDs(e, p.Cites)})
	}
	for _, p := range e.Section(SectionSteps).Points {
		j.NextSteps = append(j.NextSteps, p.Text)
		j.Steps = append(j.Steps, Note{ID: p.ID, Text: p.Text, Sources: sourceIDs(e, p.Cites)})
	}
	groups := map[string]string{}
	for _, p := range e.Section(SectionChanges).Points {
		groups[p.Question] = p.Line()
	}
	for _, c := range r.WouldChange {
		j.WouldChange = append(j.WouldChange, jsonChange{c, groups[c.Question]})
	}
	if j.Answers == nil {
		j.Answers = []Answer{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

func jsonReasons(rs []Reason, ps []Point) []jsonReason {
	out := make([]jsonReason, len(rs))
	for i, r := range rs {
		out[i] = jsonReason{Question: r.Question, Option: r.Option, Rule: r.Rule, Topic: clean(r.Topic), Label: clean(r.Label),
			Text: ps[i].Text, Sources: ids(r.Sources), Toward: r.Toward, Weight: r.Weight, WeightText: ps[i].Weight}
	}
	return out
}

// sourceIDs maps citation numbers back to source ids.
func sourceIDs(e Explanation, nums []int) []string {
	out := []string{}
	for _, n := range nums {
		if n >= 1 && n <= len(e.Sources) {
			out = append(out, e.Sources[n-1].ID)
		}
	}
	return out
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

// WriteText writes r as a plain-text report for someone who has never seen
// the tool, wrapped to ReportWidth cells.
func WriteText(w io.Writer, b *questions.Bank, r Result) error {
	return WriteTextWidth(w, b, r, ReportWidth)
}

// WriteTextWidth is WriteText wrapped to width terminal cells instead (the
// terminal's width when the report goes to one); 0 or less means
// ReportWidth, and a width under MinReportWidth is taken as that.
func WriteTextWidth(w io.Writer, b *questions.Bank, r Result, width int) error {
	return newReport(w, width).text(b, r)
}

// text writes r as a plain-text report.
func (p *report) text(b *questions.Bank, r Result) error {
	e := Explain(b, r)
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
	p.printf("%s\n", Wrap("Rule set: "+e.RuleSet, p.width, 0))
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

// WriteMarkdown writes r as a Markdown report.
func WriteMarkdown(w io.Writer, b *questions.Bank, r Result) error {
	e := Explain(b, r)
	p := newReport(w, 0)
	p.printf("# %s\n\n", Markdown(e.Headline))
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
	p.printf("---\nRule set: %s\n", Markdown(e.RuleSet))
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
