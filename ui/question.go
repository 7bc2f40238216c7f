package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Heights that keep the question screen steady.
const (
	maxDescLines = 3 // the description area under the options
	minListLines = 5 // the options beside the why panel: 3 rows and the "more" lines
	minWhyLines  = 3 // text lines of the why panel before it gives up its room
)

// question is one question on its screen: the options with a cursor, the
// highlighted option's description, and "why we ask this" on demand in a
// panel under the options that scrolls on its own.
type question struct {
	pos, total int // position among the asked questions, and their count
	q          int // the bank's index
	cursor     int
	chosen     int  // the earlier answer (or the one just picked), or questions.NoAnswer
	picked     bool // a key picked chosen: it shows for a moment, then the root answers
	fromReview bool // opened from the review: esc returns there
	why        bool
	whyTop     int // first line of the why text shown

	text questionText // planned by resize: the texts at the layout's width
	plan qPlan        // planned by resize, and again when why opens or closes
}

func newQuestion(pos, total, q, chosen int, fromReview bool) question {
	return question{pos: pos, total: total, q: q, chosen: chosen, cursor: max(chosen, 0), fromReview: fromReview}
}

// keys is what the question answers to: the why panel's scroll keys only
// while it is open, back only after the first question, esc only where it
// closes something.
func (qs question) keys(c *common) keySet {
	k, n := c.keys, len(c.bank.Questions[qs.q].Options)
	pick := pickKeys(n)
	back := when(k.Back, qs.pos > 0)
	why, esc := k.Why, when(relabel(k.Close, "back to the review"), qs.fromReview)
	if qs.why {
		why, esc = relabel(k.Why, "close why"), when(relabel(k.Close, "close why"), true)
	}
	scrolls := qs.why && qs.plan.whyMax > 0
	up, down := when(relabel(k.PageUp, "scroll why"), scrolls), when(relabel(k.PageDown, "scroll why"), scrolls)
	return keySet{
		short: []key.Binding{pick, relabel(k.Unsure, "unsure"), why, back, k.Choose, when(esc, esc.Enabled() && !qs.why), down},
		full: [][]key.Binding{
			{k.Up, k.Down, k.Top, k.Bottom},
			{pick, k.Unsure, k.Choose, back, esc},
			{why, up, down, k.Lean},
		},
	}
}

func (qs question) update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg) {
	k, n := c.keys, len(c.bank.Questions[qs.q].Options)
	switch {
	case keyIs(msg, k.Up, k.Down, k.Top, k.Bottom):
		qs.cursor = moveCursor(qs.cursor, n, msg, k)
	case keyIs(msg, k.Choose):
		return qs, answeredMsg{qs.pos, qs.cursor}
	case keyIs(msg, pickKeys(n)):
		if i := digit(msg); i < n {
			return qs.pick(i)
		}
	case keyIs(msg, k.Unsure):
		return qs.pick(c.bank.Unsure(qs.q))
	case keyIs(msg, k.Back):
		return qs, backMsg{qs.pos}
	case keyIs(msg, k.Close):
		if !qs.why {
			return qs, changeMsg{qs.pos}
		}
		qs.why = false
		qs.plan = qs.makePlan(c)
	case keyIs(msg, k.Why):
		qs.why, qs.whyTop = !qs.why, 0
		qs.plan = qs.makePlan(c)
	case keyIs(msg, k.PageDown, k.PageUp):
		qs.whyTop = qs.scrollWhy(keyIs(msg, k.PageDown))
	}
	return qs, nil
}

// resize plans the question's texts and heights for the layout.
func (qs question) resize(c *common) screen {
	qs.text = qs.makeText(c)
	qs.plan = qs.makePlan(c)
	return qs
}

// pick shows option i as chosen and asks the root to answer with it once
// the reader has seen it.
func (qs question) pick(i int) (question, tea.Msg) {
	qs.cursor, qs.chosen, qs.picked = i, i, true
	return qs, pickedMsg{answeredMsg{qs.pos, i}}
}

// scrollWhy returns the why panel's first line after a page down or up.
func (qs question) scrollWhy(down bool) int {
	p := qs.plan
	page := max(p.whyRows-1, 1) // a line of overlap keeps the place
	if !down {
		page = -page
	}
	return min(max(qs.whyTop+page, 0), p.whyMax)
}

// qPlan is how the question screen shares its height: the options get
// what they need first, then the why panel, then the description.
type qPlan struct {
	gap          string
	top          string // the counter, the progress bar and the prompt
	list, desc   int    // lines for the options and the description (0: left out)
	box, whyRows int    // lines of the why panel, and of text inside it
	whyMax       int    // the largest useful whyTop
	whyText      []string
	fits         bool
}

// makePlan lays the screen out with blank lines between its parts when
// everything fits that way, else without them.
func (qs question) makePlan(c *common) qPlan {
	p := qs.planWith(c, "\n")
	if !p.fits {
		p = qs.planWith(c, "")
	}
	return p
}

