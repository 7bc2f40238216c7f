package advisor

// Two views of one person's need side by side: typically the manager's
// answers and the person's own. Compare finds every question they answer
// differently, builds a merged view (the questions the rule set marks as
// best asked of the person from the person's own answers, the rest from
// the other view) and a conversation guide. It does no I/O; each view is
// explained once, by Explain, for its own reader, as everywhere else.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"guidepost/questions"
)

// View is one set of answers to compare: its name (the file it came
// from), its audience and its answers.
type View struct {
	Name     string
	Audience questions.Audience
	Choices  questions.Choices
}

// Difference is one question the two views answer differently.
type Difference struct {
	Question string `json:"question"`
	Topic    string `json:"topic"`
	// A and B are the option ids chosen ("" when not answered), ALabel
	// and BLabel their labels for the reader.
	A      string `json:"a"`
	B      string `json:"b"`
	ALabel string `json:"a_label"`
	BLabel string `json:"b_label"`
	// AskedOfPerson marks a question the rule set marks as best asked of
	// the person; Merged says whose answer the merged view takes ("a" or
	// "b").
	AskedOfPerson bool   `json:"asked_of_person"`
	Merged        string `json:"merged"`
	// Why is why the question is asked (the rule set's words); Matters
	// says which way each answer pulls.
	Why     string `json:"why"`
	Matters string `json:"matters"`
	// Shift is how far apart the two answers pull, in points: the
	// difference in weight toward coaching plus that toward mentoring.
	Shift float64 `json:"shift"`
	Kind  string  `json:"-"`
}

// Views is CompareViews's result: A and B explained for their own
// readers, Merged for the reader of the view beside the person's own.
type Views struct {
	A, B        Explanation
	Person      string // "a" or "b": the view taken as the person's own
	Differences []Difference
	Merged      Explanation
	// Notes say what was compared and how the person's view was chosen.
	Notes []string
	// Guide is what to talk about first, most telling first.
	Guide []string
}

// CompareViews compares view a with view b on the rule set bk. The
// person's own view is the one for the self audience; when neither or
// both are, b is taken as the person's and a note says so.
func CompareViews(bk *questions.Bank, a, b View) Views {
	c := Views{A: ExplainAnswers(bk, a.Choices, a.Audience), B: ExplainAnswers(bk, b.Choices, b.Audience), Person: "b"}
	switch {
	case a.Audience == questions.Self && b.Audience != questions.Self:
		c.Person = "a"
	case a.Audience != questions.Self && b.Audience == questions.Self:
	default:
		c.Notes = append(c.Notes, fmt.Sprintf("Neither or both views are a self-assessment (A: %s, B: %s), so B is taken as the person's own view.",
			audienceWords(a.Audience), audienceWords(b.Audience)))
	}
	if a.Audience != b.Audience && (a.Audience == questions.Consultant || b.Audience == questions.Consultant) {
		c.Notes = append(c.Notes, "One view is a workshop's (consultant): it may be about a group, not this one person.")
	}
	person, other := b, a
	if c.Person == "a" {
		person, other = a, b
	}
	reader := other.Audience
	merged := slices.Clone(other.Choices)
	for _, q := range bk.PersonOwned() {
		if person.Choices[q] != questions.NoAnswer {
			merged[q] = person.Choices[q]
		}
	}
	c.Merged = ExplainAnswers(bk, merged, reader)
	for q := range bk.Questions {
		if a.Choices[q] == b.Choices[q] {
			continue
		}
		c.Differences = append(c.Differences, difference(bk, q, a.Choices[q], b.Choices[q], reader, c.Person))
	}
	c.Guide = guide(c)
	return c
}

// difference describes question q, answered oa in view A and ob in B.
func difference(bk *questions.Bank, q int, oa, ob int8, reader questions.Audience, person string) Difference {
	bq := &bk.Questions[q]
	d := Difference{Question: bq.ID, Topic: bq.Topic, Why: bq.Why, Kind: bq.Kind, AskedOfPerson: bk.AskedOfPerson(q)}
	theirs, other := ob, "a"
	d.Merged = person
	if person == "a" {
		theirs, other = oa, "b"
	}
	if !d.AskedOfPerson || theirs == questions.NoAnswer { // not theirs to answer, or left open
		d.Merged = other
	}
	var pa, pb questions.Pair
	d.A, d.ALabel, pa = optionWords(bq, oa, reader)
	d.B, d.BLabel, pb = optionWords(bq, ob, reader)
	d.Shift = float64(abs32(pa[0]-pb[0])+abs32(pa[1]-pb[1])) / 2
	d.Matters = fmt.Sprintf("A's answer %s; B's %s.", pull(pa), pull(pb))
	if bq.Kind == questions.KindSafety {
		d.Matters = "This answer never changes the scores, but it decides whether support for wellbeing comes first."
	}
	return d
}

