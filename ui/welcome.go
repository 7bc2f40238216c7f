package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
)

// audienceChoice is one entry of the welcome's list; the audience sets the
// wording of every question.
type audienceChoice struct {
	id          questions.Audience
	label, desc string
}

var audienceChoices = [...]audienceChoice{
	{questions.Manager, "An employee you manage", "You are a manager weighing support for someone in your team."},
	{questions.Self, "Yourself", "You are weighing support for your own work and development."},
	{questions.Consultant, "A participant or group in a workshop", "You are a consultant or facilitator working through this with others."},
}

// welcomeEntry is one row of the welcome's list: an audience to start
// with, or the saved draft to continue.
type welcomeEntry struct {
	label, desc string
	audience    questions.Audience
	resume      bool
	listed      int // the index in Config.Drafts of a listed draft; -1 otherwise
}

// welcome says what Guidepost does and asks who the questions are about;
// when a draft is saved it also offers to continue it.
type welcome struct {
	cursor  int
	picked  bool // a number key picked the cursor's row: on show until the root goes on
	entries []welcomeEntry
	heading string
	// removing is the entry whose removal waits for y (-1: none).
	removing int
	plan     welcomePlan // planned by resize
}

// welcomePlan is the welcome's text wrapped and styled for the layout:
// View only chooses which parts fit.
type welcomePlan struct {
	title, intro, heading, hint string
	descs                       []string // each entry's description
}

// newWelcome lists the audiences, or only a fresh start when the audience
// is already set, and the draft when there is one to continue.
func newWelcome(c *common, d *Draft, asked []int) welcome {
	w := welcome{heading: "Who is this about?", removing: -1}
	if c.audience == "" {
		for _, a := range audienceChoices {
			w.entries = append(w.entries, welcomeEntry{label: a.label, desc: a.desc, audience: a.id, listed: -1})
		}
	} else {
		w.heading = "How would you like to start?"
		desc := "New answers replace the saved draft from the first one you give."
		if d == nil {
			desc = "A new draft: the saved ones below are kept."
		}
		w.entries = append(w.entries, welcomeEntry{label: "Start afresh", audience: c.audience, desc: desc, listed: -1})
	}
	if d != nil {
		w.entries = append(w.entries, draftEntry(c, d, asked))
		if c.audience == "" {
			w.heading = "Who is this about? Or continue your draft:"
		}
	}
	return w
}

// draftEntry describes the saved draft: how much of it is answered and
// whom it is about.
func draftEntry(c *common, d *Draft, asked []int) welcomeEntry {
	n := 0
	for _, q := range asked {
		if d.Choices[q] != questions.NoAnswer {
			n++
		}
	}
	desc := fmt.Sprintf("%d of %d questions answered", n, len(asked))
	if a := audiencePhrase(d.Audience); a != "" && c.audience == "" {
		desc += ", " + a
	}
	return welcomeEntry{label: "Continue your saved draft", resume: true, listed: -1,
		desc: desc + ". You go on from the first question left open."}
}

// keys is what the welcome answers to.
func (w welcome) keys(c *common) keySet {
	k := c.keys
	pick := pickKeys(len(w.entries))
	s := keySet{
		short: []key.Binding{pick, k.Choose, k.Learn},
		full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {pick, k.Choose, k.Learn}},
	}
	if w.removing >= 0 {
		return keySet{short: []key.Binding{removeYes, k.No}, full: [][]key.Binding{{removeYes, k.No}}}
	}
	if w.entries[w.cursor].listed >= 0 {
		s.short = append(s.short, removeKey)
		s.full[1] = append(s.full[1], removeKey)
	}
	return s
}

func (w welcome) update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg) {
	k := c.keys
	if w.removing >= 0 { // x asked: y removes the draft, n or esc keeps it
		return w.confirmRemove(keyIs(msg, removeYes))
	}
	switch {
	case keyIs(msg, k.Up, k.Down, k.Top, k.Bottom):
		w.cursor = moveCursor(w.cursor, len(w.entries), msg, k)
	case keyIs(msg, k.Choose):
		return w, w.choose(w.cursor)
	case keyIs(msg, pickKeys(len(w.entries))):
		if i := digit(msg); i < len(w.entries) {
			w.cursor, w.picked = i, true
			return w, pickedMsg{w.choose(i)}
		}
	case keyIs(msg, k.Learn):
		return w, learnMsg{}
	case keyIs(msg, removeKey) && w.entries[w.cursor].listed >= 0:
		w.removing = w.cursor
		return w, removeMsg{label: w.entries[w.cursor].label}
	}
	return w, nil
}

// resize wraps and styles the welcome's texts for the layout.
func (w welcome) resize(c *common) screen {
	s, l := c.styles, c.lay
	w.plan = welcomePlan{
		title:   s.Prompt.Render(wrap("Coaching, mentoring, or both?", l.text)),
		intro:   wrap("Answer a few questions and Guidepost recommends coaching, mentoring or a combined programme, with its reasons and sources.", l.text),
		heading: s.Heading.Render(w.heading),
		hint:    s.Muted.Render(wrap("Press l to compare coaching and mentoring first.", l.text)),
		descs:   make([]string, len(w.entries)),
	}
	for i, e := range w.entries {
		w.plan.descs[i] = s.Desc.Render(wrap(e.desc, l.text))
	}
	return w
}

func (w welcome) choose(i int) tea.Msg {
	if w.entries[i].resume {
		return resumeMsg{w.entries[i].listed}
	}
	return audienceMsg{w.entries[i].audience}
}

// view shows the title, what Guidepost does, the list and a hint about
// the comparison; a short window drops the hint, then the intro.
func (w welcome) view(c *common) string {
	p := w.plan
	rows := []string{p.heading}
	for i, e := range w.entries {
		rows = append(rows, optionRow(c, i, len(w.entries), e.label, i == w.cursor, w.picked && i == w.cursor))
	}
	list := strings.Join(rows, "\n")
	title, intro, desc, hint := p.title, p.intro, p.descs[w.cursor], p.hint
	for _, parts := range [][]string{{title, intro, list, desc, hint}, {title, intro, list, desc}, {title, list, desc}} {
		for _, gap := range []string{"\n\n", "\n"} {
			if v := strings.Join(parts, gap); lines(v) <= c.lay.body {
				return v
			}
		}
	}
	return title + "\n" + list
}
