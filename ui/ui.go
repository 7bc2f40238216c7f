// Package ui is Guidepost's interactive terminal interface: a Bubble Tea
// program that asks the bank's questions one a screen, reviews the answers
// and shows the recommendation with its reasons.
//
// The root Model owns the answers and routes: it handles the window size,
// the global keys and the intent messages the screens send up
// (answeredMsg, backMsg, …), and delegates everything else to the active
// screen through the screen interface (screen.go). A screen is a value
// that owns its cursor and returns its intent instead of acting on it, so
// only the root changes the answers.
// Each screen also declares the keys it answers to (a keySet, keys.go); the
// root adds help and quit, lets through only keys of that set, and draws
// the help from it, so the help lists exactly what works.
//
// Layout is planned in Update, never in View: on a window size, a theme,
// a notice, the help or a new screen the root lays out again (relayout)
// and each screen plans itself (resize); after each key the screen keeps
// its own plan current and the root redraws the footer if what it shows
// changed (replan). View and what it calls only read the model and format
// it (TestViewOnlyFormats).
//
// The draft is main's file, but the UI decides when it changes: SaveDraft
// after every answer, ClearDraft on a start over and once the result is
// saved, through one queue that keeps them in order (see draftQueue).
// Scoring and wording are package advisor's; the UI has the result
// explained once for its reader when the answers change, shows that
// explanation, saves it and ends with it. Files are main's: the
// UI calls the injected SaveDraft and SaveResult from commands, never from
// Update.
//
// RunAccessible is the same questionnaire as plain numbered prompts.
package ui

import (
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// Config configures a run of the UI.
type Config struct {
	Bank     *questions.Bank
	Audience questions.Audience // questions.NoAudience asks on the welcome screen
	Quick    bool               // ask only the core questions
	Choices  questions.Choices  // answers to start from (a resumed draft); may be nil
	Start    int                // index into the asked questions to resume at
	Notice   string             // one line shown on the first screen
	Theme    string             // "auto", "dark", "light" or "high-contrast"
	NoColor  bool               // no colour at all; glyphs and numbers keep the meaning (the caller weighs NO_COLOR: see TeaEnviron)
	ShowLean bool               // start with the lean gauge visible

	// SaveDraft is called after every answer, SaveResult when the person
	// saves the result, explained for its reader as on the screen (it
	// returns the paths written). Both run in a tea.Cmd; either may be nil.
	SaveDraft  func(audience questions.Audience, c questions.Choices) error
	SaveResult func(e advisor.Explanation) ([]string, error)

	// ClearDraft removes the draft: when the person starts over, and once
	// the result is saved. It runs in a tea.Cmd, ordered with SaveDraft
	// (the last draft operation asked for is the last one done); may be nil.
	ClearDraft func() error

	// Draft is a saved draft that the welcome screen offers to continue
	// (the TUI only; with Choices set by --resume it is not offered).
	Draft *Draft

	// People: see people.go. Drafts are the saved drafts the welcome
	// screen lists after Draft, to continue or remove.
	Drafts []Draft
	// DraftID names the draft new answers go to, Person whom they are
	// about ("" unnamed). With SaveDraftAt set, every draft operation
	// names its draft: SaveDraftAt and ClearDraftAt replace SaveDraft and
	// ClearDraft, and continuing a listed draft moves the answers to it.
	DraftID      string
	Person       string
	SaveDraftAt  func(id string, audience questions.Audience, c questions.Choices) error
	ClearDraftAt func(id string) error
	// RemoveDraft removes a listed draft (x on the welcome screen).
	RemoveDraft func(id string) error
	// SaveResultAs, when set, replaces SaveResult: it is told whom the
	// result is about. AskThemToo writes the file a manager hands the
	// person (a on a manager's result) and returns its path.
	SaveResultAs func(person string, e advisor.Explanation) ([]string, error)
	AskThemToo   func(person string, quick bool, c questions.Choices) (string, error)
}

// Ending is how a run ended.
type Ending struct {
	Result   *advisor.Explanation // the result as shown; nil when the person quit before one
	Audience questions.Audience
	Choices  questions.Choices
	Quit     bool     // quit before a result (ctrl+c anywhere, q before the result)
	Saved    []string // the files the result was last saved to, if any
	Width    int      // the window's width at the end (0: not a TUI), to wrap what follows
	// DraftID, Person and Quick are the draft the answers were last
	// going to, whom they are about and the mode they were asked in.
	DraftID string
	Person  string
	Quick   bool
}

// Wrap wraps text to width w at spaces, never inside a word such as a
// file name (one wider than w keeps a line of its own); w <= 0 leaves it
// as it is. Main uses it for the lines it prints after the TUI ends.
func Wrap(text string, w int) string {
	if w <= 0 {
		return text
	}
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		paras[i] = wrapLine(p, w, false)
	}
	return strings.Join(paras, "\n")
}

