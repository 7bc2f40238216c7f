package questions

import "strconv"

// Outcome ids every rule set must define (CONTRACT §1).
const (
	Coaching  = "coaching"
	Mentoring = "mentoring"
	Combined  = "combined"
)

// Question kinds: what a question's answer is evidence of.
const (
	KindNeed        = "need"        // the person's need: decides the kind of support
	KindFeasibility = "feasibility" // what the organisation can offer: shapes delivery
	KindSafety      = "safety"      // a concern outside coaching and mentoring
	// KindPerson: how the person stands toward support (do they want it,
	// who gave the answers). It carries no weight and only raises cautions
	// and steps.
	KindPerson = "person"
)

// Statuses are the ids of the kinds of call (package advisor's Status), in
// the order they are checked; when.status names them.
var Statuses = []string{"wellbeing_first", "another_route", "too_few_answers", "mixed_signals", "close_call", "clear"}

// DefaultStepStatuses are the kinds of call a next step or caution without
// when.status applies to: a full plan is given only for a call that
// stands, and for wellbeing first (whose steps the rule set conditions on
// the wellbeing answer).
var DefaultStepStatuses = []string{"wellbeing_first", "close_call", "clear"}

// UnsureID is the option id every question must define and that never
// carries weight.
const UnsureID = "unsure"

// Bank is a loaded, validated rule set: the question bank, the scoring rules,
// the outcomes and the comparison shown by "learn". Build one with Parse; the
// zero value is not usable.
type Bank struct {
	Title      string
	Decision   Decision
	Sources    []Source
	Outcomes   []Outcome
	Questions  []Question
	Rules      []Rule
	Cautions   []Caution
	Dimensions []Dimension
	// Routes are the other routes, in file order (see Route).
	Routes []Route

	// Name is the file the bank was read from ("rules.toml (embedded)" for
	// the default); it prefixes every message about the bank.
	Name string
	// warnings are what validation found questionable but not wrong,
	// located in src only when Warnings is called.
	warnings *lazyWarnings

	qindex map[string]int
	sindex map[string]int
	oindex map[string]int
}

// Decision holds the parameters of the decision step (see package advisor).
type Decision struct {
	// Margin: when the coaching and mentoring scores differ by less than
	// this, the call is close.
	Margin float64
	// CombinedFloor: combined needs both scores at or above this.
	CombinedFloor float64
	// CombinedBalance: combined also needs the weaker score to be at least
	// this share (0 to 1) of the stronger one.
	CombinedBalance float64
	// Undecided is the outcome reported when the scores tie exactly and
	// combined does not apply; confidence is then low.
	Undecided string
}

// Source is one article the rule set is built from.
type Source struct {
	ID string
	// Short is how reports name the source in passing ("DMI"); the
	// publisher is used when it is empty.
	Short     string
	Publisher string
	Title     string
	Author    string
	Year      int
}

// Outcome is one recommendation with its summary and next steps.
type Outcome struct {
	ID    string
	Label string
	// Summary is the summary for no particular reader; SummaryVoice is
	// the summary as written, to resolve for a reader (Text.For).
	Summary      string
	SummaryVoice Text
	Sources      []string
	// NextSteps are advised in order, each when its conditions hold.
	NextSteps []Step
}

// Step is a sourced piece of text: a next step, or one side of a comparison.
// A next step may have an ID and conditions (When, with Audience); Text is
// its text for no particular reader and Voice the text as written.
type Step struct {
	ID      string
	Text    string
	Voice   Text
	Sources []string
	When    When
}

// Question is one diagnostic question.
type Question struct {
	ID    string
	Topic string
	Core  bool
	Kind  string
	// Ask marks a question best asked of the person themself
	// (asked_of_person = true): when a manager's and the person's answers
	// are compared, the person's answer is the one taken.
	Ask bool
	// NotOwn marks a question with no point when each person answers for
	// themself on their own device (not_when_own_phone = true), as in a
	// workshop room: who gave the answers, say.
	NotOwn  bool
	Prompt  Prompt
	Why     string
	Sources []string
	Options []Option

	// Impact is the largest evidence any option carries (coaching plus
	// mentoring weight, in half points); Lead is the largest lead toward
	// coaching (0) and mentoring (1) any option gives; both for confidence.
	Impact int32
	Lead   Pair

	oindex map[string]int
	unsure int
}

// Prompt is a question's wording for each audience.
type Prompt struct {
	Manager    string
	Self       string
	Consultant string
}

// For returns the wording for an audience; an unknown audience gets the
// manager's wording.
func (p Prompt) For(audience Audience) string {
	switch audience {
	case Self:
		return p.Self
	case Consultant:
		return p.Consultant
	}
	return p.Manager
}

// Option is one answer to a question. Label, Description and Rationale
// are its texts for no particular reader; the Voice fields hold them as
// written, to resolve for a reader (LabelFor, DescriptionFor, Text.For).
type Option struct {
	ID          string
	Label       string
	Description string
	// LabelVoice and DescriptionVoice are the label and description as
	// written, to resolve for a reader.
	LabelVoice       Text
	DescriptionVoice Text
	Rationale        string
	// RationaleVoice is the rationale as written, to resolve for a reader.
	RationaleVoice Text
	Sources        []string

	// Score is the option's weights toward coaching and mentoring, in half
	// points (a weight of 1.5 is 3).
	Score Pair
}

// LabelFor returns the option's label spoken to audience (NoAudience for
// no particular reader). An option built in code with only Label gets
// Label.
func (o Option) LabelFor(audience Audience) string { return voiceOr(o.LabelVoice, o.Label, audience) }

