package advisor

import "guidepost/questions"

// Comparison is "guidepost learn" told once: coaching and mentoring side by
// side, one row a dimension of the rule set, each side sourced, with where
// the sources disagree. The CLI's text and Markdown and the TUI's learn
// screen only lay it out.
type Comparison struct {
	Title string
	Intro string
	Rows  []Row
	// Sources lists every source cited, numbered in order of first
	// citation through the rows.
	Sources []Citation
}

// Row is one dimension of the comparison; Differ is nil where the sources
// agree.
type Row struct {
	Label     string
	Coaching  Point
	Mentoring Point
	Differ    *Point
}

// Side is one named side of a row.
type Side struct {
	Name  string
	Point Point
}

// Names of a row's sides, the same in every output.
const (
	TitleCoaching  = "Coaching"
	TitleMentoring = "Mentoring"
	TitleDiffer    = "Where the sources differ"
)

// Sides lists the row's sides that have text, in order: coaching,
// mentoring, then where the sources differ.
func (r Row) Sides() []Side {
	var out []Side
	if r.Coaching.Text != "" {
		out = append(out, Side{TitleCoaching, r.Coaching})
	}
	if r.Mentoring.Text != "" {
		out = append(out, Side{TitleMentoring, r.Mentoring})
	}
	if r.Differ != nil {
		out = append(out, Side{TitleDiffer, *r.Differ})
	}
	return out
}

// Compare builds the comparison of coaching and mentoring from b's
// dimensions.
func Compare(b *questions.Bank) Comparison {
	x := explainer{b: b, cit: map[string]int{}}
	c := Comparison{
		Title: "Coaching and mentoring compared",
		Intro: "What the sources say, point by point, and where they disagree.",
	}
	point := func(s questions.Step) Point {
		return Point{Text: clean(s.Text), Cites: x.cite(s.Sources)}
	}
	for _, d := range b.Dimensions {
		row := Row{Label: clean(d.Label), Coaching: point(d.Coaching), Mentoring: point(d.Mentoring)}
		if d.Disagreement.Text != "" {
			p := point(d.Disagreement)
			row.Differ = &p
		}
		c.Rows = append(c.Rows, row)
	}
	c.Sources = x.srcs
	return c
}
