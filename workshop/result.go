package workshop

import (
	"strconv"
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// The participant's result page is drawn from one template (result.html)
// and this one mapping from the advisor's result. When package advisor
// builds one explanation for every output, resultView is the only code to
// change.

// resultData is what result.html shows.
type resultData struct {
	Label, Summary      string
	Status, StatusClass string
	StatusNote          string
	Confidence          string
	Answered, Questions int
	For, Against        []reasonView
	Cautions, NextSteps []noteView
	Changes             []string
	NoChange            string
	SourceList          []string
}

type reasonView struct{ Text, Detail, Sources string }

type noteView struct{ Text, Sources string }

// maxChanges is how many single answer changes the page lists.
const maxChanges = 6

// resultView maps a result to the page's data.
func resultView(b *questions.Bank, r advisor.Result) resultData {
	d := resultData{
		Label: r.Label, Summary: r.Summary,
		Confidence: r.Band + " (" + strconv.Itoa(int(r.Confidence*100+0.5)) + "%)",
		Answered:   r.Answered, Questions: r.Questions, NoChange: advisor.NoChange,
	}
	d.Status = statusOf(b, r.Verdict)
	d.StatusClass = strings.ReplaceAll(d.Status, " ", "-")
	switch d.Status {
	case StatusWellbeing:
		d.StatusNote = "look after how you are first; see the caution below"
	case StatusMixed:
		d.StatusNote = "your answers lean only slightly one way"
	default:
		d.StatusNote = "your answers point clearly one way"
	}
	var cited []string
	cite := func(ids []string) string {
		names := make([]string, 0, len(ids))
		for _, id := range ids {
			if src, ok := b.Source(id); ok {
				names = append(names, src.Name())
				if !contains(cited, id) {
					cited = append(cited, id)
				}
			}
		}
		return strings.Join(names, "; ")
	}
	for _, n := range r.Cautions {
		d.Cautions = append(d.Cautions, noteView{Text: n.Text, Sources: cite(n.Sources)})
	}
	for _, x := range r.Reasons {
		v := reasonView{Text: x.Text, Sources: cite(x.Sources)}
		if x.Topic != "" {
			v.Detail = x.Topic + ": " + x.Label
		}
		d.For = append(d.For, v)
	}
	for _, s := range r.Steps {
		d.NextSteps = append(d.NextSteps, noteView{Text: s.Text, Sources: cite(s.Sources)})
	}
	for i, c := range r.WouldChange {
		if i == maxChanges {
			break
		}
		d.Changes = append(d.Changes, advisor.ChangeText(c, b))
	}
	for _, id := range cited {
		if src, ok := b.Source(id); ok {
			d.SourceList = append(d.SourceList, src.Cite())
		}
	}
	return d
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