// DescriptionFor returns the option's description spoken to audience, as
// LabelFor does the label.
func (o Option) DescriptionFor(audience Audience) string {
	return voiceOr(o.DescriptionVoice, o.Description, audience)
}

// voiceOr resolves t for audience, or returns plain when t is empty.
func voiceOr(t Text, plain string, audience Audience) string {
	if t.IsZero() {
		return plain
	}
	return t.For(audience)
}

// Pair is a pair of scores in half points: index 0 coaching, 1 mentoring.
type Pair [2]int32

// Rule adds weight when its conditions hold.
type Rule struct {
	ID     string
	When   When
	Reason string
	// ReasonVoice is the reason as written, to resolve for a reader.
	ReasonVoice Text
	Sources     []string

	// Score is the rule's add, in half points.
	Score Pair
}

// Caution is a warning raised when its conditions hold; it never changes
// scores. Cap (when above 0) caps the confidence when it is raised and
// Factor (when above 0) multiplies it: a caution that says the answers are
// less sure than they look makes the call less sure.
type Caution struct {
	ID   string
	Text string
	// Voice is the text as written, to resolve for a reader.
	Voice   Text
	Sources []string
	When    When
	Cap     float64
	Factor  float64
}

// Route is another route: something other than coaching or mentoring that
// the answers say comes first. The first route whose When holds is the
// result's route; its next steps are shown before any other.
type Route struct {
	ID           string
	Label        string
	Summary      string
	SummaryVoice Text
	Sources      []string
	When         When
	NextSteps    []Step
}

// Route returns the index of the route with id, or -1.
func (b *Bank) Route(id string) int {
	for i := range b.Routes {
		if b.Routes[i].ID == id {
			return i
		}
	}
	return -1
}

// When is a set of conditions on the answers: every All condition holds, at
// least one Any condition holds (when there are any), and no None condition
// holds. RecMask (cautions only) limits a caution to some outcomes.
type When struct {
	All  []Cond
	Any  []Cond
	None []Cond

	// RecMask has bit i set for each outcome i the file's
	// when.recommendation names (all bits when it names none).
	RecMask uint8
	// Audiences (next steps only) lists the readers the step is for; empty
	// means every reader, including a report with no audience.
	Audiences []Audience
	// Statuses lists the kinds of call a next step or caution applies to;
	// nil means DefaultStepStatuses.
	Statuses []string
}

// ForStatus reports whether a next step or caution with w applies to a
// call of kind status; without when.status, whether def lists it (nil def:
// every kind of call).
func (w *When) ForStatus(status string, def []string) bool {
	list := w.Statuses
	if list == nil {
		if def == nil {
			return true
		}
		list = def
	}
	for _, s := range list {
		if s == status {
			return true
		}
	}
	return false
}

// Cond holds when the answer to Question is one of In.
type Cond struct {
	Question string
	In       []string

	// Q is the question's index and Mask has bit i set for option index i
	// of each option in In.
	Q    int
	Mask uint64
}

// Dimension is one row of the coaching-versus-mentoring comparison.
type Dimension struct {
	ID           string
	Label        string
	Coaching     Step
	Mentoring    Step
	Disagreement Step
}

// Question returns the index of the question with id, or -1.
func (b *Bank) Question(id string) int { return lookup(b.qindex, id) }

// Option returns the index of the option with id in question q, or -1.
func (b *Bank) Option(q int, id string) int { return lookup(b.Questions[q].oindex, id) }

// Unsure returns the index of question q's unsure option.
func (b *Bank) Unsure(q int) int { return b.Questions[q].unsure }

// Outcome returns the index of the outcome with id, or -1.
func (b *Bank) Outcome(id string) int { return lookup(b.oindex, id) }

// lookup returns index[id], or -1 when id is not there.
func lookup(index map[string]int, id string) int {
	if i, ok := index[id]; ok {
		return i
	}
	return -1
}

// Source returns the source with id and whether it exists.
func (b *Bank) Source(id string) (Source, bool) {
	i, ok := b.sindex[id]
	if !ok {
		return Source{}, false
	}
	return b.Sources[i], true
}

// Cite formats source ids as "Publisher, “Title”" strings, in order.
func (b *Bank) Cite(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if s, ok := b.Source(id); ok {
			out = append(out, s.Cite())
		}
	}
	return out
}

// Name is the source's short name for inline citations.
func (s Source) Name() string {
	if s.Short != "" {
		return s.Short
	}
	return s.Publisher
}

// Cite formats a source for a report: publisher, title and year.
func (s Source) Cite() string {
	c := s.Publisher + ", “" + s.Title + "”"
	if s.Year > 0 {
		c += " (" + strconv.Itoa(s.Year) + ")"
	}
	return c
}

// OwnPhone returns the questions asked when each person answers for
// themself on their own device (a workshop room): Asked less those marked
// not_when_own_phone.
func (b *Bank) OwnPhone(quick bool) []int {
	var out []int
	for _, q := range b.Asked(quick) {
		if !b.Questions[q].NotOwn {
			out = append(out, q)
		}
	}
	return out
}

// Asked returns the indexes of the questions asked in full or quick mode, in
// order.
func (b *Bank) Asked(quick bool) []int {
	out := make([]int, 0, len(b.Questions))
	for i, q := range b.Questions {
		if !quick || q.Core {
			out = append(out, i)
		}
	}
	return out
}
