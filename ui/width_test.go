package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestCellWidth: cellWidth is ansi.StringWidth, on every symbol it counts
// itself (alone and between letters), on escapes it leaves to
// ansi.StringWidth, and on every line of every screen in every theme.
func TestCellWidth(t *testing.T) {
	var cases []string
	for _, r := range []rune{0xb7, 0xd7, 0x2039, 0x203a} {
		cases = append(cases, string(r))
	}
	for _, rg := range [][2]rune{{0x2010, 0x2027}, {0x2190, 0x2193}, {0x2500, 0x259f}} {
		for r := rg[0]; r <= rg[1]; r++ {
			cases = append(cases, string(r), "a"+string(r)+"b", "\x1b[1m"+string(r)+"\x1b[m")
		}
	}
	cases = append(cases, "", "plain", "\x1b[38;2;1;2;3mx\x1b[m", "\x1b[2K", "\x1b]8;;http://x\x07link\x1b]8;;\x07",
		"\x1b[", "\x1b[1", "a\tb", "é", "e\u0301", "日本", "👍", "─\ufe0f", "\u200b", "x\x1bq", "\x1b[?25l")
	for _, s := range cases {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi.StringWidth %d", s, got, want)
		}
	}
	for _, theme := range []string{"dark", "light", "high-contrast"} {
		m := start(t, Config{Bank: defaultBank(t), Audience: "manager", Theme: theme}, 120, 40)
		frames := []string{m.render()}
		for screenOf(m) == questionScreen {
			m = press(m, "1")
		}
		frames = append(frames, m.render())
		m = press(m, "r")
		frames = append(frames, m.render())
		m = press(m, "l")
		frames = append(frames, m.render())
		for _, f := range frames {
			for _, l := range strings.Split(f, "\n") {
				if got, want := cellWidth(l), ansi.StringWidth(l); got != want {
					t.Errorf("%s: cellWidth(%q) = %d, ansi.StringWidth %d", theme, l, got, want)
				}
			}
		}
	}
}
