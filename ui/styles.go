package ui

import (
	"image/color"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the UI draws with. One value is built by
// NewStyles and passed down to the screens; nothing else sets colours.
type Styles struct {
	Header    lipgloss.Style // the title line
	Muted     lipgloss.Style // secondary text: counters, sources
	Heading   lipgloss.Style // section headings
	Prompt    lipgloss.Style // a question's wording
	Cursor    lipgloss.Style // the cursor glyph
	Selected  lipgloss.Style // the highlighted row
	Chosen    lipgloss.Style // the mark on an earlier answer
	Desc      lipgloss.Style // the highlighted option's description
	Why       lipgloss.Style // the "why we ask this" box
	Rec       lipgloss.Style // the recommendation's label
	Coaching  lipgloss.Style // coaching's bar
	Mentoring lipgloss.Style // mentoring's bar
	Track     lipgloss.Style // the empty part of a bar
	Caution   lipgloss.Style // the "watch out" box
	Warn      lipgloss.Style // the "watch out" heading
	Notice    lipgloss.Style // one-line notices
	Error     lipgloss.Style // errors
	Help      help.Styles

	// Ground, when set, is painted under the whole screen: the high-contrast
	// theme brings its own background instead of trusting the terminal's.
	Ground *Ground
}

// palette is the handful of colours a theme picks from.
type palette struct {
	fg, muted, accent, coaching, mentoring, track, warn, err color.Color
}

// NewStyles builds the styles for a theme ("auto", "dark", "light" or
// "high-contrast"); dark says whether the background is dark, which "auto"
// follows. With noColor the styles carry no colour and no attributes.
func NewStyles(theme string, dark, noColor bool) Styles {
	if noColor {
		return monoStyles()
	}
	switch theme {
	case "dark":
		dark = true
	case "light":
		dark = false
	case "high-contrast":
		s := colorStyles(highContrast(true), true)
		s.Ground = &Ground{Fg: [3]uint8{0xFF, 0xFF, 0xFF}, Bg: [3]uint8{0, 0, 0}}
		return s
	}
	return colorStyles(standard(dark), false)
}

func standard(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return palette{
		fg:        ld(c("#1A1A1A"), c("#EEEEEE")),
		muted:     ld(c("#5F5F5F"), c("#9E9E9E")),
		accent:    ld(c("#5A3FC0"), c("#A48CFF")),
		coaching:  ld(c("#00796B"), c("#4DD0C0")),
		mentoring: ld(c("#B25E00"), c("#FFB454")),
		track:     ld(c("#BDBDBD"), c("#4A4A4A")),
		warn:      ld(c("#8A5300"), c("#FFC857")),
		err:       ld(c("#B00020"), c("#FF6B6B")),
	}
}

// highContrast uses full-strength colours and no greys: projectors wash
// out anything subtle. The theme paints its own black ground (see Ground),
// so it uses the dark variant whatever the terminal's background.
func highContrast(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	fg := ld(c("#000000"), c("#FFFFFF"))
	return palette{
		fg: fg, muted: fg, track: fg,
		accent:    ld(c("#0000C0"), c("#FFFF00")),
		coaching:  ld(c("#005A00"), c("#00FF00")),
		mentoring: ld(c("#8B0000"), c("#00FFFF")),
		warn:      ld(c("#8B0000"), c("#FFFF00")),
		err:       ld(c("#C00000"), c("#FF5050")),
	}
}

func colorStyles(p palette, bold bool) Styles {
	fg := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(col) }
	s := Styles{
		Header:    fg(p.accent).Bold(true),
		Muted:     fg(p.muted),
		Heading:   fg(p.accent).Bold(true),
		Prompt:    fg(p.fg).Bold(true),
		Cursor:    fg(p.accent).Bold(true),
		Selected:  fg(p.accent).Bold(true),
		Chosen:    fg(p.accent),
		Desc:      fg(p.fg).Italic(!bold),
		Why:       fg(p.fg).Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Rec:       fg(p.accent).Bold(true).Underline(true),
		Coaching:  fg(p.coaching),
		Mentoring: fg(p.mentoring),
		Track:     fg(p.track),
		Caution:   fg(p.fg).Border(lipgloss.ThickBorder()).BorderForeground(p.warn).Padding(0, 1),
		Warn:      fg(p.warn).Bold(true),
		Notice:    fg(p.warn),
		Error:     fg(p.err).Bold(true),
	}
	s.Help = helpStyles(fg(p.accent).Bold(bold), fg(p.muted), fg(p.track))
	return s
}

// monoStyles is NO_COLOR: plain text, not even bold, so the output holds
// no escape sequence at all (logs, screen readers, dumb pipes). Glyphs,
// numbers and borders carry the meaning.
func monoStyles() Styles {
	n := lipgloss.NewStyle
	s := Styles{
		Header: n(), Muted: n(), Heading: n(), Prompt: n(), Cursor: n(),
		Selected: n(), Chosen: n(), Desc: n(), Rec: n(),
		Coaching: n(), Mentoring: n(), Track: n(),
		Why:     n().Border(lipgloss.RoundedBorder()).Padding(0, 1),
		Caution: n().Border(lipgloss.ThickBorder()).Padding(0, 1),
		Warn:    n(), Notice: n(), Error: n(),
	}
	s.Help = helpStyles(n(), n(), n())
	return s
}

func helpStyles(key, desc, sep lipgloss.Style) help.Styles {
	return help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
}

// TeaEnviron is the environment Bubble Tea (here and in the workshop's
// facilitator screen) picks its colour profile from:
// the process's, without NO_COLOR. Whether there is colour is the caller's
// decision, made once (Config.NoColor: an explicit --theme wins over
// NO_COLOR, as no-color.org asks of a command-line argument), and carried
// by the styles; Bubble Tea must not strip the colours of a projector
// theme asked for by name.
func TeaEnviron() []string {
	env := os.Environ()
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "NO_COLOR=") {
			out = append(out, kv)
		}
	}
	return out
}
