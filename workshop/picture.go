package workshop

import (
	"guidepost/advisor"
	"guidepost/questions"
)

// Statuses of one result, as the room's picture counts them. They are read
// from the verdict today; once package advisor's explanation carries a
// status, statusOf reads it from there.
const (
	StatusClear     = "clear"
	StatusMixed     = "mixed signals"
	StatusWellbeing = "wellbeing first"
)

// wellbeingCaution is the caution (CONTRACT §1) that puts wellbeing first.
const wellbeingCaution = "not_therapy"

// statusOf is a result's status: wellbeing first when the wellbeing caution
// is raised, mixed signals on a close call, else clear.
func statusOf(b *questions.Bank, v advisor.Verdict) string {
	for i, c := range b.Cautions {
		if c.ID == wellbeingCaution && v.Cautions&(1<<i) != 0 {
			return StatusWellbeing
		}
	}
	if v.CloseCall {
		return StatusMixed
	}
	return StatusClear
}

// Count is how many chose one thing.
type Count struct {
	ID, Label string
	N         int
}

// QuestionPicture is how the room answered one question.
type QuestionPicture struct {
	ID, Topic string
	Options   []Count // in the bank's order, unanswered counted as unsure
}

// Picture is the room as a whole: how many lean to each recommendation,
// the statuses, and per question how the room answered. It holds counts
// only, never a person's answers.
type Picture struct {
	Total     int
	Outcomes  []Count // coaching, mentoring, combined, in the bank's order
	Statuses  []Count // clear, mixed signals, wellbeing first
	Questions []QuestionPicture
}

// picture counts the finished participants' answers.
func picture(b *questions.Bank, finished []questions.Choices) *Picture {
	p := &Picture{Total: len(finished)}
	for _, o := range b.Outcomes {
		p.Outcomes = append(p.Outcomes, Count{ID: o.ID, Label: o.Label})
	}
	for _, s := range []string{StatusClear, StatusMixed, StatusWellbeing} {
		p.Statuses = append(p.Statuses, Count{ID: s, Label: s})
	}
	for _, q := range b.Questions {
		qp := QuestionPicture{ID: q.ID, Topic: q.Topic}
		for _, o := range q.Options {
			qp.Options = append(qp.Options, Count{ID: o.ID, Label: o.Label})
		}
		p.Questions = append(p.Questions, qp)
	}
	for _, ch := range finished {
		v := advisor.Decide(b, ch)
		p.Outcomes[v.Outcome].N++
		st := statusOf(b, v)
		for i := range p.Statuses {
			if p.Statuses[i].ID == st {
				p.Statuses[i].N++
			}
		}
		for q, o := range ch {
			if o == questions.NoAnswer {
				o = int8(b.Unsure(q))
			}
			p.Questions[q].Options[o].N++
		}
	}
	return p
}
