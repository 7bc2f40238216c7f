package advisor

import (
	"sort"
	"strconv"
	"strings"

	"guidepost/questions"
)

// Explanation is a result told for people: everything every output shows,
// in the order it shows it, worded once. The text, Markdown and JSON
// reports, the TUI's result screen and the batch summary only lay it out;
// none words a result on its own. Every text in it is clean (see
// questions.Clean); a renderer only escapes for its format.
type Explanation struct {
	// Status is the kind of call; StatusText names it in words and
	// Headline, which every output leads with, starts with it.
	Status     Status
	StatusText string
	Headline   string
	// Detail says what the status means for this result and what to do
	// about it; empty for a clear call.
	Detail string

	// Route is the other route that comes first ("" for none), and
	// RouteLabel its label; with status another_route the summary is the
	// route's.
	Route, RouteLabel string

	Recommendation string // the outcome id: the recommendation, or the leaning
	Label          string // the outcome's label
	Summary        string

	Confidence float64
	// ConfidenceText is the confidence in words and figures, the one
	// formatting every output uses: "moderate (62%)".
	ConfidenceText string
	// Basis says how much was answered.
	Basis string

	Scores []ScoreLine

	// Sections are the lists, in the order every output shows them: why,
	// what pulled the other way, watch out, next steps, what would change
	// this, the answers.
	Sections []Section

	// Sources lists every source cited, numbered in the order of first
	// citation through the sections.
	Sources []Citation
	// RuleSet names the rule set and the file it was read from.
	RuleSet string
}

// ScoreLine is one outcome's score.
type ScoreLine struct {
	Outcome string  // outcome id
	Label   string  // outcome label
	Value   float64 // points
	Text    string  // "13.5 points"
}

// Section ids, for renderers that treat one specially.
const (
	SectionFor      = "for"
	SectionAgainst  = "against"
	SectionCautions = "cautions"
	SectionSteps    = "next_steps"
	SectionChanges  = "changes"
	SectionAnswers  = "answers"
)

// Section is one titled list of an explanation.
type Section struct {
	ID    string
	Title string
	// Points are the section's items, in order.
	Points []Point
	// Empty is said when Points is empty; a section with neither is left
	// out.
	Empty string
	// Numbered sections are ordered lists (steps, reasons); others are
	// bullets.
	Numbered bool
}

// Point is one item of a section.
type Point struct {
	// Lead is what the item is about: the question and the answer
	// ("Main need: A drop in performance"), or the question alone for a
	// change; empty for a rule's reason, a caution or a step.
	Lead string
	Text string
	// Weight says how much the evidence counts, in plain words: "4 points
	// toward Coaching". Empty where nothing is counted.
	Weight string
	// Cites are the numbers of the point's sources in Explanation.Sources,
	// in ascending order.
	Cites []int
	// ID is the caution's or the next step's id, where it has one.
	ID string
	// Question and Option are the ids behind the point, where there are.
	Question string
	Option   string
}

// Citation is one numbered source.
type Citation struct {
	N    int
	ID   string
	Name string // short name for passing mentions
	Text string // publisher, title and year
}

// Line is the point on one line: lead, text, weight and citations, for
// reports that print each point as a sentence.
func (p Point) Line() string {
	if c := CiteText(p.Cites); c != "" {
		return p.Sentence() + " " + c
	}
	return p.Sentence()
}

// Sentence is Line without the citations.
func (p Point) Sentence() string {
	var b strings.Builder
	switch {
	case p.Lead != "" && p.Weight != "":
		b.WriteString(p.Lead + " (" + p.Weight + "). " + p.Text)
	case p.Lead != "":
		b.WriteString(p.Lead + ": " + p.Text)
	case p.Weight != "":
		b.WriteString(p.Text + " (" + p.Weight + ")")
	default:
		b.WriteString(p.Text)
	}
	return b.String()
}

