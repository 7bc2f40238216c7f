package questions

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPersonName is the longest name of a person a draft is about, in
// characters: enough for a full name, short enough for a list on screen.
const MaxPersonName = 60

// CheckPerson checks the name of the person a draft is about (--person,
// or person in an answers file) and returns it trimmed of spaces at either
// end. A name is shown in lists and put (as a slug) in file names, so it
// is one line of plain text: no slash or backslash, no line break, tab or
// other control character, at most MaxPersonName characters.
func CheckPerson(name string) (string, error) {
	n := strings.TrimSpace(name)
	shown := Clean(n)
	if len(shown) > 40 {
		shown = string([]rune(shown)[:min(utf8.RuneCountInString(shown), 40)]) + "…"
	}
	switch {
	case n == "":
		return "", fmt.Errorf("a person's name cannot be empty")
	case !utf8.ValidString(n):
		return "", fmt.Errorf("the name %q is not valid UTF-8", shown)
	case utf8.RuneCountInString(n) > MaxPersonName:
		return "", fmt.Errorf("the name %q is %d characters long; a person's name is at most %d",
			shown, utf8.RuneCountInString(n), MaxPersonName)
	case strings.ContainsAny(n, `/\`):
		return "", fmt.Errorf("the name %q holds a slash; write the name without / or \\ (it names a draft, not a folder)", shown)
	}
	for _, r := range n {
		if r == '\n' || r == '\r' {
			return "", fmt.Errorf("the name %q holds a line break; a person's name is one line", shown)
		}
		if k := unsafeKind(r); k != "" || r == '\t' || !unicode.IsPrint(r) && r != ' ' {
			if k == "" {
				k = "a character that cannot be shown"
			}
			return "", fmt.Errorf("the name %q holds %s; a person's name is plain text", shown, k)
		}
	}
	return n, nil
}

// Slug returns name as a file-name part: lower-case letters and digits,
// runs of anything else as one dash, at most 32 bytes; "" when nothing is
// left (a name in another script).
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 32 {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}

// AskedOfPerson reports whether question q is one the rule set marks as
// best asked of the person themself (asked_of_person = true).
func (b *Bank) AskedOfPerson(q int) bool { return b.Questions[q].Ask }

// PersonOwned returns the indexes of the questions AskedOfPerson marks, in
// bank order.
func (b *Bank) PersonOwned() []int {
	var out []int
	for q := range b.Questions {
		if b.AskedOfPerson(q) {
			out = append(out, q)
		}
	}
	return out
}