// Sanitize makes text from outside the UI safe to print (see
// questions.Clean). Every text the UI did not write goes through it.
func Sanitize(s string) string { return questions.Clean(s) }

// common is what every screen draws with, built once and passed down.
//
// It is small, so that a screen may be given a copy of it (see ctx): the
// styles and the keys are shared, and never changed once built.
type common struct {
	bank     *questions.Bank
	audience questions.Audience
	styles   *Styles
	keys     *keyMap
	lay      layout
}

// Model is the root model of the TUI.
type Model struct {
	cfg     Config
	c       common
	help    help.Model
	asked   []int // bank indexes of the questions asked, in order
	choices questions.Choices
	res     *advisor.Explanation // the result, explained for the reader
	lean    advisor.Verdict
	dirty   bool // the answers changed since res was explained

	active     screen // the screen on show (screen.go)
	under      screen // the screen an opener's screen was opened over, or nil
	fromReview bool   // the question was opened from the review
	showLean   bool
	dark       bool
	notice     string
	noticeErr  bool // the notice reports a failure
	quit, done bool

	draft     *Draft   // offered on the welcome screen until used or refused
	pending   tea.Msg  // what a pick on show does at its tick
	pickSeq   int      // numbers the picks, so a stale tick is ignored
	confirm   bool     // asking before start over throws away the result
	saved     []string // where the current result was saved; nil if not
	copyAsked bool     // s on a saved result asked whether to save a copy
	drafts    *draftQueue
	people    people // the drafts listed, the draft written, whom about (people.go)
	frame     frame  // the header, keys and footer, planned in Update (frame.go)
}

// New returns the root model for cfg.
func New(cfg Config) Model {
	m := Model{cfg: cfg, help: help.New(), dark: true, showLean: cfg.ShowLean, notice: Sanitize(cfg.Notice),
		draft: cfg.Draft, drafts: &draftQueue{}}
	m.c = common{bank: cfg.Bank, audience: cfg.Audience, keys: &defaultKeys}
	m.people = newPeople(cfg)
	m.asked = cfg.Bank.Asked(cfg.Quick)
	m.choices = cfg.Bank.NewChoices()
	copy(m.choices, cfg.Choices)
	m.lean = advisor.Decide(cfg.Bank, m.choices)
	m.dirty = true
	m.setStyles()
	m.c.lay = newLayout(80, 24, 1)
	m.start()
	return m
}

// start shows the first screen: the welcome when the audience is still
// open, else the question to resume at (the review when all are answered).
func (m *Model) start() {
	switch {
	case m.c.audience == "" || m.draft != nil || len(m.people.list) > 0 && !m.people.chosen:
		w := newWelcome(&m.c, m.draft, m.asked)
		w.addDrafts(&m.c, m.people.list, m.cfg.Bank)
		m.setScreen(w)
	case m.cfg.Start >= len(m.asked):
		m.toReview(len(m.asked))
	default:
		m.ask(max(m.cfg.Start, 0))
	}
}

// Init asks the terminal for its background when the theme follows it.
// Until the answer comes (it may never), the styles assume dark.
func (m Model) Init() tea.Cmd {
	if (m.cfg.Theme == "auto" || m.cfg.Theme == "") && !m.cfg.NoColor {
		return tea.RequestBackgroundColor
	}
	return nil
}

// Update routes a message: window and global keys here, intents to
// handleIntent, everything else to the active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.lay.width, m.c.lay.height = msg.Width, msg.Height
		m.relayout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.setStyles()
		m.relayout()
		return m, nil
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	}
	return m.handleIntent(msg)
}

// updateKey shows a pending pick through, handles the global keys, then
// gives the key to the active screen if it is one of that screen's keys.
func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.pending != nil { // a key typed during the highlight comes after the answer
		var next tea.Model
		next, cmd = m.flushPick()
		m = next.(Model)
	}
	next, c2 := m.updateKeyNow(msg)
	return next, tea.Batch(cmd, c2)
}

