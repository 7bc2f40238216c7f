package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Heights that keep the question screen steady.
const (
	maxDescLines = 3 // the description area under the options
	minListLines = 3 // the options, when the why box takes room
)

// question is one question on its screen: the options with a cursor, the
// highlighted option's description, and "why we ask this" on demand.
type question struct {
	pos, total int // position among the asked questions, and their count
	q          int // the bank's index
	cursor     int
	chosen     int // the earlier answer, or questions.NoAnswer
	why        bool
}

func newQuestion(pos, total, q, chosen int) question {
	return question{pos: pos, total: total, q: q, chosen: chosen, cursor: max(chosen, 0)}
}

func (qs question) update(msg tea.KeyPressMsg, c *common) (question, tea.Msg) {
	k, n := c.keys, len(c.bank.Questions[qs.q].Options)
	switch {
	case keyIs(msg, k.Up), keyIs(msg, k.Down):
		qs.cursor = moveCursor(qs.cursor, n, msg, k)
	case keyIs(msg, k.Choose):
		return qs, answeredMsg{qs.pos, qs.cursor}
	case keyIs(msg, k.Pick):
		if i := digit(msg); i < n {
			qs.cursor = i
			return qs, answeredMsg{qs.pos, i}
		}
	case keyIs(msg, k.Unsure):
		qs.cursor = c.bank.Unsure(qs.q)
		return qs, answeredMsg{qs.pos, qs.cursor}
	case keyIs(msg, k.Back):
		return qs, backMsg{}
	case keyIs(msg, k.Close):
		return qs, closeMsg{}
	case keyIs(msg, k.Why):
		qs.why = !qs.why
	}
	return qs, nil
}

// view draws the question with blank lines between its parts when
// everything fits that way, else without them.
func (qs question) view(c *common) string {
	if v, ok := qs.render(c, "\n"); ok {
		return v
	}
	v, _ := qs.render(c, "")
	return v
}

// render lays out, top to bottom: the counter and progress bar, the prompt,
// the options, the description area and the why box, with gap between
// them. The options get what is left, scrolling around the cursor when it
// is not enough; when even minListLines do not fit beside the why box, the
// box replaces them. ok is false when anything had to give way.
func (qs question) render(c *common, gap string) (v string, ok bool) {
	s, l := c.styles, c.lay
	q := &c.bank.Questions[qs.q]
	top := qs.progress(c) + "\n" + gap + s.Prompt.Render(wrap(Sanitize(q.Prompt.For(c.audience)), l.text)) + "\n" + gap
	desc := gap + fit(s.Desc.Render(wrap(Sanitize(q.Options[qs.cursor].Description), l.text)), qs.descLines(c))
	room, n := l.body-lines(top)-lines(desc), len(q.Options)
	if !qs.why {
		return top + qs.options(c, room) + "\n" + desc, room >= n
	}
	box := gap + qs.whyBox(c, l.body)
	if room-lines(box) >= minListLines {
		return top + qs.options(c, room-lines(box)) + "\n" + desc + "\n" + box, room-lines(box) >= n
	}
	return top + qs.whyBox(c, l.body-lines(top)), false
}

// progress is "Question n of N" and a bar of glyphs: it reads without
// colour.
func (qs question) progress(c *common) string {
	s, w := c.styles, c.lay.text
	label := fmt.Sprintf("Question %d of %d", qs.pos+1, qs.total)
	barW := max(w-len(label)-2, 4)
	done := barW * qs.pos / max(qs.total, 1)
	bar := s.Cursor.Render(strings.Repeat("━", done)) + s.Track.Render(strings.Repeat("─", barW-done))
	return s.Muted.Render(label) + "  " + bar
}

func (qs question) options(c *common, height int) string {
	opts := c.bank.Questions[qs.q].Options
	rows := make([]string, len(opts))
	for i, o := range opts {
		rows[i] = optionRow(c, i, len(opts), Sanitize(o.Label), i == qs.cursor, i == qs.chosen)
	}
	return scrollList(rows, qs.cursor, height, c.styles.Muted.Render)
}

// descLines is the height of the description area: the longest wrapped
// description of this question, so the area does not jump as the cursor
// moves.
func (qs question) descLines(c *common) int {
	n := 1
	for _, o := range c.bank.Questions[qs.q].Options {
		n = max(n, lines(wrap(Sanitize(o.Description), c.lay.text)))
	}
	return min(n, maxDescLines)
}

// whyBox is "why we ask this" with its sources in a box of at most height
// lines; in a window too short for all of it, it ends with a line saying
// so rather than losing the end silently.
func (qs question) whyBox(c *common, height int) string {
	s, w := c.styles, c.lay.text
	q := &c.bank.Questions[qs.q]
	inner := w - s.Why.GetHorizontalFrameSize()
	text := s.Heading.Render("Why we ask this") + "\n" + wrap(Sanitize(q.Why), inner)
	if cites := c.bank.Cite(q.Sources); len(cites) > 0 {
		text += "\n" + s.Muted.Render(hang("Sources: ", Sanitize(strings.Join(cites, "; ")), inner))
	}
	if room := height - s.Why.GetVerticalFrameSize(); lines(text) > room {
		text = fit(text, max(room-1, 0)) + "\n" + s.Muted.Render(truncate("… (a taller window shows the rest)", inner))
	}
	return s.Why.Render(text)
}

// optionRow is one numbered row of a list: the cursor glyph marks the
// highlighted row and a check mark the earlier answer, so neither rests on
// colour.
func optionRow(c *common, i, n int, label string, selected, chosen bool) string {
	s := c.styles
	cursor, num := "  ", fmt.Sprintf("%*d. ", len(strconv.Itoa(n)), i+1)
	mark := ""
	if chosen {
		mark = " ✓"
	}
	label = truncate(label, c.lay.text-len(cursor)-len(num)-len(mark)-1)
	if selected {
		return s.Cursor.Render("› ") + s.Selected.Render(num+label) + s.Chosen.Render(mark)
	}
	return cursor + num + label + s.Chosen.Render(mark)
}
