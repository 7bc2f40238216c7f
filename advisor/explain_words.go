package advisor

import (
	"strconv"
	"strings"

	"guidepost/questions"
)

// voice is how texts written by the engine name the person.
type voice struct {
	who, whose string // "this person", "this person's"
}

func voiceOf(audience questions.Audience) voice {
	switch audience {
	case questions.Self:
		return voice{"you", "your"}
	case questions.Consultant:
		return voice{"the participant", "the participant's"}
	case questions.Manager:
		return voice{"this person", "this person's"}
	}
	return voice{"the person", "the person's"}
}

// Statuses lists every status, in the order the batch summary and the
// workshop's room picture count them.
var Statuses = []Status{StatusClear, StatusClose, StatusMixed, StatusTooFew, StatusWellbeing, StatusRoute}

// Text is the status in words, as headlines lead with it ("Mixed signals").
func (s Status) Text() string { return statusText(s) }

func statusText(s Status) string {
	switch s {
	case StatusWellbeing:
		return "Wellbeing first"
	case StatusRoute:
		return "Another route first"
	case StatusTooFew:
		return "Too few answers"
	case StatusMixed:
		return "Mixed signals"
	case StatusClose:
		return "Close call"
	}
	return "Clear call"
}

func (x *explainer) label(id string) string {
	if i := x.b.Outcome(id); i >= 0 && x.b.Outcomes[i].Label != "" {
		return x.b.Outcomes[i].Label
	}
	return id
}

// headline is the call in one sentence led by the status, and the detail
// that says what to do about the status.
func (x *explainer) headline(label, route string) (string, string) {
	r, v := x.r, x.voice
	switch r.Status {
	case StatusRoute:
		return "Another route first: " + route + " rather than coaching or mentoring.",
			"The answers say neither coaching nor mentoring is the first thing to do. " + label +
				" is where the other answers lean, and it may follow once this is done."
	case StatusWellbeing:
		h := "Wellbeing first: help " + v.who + " find the right professional support before anything else."
		if v.who == "you" {
			h = "Wellbeing first: find the right professional support for yourself before anything else."
		}
		return h, "Coaches and mentors pay attention to how someone feels, but they are not therapists. Once that support is in place, " +
			"the other answers point to " + label + " to follow."
	case StatusTooFew:
		n, need := x.needAnswered()
		d := "Only " + countWord(n, "question") + " about the need " + isAre(n) + " answered."
		if n == 0 {
			d = "Nothing about the need is answered yet."
		}
		if n >= need {
			return "Too few answers: not a recommendation yet" + leaning(r, label),
				countWord(n, "question") + " about the need " + isAre(n) + " answered, but too much is left open to be sure (confidence under 40%). Answer the questions named in the next steps for a recommendation."
		}
		return "Too few answers: not a recommendation yet" + leaning(r, label),
			d + " Answer at least " + strconv.Itoa(need) + ", starting with the main need, for a recommendation."
	case StatusMixed:
		return "Mixed signals: leaning toward " + label + ".", x.clashText()
	case StatusClose:
		return "Close call: leaning toward " + label + ".",
			"The two scores are near each other (" + x.scorePair() + "): read what pulled the other way and what would change this before deciding."
	}
	return "Clear call: Guidepost recommends " + label + ".", ""
}

func (x *explainer) scorePair() string {
	return clean(x.label(questions.Coaching)) + " " + points(x.r.Scores.Coaching) + ", " +
		clean(x.label(questions.Mentoring)) + " " + points(x.r.Scores.Mentoring)
}

func countWord(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// needAnswered counts the need questions answered and how many it takes.
func (x *explainer) needAnswered() (n, need int) {
	kind := map[string]bool{}
	asked := 0
	for _, q := range x.b.Questions {
		if q.Kind == questions.KindNeed {
			kind[q.ID] = true
			asked++
		}
	}
	for _, a := range x.r.Answers {
		if kind[a.Question] && a.Option != questions.UnsureID {
			n++
		}
	}
	return n, max(min(minNeedAnswers, asked), 1)
}

// clashText names the strongest answers on each side of a mixed call and
// says what to clarify.
func (x *explainer) clashText() string {
	clash, both := x.clash()
	switch {
	case !both:
		return clash
	case x.voice.who == "you":
		return clash + " Decide which of these matters most to you, then answer them again."
	}
	return clash + " Clarify with " + x.voice.who + " which of these matters most, then answer them again."
}

// clash names the answers that point each way, and reports whether it
// could name answers on both sides.
func (x *explainer) clash() (string, bool) {
	pick := func(list []Reason) (names []string, side string) {
		for _, r := range list {
			if r.Question == "" || len(names) == 2 || (r.Score[0] > 0 && r.Score[1] > 0) || x.feasibility(r.Question) {
				continue
			}
			names = append(names, x.answerName(r))
			side = r.Toward
		}
		return names, side
	}
	f, fs := pick(x.r.Reasons)
	a, as := pick(x.r.Against)
	if len(f) == 0 || len(a) == 0 {
		return "Strong answers point both ways: clarify what matters most before deciding.", false
	}
	return joinAnd(f) + " " + pointVerb(len(f)) + " to " + strings.ToLower(clean(x.label(fs))) +
		", while " + joinAnd(a) + " " + pointVerb(len(a)) + " to " + strings.ToLower(clean(x.label(as))) + ".", true
}

// answerName names an answer given as evidence: its question's topic and,
// quoted, its label.
func (x *explainer) answerName(r Reason) string {
	q, _ := option(x.b, r.Question, r.Option)
	if q == nil {
		return ""
	}
	return clean(q.Topic) + " (“" + x.optionLabel(r.Question, r.Option) + "”)"
}

// feasibility reports whether question id is about what can be offered.
func (x *explainer) feasibility(id string) bool {
	q := x.b.Question(id)
	return q >= 0 && x.b.Questions[q].Kind == questions.KindFeasibility
}

func pointVerb(n int) string {
	if n == 1 {
		return "points"
	}
	return "point"
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func (x *explainer) basis() string {
	r := x.r
	s := "From " + strconv.Itoa(r.Answered) + " of " + strconv.Itoa(r.Questions) + " questions answered (unsure counts as no answer)."
	if m := mainQuestion(x.b); m >= 0 {
		answered := false
		for _, a := range r.Answers {
			if a.Question == x.b.Questions[m].ID && a.Option != questions.UnsureID {
				answered = true
			}
		}
		if !answered {
			s += " The main need, which weighs most, is not answered."
		}
	}
	return s
}

func (x *explainer) noAgainst(label string) string {
	if x.r.Recommendation == questions.Combined {
		return "Nothing pulled away from " + label + ": every answer with weight supports one of the two needs or both."
	}
	return "Nothing pulled the other way: no answer points away from " + label + "."
}

// leaning ends a too-few-answers headline: the leaning, or none.
func leaning(r Result, label string) string {
	if r.Scores.Coaching == 0 && r.Scores.Mentoring == 0 {
		return ", and no leaning either way." // nothing to lean on
	}
	return ", leaning toward " + label + "."
}
