package workshop

import (
	"guidepost/advisor"
	"guidepost/questions"
	"slices"
)

// The room's picture is what the projector may show, and the only place
// the room's answers are counted for it. Three rules make it private by
// construction:
//
//   - it is frozen: a picture covers the first N who finished, and the
//     next one (see gate) waits until at least the minimum group more have
//     finished, so no two pictures differ by fewer than that many people;
//   - no count from 1 to the minimum less one is shown for any row: such a
//     count is hidden ("fewer than N"), and when the hidden rows of a chart
//     could be worked out from the total and the rest, more rows are hidden
//     until together they are at least the minimum;
//   - the wellbeing (safety) questions never reach it: they are left out of
//     the charts and each participant's call is worked out as if they were
//     not answered, so no status or count says who put wellbeing first.

// NoLeaningID is the outcome row of those whose answers lean nowhere yet
// (the advisor's too-few-answers status: "not sure" to most questions).
const NoLeaningID = "no_leaning"

// NoLeaningLabel is how that row reads.
const NoLeaningLabel = "No leaning yet"

// Count is how many chose one thing. Hidden is set when the count may not
// be shown (from 1 to the minimum group less one, or needed to keep such
// a count from being worked out); N and Pct are then zero.
type Count struct {
	ID, Label string
	N, Pct    int
	Hidden    bool
}

// QuestionPicture is how the room answered one question: one chart.
type QuestionPicture struct {
	ID, Topic string
	Options   []Count // in the bank's order, unanswered counted as unsure
}

// Picture is the room as a whole: how many lean to each recommendation
// (and how many have no leaning yet), the kinds of call, and per question
// how the room answered. It holds counts only, never a person's answers.
type Picture struct {
	Total     int
	MinGroup  int
	Outcomes  []Count // coaching, mentoring, combined in the bank's order, then no leaning yet
	Statuses  []Count // the kinds of call, then no leaning yet; never wellbeing first
	Questions []QuestionPicture
}

// projected returns ch as the projector may count it: every safety
// question unanswered.
func projected(b *questions.Bank, ch questions.Choices) questions.Choices {
	out := append(questions.Choices(nil), ch...)
	for q := range b.Questions {
		if b.Questions[q].Kind == questions.KindSafety {
			out[q] = questions.NoAnswer
		}
	}
	return out
}

// shownStatuses are the statuses the picture counts: every status but
// wellbeing first (never projected) and too few answers (the no-leaning
// row).
func shownStatuses() []advisor.Status {
	var out []advisor.Status
	for _, s := range advisor.Statuses {
		if s != advisor.StatusWellbeing && s != advisor.StatusTooFew {
			out = append(out, s)
		}
	}
	return out
}

// picture counts the finished participants' answers for the projector,
// with every count below minGroup hidden.
func picture(b *questions.Bank, finished []questions.Choices, minGroup int) *Picture {
	p, qs := emptyPicture(b, len(finished), minGroup)
	for _, full := range finished {
		p.count(b, qs, projected(b, full))
	}
	p.hideSmall(minGroup)
	return p
}

// emptyPicture is a picture with every row at zero, and the indexes of
// the questions it charts (all but the safety question).
func emptyPicture(b *questions.Bank, total, minGroup int) (*Picture, []int) {
	p := &Picture{Total: total, MinGroup: minGroup}
	for _, o := range b.Outcomes {
		p.Outcomes = append(p.Outcomes, Count{ID: o.ID, Label: o.Label})
	}
	p.Outcomes = append(p.Outcomes, Count{ID: NoLeaningID, Label: NoLeaningLabel})
	for _, s := range shownStatuses() {
		p.Statuses = append(p.Statuses, Count{ID: string(s), Label: s.Text()})
	}
	p.Statuses = append(p.Statuses, Count{ID: NoLeaningID, Label: NoLeaningLabel})
	var qs []int
	for q, bq := range b.Questions {
		if bq.Kind == questions.KindSafety || bq.NotOwn { // never projected; never asked in a room
			continue
		}
		qp := QuestionPicture{ID: bq.ID, Topic: bq.Topic}
		for _, o := range bq.Options {
			qp.Options = append(qp.Options, Count{ID: o.ID, Label: o.Label})
		}
		p.Questions = append(p.Questions, qp)
		qs = append(qs, q)
	}
	return p, qs
}

// count adds one participant's projected answers ch: their call (or no
// leaning), its kind, and their answer to each charted question qs.
func (p *Picture) count(b *questions.Bank, qs []int, ch questions.Choices) {
	v := advisor.Decide(b, ch)
	statuses := shownStatuses()
	if v.Status == advisor.StatusTooFew {
		p.Outcomes[len(b.Outcomes)].N++
		p.Statuses[len(statuses)].N++
	} else {
		p.Outcomes[v.Outcome].N++
		if i := slices.Index(statuses, v.Status); i >= 0 {
			p.Statuses[i].N++
		}
	}
	for i, q := range qs {
		o := ch[q]
		if o == questions.NoAnswer {
			o = int8(b.Unsure(q))
		}
		p.Questions[i].Options[o].N++
	}
}

// hideSmall hides the small counts of every chart and works out the
// percentages of what is shown.
func (p *Picture) hideSmall(minGroup int) {
	// The no-leaning row is in both the outcomes and the statuses: hidden
	// in one, it is hidden in the other, or the other would give it away.
	oNo, sNo := &p.Outcomes[len(p.Outcomes)-1], &p.Statuses[len(p.Statuses)-1]
	for {
		suppress(p.Outcomes, minGroup)
		suppress(p.Statuses, minGroup)
		if oNo.Hidden == sNo.Hidden {
			break
		}
		oNo.Hidden, sNo.Hidden = true, true
	}
	charts := [][]Count{p.Outcomes, p.Statuses}
	for i := range p.Questions {
		suppress(p.Questions[i].Options, minGroup)
		charts = append(charts, p.Questions[i].Options)
	}
	for _, c := range charts {
		percentages(c, p.Total)
	}
}

// suppress hides every count of a chart from 1 to min-1 (keeping those
// hidden already), then, while the hidden counts together are from 1 to
// min-1 (so that the total less the shown ones would give them away),
// hides the smallest shown count too.
func suppress(cells []Count, min int) {
	hidden := 0
	for i := range cells {
		if cells[i].N > 0 && cells[i].N < min {
			cells[i].Hidden = true
		}
		if cells[i].Hidden {
			hidden += cells[i].N
		}
	}
	for hidden > 0 && hidden < min {
		next := -1
		for i, c := range cells {
			if !c.Hidden && c.N > 0 && (next < 0 || c.N < cells[next].N) {
				next = i
			}
		}
		if next < 0 {
			return // everything with a count is hidden already
		}
		cells[next].Hidden = true
		hidden += cells[next].N
	}
}

// percentages clears the hidden counts and gives the shown ones their
// percentage of total.
func percentages(cells []Count, total int) {
	for i := range cells {
		switch {
		case cells[i].Hidden:
			cells[i].N = 0
		case total > 0:
			cells[i].Pct = (cells[i].N*100 + total/2) / total
		}
	}
}

// gate is the freezing rule: the picture the projector shows and how many
// finished participants it covers. It moves on only when at least min more
// have finished than the picture covers.
type gate struct {
	pic     *Picture
	covered int
}

// advance makes a new picture from finished when at least min have
// finished beyond the current one, and reports whether it did.
func (g *gate) advance(b *questions.Bank, finished []questions.Choices, min int) bool {
	if len(finished)-g.covered < min {
		return false
	}
	g.pic = picture(b, finished, min)
	g.covered = len(finished)
	return true
}
