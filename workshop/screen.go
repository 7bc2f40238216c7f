package workshop

import (
	"fmt"
	"image/color"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"guidepost/ui"
)

// The facilitator's screen: the join address as text and QR code, the
// counts, and once revealed the room's picture. It reads the room through
// Snapshot only, so it can never show more than the room allows: no
// tally before the reveal, nothing per person ever, and the picture only
// as frozen by the room.

// refreshEvery is how often the screen reads the room's counts.
const refreshEvery = 500 * time.Millisecond

// Texts the screen shows and the end-to-end test looks for.
const (
	privacyNote = "Answers travel unencrypted over this local network (multiple-choice answers, no names) and stay on this computer. " +
		"If phones cannot open the address, the venue Wi-Fi may keep devices apart: use a phone hotspot for this computer and the phones, and restart the workshop."
	markRefused = "Not yet:"
	markPicture = "The room's picture"
	markConfirm = "Quit the workshop?"
)

// ScreenConfig configures the facilitator's screen.
type ScreenConfig struct {
	Room    *Room
	JoinURL string // http://HOST:PORT/CODE
	Base    string // http://HOST:PORT, where the code can be typed
	Notice  string // one line for the facilitator (a resumed room, a network note)
	Theme   string // "auto", "dark", "light" or "high-contrast"
	NoColor bool
}

// Screen is the facilitator's Bubble Tea model.
type Screen struct {
	cfg         ScreenConfig
	styles      ui.Styles
	keys        screenKeys
	help        help.Model
	dark        bool
	w, h        int
	snap        Snapshot
	qr          []string
	showQR      bool // the QR code in place of the picture (c toggles)
	notice      string
	refused     string
	confirm     bool
	quit        bool
	scroll      int
	interrupted bool
}

type tickMsg struct{}

// NewScreen returns the facilitator's screen for cfg.
func NewScreen(cfg ScreenConfig) Screen {
	s := Screen{cfg: cfg, dark: true, w: 80, h: 24, notice: cfg.Notice, keys: newScreenKeys(), help: help.New(), showQR: true}
	s.setStyles()
	s.snap = cfg.Room.Snapshot()
	s.keyState()
	return s
}

// setStyles follows the theme and the terminal's background; the QR code
// is drawn for it too (see qrLines: with colours it is painted black on
// white, without, its ink is whatever the terminal's text colour is).
func (s *Screen) setStyles() {
	s.styles = ui.NewStyles(s.cfg.Theme, s.dark, s.cfg.NoColor)
	s.help.Styles = s.styles.Help
	s.qr, _ = qrLines(s.cfg.JoinURL, !s.cfg.NoColor || !s.dark)
}

func tick() tea.Cmd { return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return tickMsg{} }) }

// Init starts the refresh and asks for the terminal's background: the
// auto theme follows it, and without colours the QR code's ink does.
func (s Screen) Init() tea.Cmd {
	return tea.Batch(tick(), tea.RequestBackgroundColor)
}

// Update handles the refresh, the window and the keys.
func (s Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		s.refresh()
		return s, tick()
	case tea.WindowSizeMsg:
		s.w, s.h = msg.Width, msg.Height
		s.help.SetWidth(s.textWidth())
		return s, nil
	case tea.BackgroundColorMsg:
		s.dark = msg.IsDark()
		s.setStyles()
		return s, nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return s, nil
}

// refresh reads the room again.
func (s *Screen) refresh() {
	s.snap = s.cfg.Room.Snapshot()
	if s.snap.Finished >= s.snap.MinGroup {
		s.refused = "" // no longer true: the screen now says r reveals
	}
	s.scroll = min(s.scroll, s.maxScroll())
	s.keyState()
}

func (s Screen) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := &s.keys
	switch {
	case key.Matches(msg, k.Interrupt):
		s.quit, s.interrupted = true, true
		return s, tea.Quit
	case s.confirm && key.Matches(msg, k.Yes):
		s.quit = true
		return s, tea.Quit
	case s.confirm:
		s.confirm = false
	case key.Matches(msg, k.Quit):
		s.confirm = true
	case key.Matches(msg, k.Reveal):
		room := s.cfg.Room
		if err := room.Reveal(); err != nil {
			s.refused = fmt.Sprintf("%s %d of the %d needed have finished. The room's picture shows once at least %d have, so that no one's answers can be told apart.",
				markRefused, room.Snapshot().Finished, room.MinGroup(), room.MinGroup())
		} else {
			s.refused, s.showQR, s.scroll = "", false, 0
		}
	case key.Matches(msg, k.Hide):
		s.cfg.Room.Hide()
	case key.Matches(msg, k.Answering):
		s.cfg.Room.SetClosed(!s.snap.Closed)
	case key.Matches(msg, k.QR):
		s.showQR = !s.showQR
	case key.Matches(msg, k.Up):
		s.scroll--
	case key.Matches(msg, k.Down):
		s.scroll++
	case key.Matches(msg, k.PageUp):
		s.scroll -= s.pageRows()
	case key.Matches(msg, k.PageDown):
		s.scroll += s.pageRows()
	case key.Matches(msg, k.Home):
		s.scroll = 0
	case key.Matches(msg, k.End):
		s.scroll = s.maxScroll()
	}
	s.scroll = max(s.scroll, 0)
	s.refresh()
	return s, nil
}

// Quit reports whether the facilitator quit (confirmed, or ctrl+c).
func (s Screen) Quit() bool { return s.quit }

// View draws the screen, on the theme's own ground when it has one (the
// high-contrast theme).
func (s Screen) View() tea.View {
	content := s.render()
	g := s.styles.Ground
	if g != nil {
		content = g.Paint(content, s.w, s.h)
	}
	v := tea.NewView(content)
	if g != nil {
		v.BackgroundColor = color.RGBA{g.Bg[0], g.Bg[1], g.Bg[2], 0xFF}
		v.ForegroundColor = color.RGBA{g.Fg[0], g.Fg[1], g.Fg[2], 0xFF}
	}
	v.AltScreen = true
	v.WindowTitle = "Guidepost workshop"
	return v
}

// pageRows is how far pgup/pgdn scroll.
func (s Screen) pageRows() int { return max(s.h/2, 1) }
