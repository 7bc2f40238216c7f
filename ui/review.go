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
	answers       []string // "Topic: answer" for each asked question

	head string      // planned by resize: the title and the hint
	rows [][2]string // planned by resize: each answer's row, and the row not highlighted
}

// newReview lists the answers ch gives the asked questions, with the
// cursor on row cursor.
func newReview(c *common, cursor int, asked []int, ch questions.Choices) review {
	r := review{cursor: cursor, asked: len(asked), answers: make([]string, len(asked))}
	for i, q := range asked {
		bq := &c.bank.Questions[q]
		answer := "— not answered (counts as unsure)"
		if ch[q] != questions.NoAnswer {
			answer = Sanitize(bq.Options[ch[q]].LabelFor(c.audience))
		}
		r.answers[i] = Sanitize(bq.Topic) + ": " + answer
	}
	return r
}

// keys is what the review answers to.
func (r review) keys(c *common) keySet {
	k := c.keys
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

func (r review) update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg) {
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

// resize wraps the rows for the layout. A row is "Topic: answer", wrapped
// under its text so that a long answer is never cut.
func (r review) resize(c *common) screen {
	s, l := c.styles, c.lay
	r.head = s.Prompt.Render("Your answers") + "\n" +
		s.Muted.Render(wrap("Choose one to change it, or see the result.", l.text)) + "\n" + l.gap()
	r.rows = make([][2]string, len(r.answers))
	for i, a := range r.answers {
		line := hang("", a, l.text-2)
		r.rows[i] = [2]string{line, indentRest("  "+line, "  ")}
	}
	return r
}

func (r review) view(c *common) string {
	rows := make([]string, 0, len(r.rows)+1)
	for i := range r.rows {
		rows = append(rows, r.row(c, i))
	}
	rows = append(rows, r.resultRow(c))
	return r.head + scrollList(rows, r.cursor, c.lay.body-(lines(r.head)-1), c.styles.Muted.Render) // head ends where the rows begin
}

// row is row i, with the cursor glyph when it is highlighted.
func (r review) row(c *common, i int) string {
	if i == r.cursor {
		s := c.styles
		return indentRest(s.Cursor.Render("› ")+s.Selected.Render(r.rows[i][0]), "  ")
	}
	return r.rows[i][1]
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
