package questions

// compile is the third step of Parse: it builds the runtime bank from a
// file that validation passed, so it cannot fail. Texts are normalised
// (normalizeText), ids become indexes, weights become score pairs in half
// points and conditions become option bit masks.
func compile(fb *fileBank, name string) *Bank {
	b := &Bank{
		Name:  name,
		Title: fb.Title.text(),
		Decision: Decision{
			Margin:          fb.Decision.Margin.float(),
			CombinedFloor:   fb.Decision.CombinedFloor.float(),
			CombinedBalance: fb.Decision.CombinedBalance.float(),
			Undecided:       fb.Decision.Undecided.str(),
		},
		Sources:    make([]Source, len(fb.Sources)),
		Outcomes:   make([]Outcome, len(fb.Outcomes)),
		Questions:  make([]Question, len(fb.Questions)),
		Rules:      make([]Rule, len(fb.Rules)),
		Cautions:   make([]Caution, len(fb.Cautions)),
		Routes:     make([]Route, len(fb.Routes)),
		Dimensions: make([]Dimension, len(fb.Dimensions)),
		qindex:     make(map[string]int, len(fb.Questions)),
		sindex:     make(map[string]int, len(fb.Sources)),
		oindex:     make(map[string]int, len(fb.Outcomes)),
	}
	b.compileIDs(fb) // the conditions below name questions and options by id
	b.compileConditional(fb)
	for i := range fb.Dimensions {
		d := &fb.Dimensions[i]
		b.Dimensions[i] = Dimension{ID: d.ID.str(), Label: d.Label.text(),
			Coaching: step(&d.Coaching), Mentoring: step(&d.Mentoring), Disagreement: step(&d.Disagreement)}
	}
	return b
}

// compileIDs compiles what the rest names by id: the sources, the
// outcomes (without their steps) and the questions.
func (b *Bank) compileIDs(fb *fileBank) {
	for i := range fb.Sources {
		s := &fb.Sources[i]
		b.Sources[i] = Source{ID: s.ID.str(), Short: s.Short.text(), Publisher: s.Publisher.text(),
			Title: s.Title.text(), Author: s.Author.text(), Year: int(s.Year.int())}
		b.sindex[s.ID.str()] = i
	}
	for i := range fb.Outcomes {
		o := &fb.Outcomes[i]
		sum := o.Summary.voice()
		b.Outcomes[i] = Outcome{ID: o.ID.str(), Label: o.Label.text(), Summary: sum.For(""), SummaryVoice: sum,
			Sources: o.Sources.ids()}
		b.oindex[o.ID.str()] = i
	}
	for i := range fb.Questions {
		b.Questions[i] = compileQuestion(&fb.Questions[i])
		b.qindex[b.Questions[i].ID] = i
	}
}

// compileConditional compiles what holds under conditions: the outcomes'
// next steps, the rules, the cautions and the routes.
func (b *Bank) compileConditional(fb *fileBank) {
	for i := range fb.Outcomes {
		b.Outcomes[i].NextSteps = b.nextSteps(fb.Outcomes[i].NextSteps)
	}
	for i := range fb.Rules {
		r := &fb.Rules[i]
		reason := r.Reason.voice()
		b.Rules[i] = Rule{ID: r.ID.str(), When: b.compileWhen(&r.When), Reason: reason.For(""), ReasonVoice: reason,
			Sources: r.Sources.ids(), Score: pairOf(&r.Add)}
	}
	for i := range fb.Cautions {
		c := &fb.Cautions[i]
		text := c.Text.voice()
		b.Cautions[i] = Caution{ID: c.ID.str(), Text: text.For(""), Voice: text, Sources: c.Sources.ids(), When: b.compileWhen(&c.When),
			Cap: c.ConfidenceCap.float(), Factor: c.ConfidenceFactor.float()}
	}
	for i := range fb.Routes {
		r := &fb.Routes[i]
		sum := r.Summary.voice()
		b.Routes[i] = Route{ID: r.ID.str(), Label: r.Label.text(), Summary: sum.For(""), SummaryVoice: sum,
			Sources: r.Sources.ids(), When: b.compileWhen(&r.When), NextSteps: b.nextSteps(r.NextSteps)}
	}
}

