package batch

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// reader splits CSV input into rows (RFC 4180, as encoding/csv reads it
// with FieldsPerRecord -1) and keeps only the cells it is asked for, so
// that what it holds is bounded by maxCell per kept cell whatever the
// input. It differs from encoding/csv where that would lose rows or
// memory:
//
//   - a line ends at \n, \r\n or a lone \r (old spreadsheet exports end
//     lines with \r alone; encoding/csv reads such a file as one line);
//     inside a quoted cell each of them reads as \n;
//   - a row longer than maxRow, or a kept cell longer than maxCell, is
//     reported as a problem of that row and skipped to its end, never held;
//   - a syntax error (a bare quote, text after a closing quote) is a problem
//     of its row; reading goes on at the next line, as encoding/csv does.
//
// Empty lines are skipped, as encoding/csv skips them.
type reader struct {
	src  io.Reader
	buf  []byte
	pos  int   // next unread byte in buf
	end  int   // bytes in buf
	base int64 // input offset of buf[0]
	err  error // the error that ended reading (io.EOF at the end)
	line int   // line number of the next byte, from 1
	sep  byte  // the cell separator: ',', ';' or '\t'

	// keep maps a cell index to its slot in cells, or -1; cells past it
	// are not kept. nil keeps every cell (the header).
	keep []int

	// The row read last.
	cells   []span // per slot: the cell's bytes in data
	data    []byte // the kept cells' bytes
	ncell   int    // cells in the row
	start   int    // line the row starts on
	blank   bool   // every cell is empty or spaces and tabs
	problem string // why the row cannot be used; "" when it can
	tooLong bool   // the row is longer than maxRow
	long    []bool // per slot: the cell was longer than maxCell
}

// span is a kept cell's place in reader.data.
type span struct{ from, to int }

func newReader(src io.Reader) *reader {
	return &reader{src: src, buf: make([]byte, readBuffer), line: 1, sep: ','}
}

// offset is how many input bytes have been consumed.
func (r *reader) offset() int64 { return r.base + int64(r.pos) }

// fill reads more input, keeping nothing before pos. It returns false at
// the end of the input or on an error (r.err).
func (r *reader) fill() bool {
	if r.err != nil {
		return false
	}
	if r.pos > 0 {
		n := copy(r.buf, r.buf[r.pos:r.end])
		r.base += int64(r.pos)
		r.pos, r.end = 0, n
	}
	for tries := 0; r.end < len(r.buf); tries++ {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if err != nil {
			r.err = err
			return n > 0
		}
		if n > 0 {
			return true
		}
		if tries > 100 {
			r.err = io.ErrNoProgress
			return false
		}
	}
	return true
}

// peek returns the next byte, reading more input when needed.
func (r *reader) peek() (byte, bool) {
	if r.pos >= r.end && !r.fill() {
		return 0, false
	}
	return r.buf[r.pos], true
}

// ahead returns up to n unread bytes, reading more input when needed.
func (r *reader) ahead(n int) []byte {
	for r.end-r.pos < n && r.fill() {
	}
	return r.buf[r.pos:min(r.end, r.pos+n)]
}

// lineEnd consumes a line end whose first byte (\n or \r) is next.
func (r *reader) lineEnd() {
	c := r.buf[r.pos]
	r.pos++
	r.line++
	if c == '\r' {
		if c, ok := r.peek(); ok && c == '\n' {
			r.pos++
		}
	}
}

// setKeep tells the reader which cells to keep: keep[i] is cell i's slot,
// or -1.
func (r *reader) setKeep(keep []int) {
	r.keep = keep
	slots := 0
	for _, s := range keep {
		slots = max(slots, s+1)
	}
	r.cells = make([]span, slots)
	r.long = make([]bool, slots)
}

// cell returns the bytes of the kept cell in slot s, valid until the next
// read; nil when the row has no such cell.
func (r *reader) cell(s int) []byte {
	if s < 0 {
		return nil
	}
	c := r.cells[s]
	return r.data[c.from:c.to]
}

// header returns every cell of the row read last, as strings.
func (r *reader) header() []string {
	out := make([]string, r.ncell)
	for i := range out {
		out[i] = string(r.cell(i))
	}
	return out
}

// read reads the next row. It returns io.EOF at the end of the input and
// another error when reading fails; a row that is there but cannot be
// used is no error: its problem says why.
func (r *reader) read() error {
	// Skip empty lines.
	for {
		c, ok := r.peek()
		if !ok {
			return r.endErr()
		}
		if c != '\n' && c != '\r' {
			break
		}
		r.lineEnd()
	}
	r.data, r.ncell, r.blank, r.problem, r.tooLong = r.data[:0], 0, true, "", false
	for i := range r.cells {
		r.cells[i] = span{}
		r.long[i] = false
	}
	r.start = r.line
	if r.fast() {
		return nil
	}
	r.slow()
	if r.err != nil && r.err != io.EOF {
		return r.err
	}
	return nil
}

func (r *reader) endErr() error {
	if r.err == nil {
		return io.EOF
	}
	return r.err
}

