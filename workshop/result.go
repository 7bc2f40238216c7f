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

// resultView maps a result to the page's data.
func resultView(b *questions.Bank, r advisor.Result) resultData {
	r.Audience = selfAudience
	e := advisor.Explain(b, r)
	d := resultData{Explanation: e, StatusClass: strings.ReplaceAll(string(e.Status), "_", "-")}
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