// optionWords returns the option id, its label for the reader and its
// weights; an unanswered question is "", "not answered".
func optionWords(q *questions.Question, o int8, reader questions.Audience) (string, string, questions.Pair) {
	if o == questions.NoAnswer {
		return "", "not answered", questions.Pair{}
	}
	opt := &q.Options[o]
	return opt.ID, clean(opt.LabelFor(reader)), opt.Score
}

// pull says which way an answer's weight points.
func pull(p questions.Pair) string {
	pts := func(h int32) string {
		if h == 2 {
			return "1 point"
		}
		return fmt.Sprintf("%g points", float64(h)/2)
	}
	switch {
	case p[0] > 0 && p[1] > 0:
		return fmt.Sprintf("points both ways (%s toward coaching, %s toward mentoring)", pts(p[0]), pts(p[1]))
	case p[0] > 0:
		return "points toward coaching (" + pts(p[0]) + ")"
	case p[1] > 0:
		return "points toward mentoring (" + pts(p[1]) + ")"
	}
	return "adds no weight either way"
}

// audienceWords names a view's audience.
func audienceWords(a questions.Audience) string {
	switch a {
	case questions.Manager:
		return "a manager's answers"
	case questions.Self:
		return "the person's own answers"
	case questions.Consultant:
		return "a consultant's answers"
	}
	return "answers with no audience"
}

// guide orders what to talk about: a wellbeing difference first, then
// the questions best asked of the person, then the rest, each by how far
// the answers pull apart. Every line says it is Guidepost's suggestion.
func guide(c Views) []string {
	if len(c.Differences) == 0 {
		return []string{"The two views answer every question alike, so there is no difference to talk through; the suggestion to check that together anyway is Guidepost's own."}
	}
	// With a manager's (or any other) view beside the person's own, the
	// guide speaks to the other view's reader; else it names A and B.
	you, them := "A", "B"
	if c.Person == "a" {
		you, them = "B", "A"
	}
	yourSide, theirSide := strings.ToLower(you), strings.ToLower(them)
	if len(c.Notes) == 0 {
		you, them = "You", "they"
	}
	var out []string
	if c.A.Recommendation != c.B.Recommendation || c.A.Status != c.B.Status {
		out = append(out, fmt.Sprintf("The two views lead to different calls (A: %s; B: %s). Rather than settle which is right, go through the questions below together.",
			callWords(c.A), callWords(c.B)))
	}
	for _, d := range talkOrder(c.Differences) {
		line := fmt.Sprintf("%s: %s %s, %s %s.", d.Topic, you, d.answerWords(yourSide), them, d.answerWords(theirSide))
		out = append(out, line+" "+d.talkHint(c.Person))
	}
	out = append(out, "This order (wellbeing first, then what is best asked of the person, then the widest gaps) is Guidepost's suggestion; the sources do not set out such a conversation.")
	return out
}

// talkOrder sorts the differences: wellbeing first, then the questions
// best asked of the person, then the rest, each by how far the answers
// pull apart.
func talkOrder(diffs []Difference) []Difference {
	ds := slices.Clone(diffs)
	rank := func(d Difference) int {
		switch {
		case d.Kind == questions.KindSafety:
			return 0
		case d.AskedOfPerson:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(ds, func(x, y Difference) int {
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx - ry
		}
		return cmp.Compare(y.Shift, x.Shift)
	})
	return ds
}

// answerWords is what side ("a" or "b") answered, in words.
func (d Difference) answerWords(side string) string {
	id, label := d.B, d.BLabel
	if side == "a" {
		id, label = d.A, d.ALabel
	}
	if id == "" {
		return "left it open"
	}
	return fmt.Sprintf("answered %q", label)
}

// talkHint says how to talk about d; person is the side ("a" or "b")
// that holds the person's own view.
func (d Difference) talkHint(person string) string {
	switch {
	case d.Kind == questions.KindSafety:
		return "Talk about this first: if wellbeing is the main concern, support for it comes before coaching or mentoring."
	case d.AskedOfPerson && d.Merged == person:
		return "The rule set marks this as best asked of the person, so ask how they see it; the merged view takes their answer."
	case d.AskedOfPerson:
		return "The rule set marks this as best asked of the person, but they left it open: ask them."
	case d.Shift > 0:
		return "Ask what each side has seen that leads there."
	}
	return "It adds no weight either way; a short check is enough."
}

// callWords is a result's call in a few words: label, status, confidence.
func callWords(e Explanation) string {
	return fmt.Sprintf("%s, %s, %s", e.Label, strings.ToLower(e.StatusText), e.ConfidenceText)
}
