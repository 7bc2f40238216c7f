package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
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

// keys is what the review answers to.
func (r review) keys(k keyMap) keySet {
	choose := relabel(k.Choose, "change")
	if r.cursor == r.asked {
		choose = relabel(k.Choose, "see the result")
	}
	return keySet{
		short: []key.Binding{choose, k.Result, k.Up, k.Down},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{choose, k.Result, k.Lean},
		},
	}
}

func (r review) update(msg tea.KeyPressMsg, c *common) (review, tea.Msg) {
	k, page := c.keys, max(c.lay.body-3, 1)
	switch {
	case keyIs(msg, k.Up):
		r.cursor = max(r.cursor-1, 0)
	case keyIs(msg, k.Down):
		r.cursor = min(r.cursor+1, r.asked)
	case keyIs(msg, k.Top):
		r.cursor = 0
	case keyIs(msg, k.Bottom):
		r.cursor = r.asked
	case keyIs(msg, k.PageUp):
		r.cursor = max(r.cursor-page, 0)
	case keyIs(msg, k.PageDown):
		r.cursor = min(r.cursor+page, r.asked)
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

func (r review) view(c *common, asked []int, ch questions.Choices) string {
	s, l := c.styles, c.lay
	head := s.Prompt.Render("Your answers") + "\n" +
		s.Muted.Render(wrap("Choose one to change it, or see the result.", l.text)) + "\n" + l.gap()
	rows := make([]string, 0, len(asked)+1)
	for i, q := range asked {
		rows = append(rows, r.row(c, i, q, ch))
	}
	rows = append(rows, r.resultRow(c))
	return head + scrollList(rows, r.cursor, l.body-(lines(head)-1), s.Muted.Render) // head ends where the rows begin
}

// row is "Topic: answer", wrapped under its text so that a long answer is
// never cut, with the cursor glyph on the highlighted row.
func (r review) row(c *common, i, q int, ch questions.Choices) string {
	k := textKey{q: q, opt: int(ch[q]), width: c.lay.text, audience: c.audience}
	row, ok := c.memo.reviewRow(k)
	if !ok {
		bq := &c.bank.Questions[q]
		answer := "— not answered (counts as unsure)"
		if ch[q] != questions.NoAnswer {
			answer = Sanitize(bq.Options[ch[q]].LabelFor(c.audience))
		}
		line := hang("", Sanitize(bq.Topic)+": "+answer, c.lay.text-2)
		row = [2]string{line, indentRest("  "+line, "  ")}
		c.memo.keepReviewRow(k, row)
	}
	if i == r.cursor {
		s := c.styles
		return indentRest(s.Cursor.Render("› ")+s.Selected.Render(row[0]), "  ")
	}
	return row[1]
}

// indentRest indents every line of s but the first.
func indentRest(s, pad string) string {
	return strings.ReplaceAll(s, "\n", "\n"+pad)
}

func (r review) resultRow(c *common) string {
	s := c.styles
	label := "See the result →"
	if r.cursor == r.asked {
		return s.Cursor.Render("› ") + s.Rec.Render(label)
	}
	return "  " + s.Heading.Render(label)
}
