package batch

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// What a summary suggests for the programme is derived from the statuses
// and the recommendations of a group's scored rows, with these thresholds:
//
//   - wellbeing-first rows at wellbeingShare of the scored rows or more:
//     the suggestion starts with professional support for them, before
//     any programme; fewer (but some) get a note saying the same;
//   - rows with too few answers are not a recommendation yet, so they are
//     left out of the shares below (the suggestion says from how many
//     rows it is made);
//   - fewer than minAdviceRows scored rows, or rows with enough answers:
//     no programme is suggested;
//   - too-few-answers and mixed-signals rows together at unsettledShare
//     or more: no programme is suggested, the group is not settled; at
//     unsureShare or more, the suggestion is tentative, with a note;
//   - one recommendation at mostlyShare or more: "mostly" that one (a
//     coaching pool, a mentoring scheme with a matching phase, or a
//     combined programme);
//   - otherwise, when both kinds of need are common (coaching plus
//     combined, and mentoring plus combined, each at commonShare or more):
//     a combined programme, coaching and mentoring side by side;
//   - otherwise one kind of need is under commonShare and the other over
//     1 − commonShare: "leaning" toward the other (a 65/35 split).
//
// Notes are added when failed rows reach failedShare of all rows and,
// unless the uncertain rows already have one, when the average confidence
// is below lowConfidence.
const (
	minAdviceRows  = 5
	mostlyShare    = 0.7
	commonShare    = 0.4
	failedShare    = 0.1
	lowConfidence  = 0.4
	wellbeingShare = 0.2
	unsureShare    = 0.2
	unsettledShare = 0.5
)

const (
	adviceCoaching  = "mostly coaching: set up a coaching pool (external or trained in-house coaches) with agreed objectives and a set number of sessions"
	adviceMentoring = "mostly mentoring: design a mentoring scheme with a matching phase; mentors should not be their mentees' line managers"
	adviceCombined  = "mostly combined: a combined programme, with a coach for agreed objectives and a mentor for the longer view; agree explicitly when to switch roles"
	adviceBoth      = "a combined programme: both kinds of need are common, so run a coaching pool and a mentoring scheme side by side and let people join one or both"
	adviceLeanC     = "leaning coaching: a coaching pool for most people, with mentors matched one by one for the others"
	adviceLeanM     = "leaning mentoring: a mentoring scheme with a matching phase, with coaching bought case by case for the others"
	adviceTentative = "tentatively, "
)

// suggest returns what t suggests for the programme, and notes.
func (s *summary) suggest(t *tally) (advice string, notes []string) {
	n := t.scored()
	well, few, mixed := t.status(advisor.StatusWellbeing), t.status(advisor.StatusTooFew), t.status(advisor.StatusMixed)
	unsure, basis := few+mixed, n-few
	if t.failed > 0 && float64(t.failed) >= failedShare*float64(t.rows) {
		notes = append(notes, fmt.Sprintf("%d of %d rows could not be scored (listed above): fix them and score again; scored without --summary, each row's error column says what is wrong", t.failed, t.rows))
	}
	lead := ""
	switch {
	case well > 0 && float64(well) >= wellbeingShare*float64(n):
		lead = fmt.Sprintf("wellbeing first for %d of %d %s: help each of them find the right professional support before anything else (coaches and mentors are not therapists); then ", well, n, plural(n, "person", "people"))
	case well > 0:
		notes = append(notes, fmt.Sprintf("%d %s wellbeing first: help %s find the right professional support before anything else; coaching or mentoring can follow once it is in place", well, plural(well, "row puts", "rows put"), plural(well, "that person", "those people")))
	}
	switch {
	case unsure > 0 && float64(unsure) >= unsureShare*float64(n):
		notes = append(notes, fmt.Sprintf("%d of %d rows %s only a leaning (%d too few answers, %d mixed signals): for those people, answer the core questions or clarify the answers that clash, and score again before committing a budget", unsure, n, plural(unsure, "is", "are"), few, mixed))
	case n > 0 && t.avgConfidence() < lowConfidence:
		notes = append(notes, fmt.Sprintf("the average confidence is low (under %.1f): many answers were unsure or pointed both ways; confirm the core questions before committing a budget", lowConfidence))
	}
	switch {
	case n < minAdviceRows:
		return lead + fmt.Sprintf("too few scored rows (%d) to suggest a programme: look at each result on its own", n), notes
	case basis < minAdviceRows:
		return lead + fmt.Sprintf("too few rows with enough answers (%d of %d) to suggest a programme: complete the answers, starting with the main need, and score again", basis, n), notes
	case float64(unsure) >= unsettledShare*float64(n):
		return lead + fmt.Sprintf("not settled: %d of %d rows have too few answers or mixed signals, so no programme is suggested yet", unsure, n), notes
	}
	advice = s.programme(t)
	if float64(unsure) >= unsureShare*float64(n) {
		advice = adviceTentative + advice
	}
	if few > 0 {
		advice += fmt.Sprintf(" (from the %d of %d rows with enough answers)", basis, n)
	}
	return lead + advice, notes
}

