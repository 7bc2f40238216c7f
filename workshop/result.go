package workshop

import (
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// The participant's result page is drawn from one template (result.html)
// and this one mapping from the advisor's explanation of the result, the
// same explanation every other output renders, in the participant's own
// voice (the self-assessment audience).

// resultData is what result.html shows.
type resultData struct {
	advisor.Explanation
	StatusClass string
	// Lead is what the page leads with: the status in words, or that there
	// is no leaning yet. NoLeaning is set when the result is not a call
	// (too few answers), LeaningText then says what that means; Note is
	// what the status means for the participant, in words they can act on
	// in the room (answers are saved and locked by now).
	Lead        string
	NoLeaning   bool
	LeaningText string
	Note        string
	Sections    []sectionView
	SourceList  []string
}

// sectionView is one section of the explanation with its points' sources
// named, since a page has room to say who says so.
type sectionView struct {
	ID, Title, Empty string
	Numbered         bool
	Points           []pointView
}

type pointView struct{ Text, Sources string }

// selfAudience is the voice a participant reads their own result in.
const selfAudience = questions.Self

// resultView maps a result, explained for the participant, to the page's
// data.
func resultView(e advisor.Explanation) resultData {
	d := resultData{Explanation: e, StatusClass: strings.ReplaceAll(string(e.Status), "_", "-"), Lead: e.StatusText, Note: e.Detail}
	switch e.Status {
	case advisor.StatusTooFew:
		d.NoLeaning, d.Note = true, ""
		d.Lead, d.LeaningText = NoLeaningLabel, "Too few of your answers say what support you need (“not sure” is a fair answer), so there is no recommendation and no confidence to give."
		if e.Totals.Coaching != 0 || e.Totals.Mentoring != 0 {
			d.LeaningText = "Too few of your answers say what support you need to make a call. What you did answer leans toward " + e.Label + "."
		}
		d.LeaningText += " Talk it over with the facilitator or someone you trust, and come back to these questions when your need is clearer."
	case advisor.StatusMixed:
		// Answers are final once sent: no "answer them again" here.
		d.Note = e.Clash + " Decide which of these matters most to you, and talk it over with the facilitator or someone you trust."
	}
	names := make(map[int]string, len(e.Sources))
	for _, c := range e.Sources {
		names[c.N] = c.Name
		d.SourceList = append(d.SourceList, c.Text)
	}
	for _, sec := range e.Sections {
		if sec.ID == advisor.SectionAnswers || len(sec.Points) == 0 && sec.Empty == "" {
			continue // the participant has just given the answers
		}
		v := sectionView{ID: sec.ID, Title: sec.Title, Empty: sec.Empty, Numbered: sec.Numbered}
		for _, p := range sec.Points {
			var src []string
			for _, n := range p.Cites {
				src = append(src, names[n])
			}
			v.Points = append(v.Points, pointView{Text: p.Sentence(), Sources: strings.Join(src, "; ")})
		}
		d.Sections = append(d.Sections, v)
	}
	return d
}

// ResultHeading is what a participant's result page leads with (its
// heading) for answers ch: e2e's browser test checks that the page a phone
// reaches after tapping those answers says it.
func ResultHeading(b *questions.Bank, ch questions.Choices) string {
	return resultView(advisor.ExplainAnswers(b, ch, selfAudience)).Lead
}