func (m Model) updateKeyNow(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case keyIs(msg, k.Interrupt):
		return m.finish(true)
	case m.c.lay.tooSmall:
		if keyIs(msg, k.Quit) {
			return m.finish(!m.onResult())
		}
		return m, nil
	case m.help.ShowAll && keyIs(msg, k.Help, k.Close):
		m.help.ShowAll = false
		m.relayout()
		return m, nil
	case !m.frame.keys.matches(msg):
		return m, nil
	case keyIs(msg, k.Quit):
		return m.finish(!m.onResult())
	case keyIs(msg, k.Help):
		m.help.ShowAll = true
		m.relayout()
		return m, nil
	case keyIs(msg, k.Lean):
		m.showLean = !m.showLean
		m.relayout()
		return m, nil
	case m.confirm:
		return m.confirmRestart(keyIs(msg, k.Yes))
	}
	return m.updateScreen(msg)
}

// keySet is every key that works now: the active screen's and the root's.
func (m Model) keySet() keySet {
	k := m.c.keys
	s := keySet{short: []key.Binding{k.Yes, k.No}, full: [][]key.Binding{{k.Yes, k.No}}}
	if !m.confirm {
		s = m.active.keys(m.ctx())
		if m.canAsk() {
			s.short = append(s.short, askKey)
			s.full[len(s.full)-1] = append(s.full[len(s.full)-1], askKey)
		}
	}
	return withGlobal(s, k, m.help.ShowAll)
}

// updateScreen gives the key to the active screen, which returns itself
// and the intent (if any) the root then carries out.
func (m Model) updateScreen(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var intent tea.Msg
	m.active, intent = m.active.update(msg, m.ctx())
	m.replan()
	return m.dispatch(intent)
}

// ctx is a copy of what the screens draw with, for a call through the
// screen interface: given m.c itself, such a call would move the whole
// model to the heap on every key.
func (m *Model) ctx() *common {
	c := m.c
	return &c
}

// onResult reports whether the result is on show: q then ends with it.
func (m Model) onResult() bool {
	_, ok := m.active.(result)
	return ok
}

// dispatch handles a screen's intent at once rather than through a
// tea.Cmd: a command runs later, and a fast typist's next key would reach a
// screen the root is about to leave.
func (m Model) dispatch(intent tea.Msg) (tea.Model, tea.Cmd) {
	if intent == nil {
		return m, nil
	}
	return m.handleIntent(intent)
}

// finish ends the program; quit says whether it ended before a result.
func (m Model) finish(quit bool) (tea.Model, tea.Cmd) {
	m.quit, m.done = quit, true
	return m, tea.Quit
}

// Ending reports how the run ended.
func (m Model) Ending() Ending {
	o := Ending{Audience: m.c.audience, Choices: m.choices, Quit: m.quit || !m.done, Saved: m.saved, Width: m.c.lay.width,
		DraftID: m.people.id, Person: m.people.person, Quick: m.cfg.Quick}
	if !o.Quit {
		o.Result = m.res
	}
	return o
}

// Run runs the TUI on in and out until the person quits or ends with a
// result. The Ending holds the answers given up to the end, also when the
// program ends with an error (a SIGINT gives one wrapping
// tea.ErrInterrupted).
func Run(cfg Config, in io.Reader, out io.Writer) (Ending, error) {
	if err := checkConfig(cfg); err != nil {
		return Ending{Quit: true}, err
	}
	p := tea.NewProgram(New(cfg), tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(TeaEnviron()))
	final, err := p.Run()
	o := Ending{Audience: cfg.Audience, Choices: cfg.Choices, Quit: true}
	if m, ok := final.(Model); ok {
		o = m.Ending()
	}
	if err != nil {
		// Ended by a signal (SIGINT) or a failure: the answers given so far
		// are the final model's, never the start-up ones.
		o.Result, o.Quit = nil, true
		return o, fmt.Errorf("run the interface: %w", err)
	}
	return o, nil
}

func checkConfig(cfg Config) error {
	if cfg.Bank == nil {
		return fmt.Errorf("ui: no question bank")
	}
	if _, err := questions.ParseAudience(string(cfg.Audience)); err != nil {
		return fmt.Errorf("ui: %w", err)
	}
	return nil
}