// slot returns the slot of cell i, or -1 when it is not kept.
func (r *reader) slot(i int) int {
	if r.keep == nil {
		for len(r.cells) <= i {
			r.cells = append(r.cells, span{})
			r.long = append(r.long, false)
		}
		return i
	}
	if i < len(r.keep) {
		return r.keep[i]
	}
	return -1
}

// fast reads a row that is one line, wholly in the buffer, with no quote
// and no carriage return but a final one: nearly every row of a real file.
// It returns false, having consumed nothing, for any other row.
func (r *reader) fast() bool {
	rest := r.buf[r.pos:r.end]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || nl > maxRow+1 {
		return false
	}
	line := rest[:nl]
	if cr := bytes.IndexByte(line, '\r'); cr >= 0 {
		if cr != nl-1 {
			return false
		}
		line = line[:cr]
	}
	if len(line) > maxRow || bytes.IndexByte(line, '"') >= 0 {
		return false
	}
	for i := 0; ; i++ {
		c := bytes.IndexByte(line, r.sep)
		cell := line
		if c >= 0 {
			cell = line[:c]
		}
		r.addCell(i, cell)
		if c < 0 {
			break
		}
		line = line[c+1:]
	}
	r.pos += nl + 1
	r.line++
	return true
}

// addCell records cell i, whole, for the fast path.
func (r *reader) addCell(i int, cell []byte) {
	r.ncell = i + 1
	if r.blank && !isBlank(cell) {
		r.blank = false
	}
	s := r.slot(i)
	if s < 0 {
		return
	}
	if len(cell) > maxCell { // kept cut, for a header's messages
		r.long[s] = true
		cell = cell[:maxCell]
	}
	from := len(r.data)
	r.data = append(r.data, cell...)
	r.cells[s] = span{from, len(r.data)}
}

// fail records a syntax error found on the current line.
func (r *reader) fail(what string) {
	if r.problem == "" {
		r.problem = "malformed CSV on line " + strconv.Itoa(r.line) + ": " + what
	}
}

// slow reads any row byte by byte: quoted cells, line breaks in cells, a
// lone \r, rows that cross the buffer's end, rows that are too long.
func (r *reader) slow() {
	from := r.offset()    // the row's first byte
	long := func() bool { // the row so far is longer than maxRow
		if !r.tooLong && r.offset()-from > maxRow {
			r.tooLong = true
			r.problem = fmt.Sprintf("line %d: the row is longer than 1 MiB (%d bytes): is this a CSV file?", r.start, maxRow)
		}
		return r.tooLong
	}
	for i := 0; ; i++ {
		if long() && r.keep == nil {
			return // a header that long ends the run: read no further
		}
		r.ncell = i + 1
		s := r.slot(i)
		if s >= 0 {
			r.cells[s] = span{len(r.data), len(r.data)}
		}
		put := func(c byte) {
			if c != ' ' && c != '\t' {
				r.blank = false
			}
			if s < 0 || r.long[s] {
				return
			}
			if r.cells[s].to-r.cells[s].from >= maxCell {
				r.long[s] = true
				return
			}
			r.data = append(r.data, c)
			r.cells[s].to++
		}
		c, ok := r.peek()
		if !ok {
			long()
			return
		}
		if c == '"' {
			r.pos++
			if !r.quoted(put, long) {
				return
			}
		}
		// An unquoted cell, or the separator or line end after a quoted one.
		for next := false; !next; {
			c, ok := r.peek()
			switch {
			case !ok:
				long()
				return
			case c == r.sep:
				r.pos++
				next = true
			case c == '\n' || c == '\r':
				long()
				r.lineEnd()
				return
			case c == '"':
				r.fail("a quote inside a cell that does not start with one (quote the whole cell and double its quotes)")
				r.skipLine(long)
				return
			default:
				put(c)
				r.pos++
			}
		}
	}
}

// quoted reads a quoted cell after its opening quote, through its closing
// quote. It returns false when the row has ended (the input ended inside
// the quotes, or the closing quote was followed by something other than a
// comma or a line end).
func (r *reader) quoted(put func(byte), long func() bool) bool {
	for {
		c, ok := r.peek()
		if !ok {
			long()
			if r.err == io.EOF {
				r.fail("a quoted cell is not closed before the end of the file")
			}
			return false
		}
		switch c {
		case '"':
			r.pos++
			if c, ok := r.peek(); ok && c == '"' {
				r.pos++
				put('"')
				continue
			}
			c, ok := r.peek()
			if !ok || c == r.sep || c == '\n' || c == '\r' {
				return true
			}
			r.fail(`text after the closing quote of a cell (double a quote inside a quoted cell)`)
			r.skipLine(long)
			return false
		case '\n', '\r':
			r.lineEnd()
			put('\n')
		default:
			r.pos++
			put(c)
		}
	}
}

// skipLine consumes the rest of the current line and its line end.
func (r *reader) skipLine(long func() bool) {
	for {
		if r.pos >= r.end && !r.fill() {
			long()
			return
		}
		rest := r.buf[r.pos:r.end]
		i := bytes.IndexAny(rest, "\r\n")
		if i < 0 {
			r.pos = r.end
			long()
			continue
		}
		r.pos += i
		long()
		r.lineEnd()
		return
	}
}
