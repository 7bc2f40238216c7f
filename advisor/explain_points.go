package advisor

import "guidepost/questions"

// The points of an explanation's sections, each text read from the bank
// by its id in the reader's voice.

func (x *explainer) evidence(list []Reason) []Point {
	out := []Point{}
	for _, r := range list {
		out = append(out, x.reason(r))
	}
	return out
}

// reason is one piece of evidence: an answer, led by its question and
// label, with the option's rationale; or a rule's reason.
func (x *explainer) reason(r Reason) Point {
	p := Point{Weight: x.weight(r.Score), Question: r.Question, Option: r.Option, Rule: r.Rule, Toward: r.Toward, Points: r.Weight}
	var srcs []string
	if r.Question == "" {
		p.Lead = ruleLead
		if rr := rule(x.b, r.Rule); rr != nil {
			p.Text, srcs = say(rr.ReasonVoice, rr.Reason, x.audience), rr.Sources
		}
	} else if q, o := option(x.b, r.Question, r.Option); o != nil {
		p.Topic, p.Label = clean(q.Topic), clean(o.LabelFor(x.audience))
		p.Lead = p.Topic + ": " + p.Label
		p.Text, srcs = say(o.RationaleVoice, o.Rationale, x.audience), o.Sources
	}
	p.Text, p.Sources, p.Cites = clean(p.Text), ids(srcs), x.cite(srcs)
	return p
}

// weight says how much evidence w (half points) counts, in plain words.
func (x *explainer) weight(w questions.Pair) string {
	c, m := float64(w[0])/2, float64(w[1])/2
	cl, ml := clean(x.label(questions.Coaching)), clean(x.label(questions.Mentoring))
	side := func(v float64, label string) string {
		if v < 0 {
			return points(-v) + " away from " + label
		}
		return points(v) + " toward " + label
	}
	switch {
	case c != 0 && m != 0 && c == m:
		return points(c) + " each toward " + cl + " and " + ml
	case c != 0 && m != 0:
		return side(c, cl) + " and " + side(m, ml)
	case c != 0:
		return side(c, cl)
	case m != 0:
		return side(m, ml)
	}
	return ""
}

// cautions are the raised cautions, each in the reader's voice.
func (x *explainer) cautions() []Point {
	out := []Point{}
	for _, id := range x.r.Cautions {
		if c := caution(x.b, id); c != nil {
			out = append(out, Point{ID: id, Text: clean(CautionText(c, x.audience)), Cites: x.cite(c.Sources)})
		}
	}
	return out
}

func (x *explainer) notes(list []Note) []Point {
	out := []Point{}
	for _, n := range list {
		out = append(out, Point{ID: n.ID, Text: clean(n.Text), Cites: x.cite(n.Sources)})
	}
	return out
}

// steps are the next steps the rule set advises for these answers and
// this reader (Steps). When wellbeing comes first, a rule set whose steps
// name the wellbeing question in their conditions (the default one puts a
// referral first and drops the steps that assume a work-focused
// engagement) is followed; for one that does not, the steps all assume
// such an engagement, so the referral and a return to the leaning stand
// instead.
func (x *explainer) steps(label string) []Point {
	if x.r.Status != StatusWellbeing || x.stepsHandle(x.r.Safety) {
		return x.notes(Steps(x.b, x.r, x.audience))
	}
	var srcs []string
	if q := x.b.Question(x.r.Safety); q >= 0 {
		srcs = x.b.Questions[q].Sources
	}
	first := "Start with professional support for " + x.voice.whose + " wellbeing: coaches and mentors pay attention to feelings but are not therapists, so arrange that support before any coaching or mentoring."
	return []Point{
		{Text: first, Cites: x.cite(srcs)},
		{Text: "Come back to " + label + " once that support is in place: answer the questions again then, and the steps for it will follow."},
	}
}

// stepsHandle reports whether any outcome's next step has a condition on
// the question with id q.
func (x *explainer) stepsHandle(q string) bool {
	for _, o := range x.b.Outcomes {
		for _, st := range o.NextSteps {
			for _, list := range [][]questions.Cond{st.When.All, st.When.Any, st.When.None} {
				for _, c := range list {
					if c.Question == q {
						return true
					}
				}
			}
		}
	}
	return false
}

// answers are the answers given: the question's topic and the answer's
// label.
func (x *explainer) answers() []Point {
	out := []Point{}
	for _, a := range x.r.Answers {
		p := Point{Question: a.Question, Option: a.Option}
		if q, o := option(x.b, a.Question, a.Option); o != nil {
			p.Topic, p.Label = clean(q.Topic), clean(o.LabelFor(x.audience))
		}
		p.Lead, p.Text = p.Topic, p.Label
		out = append(out, p)
	}
	return out
}

// alternatives are the result's answer changes with their labels.
func (x *explainer) alternatives() []Alternative {
	out := make([]Alternative, 0, len(x.r.WouldChange))
	for _, c := range x.r.WouldChange {
		a := Alternative{Change: c}
		if q, _ := option(x.b, c.Question, ""); q != nil {
			a.Topic = clean(q.Topic)
		}
		a.FromLabel, a.ToLabel = x.optionLabel(c.Question, c.From), x.optionLabel(c.Question, c.To)
		out = append(out, a)
	}
	return out
}

// optionLabel is the label of option oid of question qid for the reader.
func (x *explainer) optionLabel(qid, oid string) string {
	if _, o := option(x.b, qid, oid); o != nil {
		return clean(o.LabelFor(x.audience))
	}
	return ""
}

func clean(s string) string { return questions.Clean(s) }
