package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The smallest window the UI draws in; below it a notice asks for more room.
const (
	minWidth  = 40
	minHeight = 12
	maxText   = 92 // the widest text column: longer lines are hard to read
)

// layout is every size the screens draw to, derived from the window in one
// place (see newLayout) whenever the window, the help or the footer changes.
type layout struct {
	width, height int  // the window
	tooSmall      bool // below minWidth×minHeight
	compact       bool // short window: fewer blank lines
	margin        int  // left margin
	text          int  // width of the text column
	body          int  // lines left for the active screen
}

// newLayout derives the sizes for a w×h window whose footer (notices,
// gauge, help) takes footer lines.
func newLayout(w, h, footer int) layout {
	l := layout{width: w, height: h}
	l.tooSmall = w < minWidth || h < minHeight
	l.compact = h < 20
	if w >= 60 {
		l.margin = 2
	} else if w >= 44 {
		l.margin = 1
	}
	l.text = min(w-2*l.margin, maxText)
	chrome := 1 + footer // the header
	if !l.compact {
		chrome += 2 // a blank line under the header and above the footer
	}
	l.body = max(h-chrome, 1)
	return l
}

// gap is the blank line between sections; compact windows drop it.
func (l layout) gap() string {
	if l.compact {
		return ""
	}
	return "\n"
}

// onWrap, when set (by a test), is called on every line wrapped: View must
// wrap nothing, since layout is planned in Update.
var onWrap func()

// wrap wraps text to width w at spaces only: a file name, a number such
// as 1.5 or a hyphenated word is never split, unless it alone is wider
// than w.
func wrap(s string, w int) string {
	w = max(w, 1)
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		paras[i] = wrapLine(p, w, true)
	}
	return strings.Join(paras, "\n")
}

// wrapLine wraps one paragraph; hard splits a word wider than w (the
// screen must not overflow), else such a word keeps a line to itself. It
// writes into one buffer: every frame wraps its texts.
func wrapLine(p string, w int, hard bool) string {
	if onWrap != nil {
		onWrap()
	}
	buf := make([]byte, 0, len(p)+8)
	start, lw := 0, 0 // where the current line begins in buf, and its width
	for word := range strings.FieldsSeq(p) {
		ww := ansi.StringWidth(word)
		switch {
		case lw > 0 && lw+1+ww <= w:
			buf = append(append(buf, ' '), word...)
			lw += 1 + ww
			continue
		case lw > 0:
			buf = append(buf, '\n')
			start = len(buf)
		default: // a line of no width so far is dropped, as it always was
			buf = buf[:start]
		}
		if ww > w && hard {
			parts := strings.Split(ansi.Hardwrap(word, w, true), "\n")
			for _, part := range parts[:len(parts)-1] {
				buf = append(append(buf, part...), '\n')
			}
			start = len(buf)
			word = parts[len(parts)-1]
			ww = ansi.StringWidth(word)
		}
		buf = append(buf, word...)
		lw = ww
	}
	return string(buf)
}

// hang wraps text to width w after prefix, indenting the following lines
// under the text.
func hang(prefix, text string, w int) string {
	pw := ansi.StringWidth(prefix)
	lines := strings.Split(wrap(text, w-pw), "\n")
	pad := strings.Repeat(" ", pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// truncate shortens a single line to w cells with an ellipsis.
func truncate(s string, w int) string {
	return ansi.Truncate(s, max(w, 1), "…")
}

// window returns the rows [start, end) to show in height lines so that
// the cursor's row stays visible, roughly centred once the list scrolls.
// Rows may span several lines; only whole rows are shown.
func window(rows []string, cursor, height int) (start, end int) {
	start, end = cursor, cursor+1
	used := lines(rows[cursor])
	fits := func(i int) bool { return used+lines(rows[i]) <= height }
	for {
		switch {
		case end < len(rows) && fits(end) && (end-cursor <= cursor-start || start == 0 || !fits(start-1)):
			used += lines(rows[end])
			end++
		case start > 0 && fits(start-1):
			start--
			used += lines(rows[start])
		default:
			return start, end
		}
	}
}

// lines counts the lines of s.
func lines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// scrollList shows whole rows in at most height lines around cursor;
// when they do not all fit it keeps a line above and below to say how many
// are hidden.
func scrollList(rows []string, cursor, height int, muted func(...string) string) string {
	all := strings.Join(rows, "\n")
	if lines(all) <= height {
		return all
	}
	start, end := window(rows, cursor, max(height-2, 1))
	var b strings.Builder
	b.WriteString(muted(moreLine("↑", start)) + "\n")
	b.WriteString(strings.Join(rows[start:end], "\n"))
	b.WriteString("\n" + muted(moreLine("↓", len(rows)-end)))
	return b.String()
}

func moreLine(arrow string, n int) string {
	if n == 0 {
		return ""
	}
	return "  " + arrow + " " + strconv.Itoa(n) + " more"
}
