package ui

import (
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
)

// learn is the comparison of coaching and mentoring, one section a
// dimension of the bank, in a scrolling viewport.
type learn struct {
	vp viewport.Model
}

func newLearn(c *common) learn {
	l := learn{vp: newViewport()}
	l.resize(c)
	return l
}

func (l *learn) resize(c *common) {
	l.vp.SetWidth(c.lay.text)
	l.vp.SetHeight(max(c.lay.body-1, 1))
	l.vp.SetContent(learnText(c))
}

func (l learn) update(msg tea.KeyPressMsg, c *common) (learn, tea.Msg) {
	if keyIs(msg, c.keys.Close) {
		return l, closeMsg{}
	}
	l.vp = scroll(l.vp, msg)
	return l, nil
}

func (l learn) view(c *common) string {
	return l.vp.View() + "\n" + truncate(c.styles.Muted.Render(scrollHint(l.vp)), c.lay.text)
}

func learnText(c *common) string {
	s, w := c.styles, c.lay.text
	out := []string{s.Prompt.Render(wrap("Coaching and mentoring compared", w)) + "\n" +
		s.Muted.Render(wrap("What the sources say, point by point. Press esc to return.", w))}
	for _, d := range c.bank.Dimensions {
		out = append(out, dimension(c, d))
	}
	out = append(out, allSources(c))
	return strings.Join(compact(out), "\n\n")
}

func dimension(c *common, d questions.Dimension) string {
	s, w := c.styles, c.lay.text
	out := []string{s.Heading.Render(wrap(Sanitize(d.Label), w))}
	side := func(name string, st questions.Step) {
		if st.Text == "" {
			return
		}
		out = append(out, hang(name+": ", Sanitize(st.Text), w), sources(c, st.Sources, "  ", w))
	}
	side("Coaching", d.Coaching)
	side("Mentoring", d.Mentoring)
	side("Where the sources differ", d.Disagreement)
	return strings.Join(compact(out), "\n")
}

// allSources cites every source of the bank in full.
func allSources(c *common) string {
	if len(c.bank.Sources) == 0 {
		return ""
	}
	out := []string{c.styles.Heading.Render("Sources")}
	for _, src := range c.bank.Sources {
		out = append(out, citeLine(c, src))
	}
	return strings.Join(out, "\n")
}
