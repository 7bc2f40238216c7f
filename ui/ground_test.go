package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPaintAsBefore: Paint writes into one buffer; on every screen, in a
// large and a small window, it paints exactly as the plain version below,
// which it replaced, did.
func TestPaintAsBefore(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {45, 15}} {
		m := start(t, Config{Bank: defaultBank(t), Audience: "manager", Theme: "high-contrast"}, size[0], size[1])
		g := m.c.styles.Ground
		if g == nil {
			t.Fatal("high contrast has no ground")
		}
		check := func(at string) {
			t.Helper()
			content := m.render()
			if got, want := g.Paint(content, size[0], size[1]), g.paintRef(content, size[0], size[1]); got != want {
				t.Fatalf("%s at %dx%d: Paint\n%q\nbefore\n%q", at, size[0], size[1], got, want)
			}
		}
		check("question")
		m = press(m, "w")
		check("question with why")
		for screenOf(m) == questionScreen {
			m = press(m, "1")
		}
		check("review")
		m = press(m, "r")
		check("result")
		m = press(m, "?")
		check("result with help")
		m = press(m, "?", "l")
		check("learn")
	}
	for _, s := range []string{"", "a", "\n\n", "\x1b[1mx\x1b[m\x1b[2K"} {
		g := Ground{Fg: [3]uint8{1, 2, 3}, Bg: [3]uint8{4, 5, 6}}
		if got, want := g.Paint(s, 5, 4), g.paintRef(s, 5, 4); got != want {
			t.Errorf("Paint(%q) = %q, before %q", s, got, want)
		}
	}
}

// paintRef is Paint as it was: the specification of its output. It returns s on the ground, w cells wide and h lines high.
func (g Ground) paintRef(s string, w, h int) string {
	on := "\x1b[" + g.fg() + ";" + g.bg() + "m"
	ls := strings.Split(s, "\n")
	for len(ls) < h {
		ls = append(ls, "")
	}
	for i, l := range ls {
		pad := max(w-ansi.StringWidth(l), 0)
		ls[i] = on + g.reapplyRef(l) + strings.Repeat(" ", pad) + "\x1b[m"
	}
	return strings.Join(ls, "\n")
}

// reapplyRef puts the ground's colours back after every SGR sequence that
// returns the foreground or background to the terminal's default.
func (g Ground) reapplyRef(l string) string {
	var b strings.Builder
	for {
		i := strings.Index(l, "\x1b[")
		if i < 0 {
			b.WriteString(l)
			return b.String()
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
		fgOff, bgOff := sgrDefaults(l[i+2 : j])
		var back []string
		if fgOff {
			back = append(back, g.fg())
		}
		if bgOff {
			back = append(back, g.bg())
		}
		if len(back) > 0 {
			b.WriteString("\x1b[" + strings.Join(back, ";") + "m")
		}
		l = l[j+1:]
	}
}
