package batch

import (
	"bufio"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"guidepost/questions"
)

// csvHeader is the output header: the contract's columns (CONTRACT §6),
// then the raised cautions' ids, separated by ";", then the status (what
// kind of call it is, advisor.Status), then the route (the rule set's
// other route that comes first, or empty), each added last so that no
// earlier column moves.
const csvHeader = "id,recommendation,confidence,coaching,mentoring,error,cautions,status,route\n"

// csvSink writes one CSV line per row, built in a reused buffer.
type csvSink struct {
	b    *questions.Bank
	w    *bufio.Writer
	line []byte
}

func newCSVSink(b *questions.Bank, w *bufio.Writer) *csvSink {
	w.WriteString(csvHeader)
	return &csvSink{b: b, w: w, line: make([]byte, 0, 256)}
}

func (s *csvSink) row(r *rowResult) error {
	l := appendID(s.line[:0], r, false)
	if r.err != "" {
		l = append(l, ",,,,,"...)
		l = appendCSVCell(l, questions.Clean(r.err))
		l = append(l, ",,,\n"...)
	} else {
		l = append(l, ',')
		l = append(l, s.b.Outcomes[r.v.Outcome].ID...)
		l = append(l, ',')
		l = appendConfidence(l, r.v.Confidence)
		l = append(l, ',')
		l = appendHalves(l, r.v.Score[0])
		l = append(l, ',')
		l = appendHalves(l, r.v.Score[1])
		l = append(l, ",,"...)
		l = appendCautions(l, s.b, r.v.Cautions, ";")
		l = append(l, ',')
		l = append(l, r.v.Status...)
		l = append(l, ',')
		l = appendRoute(l, s.b, r.v.Route)
		l = append(l, '\n')
	}
	s.line = l
	_, err := s.w.Write(l)
	return err
}

func (s *csvSink) finish() error { return nil }

// jsonlSink writes one JSON object per row, with the CSV's fields: strings
// are "" when empty, numbers null.
type jsonlSink struct {
	b    *questions.Bank
	w    *bufio.Writer
	line []byte
}

func (s *jsonlSink) row(r *rowResult) error {
	l := append(s.line[:0], `{"id":`...)
	l = appendID(l, r, true)
	if r.err != "" {
		l = append(l, `,"recommendation":"","confidence":null,"coaching":null,"mentoring":null,"error":`...)
		l = appendJSONString(l, questions.Clean(r.err))
		l = append(l, `,"cautions":[],"status":"","route":""}`+"\n"...)
	} else {
		l = append(l, `,"recommendation":"`...)
		l = append(l, s.b.Outcomes[r.v.Outcome].ID...)
		l = append(l, `","confidence":`...)
		l = appendConfidence(l, r.v.Confidence)
		l = append(l, `,"coaching":`...)
		l = appendHalves(l, r.v.Score[0])
		l = append(l, `,"mentoring":`...)
		l = appendHalves(l, r.v.Score[1])
		l = append(l, `,"error":"","cautions":[`...)
		if r.v.Cautions != 0 {
			l = append(l, '"')
			l = appendCautions(l, s.b, r.v.Cautions, `","`)
			l = append(l, '"')
		}
		l = append(l, `],"status":"`...)
		l = append(l, r.v.Status...)
		l = append(l, `","route":"`...)
		l = appendRoute(l, s.b, r.v.Route)
		l = append(l, "\"}\n"...)
	}
	s.line = l
	_, err := s.w.Write(l)
	return err
}

func (s *jsonlSink) finish() error { return nil }

// appendRoute appends the id of route i of b, nothing for -1. Route ids
// are checked ids (lower case letters, digits and underscores), so they
// need no escaping in CSV or JSON.
func appendRoute(dst []byte, b *questions.Bank, i int) []byte {
	if i < 0 || i >= len(b.Routes) {
		return dst
	}
	return append(dst, b.Routes[i].ID...)
}

// appendID appends the row's id: the id cell, cleaned and trimmed, else
// the row number; as a CSV cell, or as a JSON string when json is set.
func appendID(dst []byte, r *rowResult, json bool) []byte {
	id := strings.TrimSpace(questions.Clean(r.id))
	switch {
	case id != "" && json:
		return appendJSONString(dst, id)
	case id != "":
		return appendCSVCell(dst, id)
	case json:
		dst = strconv.AppendInt(append(dst, '"'), int64(r.num), 10)
		return append(dst, '"')
	}
	return strconv.AppendInt(dst, int64(r.num), 10)
}

// appendCSVCell appends s as a CSV field: quoted when it holds a comma,
// quote or line break or starts with a space, and prefixed with ' when a
// spreadsheet would take it for a formula (CWE-1236).
func appendCSVCell(dst []byte, s string) []byte {
	if s == "" {
		return dst
	}
	prefix := formulaStart(s[0])
	if !prefix && !strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	if prefix {
		dst = append(dst, '\'')
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}

func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// appendJSONString appends s as a JSON string.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		case c < utf8.RuneSelf:
			dst = append(dst, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '\u2028' || r == '\u2029' {
				dst = append(dst, `\u202`...)
				dst = append(dst, hex[r&0xf])
			} else {
				dst = utf8.AppendRune(dst, r)
			}
			i += size
			continue
		}
		i++
	}
	return append(dst, '"')
}

// appendConfidence appends c (0 to 1) with two decimals.
func appendConfidence(dst []byte, c float64) []byte {
	n := int(c*100 + 0.5)
	n = max(0, min(100, n))
	dst = append(dst, byte('0'+n/100), '.')
	return append(dst, byte('0'+n/10%10), byte('0'+n%10))
}

// appendHalves appends a score in half points as points: 9 → 4.5.
func appendHalves(dst []byte, h int32) []byte {
	if h < 0 {
		dst = append(dst, '-')
		h = -h
	}
	dst = strconv.AppendInt(dst, int64(h/2), 10)
	if h%2 != 0 {
		dst = append(dst, ".5"...)
	}
	return dst
}

// appendCautions appends the ids of the cautions raised in mask, separated
// by sep.
func appendCautions(dst []byte, b *questions.Bank, mask uint64, sep string) []byte {
	first := true
	for ; mask != 0; mask &= mask - 1 {
		i := bits.TrailingZeros64(mask)
		if i >= len(b.Cautions) {
			break
		}
		if !first {
			dst = append(dst, sep...)
		}
		first = false
		dst = append(dst, b.Cautions[i].ID...)
	}
	return dst
}
