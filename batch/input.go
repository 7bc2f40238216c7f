package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"guidepost/questions"
)

// maxLine is the longest line accepted, in bytes. encoding/csv holds a
// whole line in memory, so without a cap a file with no line breaks would
// be read into memory whole.
const maxLine = 1 << 20

// errLongLine stops reading a line longer than maxLine.
var errLongLine = errors.New("a line is longer than 1 MiB: is this a CSV file?")

// countingReader counts the bytes read through it, for progress reports,
// and stops at a line longer than maxLine.
type countingReader struct {
	r    io.Reader
	n    int64
	line int // bytes since the last newline
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if i := bytes.LastIndexByte(p[:n], '\n'); i >= 0 {
		c.line = n - 1 - i
	} else {
		c.line += n
	}
	if c.line > maxLine {
		return n, errLongLine
	}
	return n, err
}

// csvInput is the CSV reader over the counted, BOM-stripped input.
type csvInput struct {
	n  *countingReader
	br *bufio.Reader
	cr *csv.Reader
}

func newCSVInput(r io.Reader) *csvInput {
	n := &countingReader{r: r}
	br := bufio.NewReaderSize(n, 64<<10)
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // a wrong cell count is a row error, checked by the plan
	cr.ReuseRecord = true
	return &csvInput{n: n, br: br, cr: cr}
}

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// header skips a UTF-8 byte order mark and reads the header row.
func (in *csvInput) header(name string) ([]string, error) {
	head, _ := in.br.Peek(3)
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		in.br.Discard(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		return nil, fmt.Errorf("%s is UTF-16 text: save it as CSV UTF-8", name)
	}
	rec, err := in.cr.Read()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s is empty: %w", name, ErrEmpty)
	case isParseError(err):
		return nil, fmt.Errorf("%s: the header row is not valid CSV: %s", name, questions.Clean(err.Error()))
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return append([]string(nil), rec...), nil
}

func isParseError(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe)
}
