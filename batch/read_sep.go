package batch

import (
	"bytes"
	"fmt"
	"io"
)

// The cells of a row are separated by commas, or, as spreadsheets save CSV
// in many locales, by semicolons or tabs: unless Options.Delimiter says
// which, the header row tells.

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// readHeader skips UTF-8 byte order marks, sets the cell separator (the
// one given, else the header row's, with a warning when it is not a
// comma) and reads the header row.
func readHeader(rd *reader, opt Options) ([]string, error) {
	name := opt.name()
	for {
		head := rd.ahead(len(bomUTF8))
		if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
			return nil, fmt.Errorf("%s is UTF-16 text: save it as CSV UTF-8", name)
		}
		if !bytes.HasPrefix(head, bomUTF8) {
			break
		}
		rd.pos += len(bomUTF8)
	}
	rd.sep = byte(opt.Delimiter)
	if opt.Delimiter == 0 {
		rd.sep = detectSeparator(rd.ahead(readBuffer))
		if rd.sep != ',' && opt.Warn != nil {
			fmt.Fprintf(opt.Warn, "%s: warning: reading the cells as separated by %s, as the header row is (choose another with --delimiter)\n", name, sepName(rd.sep))
		}
	}
	err := rd.read()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s is empty: %w", name, ErrEmpty)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", name, err)
	case rd.tooLong:
		return nil, fmt.Errorf("%s: the header row is longer than 1 MiB: is this a CSV file?", name)
	case rd.problem != "":
		return nil, fmt.Errorf("%s: the header row is not valid CSV: %s", name, rd.problem)
	}
	// A name longer than maxCell is kept cut, marked with "…": it cannot
	// be a question id, so its column is ignored like any other.
	header := rd.header()
	for i, long := range rd.long[:len(header)] {
		if long {
			header[i] += "…"
		}
	}
	return header, nil
}

// detectSeparator returns the separator of the header row at the start
// of b (after any blank lines): of comma, semicolon and tab, the one it
// holds most of outside quotes; comma on a tie with it or when it holds
// none, semicolon on a tie with tab. Only b is looked at, at most the
// read buffer, so a header longer than that is judged by its start.
func detectSeparator(b []byte) byte {
	b = bytes.TrimLeft(b, "\r\n")
	var comma, semi, tab int
	quoted := false
scan:
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			break scan
		case c == ',':
			comma++
		case c == ';':
			semi++
		case c == '\t':
			tab++
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// sepName names a separator in a message.
func sepName(c byte) string {
	switch c {
	case ';':
		return "semicolons (;)"
	case '\t':
		return "tabs"
	}
	return "commas (,)"
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
