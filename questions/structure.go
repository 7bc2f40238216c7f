package questions

import "fmt"

// checkStructure refuses input nested deeper than maxNesting or with a key
// of more than maxKeyParts parts, naming the line. It skips strings and
// comments; anything it misreads is left to the decoder.
func checkStructure(name string, data []byte) error {
	_, err := scanStructure(name, data)
	return err
}

// scanStructure is checkStructure, and also returns where each line that
// opens an array of tables at the top level ("[[question]]" at the start of
// a line, outside any string or value) starts: the places where a large
// file may be cut to be decoded in pieces (pieces.go).
func scanStructure(name string, data []byte) ([]int, error) {
	s := scanner{data: data, line: 1, inKey: true}
	for s.i < len(data) {
		if err := s.step(); err != "" {
			return nil, fmt.Errorf("%s:%d: %s", name, s.line, err)
		}
	}
	return s.heads, nil
}

type scanner struct {
	data  []byte
	i     int
	line  int
	stack []byte // the open brackets
	inKey bool   // reading a key (before its "=")
	parts int    // parts of the key being read
	heads []int  // where each top-level "[[" line starts
}

func (s *scanner) step() string {
	c := s.data[s.i]
	switch c {
	case '\n':
		s.line++
		if len(s.stack) == 0 {
			s.inKey, s.parts = true, 1
		}
	case '#':
		for s.i+1 < len(s.data) && s.data[s.i+1] != '\n' {
			s.i++
		}
	case '"', '\'':
		s.skipString(c)
		return ""
	case '[', '{':
		if c == '[' && len(s.stack) == 0 && (s.i == 0 || s.data[s.i-1] == '\n') && isTopArrayHeader(s.data[s.i:]) {
			s.heads = append(s.heads, s.i)
		}
		s.stack = append(s.stack, c)
		if len(s.stack) > maxNesting {
			return fmt.Sprintf("nested more than %d levels deep; a rule set needs only a few", maxNesting)
		}
		if c == '{' || s.inKey {
			s.inKey, s.parts = true, 1
		}
	case ']', '}':
		if len(s.stack) > 0 {
			s.stack = s.stack[:len(s.stack)-1]
		}
	case ',':
		if n := len(s.stack); n > 0 && s.stack[n-1] == '{' {
			s.inKey, s.parts = true, 1
		}
	case '=':
		s.inKey = false
	case '.':
		if s.inKey {
			if s.parts++; s.parts > maxKeyParts {
				return fmt.Sprintf("a key of more than %d dotted parts; a rule set needs only a few", maxKeyParts)
			}
		}
	}
	s.i++
	return ""
}

// isTopArrayHeader reports whether b starts with "[[name]]", name a bare
// key of one part.
func isTopArrayHeader(b []byte) bool {
	if len(b) < 5 || b[0] != '[' || b[1] != '[' {
		return false
	}
	n := 2
	for n < len(b) && isBareKeyByte(b[n]) {
		n++
	}
	return n > 2 && n+1 < len(b) && b[n] == ']' && b[n+1] == ']'
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// skipString moves past a basic or literal string, single- or multi-line,
// counting the lines it spans.
func (s *scanner) skipString(q byte) {
	triple := s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q
	if triple {
		s.i += 3
	} else {
		s.i++
	}
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '\\' && q == '"':
			s.i++
		case c == '\n':
			s.line++
			if !triple {
				return // an unterminated string: the decoder reports it
			}
		case c == q && (!triple || s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q):
			if triple {
				s.i += 2
			}
			s.i++
			return
		}
		s.i++
	}
}
