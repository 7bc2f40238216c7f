package ui

import (
	"errors"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// Intents: what a screen asks the root to do.
type (
	audienceMsg   struct{ audience questions.Audience } // the welcome's choice
	answeredMsg   struct{ pos, option int }             // an option chosen for asked question pos
	pickedMsg     struct{ then tea.Msg }                // a row picked by a number key: show it, then do then
	advanceMsg    struct{ seq int }                     // the pick numbered seq has been seen
	backMsg       struct{ pos int }                     // from asked question pos to the one before
	resumeMsg     struct{ i int }                       // continue the saved draft (-1) or listed draft i
	closeMsg      struct{}                              // back to the screen an opener's screen was opened over
	editMsg       struct{ pos int }                     // change the answer to asked question pos
	showResultMsg struct{}                              // from the review to the result
	changeMsg     struct{ pos int }                     // to the review, on row pos, unchanged
	saveMsg       struct{}                              // save the result
	restartMsg    struct{}                              // clear the answers and start over
	draftSavedMsg struct {
		what string // "save" or "remove"
		err  error
	} // SaveDraft or ClearDraft returned
	savedMsg struct {
		paths []string
		err   error
	} // SaveResult returned
)

// errNoSave is shown when the run was given no way to save a result.
var errNoSave = errors.New("saving is not available in this run")

func keyIs(msg tea.KeyPressMsg, b ...key.Binding) bool { return key.Matches(msg, b...) }

// handleIntent carries out what a screen asked for, and the replies of
// the I/O commands.
func (m Model) handleIntent(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case audienceMsg:
		m.c.audience, m.notice, m.people.chosen = msg.audience, "", true
		m.ask(m.cfg.Start)
	case answeredMsg:
		return m.answer(msg)
	case pickedMsg:
		m.pickSeq++
		m.pending = msg.then
		seq := m.pickSeq
		return m, tea.Tick(pickDelay, func(time.Time) tea.Msg { return advanceMsg{seq} })
	case advanceMsg:
		if m.pending != nil && msg.seq == m.pickSeq {
			return m.flushPick()
		}
	case backMsg:
		m.ask(msg.pos - 1)
	case resumeMsg:
		m.resumeListed(msg.i)
	case closeMsg:
		if m.under != nil {
			m.under, m.active = nil, m.under
			m.relayout()
		}
	case editMsg:
		m.fromReview = true
		m.ask(msg.pos)
	case showResultMsg:
		m.showResult()
	case changeMsg:
		m.toReview(msg.pos)
	case saveMsg:
		return m.save()
	case removeMsg, removeDraft, keepDraftMsg, askMsg:
		return m.handlePeople(msg)
	case restartMsg:
		if m.saved == nil {
			m.confirm = true
			m.setNotice("Start over? This result has not been saved: y starts over and discards it; n or esc keeps it.", false)
			return m, nil
		}
		return m.restart()
	case opener:
		m.under = m.active
		m.setScreen(msg.open(m.ctx()))
	default:
		return m, m.handleReply(msg)
	}
	return m, nil
}

// pickDelay is how long a picked option shows before the next screen.
const pickDelay = 150 * time.Millisecond

// flushPick carries out the pick on show.
func (m Model) flushPick() (tea.Model, tea.Cmd) {
	then := m.pending
	m.pending = nil
	return m.handleIntent(then)
}

// handleReply shows what the I/O commands report.
func (m *Model) handleReply(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftSavedMsg:
		if msg.err != nil {
			m.setNotice("Could not "+msg.what+" the draft: "+Sanitize(msg.err.Error()), true)
		}
	case savedMsg:
		return m.savedResult(msg.paths, msg.err)
	case removedMsg, askedMsg:
		m.peopleReply(msg)
	}
	return nil
}

// setNotice shows a notice in the footer; isErr marks a failure.
func (m *Model) setNotice(n string, isErr bool) {
	m.notice, m.noticeErr = n, isErr
	m.relayout()
}

// answer records the option for its asked question, saves the draft and
// moves on: to the next question, or to the review after the last one or
// after a change made from the review.
func (m Model) answer(a answeredMsg) (tea.Model, tea.Cmd) {
	q := m.asked[a.pos]
	m.choices[q] = int8(a.option)
	m.lean = advisor.Decide(m.c.bank, m.choices)
	m.dirty, m.notice, m.draft = true, "", nil
	switch {
	case m.fromReview:
		m.toReview(a.pos)
	case a.pos == len(m.asked)-1:
		m.toReview(len(m.asked)) // on "See the result"
	default:
		m.ask(a.pos + 1)
	}
	return m, m.saveDraft()
}

// resume continues the draft offered on the welcome screen, at its first
// open question; the audience given on the command line wins over the
// draft's. A draft that names no audience asks for one first.
func (m *Model) resume() {
	d := m.draft
	m.draft = nil
	copy(m.choices, d.Choices)
	m.lean = advisor.Decide(m.c.bank, m.choices)
	m.dirty = true
	if m.c.audience == "" {
		m.c.audience = d.Audience
	}
	m.cfg.Start = m.firstOpen()
	m.notice = Sanitize(d.Notice)
	if m.notice == "" {
		m.notice = "Resumed your saved draft."
	}
	m.start()
}

// firstOpen is the position of the first asked question without an
// answer, or len(asked) when every one has one.
func (m *Model) firstOpen() int {
	for i, q := range m.asked {
		if m.choices[q] == questions.NoAnswer {
			return i
		}
	}
	return len(m.asked)
}

