package ui

import (
	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
)

// review lists every answer, one row a question, and a last row that
// shows the result: rows 0..asked-1 are the asked questions, row asked is
// "See the result".
type review struct {
	cursor, asked int
}

func newReview(cursor, asked int) review { return review{cursor: cursor, asked: asked} }

func (r review) update(msg tea.KeyPressMsg, c *common) (review, tea.Msg) {
	k := c.keys
	switch {
	case keyIs(msg, k.Up):
		r.cursor = max(r.cursor-1, 0)
	case keyIs(msg, k.Down):
		r.cursor = min(r.cursor+1, r.asked)
	case keyIs(msg, k.Scroll):
		r.cursor = r.scroll(msg.String(), c.lay.body)
	case keyIs(msg, k.Result):
		return r, showResultMsg{}
	case keyIs(msg, k.Choose):
		if r.cursor == r.asked {
			return r, showResultMsg{}
		}
		return r, editMsg{r.cursor}
	}
	return r, nil
}

func (r review) scroll(k string, page int) int {
	switch k {
	case "home":
		return 0
	case "end":
		return r.asked
	case "pgup":
		return max(r.cursor-page, 0)
	}
	return min(r.cursor+page, r.asked)
}

func (r review) view(c *common, asked []int, ch questions.Choices) string {
	s, l := c.styles, c.lay
	head := s.Prompt.Render("Your answers") + "\n" +
		s.Muted.Render(wrap("Choose one to change it, or see the result.", l.text)) + "\n" + l.gap()
	rows := make([]string, 0, len(asked)+1)
	for i, q := range asked {
		rows = append(rows, r.row(c, i, q, ch))
	}
	rows = append(rows, r.resultRow(c))
	return head + scrollList(rows, r.cursor, l.body-lines(head), s.Muted.Render)
}

// row is "Topic: answer" with the cursor glyph on the highlighted row.
func (r review) row(c *common, i, q int, ch questions.Choices) string {
	s := c.styles
	bq := &c.bank.Questions[q]
	answer := "— not answered (counts as unsure)"
	if ch[q] != questions.NoAnswer {
		answer = Sanitize(bq.Options[ch[q]].Label)
	}
	line := truncate(Sanitize(bq.Topic)+": "+answer, c.lay.text-2)
	if i == r.cursor {
		return s.Cursor.Render("› ") + s.Selected.Render(line)
	}
	return "  " + line
}

func (r review) resultRow(c *common) string {
	s := c.styles
	label := "See the result →"
	if r.cursor == r.asked {
		return s.Cursor.Render("› ") + s.Rec.Render(label)
	}
	return "  " + s.Heading.Render(label)
}
