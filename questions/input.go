package questions

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// checkInput checks the bytes of a TOML file (a rule set or an answers
// file) before the decoder sees them and returns them without their
// byte-order mark: at most limit bytes, UTF-8 (UTF-16 is named as such, with
// or without a BOM), one BOM at most, and no raw control characters. The
// decoder refuses raw control characters too, but calls every NUL byte a sign
// of UTF-16 and echoes the rest raw; here each is named, escaped, at its
// line and column.
func checkInput(name string, data []byte, limit int, what string) ([]byte, error) {
	if len(data) > limit {
		return nil, fmt.Errorf("%s: the file is larger than %d KiB; %s is at most that size", name, limit>>10, what)
	}
	if looksUTF16(data) {
		return nil, fmt.Errorf("%s:1: this file looks like UTF-16; save it as UTF-8", name)
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if bytes.HasPrefix(data, []byte(bom)) {
		return nil, fmt.Errorf("%s:1: the file starts with two byte-order marks (U+FEFF); save it as UTF-8 with at most one", name)
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line, col = line+1, 0
			case c == '\r' && i+1 < len(data) && data[i+1] == '\n', c == '\t':
			case c < 0x20 || c == 0x7f:
				return nil, fmt.Errorf("%s:%d:%d: a control character (\\x%02x): a TOML file cannot hold one, not even in a comment\n%s",
					name, line, col, c, caret(data, line, col))
			}
			i, col = i+1, col+1
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return nil, fmt.Errorf("%s:%d: the file is not valid UTF-8 (byte 0x%02x at column %d); save it as UTF-8", name, line, c, col)
		}
		i, col = i+size, col+1
	}
	return data, nil
}

const bom = "\ufeff"

// looksUTF16 reports whether data is UTF-16: it starts with a UTF-16 BOM,
// or at least a third of its first 128 bytes are NUL, all at even or all at
// odd offsets (ASCII text in UTF-16, big- or little-endian).
func looksUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	head := data[:min(len(data), 128)]
	var nul [2]int
	for i, c := range head {
		if c == 0 {
			nul[i%2]++
		}
	}
	n := nul[0] + nul[1]
	return len(head) >= 4 && n*3 >= len(head) && (nul[0] == 0 || nul[1] == 0)
}
