package advisor

import (
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// Width is the number of terminal cells plain text s takes: a CJK letter
// or an emoji two, a combining mark or a zero-width joiner none, a flag or
// a joined emoji sequence (👩‍💻) two for the whole grapheme cluster. It is
// the one measure every text output wraps and aligns with: Wrap, the batch
// summary's columns, and the terminal UI, whose ansi.StringWidth counts
// the same way for text without escape sequences (ui's TestWidthIsTheUIs
// holds the two equal). East Asian ambiguous letters count one cell, as
// in ansi.StringWidth. s holds no escape sequences: outputs clean their
// text first (questions.Clean).
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return displaywidth.String(s)
		}
	}
	return len(s)
}

// Wrap word-wraps text to width terminal cells, breaking at spaces (so
// "1.5" and "[1,2]" stay whole), and indents every line after the first
// by indent spaces; the first line is taken to start at column indent too,
// after a prefix the caller writes. Words are measured in cells (Width): a
// CJK letter or an emoji takes two. Only a word wider than a whole line,
// such as a long file name, is broken, between grapheme clusters, never
// cut. Every output wraps with it.
func Wrap(text string, width, indent int) string {
	var out strings.Builder
	room := max(width-indent, 1)
	for pi, para := range strings.Split(text, "\n") {
		if pi > 0 {
			out.WriteString("\n" + strings.Repeat(" ", indent))
		}
		col := indent
		first := true
		for _, word := range strings.Split(para, " ") {
			for word != "" {
				piece, n, rest := word, Width(word), ""
				if n > room {
					piece, n, rest = cut(word, room)
				}
				switch {
				case first:
				case col+1+n > width:
					out.WriteString("\n" + strings.Repeat(" ", indent))
					col = indent
				default:
					out.WriteByte(' ')
					col++
				}
				first = false
				out.WriteString(piece)
				col += n
				word = rest
			}
		}
	}
	return out.String()
}

// cut splits s after as many whole grapheme clusters as fit in cells
// (at least one, so that a wide letter on a one-cell line still moves
// on), and returns the head, its width and the rest.
func cut(s string, cells int) (head string, width int, rest string) {
	g := displaywidth.StringGraphemes(s)
	n := 0
	for g.Next() {
		w := g.Width()
		if n > 0 && width+w > cells {
			break
		}
		n += len(g.Value())
		width += w
	}
	return s[:n], width, s[n:]
}
