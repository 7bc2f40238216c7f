package questions

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Unsafe text is anything that could change what a terminal shows beyond
// the characters themselves: escape sequences, C0 and C1 control characters
// other than newline and tab, DEL, the bidirectional controls of the
// "Trojan Source" attacks, and the Unicode line and paragraph separators
// U+2028 and U+2029 (a line break to some programs, nothing to others: a
// one-line text holding one is not one line everywhere). Rule-set texts containing any of them are
// rejected at load; Clean makes everything else safe before it is printed.

// unsafeKind names what kind of unsafe character r is, or "" when r is safe.
// Newline and tab are safe.
func unsafeKind(r rune) string {
	switch {
	case r == '\n' || r == '\t':
		return ""
	case r == 0x1b:
		return "an escape sequence"
	case r < 0x20 || r == 0x7f:
		return "a control character"
	case r >= 0x80 && r <= 0x9f:
		return "a control character"
	case isBidi(r):
		return "a bidirectional control character"
	case r == 0x2028:
		return "a line separator (U+2028)"
	case r == 0x2029:
		return "a paragraph separator (U+2029)"
	case r == utf8.RuneError:
		return "an invalid character"
	}
	return ""
}

func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// checkText reports the first unsafe character in s: its 1-based column in
// runes and what it is. ok is true when s is safe.
func checkText(s string) (col int, kind string, ok bool) {
	col = 0
	for i, r := range s {
		col++
		if r == '\r' && strings.HasPrefix(s[i+1:], "\n") {
			continue // CRLF is normalised, not rejected
		}
		if k := unsafeKind(r); k != "" {
			return col, k, false
		}
	}
	return 0, "", true
}

// normalizeText turns CRLF into newline and tabs into spaces, and trims
// surrounding space.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\t", " ")
	return strings.TrimSpace(s)
}

// Clean is the one sanitizer for text from outside (error strings from the
// decoder, ids and cells from a CSV, file names) before it is printed: it
// returns s safe for a terminal with nothing silently dropped. An escape
// sequence is removed whole (ESC [ … final byte, ESC ] … BEL or ESC \,
// ESC P/X/^/_ … ESC \, ESC and one character, and the 8-bit CSI U+009B with
// its parameters): it is a command to the terminal, not text. Every other
// control character and bidirectional control is shown escaped, so
// "ne\x00ed" never reads as "need": \r, \x00 … \x1f, \x7f, \u0080 … \u009f,
// \u202e, \u2028. A tab becomes a space, newline is kept and invalid UTF-8 becomes
// U+FFFD. Rule-set texts need no cleaning: Parse refuses unsafe ones.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b:
			i += size + csiLen(s[i+size:])
			continue
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x80 && unsafeKind(r) != "":
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeKind(r) != "":
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}

// escapeLen returns the length of the escape sequence at the start of s
// (s[0] is ESC).
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringLen(s[2:])
	}
	_, size := utf8.DecodeRuneInString(s[1:])
	return 1 + size
}

// csiLen returns the length of a control sequence's parameters and final
// byte (0x40–0x7E).
func csiLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		if s[i] < 0x20 || s[i] > 0x7e {
			return i
		}
	}
	return len(s)
}

// stringLen returns the length of an OSC/DCS string up to and including its
// terminator (BEL, ESC \ or the 8-bit ST), or all of s.
func stringLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}
