package ui

// People: the saved drafts the welcome screen lists (to continue or
// remove), the draft the answers go to, and "ask them too", the file a
// manager hands the person so that they answer the questions best asked
// of them.

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
)

// Draft is a saved draft, read by the caller, that the person may continue.
type Draft struct {
	Audience questions.Audience
	Choices  questions.Choices
	Notice   string // shown once the draft is resumed (e.g. answers dropped)

	// ID names the draft for SaveDraftAt and RemoveDraft; Person is whom
	// it is about, Quick whether it asks the core questions only, Changed
	// when it was last written (shown in the list).
	ID      string
	Person  string
	Quick   bool
	Changed time.Time
}

// people is the root's part of the drafts: the listed ones, and the draft
// (id) the answers go to and whom it is about.
type people struct {
	list       []Draft
	id, person string
	chosen     bool // the welcome was passed: the list is not shown again
}

func newPeople(cfg Config) people {
	return people{list: cfg.Drafts, id: cfg.DraftID, person: cfg.Person}
}

// The keys of this file: x removes the listed draft under the cursor, y
// confirms it; a on a manager's result writes the person's file.
var (
	removeKey = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove draft"))
	removeYes = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "remove it"))
	askKey    = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "ask them too"))
)

// Intents and replies of this file.
type (
	removeMsg   struct{ label string } // x: ask before removing the draft under the cursor
	removeDraft struct {
		listed int
		label  string
	} // y: remove listed draft (Config.Drafts index)
	keepDraftMsg struct{} // n or esc: the draft stays
	removedMsg   struct {
		label string
		err   error
	} // RemoveDraft returned
	askMsg   struct{} // a: write the person's file
	askedMsg struct {
		path string
		err  error
	} // AskThemToo returned
)

// addDrafts lists the saved drafts after the entries the welcome has.
func (w *welcome) addDrafts(c *common, list []Draft, b *questions.Bank) {
	for i, d := range list {
		label := "Continue your saved draft" // CONTRACT §4's words for the unnamed draft
		if d.Person != "" {
			label = "Continue: " + Sanitize(d.Person)
		}
		asked := b.Asked(d.Quick)
		n := 0
		for _, q := range asked {
			if d.Choices[q] != questions.NoAnswer {
				n++
			}
		}
		desc := fmt.Sprintf("%d of %d questions answered", n, len(asked))
		if a := audiencePhrase(d.Audience); a != "" {
			desc += ", " + a
		}
		if !d.Changed.IsZero() {
			desc += ", last changed " + d.Changed.Format("2 Jan 15:04")
		}
		w.entries = append(w.entries, welcomeEntry{label: label, resume: true, listed: i,
			desc: desc + ". Enter goes on from the first question left open; x removes it."})
	}
	if len(list) > 0 && c.audience == "" {
		w.heading = "Who is this about? Or continue a draft:"
	}
}

// resumeListed continues listed draft i (-1: the draft offered by
// Config.Draft): its answers, its mode (quick or not) and, from then on,
// its file.
func (m *Model) resumeListed(i int) {
	m.people.chosen = true
	if i >= 0 {
		d := m.people.list[i]
		m.draft = &d
		m.people.id, m.people.person = d.ID, d.Person
	}
	if m.draft.Quick && !m.cfg.Quick {
		m.cfg.Quick = true
		m.asked = m.cfg.Bank.Asked(true)
	}
	m.resume()
}

// confirmRemove ends the question whether to remove the entry x marked:
// on yes the entry leaves the list and the root removes its draft.
func (w welcome) confirmRemove(yes bool) (screen, tea.Msg) {
	at := w.removing
	w.removing = -1
	if !yes {
		return w, keepDraftMsg{}
	}
	e := w.entries[at]
	w.entries = slices.Delete(slices.Clone(w.entries), at, at+1)
	w.plan.descs = slices.Delete(slices.Clone(w.plan.descs), at, at+1)
	w.cursor = min(w.cursor, len(w.entries)-1)
	return w, removeDraft{e.listed, e.label}
}

// handlePeople carries out this file's intents.
func (m Model) handlePeople(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case removeMsg:
		m.setNotice("Remove this draft ("+msg.label+")? y removes it for good; n or esc keeps it.", false)
	case keepDraftMsg:
		m.setNotice("", false)
	case removeDraft:
		m.setNotice("", false)
		remove := m.cfg.RemoveDraft
		if remove == nil {
			return m, nil
		}
		id, label := m.people.list[msg.listed].ID, msg.label
		return m, func() tea.Msg { return removedMsg{label, remove(id)} }
	case askMsg:
		if !m.canAsk() {
			return m, nil
		}
		ask, person, quick := m.cfg.AskThemToo, m.people.person, m.cfg.Quick
		c := append(questions.Choices(nil), m.choices...)
		m.setNotice("Writing the file for them…", false)
		return m, func() tea.Msg { p, err := ask(person, quick, c); return askedMsg{p, err} }
	}
	return m, nil
}

// peopleReply shows what RemoveDraft and AskThemToo reported.
func (m *Model) peopleReply(msg tea.Msg) {
	switch msg := msg.(type) {
	case removedMsg:
		if msg.err != nil {
			m.setNotice("✗ Could not remove the draft: "+Sanitize(msg.err.Error()), true)
		} else {
			m.setNotice("✓ Removed ("+msg.label+").", false)
		}
	case askedMsg:
		if msg.err != nil {
			m.setNotice("✗ Could not write the file: "+Sanitize(msg.err.Error()), true)
			return
		}
		who := "the person"
		if m.people.person != "" {
			who = Sanitize(m.people.person)
		}
		p := Sanitize(msg.path)
		m.setNotice(fmt.Sprintf("✓ Wrote %s with your answers and the questions best asked of %s left open. Give it to them: they run 'guidepost --resume %s'; save your result (s), then run 'guidepost compare' on both.", p, who, p), false)
	}
}

// canAsk reports whether the result offers "ask them too": a manager's
// result, in a run that can write the file.
func (m Model) canAsk() bool {
	return m.onResult() && m.c.audience == questions.Manager && m.cfg.AskThemToo != nil && m.res != nil
}
