package ui

import (
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"guidepost/advisor"
)

// learn is the comparison of coaching and mentoring, one section a
// dimension of the bank, in a scrolling viewport.
type learn struct {
	vp   viewport.Model
	page page // the text laid out for the viewport's width
}

// learnMsg opens the comparison.
type learnMsg struct{}

func (learnMsg) open(*common) screen { return learn{vp: newViewport()} }

func (l learn) resize(c *common) screen {
	l.vp.SetWidth(c.lay.text)
	l.vp.SetHeight(max(c.lay.body-1, 1))
	text := learnText(c)
	l.vp.SetContent(text)
	l.page = newPage(text, l.vp.Width())
	return l
}

func (l learn) keys(c *common) keySet { return learnKeys(c.keys, l.vp) }

func (l learn) update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg) {
	if keyIs(msg, c.keys.Close) {
		return l, closeMsg{}
	}
	l.vp = scroll(l.vp, msg)
	return l, nil
}

func (l learn) view(c *common) string {
	return l.page.view(l.vp) + "\n" + truncate(c.styles.Muted.Render(scrollHint(l.vp)), c.lay.text)
}

// learnText lays out advisor.Compare, the comparison "guidepost learn"
// prints too: the same rows, sides and numbered sources.
func learnText(c *common) string {
	s, w := c.styles, c.lay.text
	cmp := advisor.Compare(c.bank)
	out := []string{s.Prompt.Render(hangText("", cmp.Title, w)) + "\n" +
		s.Muted.Render(hangText("", cmp.Intro+" Press esc to return.", w))}
	for _, row := range cmp.Rows {
		out = append(out, dimension(c, row))
	}
	out = append(out, sourceList(cmp.Sources, c))
	return joinBlocks(out)
}

// dimension is one row: the coaching and mentoring sides with their labels
// aligned, then where the sources differ.
func dimension(c *common, row advisor.Row) string {
	s, w := c.styles, c.lay.text
	out := []string{s.Heading.Render(hangText("", row.Label, w))}
	width := max(ansi.StringWidth(advisor.TitleCoaching), ansi.StringWidth(advisor.TitleMentoring))
	for _, side := range row.Sides() {
		if side.Name == advisor.TitleDiffer {
			out = append(out, s.Muted.Render("≠ "+side.Name+":"), hangText("  ", side.Point.Line(), w))
			continue
		}
		lead := side.Name + ":" + strings.Repeat(" ", width-ansi.StringWidth(side.Name)) + " "
		out = append(out, hangText(lead, side.Point.Line(), w))
	}
	return strings.Join(out, "\n")
}
