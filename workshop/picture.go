package workshop

import (
	"guidepost/advisor"
	"guidepost/questions"
)

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
	Statuses  []Count // advisor.Statuses, in that order
	Questions []QuestionPicture
}

// picture counts the finished participants' answers.
func picture(b *questions.Bank, finished []questions.Choices) *Picture {
	p := &Picture{Total: len(finished)}
	for _, o := range b.Outcomes {
		p.Outcomes = append(p.Outcomes, Count{ID: o.ID, Label: o.Label})
	}
	for _, s := range advisor.Statuses {
		p.Statuses = append(p.Statuses, Count{ID: string(s), Label: s.Text()})
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
		for i := range p.Statuses {
			if p.Statuses[i].ID == string(v.Status) {
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
