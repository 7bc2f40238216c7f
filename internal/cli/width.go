package cli

// The width of what the commands write: the terminal's, and help that
// fits 80 columns.

import (
	"bytes"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"guidepost/ui"
)

// helpColumns is the widest help is written: fang draws it as wide as
// the terminal (up to 120 columns, and 120 in a pipe), which breaks words
// in an 80-column terminal and in a file read in one.
const helpColumns = 80

// helpPad is the columns fang puts around a command's description (two
// on the left) and the margin kept on the right.
const helpPad = 4

// terminalWidth returns the width of w in columns when it is a terminal,
// else 0.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	cols, _, err := term.GetSize(f.Fd())
	if err != nil || cols <= 0 {
		return 0
	}
	return cols
}

// helpWidth is the width to wrap descriptions to for a terminal of width
// columns (0: not a terminal).
func helpWidth(width int) int {
	if width <= 0 || width > helpColumns {
		width = helpColumns
	}
	return max(width-helpPad, 20)
}

// fitHelp wraps the long description of c and every command under it to
// width columns, at spaces only, keeping its paragraphs. The one-line
// texts (Short, flag usages) are written to fit 80 columns themselves:
// TestHelpFits80Columns holds them to it.
func fitHelp(c *cobra.Command, width int) {
	c.Long = ui.Wrap(c.Long, width)
	for _, sub := range c.Commands() {
		fitHelp(sub, width)
	}
}

// writeCheck is a writer that keeps its first error: fang writes the help
// and drops the errors, and output that could not be written must not end
// in success. With trim, it drops the spaces that end a line (fang pads
// its help with them), holding spaces back until it sees what follows.
type writeCheck struct {
	w       io.Writer
	err     error
	trim    bool
	pending int // spaces held back
}

func (c *writeCheck) Write(p []byte) (int, error) {
	if !c.trim {
		return c.write(p)
	}
	var out []byte
	for _, b := range p {
		switch b {
		case ' ':
			c.pending++
			continue
		case '\n':
			c.pending = 0
		}
		if c.pending > 0 {
			out = append(out, bytes.Repeat([]byte{' '}, c.pending)...)
			c.pending = 0
		}
		out = append(out, b)
	}
	if len(out) > 0 {
		if _, err := c.write(out); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

func (c *writeCheck) write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