// programme is what the shares of t's rows with enough answers suggest.
func (s *summary) programme(t *tally) string {
	c, m, k := s.share(t, questions.Coaching), s.share(t, questions.Mentoring), s.share(t, questions.Combined)
	switch {
	case c >= mostlyShare:
		return adviceCoaching
	case m >= mostlyShare:
		return adviceMentoring
	case k >= mostlyShare:
		return adviceCombined
	case c+k >= commonShare && m+k >= commonShare:
		return adviceBoth
	case c+k > m+k:
		return adviceLeanC
	}
	return adviceLeanM
}

// share is the share of t's rows with enough answers recommended
// outcome id.
func (s *summary) share(t *tally, id string) float64 {
	i, basis := s.b.Outcome(id), t.scored()-t.status(advisor.StatusTooFew)
	if i < 0 || basis <= 0 {
		return 0
	}
	return float64(t.based[i]) / float64(basis)
}

// statusItems counts t's scored rows per status, in words, in the order
// of advisor.Statuses, every status listed even when none has it.
func (s *summary) statusItems(t *tally) []item {
	out := make([]item, len(advisor.Statuses))
	for i, st := range advisor.Statuses {
		out[i] = item{name: st.Text(), count: t.statuses[i], text: fmt.Sprintf("(%d%%)", percent(t.statuses[i], t.scored()))}
	}
	return out
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
// label (for no particular reader, as a result explained for none names
// them), most frequent first (ties in the bank's order).
func (s *summary) topNeeds(t *tally) []item {
	var out []item
	for o, n := range t.needs {
		if n > 0 {
			out = append(out, item{name: s.b.Questions[s.need].Options[o].LabelFor(questions.NoAudience), count: n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	return out[:min(len(out), maxNeeds)]
}

// topCautions returns the cautions raised, most frequent first, with
// their whole text as a result explained for no particular reader shows
// it (advisor.CautionText).
func (s *summary) topCautions(t *tally) []item {
	var out []item
	for i, n := range t.cautions {
		if n > 0 {
			c := &s.b.Cautions[i]
			out = append(out, item{name: c.ID, count: n, text: oneLine(advisor.CautionText(c, questions.NoAudience))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].count > out[j].count })
	return out
}

// oneLine returns s cleaned, on one line, with single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(questions.Clean(s)), " ")
}

// barWidth is the width of a chart bar, in glyphs, when the line has room.
const barWidth = 24

// chart returns one bar per outcome, of the rows that are a call:
// "coaching   ████░░░░ 12 (40%)". Rows with too few answers or wellbeing
// first are no call, so no bar counts them (notCalls says how many).
func (s *summary) chart(t *tally) []string {
	idw, nw := 0, len(fmt.Sprint(t.called()))
	for _, o := range s.b.Outcomes {
		idw = max(idw, advisor.Width(o.ID))
	}
	// The bar gives way on a narrow summary, down to 8 cells: the line is
	// two of indent, the id, the bar, the count and " (100%)".
	bw := min(max(s.width-2-idw-1-1-nw-7, 8), barWidth)
	out := make([]string, len(s.b.Outcomes))
	for i, o := range s.b.Outcomes {
		n := t.calls[i]
		pad := strings.Repeat(" ", idw-advisor.Width(o.ID))
		out[i] = fmt.Sprintf("%s%s %s %*d (%d%%)", o.ID, pad, bar(n, t.called(), bw), nw, n, percent(n, t.called()))
	}
	return out
}

// notCalls says how many scored rows the chart leaves out, and why, or "".
func (s *summary) notCalls(t *tally) string {
	few, well := t.status(advisor.StatusTooFew), t.status(advisor.StatusWellbeing)
	if few+well == 0 {
		return ""
	}
	return fmt.Sprintf("Not a call, so not in the bars: %d %s (%d too few answers, %d wellbeing first).",
		few+well, plural(few+well, "row", "rows"), few, well)
}

// bar draws n of total as width glyphs; a non-zero n gets at least one.
func bar(n, total, width int) string {
	full := 0
	if total > 0 {
		full = int(math.Round(float64(width*n) / float64(total)))
	}
	if n > 0 {
		full = max(full, 1)
	}
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return int(math.Round(100 * float64(n) / float64(total)))
}
