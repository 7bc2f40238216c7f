package advisor

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// bankText is one text an explanation took from the rule set, and the
// text the bank gives for the explanation's reader.
type bankText struct{ name, got, want string }

// bankTexts pairs every rule-set text of e with the bank's text for e's
// reader, found by the ids e carries.
func bankTexts(b *questions.Bank, e Explanation) []bankText {
	a := e.Audience
	out := []bankText{{"summary", e.Summary, summaryFor(b, e)}}
	for _, s := range e.Sections {
		for i, p := range s.Points {
			name := fmt.Sprintf("%s[%d]", s.ID, i)
			out = append(out, pointBankTexts(b, e, s.ID, name, p)...)
		}
	}
	for i, c := range e.Changes {
		q := b.Question(c.Question)
		label := func(id string) string { return b.Questions[q].Options[b.Option(q, id)].LabelFor(a) }
		out = append(out, bankText{fmt.Sprintf("change[%d] from", i), c.FromLabel, label(c.From)},
			bankText{fmt.Sprintf("change[%d] to", i), c.ToLabel, label(c.To)})
	}
	return out
}

func summaryFor(b *questions.Bank, e Explanation) string {
	if e.Status == StatusRoute {
		return b.Routes[b.Route(e.Route)].SummaryVoice.For(e.Audience)
	}
	return b.Outcomes[b.Outcome(e.Recommendation)].SummaryVoice.For(e.Audience)
}

// pointBankTexts pairs a point's rule-set texts with the bank's.
func pointBankTexts(b *questions.Bank, e Explanation, section, name string, p Point) []bankText {
	a := e.Audience
	var opt *questions.Option
	if q := b.Question(p.Question); q >= 0 && b.Option(q, p.Option) >= 0 {
		opt = &b.Questions[q].Options[b.Option(q, p.Option)]
	}
	switch {
	case (section == SectionFor || section == SectionAgainst) && p.Rule != "":
		r := b.Rules[slices.IndexFunc(b.Rules, func(r questions.Rule) bool { return r.ID == p.Rule })]
		return []bankText{{name, p.Text, r.ReasonVoice.For(a)}}
	case section == SectionFor || section == SectionAgainst:
		return []bankText{{name, p.Text, opt.RationaleVoice.For(a)}, {name + " label", p.Label, opt.LabelFor(a)}}
	case section == SectionAnswers:
		return []bankText{{name, p.Text, opt.LabelFor(a)}}
	case section == SectionCautions:
		c := b.Cautions[slices.IndexFunc(b.Cautions, func(c questions.Caution) bool { return c.ID == p.ID })]
		return []bankText{{name, p.Text, c.Voice.For(a)}}
	case section == SectionSteps:
		if s, ok := stepOf(b, e, p.ID); ok {
			return []bankText{{name, p.Text, s.Voice.For(a)}}
		}
	}
	return nil
}

// stepOf finds the next step with id among those of e's route and
// outcome (the engine's own steps are not the rule set's).
func stepOf(b *questions.Bank, e Explanation, id string) (questions.Step, bool) {
	all := slices.Clone(b.Outcomes[b.Outcome(e.Recommendation)].NextSteps)
	if r := b.Route(e.Route); r >= 0 {
		all = append(all, b.Routes[r].NextSteps...)
	}
	i := slices.IndexFunc(all, func(s questions.Step) bool { return s.ID == id && id != "" })
	if i < 0 {
		return questions.Step{}, false
	}
	return all[i], true
}

// voiced lists every text of b with a voice that an explanation shows but
// the options' labels (labels name an answer, not the person).
func voiced(b *questions.Bank) []questions.Text {
	var out []questions.Text
	add := func(summary questions.Text, steps []questions.Step) {
		out = append(out, summary)
		for _, s := range steps {
			out = append(out, s.Voice)
		}
	}
	for _, o := range b.Outcomes {
		add(o.SummaryVoice, o.NextSteps)
	}
	for _, r := range b.Routes {
		add(r.SummaryVoice, r.NextSteps)
	}
	for _, q := range b.Questions {
		for _, o := range q.Options {
			out = append(out, o.RationaleVoice)
		}
	}
	for _, r := range b.Rules {
		out = append(out, r.ReasonVoice)
	}
	for _, c := range b.Cautions {
		out = append(out, c.Voice)
	}
	return out
}

// othersOnly lists, for reader a, the texts of b that only other readers
// are given: another reader's wording of a text that differs from a's and
// is no part of any text a is given.
func othersOnly(b *questions.Bank, a questions.Audience) []string {
	texts := voiced(b)
	for _, q := range b.Questions {
		for _, o := range q.Options {
			texts = append(texts, o.LabelVoice)
		}
	}
	var own strings.Builder
	for _, tx := range texts {
		own.WriteString(tx.For(a) + "\n")
	}
	var out []string
	for _, tx := range texts {
		for _, o := range readers {
			s := tx.For(questions.Audience(o))
			if s != tx.For(a) && !strings.Contains(own.String(), s) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// shown is everything an explanation shows, on one string.
func shown(e Explanation) string {
	parts := []string{e.Headline, e.Detail, e.Summary, e.Basis}
	for _, s := range e.Sections {
		for _, p := range s.Points {
			parts = append(parts, p.Line())
		}
	}
	for _, c := range e.Changes {
		parts = append(parts, c.Topic, c.FromLabel, c.ToLabel)
	}
	return strings.Join(parts, "\n")
}

// TestExplanationSpeaksToItsReader walks every scenario and a grid of
// answer sets for every reader: every text the explanation takes from the
// rule set is the bank's text for that reader, found by its id, and no
// text that only another reader is given appears anywhere in it.
func TestExplanationSpeaksToItsReader(t *testing.T) {
	b := load(t, "../rules.toml")
	foreign := map[string][]string{}
	for _, a := range readers {
		foreign[a] = othersOnly(b, questions.Audience(a))
	}
	sets := map[string]questions.Choices{}
	for _, sc := range loadAllScenarios(t) {
		sets[sc.ID] = scenarioChoices(t, b, sc)
	}
	for i, ch := range gridSets(b, 400) {
		sets[fmt.Sprint("grid ", i)] = ch
	}
	for name, ch := range sets {
		r := Evaluate(b, ch)
		for _, a := range readers {
			checkReader(t, b, Explain(b, r, questions.Audience(a)), name+" as "+readerName(a), foreign[a])
		}
	}
}

func checkReader(t *testing.T, b *questions.Bank, e Explanation, name string, foreign []string) {
	t.Helper()
	for _, x := range bankTexts(b, e) {
		if x.got != x.want {
			t.Errorf("%s: %s is %q, the bank's is %q", name, x.name, x.got, x.want)
		}
	}
	all := shown(e)
	for _, f := range foreign {
		if strings.Contains(all, f) {
			t.Errorf("%s shows another reader's text: %q", name, f)
		}
	}
}