func (qs question) planWith(c *common, gap string) qPlan {
	s, l := c.styles, c.lay
	q := &c.bank.Questions[qs.q]
	p := qPlan{gap: gap}
	text := qs.text
	p.top = qs.progress(c) + "\n" + gap + text.prompt + "\n" + gap
	g := lines(gap)
	room, n, desc := l.body-(lines(p.top)-1), len(q.Options), text.descLines // top ends where the options begin
	if !qs.why {
		p.list, p.desc = max(room-g-desc, 1), desc
		p.fits = p.list >= n
		return p
	}
	p.whyText = strings.Split(qs.whyText(c), "\n")
	frame := s.Why.GetVerticalFrameSize()
	want := len(p.whyText) + frame
	if n+g+desc+g+want <= room {
		p.list, p.desc, p.box, p.fits = n, desc, want, true
	} else {
		p.box = min(want, max(room-g-min(n, minListLines), frame+minWhyLines))
		p.list = max(min(room-g-p.box, n), 1)
		p.box = min(want, room-g-p.list)
	}
	p.whyRows = max(p.box-frame, 1)
	p.whyMax = max(len(p.whyText)-p.whyRows, 0)
	return p
}

// view draws the question by its plan.
func (qs question) view(c *common) string {
	p := qs.plan
	v := p.top + qs.options(c, p.list)
	if p.desc > 0 {
		v += "\n" + p.gap + fit(qs.text.descs[qs.cursor], p.desc)
	}
	if qs.why {
		v += "\n" + p.gap + qs.whyBox(c, p)
	}
	return v
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
	labels := qs.text.labels
	rows := make([]string, len(labels))
	for i, label := range labels {
		rows[i] = optionRow(c, i, len(labels), label, i == qs.cursor, i == qs.chosen)
	}
	return scrollList(rows, qs.cursor, height, c.styles.Muted.Render)
}

// questionText is what the question screen draws of a question at one
// width, whatever the cursor: the prompt and the options' labels and
// descriptions.
type questionText struct {
	prompt    string
	labels    []string // each option's label, made safe to print
	descs     []string // each option's description, wrapped and styled
	descLines int      // the description area's height (see makeText)
}

// makeText is the question's prompt and descriptions for the layout. The
// description area is as high as the longest wrapped description, so it
// does not jump as the cursor moves.
func (qs question) makeText(c *common) questionText {
	s, q := c.styles, &c.bank.Questions[qs.q]
	t := questionText{prompt: s.Prompt.Render(wrap(Sanitize(q.Prompt.For(c.audience)), c.lay.text)), descLines: 1}
	for _, o := range q.Options {
		d := wrap(Sanitize(o.DescriptionFor(c.audience)), c.lay.text)
		t.descLines = max(t.descLines, lines(d))
		t.labels = append(t.labels, Sanitize(o.LabelFor(c.audience)))
		t.descs = append(t.descs, s.Desc.Render(d))
	}
	t.descLines = min(t.descLines, maxDescLines)
	return t
}

// whyText is "why we ask this" and its sources, wrapped for the panel.
func (qs question) whyText(c *common) string {
	s := c.styles
	q := &c.bank.Questions[qs.q]
	inner := c.lay.text - s.Why.GetHorizontalFrameSize()
	text := wrap(Sanitize(q.Why), inner)
	if cites := c.bank.Cite(q.Sources); len(cites) > 0 {
		text += "\n" + s.Muted.Render(hang("Sources: ", Sanitize(strings.Join(cites, "; ")), inner))
	}
	return text
}

// whyBox is the why panel: its title in the top border, the text from
// whyTop in the plan's rows, and, when it does not all fit, where the rest
// lies and which key reaches it in the bottom border.
func (qs question) whyBox(c *common, p qPlan) string {
	s, w := c.styles, c.lay.text
	text, more := p.whyText, ""
	if len(text) > p.whyRows {
		top := min(qs.whyTop, p.whyMax)
		end := min(top+p.whyRows, len(text))
		text, more = text[top:end], moreWhy(top > 0, end < len(text))
	}
	body := s.Why.BorderTop(false).BorderBottom(false).Width(w).Render(strings.Join(text, "\n"))
	edge := s.Muted.Foreground(s.Why.GetBorderTopForeground())
	return borderLine(edge, s.Heading, "╭─ ", "Why we ask this", "╮", w) + "\n" + body + "\n" +
		borderLine(edge, s.Muted, "╰─ ", more, "╯", w)
}

// borderLine is a box's top or bottom edge w cells wide with a label in it.
func borderLine(edge, label lipgloss.Style, left, text, right string, w int) string {
	if text == "" {
		return edge.Render(strings.TrimSuffix(left, " ") + strings.Repeat("─", max(w-3, 0)) + right)
	}
	text = truncate(text, w-ansi.StringWidth(left)-3)
	fill := max(w-ansi.StringWidth(left)-ansi.StringWidth(text)-2, 0)
	return edge.Render(left) + label.Render(text) + edge.Render(" "+strings.Repeat("─", fill)+right)
}

// moreWhy says which way the rest of the why text lies.
func moreWhy(above, below bool) string {
	switch {
	case above && below:
		return "↑↓ more: pgup, pgdn"
	case below:
		return "↓ more: pgdn"
	}
	return "↑ more: pgup"
}

// optionRow is one numbered row of a list: the cursor glyph marks the
// highlighted row and a check mark the earlier answer, so neither rests on
// colour. Numbers are right-aligned, so 9. sits over 10.
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
