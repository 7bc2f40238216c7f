package batch

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"guidepost/questions"
)

// What a summary suggests for the programme is derived from the shares of
// a group's scored rows, with these thresholds:
//
//   - fewer than minAdviceRows scored rows: no programme is suggested;
//   - one recommendation at mostlyShare or more: "mostly" that one (a
//     coaching pool, a mentoring scheme with a matching phase, or a
//     combined programme);
//   - otherwise, when both kinds of need are common (coaching plus
//     combined, and mentoring plus combined, each at commonShare or more):
//     a combined programme, coaching and mentoring side by side;
//   - otherwise one kind of need is under commonShare and the other over
//     1 − commonShare: "leaning" toward the other (a 65/35 split).
//
// Notes are added when failed rows reach failedShare of all rows and when
// the average confidence is below lowConfidence.
const (
	minAdviceRows = 5
	mostlyShare   = 0.7
	commonShare   = 0.4
	failedShare   = 0.1
	lowConfidence = 0.4
)

const (
	adviceCoaching  = "mostly coaching: set up a coaching pool (external or trained in-house coaches) with agreed objectives and a set number of sessions"
	adviceMentoring = "mostly mentoring: design a mentoring scheme with a matching phase; mentors should not be their mentees' line managers"
	adviceCombined  = "mostly combined: a combined programme, with a coach for agreed objectives and a mentor for the longer view; agree explicitly when to switch roles"
	adviceBoth      = "a combined programme: both kinds of need are common, so run a coaching pool and a mentoring scheme side by side and let people join one or both"
	adviceLeanC     = "leaning coaching: a coaching pool for most people, with mentors matched one by one for the others"
	adviceLeanM     = "leaning mentoring: a mentoring scheme with a matching phase, with coaching bought case by case for the others"
)

// suggest returns what t suggests for the programme, and notes.
func (s *summary) suggest(t *tally) (advice string, notes []string) {
	n := t.scored()
	if t.failed > 0 && float64(t.failed) >= failedShare*float64(t.rows) {
		notes = append(notes, fmt.Sprintf("%d of %d rows could not be scored (listed above): fix them and score again; scored without --summary, each row's error column says what is wrong", t.failed, t.rows))
	}
	if n > 0 && t.avgConfidence() < lowConfidence {
		notes = append(notes, fmt.Sprintf("the average confidence is low (under %.1f): many answers were unsure or pointed both ways; confirm the core questions before committing a budget", lowConfidence))
	}
	if n < minAdviceRows {
		return fmt.Sprintf("too few scored rows (%d) to suggest a programme: look at each result on its own", n), notes
	}
	c, m, k := s.share(t, questions.Coaching), s.share(t, questions.Mentoring), s.share(t, questions.Combined)
	switch {
	case c >= mostlyShare:
		return adviceCoaching, notes
	case m >= mostlyShare:
		return adviceMentoring, notes
	case k >= mostlyShare:
		return adviceCombined, notes
	case c+k >= commonShare && m+k >= commonShare:
		return adviceBoth, notes
	case c+k > m+k:
		return adviceLeanC, notes
	}
	return adviceLeanM, notes
}

// share is the share of t's scored rows recommended outcome id.
func (s *summary) share(t *tally, id string) float64 {
	i := s.b.Outcome(id)
	if i < 0 || t.scored() == 0 {
		return 0
	}
	return float64(t.outcomes[i]) / float64(t.scored())
}

// item is one counted thing in a summary list.
type item struct {
	name  string
	count int
	text  string
}

// maxNeeds is how many needs a summary lists.
const maxNeeds = 5

// topNeeds returns the most frequent answers to the need question, by
// label, most frequent first (ties in the bank's order).
func (s *summary) topNeeds(t *tally) []item {
	var out []item
	for o, n := range t.needs {
		if n > 0 {
			out = append(out, item{name: s.b.Questions[s.need].Options[o].Label, count: n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	return out[:min(len(out), maxNeeds)]
}

// topCautions returns the cautions raised, most frequent first, with
// their whole text.
func (s *summary) topCautions(t *tally) []item {
	var out []item
	for i, n := range t.cautions {
		if n > 0 {
			c := s.b.Cautions[i]
			out = append(out, item{name: c.ID, count: n, text: oneLine(c.Text)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	return out
}

// oneLine returns s cleaned, on one line, with single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(questions.Clean(s)), " ")
}

// barWidth is the width of a chart bar, in glyphs.
const barWidth = 24

// chart returns one bar per outcome: "coaching   ████░░░░ 12 (40%)".
func (s *summary) chart(t *tally) []string {
	idw, nw := 0, len(fmt.Sprint(t.scored()))
	for _, o := range s.b.Outcomes {
		idw = max(idw, len(o.ID))
	}
	out := make([]string, len(s.b.Outcomes))
	for i, o := range s.b.Outcomes {
		n := t.outcomes[i]
		out[i] = fmt.Sprintf("%-*s %s %*d (%d%%)", idw, o.ID, bar(n, t.scored()), nw, n, percent(n, t.scored()))
	}
	return out
}

// bar draws n of total as barWidth glyphs; a non-zero n gets at least one.
func bar(n, total int) string {
	full := 0
	if total > 0 {
		full = int(math.Round(float64(barWidth*n) / float64(total)))
	}
	if n > 0 {
		full = max(full, 1)
	}
	return strings.Repeat("█", full) + strings.Repeat("░", barWidth-full)
}

func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return int(math.Round(100 * float64(n) / float64(total)))
}
