package ui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// Intents: what a screen asks the root to do.
type (
	audienceMsg   struct{ audience string } // the welcome's choice
	answeredMsg   struct{ pos, option int } // an option chosen for asked question pos
	backMsg       struct{}                  // to the previous question
	closeMsg      struct{}                  // leave the question or the comparison unchanged
	editMsg       struct{ pos int }         // change the answer to asked question pos
	showResultMsg struct{}                  // from the review to the result
	changeMsg     struct{}                  // from the result to the review
	saveMsg       struct{}                  // save the result
	restartMsg    struct{}                  // clear the answers and start over
	learnMsg      struct{}                  // open the comparison
	draftSavedMsg struct{ err error }       // SaveDraft returned
	savedMsg      struct {
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
		m.c.audience, m.notice = msg.audience, ""
		m.ask(m.cfg.Start)
	case answeredMsg:
		return m.answer(msg.pos, msg.option)
	case backMsg:
		m.ask(m.question.pos - 1)
	case closeMsg:
		m.leave()
	case editMsg:
		m.fromReview = true
		m.ask(msg.pos)
	case showResultMsg:
		m.showResult()
	case changeMsg:
		m.toReview(0)
	case saveMsg:
		return m, m.saveResult()
	case restartMsg:
		m.restart()
	case learnMsg:
		m.learnFrom = m.screen
		m.learn = newLearn(&m.c)
		m.setScreen(learnScreen)
	default:
		m.handleReply(msg)
	}
	return m, nil
}

// handleReply shows what the I/O commands report.
func (m *Model) handleReply(msg tea.Msg) {
	switch msg := msg.(type) {
	case draftSavedMsg:
		if msg.err != nil {
			m.notice = "Could not save the draft: " + Sanitize(msg.err.Error())
			m.relayout()
		}
	case savedMsg:
		m.result.saved(msg.paths, msg.err)
	}
}

// answer records option for asked question pos, saves the draft and moves
// on: to the next question, or to the review after the last one or after
// a change made from the review.
func (m Model) answer(pos, option int) (tea.Model, tea.Cmd) {
	q := m.asked[pos]
	m.choices[q] = int8(option)
	m.lean = advisor.Decide(m.c.bank, m.choices)
	m.dirty, m.notice = true, ""
	switch {
	case m.fromReview:
		m.toReview(pos)
	case pos == len(m.asked)-1:
		m.toReview(len(m.asked)) // on "See the result"
	default:
		m.ask(pos + 1)
	}
	return m, m.saveDraft()
}

// ask shows asked question pos with the cursor on its earlier answer.
func (m *Model) ask(pos int) {
	pos = min(max(pos, 0), len(m.asked)-1)
	q := m.asked[pos]
	m.question = newQuestion(pos, len(m.asked), q, int(m.choices[q]))
	m.setScreen(questionScreen)
}

// leave returns from a question opened from the review, or from the
// comparison, without changing anything.
func (m *Model) leave() {
	if m.screen == learnScreen {
		m.setScreen(m.learnFrom)
		return
	}
	m.toReview(m.question.pos)
}

// toReview evaluates the answers if they changed and shows the review with
// the cursor on row pos.
func (m *Model) toReview(pos int) {
	m.fromReview = false
	m.evaluate()
	m.review = newReview(pos, len(m.asked))
	m.setScreen(reviewScreen)
}

// evaluate runs the advisor once per change of the answers.
func (m *Model) evaluate() {
	if !m.dirty {
		return
	}
	r := advisor.Evaluate(m.c.bank, m.choices)
	m.res, m.dirty = &r, false
}

func (m *Model) showResult() {
	m.evaluate()
	m.setScreen(resultScreen)
	m.result = newResult(*m.res, &m.c)
}

// restart clears the answers and begins again.
func (m *Model) restart() {
	m.choices = m.c.bank.NewChoices()
	m.lean = advisor.Decide(m.c.bank, m.choices)
	m.res, m.dirty, m.fromReview = nil, true, false
	m.cfg.Start = 0
	m.c.audience = m.cfg.Audience
	m.start()
}

// setScreen switches screens and updates what depends on the screen.
func (m *Model) setScreen(s screen) {
	m.screen = s
	m.relayout()
}

// relayout recomputes the layout and the key bindings, and lets the
// scrolling screens fit their content to it.
func (m *Model) relayout() {
	m.c.keys.enableFor(keyState{
		screen:     m.screen,
		first:      m.question.pos == 0,
		fromReview: m.fromReview,
	})
	l := m.c.lay
	m.c.lay = newLayout(l.width, l.height, 1)
	m.help.SetWidth(m.c.lay.text)
	m.c.lay = newLayout(l.width, l.height, lines(m.footer()))
	switch m.screen {
	case resultScreen:
		m.result.resize(&m.c)
	case learnScreen:
		m.learn.resize(&m.c)
	}
}

func (m *Model) setStyles() {
	m.c.styles = NewStyles(m.cfg.Theme, m.dark, m.cfg.NoColor)
	m.help.Styles = m.c.styles.Help
}

// saveDraft saves a copy of the answers: the command runs after Update
// returns, and the answers may change by then.
func (m Model) saveDraft() tea.Cmd {
	save := m.cfg.SaveDraft
	if save == nil {
		return nil
	}
	audience, c := m.c.audience, append(questions.Choices(nil), m.choices...)
	return func() tea.Msg { return draftSavedMsg{err: save(audience, c)} }
}

func (m Model) saveResult() tea.Cmd {
	save := m.cfg.SaveResult
	if save == nil || m.res == nil {
		return func() tea.Msg { return savedMsg{err: errNoSave} }
	}
	audience, c, r := m.c.audience, append(questions.Choices(nil), m.choices...), *m.res
	return func() tea.Msg {
		paths, err := save(audience, c, r)
		return savedMsg{paths: paths, err: err}
	}
}
