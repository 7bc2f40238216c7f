package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// audienceChoice is one entry of the welcome's list; the audience sets the
// wording of every question.
type audienceChoice struct {
	id, label, desc string
}

var audienceChoices = [...]audienceChoice{
	{"manager", "An employee you manage", "You are a manager weighing support for someone in your team."},
	{"self", "Yourself", "You are weighing support for your own work and development."},
	{"consultant", "A participant or group in a workshop", "You are a consultant or facilitator working through this with others."},
}

// welcome says what Guidepost does and asks who the questions are about.
type welcome struct {
	cursor int
}

func newWelcome() welcome { return welcome{} }

func (w welcome) update(msg tea.KeyPressMsg, c *common) (welcome, tea.Msg) {
	k := c.keys
	n := len(audienceChoices)
	switch {
	case keyIs(msg, k.Up), keyIs(msg, k.Down):
		w.cursor = moveCursor(w.cursor, n, msg, k)
	case keyIs(msg, k.Choose):
		return w, audienceMsg{audienceChoices[w.cursor].id}
	case keyIs(msg, k.Pick):
		if i := digit(msg); i < n {
			return w, audienceMsg{audienceChoices[i].id}
		}
	case keyIs(msg, k.Learn):
		return w, learnMsg{}
	}
	return w, nil
}

// view shows the title, what Guidepost does, the audiences and a hint
// about the comparison; a short window drops the hint, then the intro.
func (w welcome) view(c *common) string {
	s, l := c.styles, c.lay
	title := s.Prompt.Render(wrap("Coaching, mentoring, or both?", l.text))
	intro := wrap("Answer a few questions and Guidepost recommends coaching, mentoring or a combined programme, with its reasons and sources.", l.text)
	rows := []string{s.Heading.Render("Who is this about?")}
	for i, a := range audienceChoices {
		rows = append(rows, optionRow(c, i, len(audienceChoices), a.label, i == w.cursor, false))
	}
	list := strings.Join(rows, "\n")
	desc := s.Desc.Render(wrap(audienceChoices[w.cursor].desc, l.text))
	hint := s.Muted.Render(wrap("Press l to compare coaching and mentoring first.", l.text))
	for _, parts := range [][]string{{title, intro, list, desc, hint}, {title, intro, list, desc}, {title, list, desc}} {
		for _, gap := range []string{"\n\n", "\n"} {
			if v := strings.Join(parts, gap); lines(v) <= l.body {
				return v
			}
		}
	}
	return title + "\n" + list
}

// digit returns the 0-based option a number key picks.
func digit(msg tea.KeyPressMsg) int {
	return int(msg.String()[0] - '1')
}
