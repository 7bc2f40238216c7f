package advisor

import (
	"sort"
	"strconv"
	"strings"

	"guidepost/questions"
)

// Explanation is a result told for one reader: everything every output
// shows, in the order it shows it, worded once, with the ids and numbers
// the JSON carries. The text, Markdown and JSON reports, the TUI's result
// screen, the workshop's result page, saved results and compare only lay
// it out; none words a result on its own. Every text in it is clean (see
// questions.Clean); a renderer only escapes for its format.
type Explanation struct {
	// Audience is the reader it is worded for (questions.NoAudience reads
	// about "the person").
	Audience questions.Audience
	// Person is whom the answers are about, when they are named (--person):
	// the caller sets it, and the reports say it ("About: Sam").
	Person string

	// Status is the kind of call; StatusText names it in words and
	// Headline, which every output leads with, starts with it.
	Status     Status
	StatusText string
	Headline   string
	// Detail says what the status means for this result and what to do
	// about it; empty for a clear call.
	Detail string
	// Clash, under mixed signals, names the answers that point each way:
	// the first sentence of Detail, without the advice on what to do, for
	// a page that gives its own (the workshop's).
	Clash string

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
	// CloseCall, Answered and Questions are the result's (see Result).
	CloseCall           bool
	Answered, Questions int

	// Totals are the scores in points; Scores shows coaching's and
	// mentoring's to people.
	Totals Scores
	Scores []ScoreLine

	// Sections are the lists, in the order every output shows them: why,
	// what pulled the other way, watch out, next steps, what would change
	// this, the answers.
	Sections []Section
	// Changes are the single answer changes that would change the call,
	// each with its labels; the changes section groups them by question.
	Changes []Alternative

	// Sources lists every source cited, numbered in the order of first
	// citation through the sections.
	Sources []Citation
	// RuleSet is the rule set's title, RuleSetFile the file it was read
	// from ("" when not known); RuleSetText names both.
	RuleSet, RuleSetFile string
}

// Alternative is one single answer change that would change the call,
// with the question's topic and both answers' labels for the reader.
type Alternative struct {
	Change
	Topic, FromLabel, ToLabel string
}

// RuleSetText names the rule set and the file it was read from.
func (e Explanation) RuleSetText() string {
	if e.RuleSetFile == "" {
		return e.RuleSet
	}
	return e.RuleSet + ", read from " + e.RuleSetFile
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
	// Question and Option are the ids behind the point, where there are;
	// Rule is the rule's id behind a reason from several answers.
	Question string
	Option   string
	Rule     string
	// Topic and Label are the question's topic and the answer's label
	// behind an answer (Lead joins them for evidence).
	Topic, Label string
	// Toward and Points are evidence's side and strength in points (see
	// Reason); Sources its source ids as the rule set lists them.
	Toward  string
	Points  float64
	Sources []string
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

// Explain words r, a result of Evaluate on b, once for its reader
// (questions.NoAudience reads about "the person"): every text is read from
// b by its id in the reader's voice. Every output renders what it returns.
func Explain(b *questions.Bank, r Result, audience questions.Audience) Explanation {
	x := explainer{b: b, r: r, audience: audience, voice: voiceOf(audience), cit: map[string]int{}}
	return x.explain()
}

// ExplainAnswers evaluates ch against b and explains the result for
// audience.
func ExplainAnswers(b *questions.Bank, ch questions.Choices, audience questions.Audience) Explanation {
	return Explain(b, Evaluate(b, ch), audience)
}

type explainer struct {
	b        *questions.Bank
	r        Result
	audience questions.Audience
	voice    voice
	cit      map[string]int
	srcs     []Citation
}

func (x *explainer) explain() Explanation {
	r := x.r
	e := Explanation{
		Audience: x.audience, Status: r.Status, StatusText: statusText(r.Status),
		Recommendation: r.Recommendation, Label: clean(x.label(r.Recommendation)), Summary: x.summary(),
		Confidence: r.Confidence, ConfidenceText: ConfidenceText(r.Confidence), Basis: x.basis(),
		CloseCall: r.CloseCall, Answered: r.Answered, Questions: r.Questions, Totals: r.Scores,
		RuleSet: clean(x.b.Title), RuleSetFile: clean(x.b.Name),
	}
	if i := x.b.Route(r.Route); i >= 0 {
		e.Route, e.RouteLabel = r.Route, clean(x.b.Routes[i].Label)
	}
	e.Headline, e.Detail = x.headline(e.Label, e.RouteLabel)
	if r.Status == StatusMixed {
		e.Clash, _ = x.clash()
	}
	e.Scores = x.scoreLines()
	e.Changes = x.alternatives()
	e.Sections = x.sections(e)
	e.Sources = x.srcs
	return e
}

// summary is the outcome's summary, or with status another_route the
// route's, for the reader.
func (x *explainer) summary() string {
	if i := x.b.Route(x.r.Route); i >= 0 && x.r.Status == StatusRoute {
		rt := &x.b.Routes[i]
		return clean(say(rt.SummaryVoice, rt.Summary, x.audience))
	}
	if o := x.b.Outcome(x.r.Recommendation); o >= 0 {
		out := &x.b.Outcomes[o]
		return clean(say(out.SummaryVoice, out.Summary, x.audience))
	}
	return ""
}

func (x *explainer) scoreLines() []ScoreLine {
	r := x.r
	var out []ScoreLine
	for _, s := range []struct {
		id string
		v  float64
	}{{questions.Coaching, r.Scores.Coaching}, {questions.Mentoring, r.Scores.Mentoring}} {
		out = append(out, ScoreLine{Outcome: s.id, Label: clean(x.label(s.id)), Value: s.v, Text: points(s.v)})
	}
	return out
}

// sections builds the lists in the order they are shown, which is also
// the order sources are numbered in.
func (x *explainer) sections(e Explanation) []Section {
	return []Section{
		{ID: SectionFor, Title: TitleFor, Points: x.evidence(x.r.Reasons), Numbered: true,
			Empty: "No answer points toward " + e.Label + " yet."},
		{ID: SectionAgainst, Title: TitleAgainst, Points: x.evidence(x.r.Against),
			Empty: x.noAgainst(e.Label)},
		{ID: SectionCautions, Title: TitleCautions, Points: x.cautions()},
		{ID: SectionSteps, Title: TitleSteps, Points: x.steps(e.Label), Numbered: true},
		{ID: SectionChanges, Title: TitleChanges, Points: x.changes(e.Changes), Empty: noChange},
		{ID: SectionAnswers, Title: TitleAnswers, Points: x.answers()},
	}
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