// CiteText writes citation numbers as "[1,2,3]", without spaces so that no
// wrap splits them; "" for none.
func CiteText(nums []int) string {
	if len(nums) == 0 {
		return ""
	}
	s := make([]string, len(nums))
	for i, n := range nums {
		s[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(s, ",") + "]"
}

// FormatScore writes a score or a weight in points: "4", "1.5". Every
// output formats points with it.
func FormatScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// points is "1 point" or "2.5 points".
func points(v float64) string {
	if v == 1 {
		return "1 point"
	}
	return FormatScore(v) + " points"
}

// ConfidenceLabel names the tool's confidence in its call wherever it is
// shown, so that it is never mistaken for the person's self-confidence.
const ConfidenceLabel = "Confidence in this call"

// ConfidenceText puts a confidence in words and figures: "moderate (62%)".
func ConfidenceText(c float64) string {
	return Band(c) + " (" + strconv.Itoa(int(c*100+0.5)) + "%)"
}

// Section titles, the same in every output.
const (
	TitleFor      = "Why"
	TitleAgainst  = "What pulled the other way"
	TitleCautions = "Watch out"
	TitleSteps    = "Next steps"
	TitleChanges  = "What would change this"
	TitleAnswers  = "Answers"
	TitleSources  = "Sources"
)

// ruleLead leads a reason that comes from a rule of the rule set rather
// than from one answer.
const ruleLead = "Several answers taken together"

// noChange is said when no single answer change would alter the call.
const noChange = "No single answer change would change this call: several answers point the same way."

// Explain builds the explanation of r, a result of Evaluate on b, for its
// audience (r.Audience; questions.NoAudience reads about "the person").
func Explain(b *questions.Bank, r Result) Explanation {
	r = Speak(b, r, r.Audience) // every rule-set text in the reader's voice
	x := explainer{b: b, r: r, voice: voiceOf(r.Audience), cit: map[string]int{}}
	return x.explain()
}

type explainer struct {
	b     *questions.Bank
	r     Result
	voice voice
	cit   map[string]int
	srcs  []Citation
}

func (x *explainer) explain() Explanation {
	r := x.r
	e := Explanation{
		Status:         r.Status,
		StatusText:     statusText(r.Status),
		Recommendation: r.Recommendation,
		Label:          clean(x.label(r.Recommendation)),
		Summary:        clean(r.Summary),
		Confidence:     r.Confidence,
		ConfidenceText: ConfidenceText(r.Confidence),
		Basis:          x.basis(),
	}
	if i := x.b.Route(r.Route); i >= 0 {
		rt := &x.b.Routes[i]
		e.Route, e.RouteLabel = rt.ID, clean(rt.Label)
		if r.Status == StatusRoute {
			e.Summary = clean(say(rt.SummaryVoice, rt.Summary, r.Audience))
		}
	}
	e.Headline, e.Detail = x.headline(e.Label, e.RouteLabel)
	for _, s := range []struct {
		id string
		v  float64
	}{{questions.Coaching, r.Scores.Coaching}, {questions.Mentoring, r.Scores.Mentoring}} {
		e.Scores = append(e.Scores, ScoreLine{Outcome: s.id, Label: clean(x.label(s.id)), Value: s.v, Text: points(s.v)})
	}
	e.Sections = []Section{
		{ID: SectionFor, Title: TitleFor, Points: x.evidence(r.Reasons), Numbered: true,
			Empty: "No answer points toward " + e.Label + " yet."},
		{ID: SectionAgainst, Title: TitleAgainst, Points: x.evidence(r.Against),
			Empty: x.noAgainst(e.Label)},
		{ID: SectionCautions, Title: TitleCautions, Points: x.notes(r.Cautions)},
		{ID: SectionSteps, Title: TitleSteps, Points: x.steps(e.Label), Numbered: true},
		{ID: SectionChanges, Title: TitleChanges, Points: x.changes(), Empty: noChange},
		{ID: SectionAnswers, Title: TitleAnswers, Points: x.answers()},
	}
	e.Sources = x.srcs
	e.RuleSet = clean(x.b.Title)
	if x.b.Name != "" {
		e.RuleSet += ", read from " + clean(x.b.Name)
	}
	return e
}

// Section returns the section with id, or an empty one.
func (e Explanation) Section(id string) Section {
	for _, s := range e.Sections {
		if s.ID == id {
			return s
		}
	}
	return Section{ID: id}
}

// cite numbers source ids in order of first citation and returns the
// point's numbers in ascending order.
func (x *explainer) cite(ids []string) []int {
	var nums []int
	for _, id := range ids {
		n, ok := x.cit[id]
		if !ok {
			src, found := x.b.Source(id)
			if !found {
				continue
			}
			n = len(x.srcs) + 1
			x.cit[id] = n
			x.srcs = append(x.srcs, Citation{N: n, ID: id, Name: clean(src.Name()), Text: clean(src.Cite())})
		}
		if !containsInt(nums, n) {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	return nums
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}

func (x *explainer) evidence(list []Reason) []Point {
	out := []Point{}
	for _, r := range list {
		p := Point{Text: clean(r.Text), Weight: x.weight(r.Score), Question: r.Question, Option: r.Option}
		if r.Question != "" {
			p.Lead = clean(r.Topic) + ": " + clean(r.Label)
		} else {
			p.Lead = ruleLead
		}
		p.Cites = x.cite(r.Sources)
		out = append(out, p)
	}
	return out
}

// weight says how much evidence w (half points) counts, in plain words.
func (x *explainer) weight(w questions.Pair) string {
	c, m := float64(w[0])/2, float64(w[1])/2
	cl, ml := clean(x.label(questions.Coaching)), clean(x.label(questions.Mentoring))
	side := func(v float64, label string) string {
		if v < 0 {
			return points(-v) + " away from " + label
		}
		return points(v) + " toward " + label
	}
	switch {
	case c != 0 && m != 0 && c == m:
		return points(c) + " each toward " + cl + " and " + ml
	case c != 0 && m != 0:
		return side(c, cl) + " and " + side(m, ml)
	case c != 0:
		return side(c, cl)
	case m != 0:
		return side(m, ml)
	}
	return ""
}

func (x *explainer) notes(list []Note) []Point {
	out := []Point{}
	for _, n := range list {
		out = append(out, Point{ID: n.ID, Text: clean(n.Text), Cites: x.cite(n.Sources)})
	}
	return out
}

// steps are the next steps the rule set advises for these answers. When
// wellbeing comes first, a rule set whose steps name the wellbeing question
// in their conditions (the default one puts a referral first and drops the
// steps that assume a work-focused engagement) is followed; for one that
// does not, the steps all assume such an engagement, so the referral and a
// return to the leaning stand instead.
func (x *explainer) steps(label string) []Point {
	if x.r.Status != StatusWellbeing || x.stepsHandle(x.r.Safety) {
		return x.notes(x.r.Steps)
	}
	var srcs []string
	if q := x.b.Question(x.r.Safety); q >= 0 {
		srcs = x.b.Questions[q].Sources
	}
	first := "Start with professional support for " + x.voice.whose + " wellbeing: coaches and mentors pay attention to feelings but are not therapists, so arrange that support before any coaching or mentoring."
	return []Point{
		{Text: first, Cites: x.cite(srcs)},
		{Text: "Come back to " + label + " once that support is in place: answer the questions again then, and the steps for it will follow."},
	}
}

// stepsHandle reports whether any outcome's next step has a condition on
// the question with id q.
func (x *explainer) stepsHandle(q string) bool {
	for _, o := range x.b.Outcomes {
		for _, st := range o.NextSteps {
			for _, list := range [][]questions.Cond{st.When.All, st.When.Any, st.When.None} {
				for _, c := range list {
					if c.Question == q {
						return true
					}
				}
			}
		}
	}
	return false
}

func (x *explainer) answers() []Point {
	out := []Point{}
	for _, a := range x.r.Answers {
		out = append(out, Point{Lead: clean(a.Topic), Text: clean(a.Label), Question: a.Question, Option: a.Option})
	}
	return out
}

func clean(s string) string { return questions.Clean(s) }
