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

// wrap wraps plain text to width w.
func wrap(s string, w int) string {
	return ansi.Wrap(s, max(w, 1), "")
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

// window returns the range [start, end) of n rows to show in height rows so
// that cursor stays visible, roughly centred once the list scrolls.
func window(n, cursor, height int) (start, end int) {
	if n <= height {
		return 0, n
	}
	height = max(height, 1)
	start = min(max(cursor-height/2, 0), n-height)
	return start, start + height
}

// lines counts the lines of s.
func lines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// scrollList shows rows in at most height lines around cursor; when they do
// not all fit it keeps a line above and below to say how many are hidden.
func scrollList(rows []string, cursor, height int, muted func(...string) string) string {
	if len(rows) <= height {
		return strings.Join(rows, "\n")
	}
	start, end := window(len(rows), cursor, max(height-2, 1))
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
