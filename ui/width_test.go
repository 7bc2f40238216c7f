package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"guidepost/advisor"
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

// plainSamples are texts without escapes whose width in cells is not their
// length in runes or bytes: wide, combining, joined, zero-width, ambiguous.
var plainSamples = []string{"", "plain", "日本語", "한국어", "ｶﾀｶﾅ", "👍", "👍🏽", "👩‍💻", "👨‍👩‍👧", "🇫🇷", "✔\ufe0f",
	"e\u0301", "\u200b", "\u200d", "·×–…", "é", "Ω", "±", "─│", "漢字 and 😀 mixed", "a\u0300\u0301b", "\u3000", "〜", "™"}

// TestWidthIsTheUIs: advisor.Width, the measure the text reports and the
// batch summary wrap with, counts plain text as the UI does (cellWidth and
// ansi.StringWidth), so a report wrapped for the screen fits it.
func TestWidthIsTheUIs(t *testing.T) {
	for _, s := range plainSamples {
		if got, want := advisor.Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("advisor.Width(%q) = %d, ansi.StringWidth %d", s, got, want)
		}
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi.StringWidth %d", s, got, want)
		}
	}
}

// TestHangTextFitsCells: text the UI wraps with advisor.Wrap fits the
// width in cells, CJK and emoji included.
func TestHangTextFitsCells(t *testing.T) {
	text := strings.Repeat("日本語のテキスト 😀😀 ", 12)
	for _, w := range []int{12, 30, 61} {
		for _, l := range strings.Split(hangText("› ", text, w), "\n") {
			if n := ansi.StringWidth(l); n > w {
				t.Errorf("width %d: line %q takes %d cells", w, l, n)
			}
		}
	}
}
