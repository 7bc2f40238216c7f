package ui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cellWidth is ansi.StringWidth, the cells a line of styled text takes,
// with a quick path for the text Guidepost draws: printable ASCII, the few
// one-cell symbols of its screens (typographic quotes and dashes, arrows,
// box drawing, blocks) and CSI sequences (SGR). None of those joins a
// neighbour into one grapheme, so each takes one cell and a sequence none.
// Anything else (a control character, another escape, any other letter,
// which may be wide or combining) is measured by ansi.StringWidth; the high-
// contrast ground pads every line of every frame, and this is most of that.
// TestCellWidth holds it to ansi.StringWidth.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b:
			j := csiEnd(s, i)
			if j < 0 {
				return ansi.StringWidth(s)
			}
			i = j
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !oneCell(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// csiEnd returns the end of the CSI sequence at s[i] ("\x1b[", parameter
// bytes, intermediate bytes, a final byte), or -1 when there is none.
func csiEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return -1
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1
	}
	return -1
}

// oneCell reports whether r is one of the symbols cellWidth counts itself.
func oneCell(r rune) bool {
	switch {
	case r == 0xb7 || r == 0xd7: // · ×
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullet, ellipsis
		return true
	case r == 0x2039 || r == 0x203a: // ‹ ›
		return true
	case r >= 0x2190 && r <= 0x2193: // ← ↑ → ↓
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks
		return true
	}
	return false
}