func step(s *fileStep) Step { return Step{Text: s.Text.text(), Sources: s.Sources.ids()} }

// nextSteps compiles an outcome's next steps; it needs the questions.
func (b *Bank) nextSteps(list []fileNextStep) []Step {
	out := make([]Step, len(list))
	for i := range list {
		s := &list[i]
		text := s.Text.voice()
		out[i] = Step{ID: s.ID.str(), Text: text.For(""), Voice: text, Sources: s.Sources.ids(), When: b.compileWhen(&s.When)}
	}
	return out
}

func compileQuestion(fq *fileQuestion) Question {
	q := Question{
		ID:     fq.ID.str(),
		Topic:  fq.Topic.text(),
		Core:   fq.Core.bool(),
		Ask:    fq.Ask.bool(),
		NotOwn: fq.NotOwn.bool(),
		Kind:   fq.Kind.str(),
		Prompt: Prompt{Manager: fq.Prompt.Manager.text(), Self: fq.Prompt.Self.text(),
			Consultant: fq.Prompt.Consultant.text()},
		Why:     fq.Why.text(),
		Sources: fq.Sources.ids(),
		Options: make([]Option, len(fq.Options)),
		oindex:  make(map[string]int, len(fq.Options)),
	}
	for j := range fq.Options {
		o := &fq.Options[j]
		label, desc, rationale := o.Label.voice(), o.Description.voice(), o.Rationale.voice()
		q.Options[j] = Option{ID: o.ID.str(), Label: label.For(""), LabelVoice: label,
			Description: desc.For(""), DescriptionVoice: desc,
			Rationale: rationale.For(""), RationaleVoice: rationale, Sources: o.Sources.ids(), Score: pairOf(&o.Weights)}
		q.oindex[o.ID.str()] = j
		if o.ID.str() == UnsureID {
			q.unsure = j
		}
	}
	q.Impact, q.Lead = spread(q.Options)
	return q
}

// pairOf converts valid weights into half points.
func pairOf(w *weights) Pair {
	var p Pair
	for _, e := range w.entries() {
		switch e.outcome {
		case Coaching:
			p[0] = int32(e.w * 2)
		case Mentoring:
			p[1] = int32(e.w * 2)
		}
	}
	return p
}

// spread returns the largest evidence any option carries and the largest
// lead toward each side.
func spread(opts []Option) (impact int32, lead Pair) {
	abs := func(x int32) int32 { return max(x, -x) }
	for _, o := range opts {
		w := o.Score
		impact = max(impact, abs(w[0])+abs(w[1]))
		lead[0] = max(lead[0], w[0]-w[1])
		lead[1] = max(lead[1], w[1]-w[0])
	}
	return impact, lead
}

func (b *Bank) compileWhen(fw *fileWhen) When {
	w := When{All: b.conds(fw.All), Any: b.conds(fw.Any), None: b.conds(fw.None), RecMask: 0xff}
	for _, a := range fw.Audience.ids() {
		w.Audiences = append(w.Audiences, Audience(a))
	}
	if st := fw.Status.ids(); len(st) > 0 {
		w.Statuses = st
	}
	if recs := fw.Recommendation.ids(); len(recs) > 0 {
		w.RecMask = 0
		for _, id := range recs {
			w.RecMask |= 1 << b.oindex[id]
		}
	}
	return w
}

func (b *Bank) conds(list []fileCond) []Cond {
	if len(list) == 0 {
		return nil
	}
	out := make([]Cond, len(list))
	for i := range list {
		c := Cond{Question: list[i].Question.str(), In: list[i].In.ids()}
		c.Q = b.qindex[c.Question]
		for _, id := range c.In {
			c.Mask |= 1 << b.Questions[c.Q].oindex[id]
		}
		out[i] = c
	}
	return out
}
