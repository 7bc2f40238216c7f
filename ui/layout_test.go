package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapLineAsBefore: wrapLine writes into one buffer; it must wrap
// exactly as the plain version below, which it replaced, did: for words
// of every width (wide, zero-width, wider than the line), both ways of
// treating a long word.
func TestWrapLineAsBefore(t *testing.T) {
	pieces := []string{"a", "word", "longerword", "x", " ", "  ", "\t", "漢字", "é", "\u0301", "\u200b",
		"supercalifragilistic", "1.5", "file-name.toml", "\x1b[1mbold\x1b[m", "🙂", "—"}
	r := rand.New(rand.NewPCG(12, 34))
	for i := range 20000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		p, w, hard := b.String(), 1+r.IntN(30), i%2 == 0
		if got, want := wrapLine(p, w, hard), wrapLineRef(p, w, hard); got != want {
			t.Fatalf("wrapLine(%q, %d, %v) = %q, before %q", p, w, hard, got, want)
		}
	}
}

// wrapLineRef is wrapLine as it was: the specification of its output.

func wrapLineRef(p string, w int, hard bool) string {
	var out []string
	line, lw := "", 0
	for _, word := range strings.Fields(p) {
		ww := ansi.StringWidth(word)
		switch {
		case lw > 0 && lw+1+ww <= w:
			line, lw = line+" "+word, lw+1+ww
			continue
		case lw > 0:
			out = append(out, line)
		}
		if ww > w && hard {
			parts := strings.Split(ansi.Hardwrap(word, w, true), "\n")
			out = append(out, parts[:len(parts)-1]...)
			word = parts[len(parts)-1]
			ww = ansi.StringWidth(word)
		}
		line, lw = word, ww
	}
	return strings.Join(append(out, line), "\n")
}
