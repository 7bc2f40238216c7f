package ui

import (
	"fmt"
	"image/color"
	"strings"
)

// Ground is a fixed foreground and background painted over every cell of
// the screen. A style's text ends in an SGR reset, which would bring back
// the terminal's own colours for the rest of the line; Paint puts the
// ground back after every reset, and pads each line to the window's width
// and the screen to its height, so no cell shows the terminal's colours.
type Ground struct {
	Fg, Bg [3]uint8 // RGB
}

func (Ground) rgb(c [3]uint8) color.Color { return color.RGBA{c[0], c[1], c[2], 0xFF} }

func (g Ground) fg() string { return fmt.Sprintf("38;2;%d;%d;%d", g.Fg[0], g.Fg[1], g.Fg[2]) }
func (g Ground) bg() string { return fmt.Sprintf("48;2;%d;%d;%d", g.Bg[0], g.Bg[1], g.Bg[2]) }

// Paint returns s on the ground, w cells wide and h lines high. It runs
// on every frame, so it writes into one buffer.
func (g Ground) Paint(s string, w, h int) string {
	fg, bg := g.fg(), g.bg()
	on := "\x1b[" + fg + ";" + bg + "m"
	var b strings.Builder
	b.Grow(len(s) + max(h, 1)*(len(on)+8) + w)
	n := 0
	line := func(l string) {
		if n > 0 {
			b.WriteByte('\n')
		}
		n++
		b.WriteString(on)
		g.reapplyTo(&b, l, fg, bg)
		for range max(w-cellWidth(l), 0) {
			b.WriteByte(' ')
		}
		b.WriteString("\x1b[m")
	}
	for l := range strings.SplitSeq(s, "\n") {
		line(l)
	}
	for n < h {
		line("")
	}
	return b.String()
}

// reapply puts the ground's colours back after every SGR sequence in l
// that returns the foreground or background to the terminal's default.
func (g Ground) reapply(l string) string {
	var b strings.Builder
	g.reapplyTo(&b, l, g.fg(), g.bg())
	return b.String()
}

// reapplyTo writes l to b, putting the ground's colours (fg and bg, as SGR
// parameters) back after every SGR sequence that returns the foreground or
// background to the terminal's default.
func (g Ground) reapplyTo(b *strings.Builder, l, fg, bg string) {
	for {
		i := strings.Index(l, "\x1b[")
		if i < 0 {
			b.WriteString(l)
			return
		}
		j := i + 2
		for j < len(l) && (l[j] >= '0' && l[j] <= '9' || l[j] == ';' || l[j] == ':') {
			j++
		}
		if j >= len(l) || l[j] != 'm' { // not SGR: copy it as it is
			b.WriteString(l[:j])
			l = l[j:]
			continue
		}
		b.WriteString(l[:j+1])
		switch fgOff, bgOff := sgrDefaults(l[i+2 : j]); {
		case fgOff && bgOff:
			b.WriteString("\x1b[" + fg + ";" + bg + "m")
		case fgOff:
			b.WriteString("\x1b[" + fg + "m")
		case bgOff:
			b.WriteString("\x1b[" + bg + "m")
		}
		l = l[j+1:]
	}
}

// sgrDefaults reports whether the SGR parameters leave the foreground or
// the background at the terminal's default (a reset, 39 or 49, not set
// again later in the same sequence).
func sgrDefaults(params string) (fgOff, bgOff bool) {
	var held [16]string
	toks := held[:0] // strings.Split(params, ";") without allocating
	for rest := params; ; {
		t, r, more := strings.Cut(rest, ";")
		toks = append(toks, t)
		if !more {
			break
		}
		rest = r
	}
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; {
		case t == "" || t == "0":
			fgOff, bgOff = true, true
		case t == "39":
			fgOff = true
		case t == "49":
			bgOff = true
		case t == "38" || t == "48":
			if t == "38" {
				fgOff = false
			} else {
				bgOff = false
			}
			if i+1 < len(toks) && toks[i+1] == "5" {
				i += 2
			} else if i+1 < len(toks) && toks[i+1] == "2" {
				i += 4
			}
		case strings.HasPrefix(t, "38:"):
			fgOff = false
		case strings.HasPrefix(t, "48:"):
			bgOff = false
		case len(t) == 2 && t[0] == '3' && t[1] <= '7', len(t) == 2 && t[0] == '9' && t[1] <= '7':
			fgOff = false
		case len(t) == 2 && t[0] == '4' && t[1] <= '7', len(t) == 3 && t[:2] == "10" && t[2] <= '7':
			bgOff = false
		}
	}
	return fgOff, bgOff
}