// ask shows asked question pos with the cursor on its earlier answer.
func (m *Model) ask(pos int) {
	pos = min(max(pos, 0), len(m.asked)-1)
	q := m.asked[pos]
	m.setScreen(newQuestion(pos, len(m.asked), q, int(m.choices[q]), m.fromReview))
}

// toReview evaluates the answers if they changed and shows the review with
// the cursor on row pos.
func (m *Model) toReview(pos int) {
	m.fromReview = false
	m.evaluate()
	m.setScreen(newReview(&m.c, pos, m.asked, m.choices))
}

// evaluate has the advisor evaluate the answers and explain them for the
// reader (chosen before any answer), once per change of the answers.
func (m *Model) evaluate() {
	if !m.dirty {
		return
	}
	e := advisor.ExplainAnswers(m.c.bank, m.choices, m.c.audience)
	m.res, m.dirty = &e, false
	m.saved, m.copyAsked = nil, false // a new result has not been saved
}

func (m *Model) showResult() {
	m.evaluate()
	m.setScreen(newResult(*m.res))
}

// confirmRestart ends the question whether to start over.
func (m Model) confirmRestart(yes bool) (tea.Model, tea.Cmd) {
	m.confirm = false
	m.setNotice("", false)
	if yes {
		return m.restart()
	}
	return m, nil
}

// restart clears the answers, in the draft too, and begins again.
func (m Model) restart() (tea.Model, tea.Cmd) {
	m.choices = m.c.bank.NewChoices()
	m.lean = advisor.Decide(m.c.bank, m.choices)
	m.res, m.dirty, m.fromReview, m.saved, m.draft = nil, true, false, nil, nil
	m.cfg.Start = 0
	m.c.audience = m.cfg.Audience
	m.notice = ""
	m.start()
	return m, m.clearDraft()
}

// save saves the result; a second s on a result already saved asks first,
// and a third saves a copy, saying so.
func (m Model) save() (tea.Model, tea.Cmd) {
	if m.saved != nil && !m.copyAsked {
		m.copyAsked = true
		m.setNotice("Already saved as "+strings.Join(m.saved, " and ")+". Press s again to save a copy.", false)
		return m, nil
	}
	m.setNotice("Saving…", false)
	return m, m.saveResult()
}

// savedResult shows what SaveResult returned; once the result is safe in
// its files, the draft is no longer needed.
func (m *Model) savedResult(paths []string, err error) tea.Cmd {
	if err != nil {
		m.setNotice("✗ Could not save: "+Sanitize(err.Error()), true)
		return nil
	}
	msg := "✓ Saved: "
	if m.saved != nil {
		msg = "✓ Saved a copy (the same result as before): "
	}
	m.saved, m.copyAsked = paths, false
	m.setNotice(msg+Sanitize(strings.Join(paths, ", ")), false)
	return m.clearDraft()
}

// setScreen shows s, planned for the layout.
func (m *Model) setScreen(s screen) {
	m.active = s
	m.relayout()
}

func (m *Model) setStyles() {
	s := NewStyles(m.cfg.Theme, m.dark, m.cfg.NoColor)
	m.c.styles = &s
	m.help.Styles = m.c.styles.Help
	m.frame = frame{} // drawn with the old styles
}

// saveDraft saves a copy of the answers: the command runs after Update
// returns, and the answers may change by then.
func (m Model) saveDraft() tea.Cmd {
	audience, c := m.c.audience, append(questions.Choices(nil), m.choices...)
	if at := m.cfg.SaveDraftAt; at != nil {
		id := m.people.id
		return m.drafts.cmdAt(id, "save", func() error { return at(id, audience, c) })
	}
	save := m.cfg.SaveDraft
	if save == nil {
		return nil
	}
	return m.drafts.cmd("save", func() error { return save(audience, c) })
}

// clearDraft removes the draft.
func (m Model) clearDraft() tea.Cmd {
	if at := m.cfg.ClearDraftAt; at != nil {
		id := m.people.id
		return m.drafts.cmdAt(id, "remove", func() error { return at(id) })
	}
	if m.cfg.ClearDraft == nil {
		return nil
	}
	return m.drafts.cmd("remove", m.cfg.ClearDraft)
}

// draftQueue orders the draft's writes and removals. Commands run on
// their own goroutines in any order; each operation is numbered when it is
// asked for, and one that finds a later one already done is skipped, so
// the draft always ends as the last operation asked for left it (a slow
// save can never bring back answers cleared by a start over).
//
// With drafts named by id (SaveDraftAt), the order is kept per draft: an
// operation is skipped only for a later one done on the same draft.
type draftQueue struct {
	next int // only Update touches it
	mu   sync.Mutex
	done map[string]int
}

func (q *draftQueue) cmd(what string, op func() error) tea.Cmd { return q.cmdAt("", what, op) }

func (q *draftQueue) cmdAt(id, what string, op func() error) tea.Cmd {
	q.next++
	seq := q.next
	return func() tea.Msg {
		q.mu.Lock()
		defer q.mu.Unlock()
		if seq < q.done[id] {
			return nil
		}
		if q.done == nil {
			q.done = map[string]int{}
		}
		q.done[id] = seq
		return draftSavedMsg{what, op()}
	}
}

func (m Model) saveResult() tea.Cmd {
	save := m.cfg.SaveResult
	if as := m.cfg.SaveResultAs; as != nil {
		person := m.people.person
		save = func(e advisor.Explanation) ([]string, error) { return as(person, e) }
	}
	if save == nil || m.res == nil {
		return func() tea.Msg { return savedMsg{err: errNoSave} }
	}
	e := *m.res
	return func() tea.Msg {
		paths, err := save(e)
		return savedMsg{paths: paths, err: err}
	}
}
