package questions

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A text shown with a result (an outcome's summary, an option's rationale,
// a rule's reason, a caution, a next step) speaks to its reader. It is
// written once with placeholders, or once per audience, or both:
//
//	text = "Agree the objectives with {person} before the first session."
//	text.default = "Let {person} choose a mentor outside {their} reporting line."
//	text.self = "Choose a mentor yourself, outside your reporting line."
//
// A table gives the text for some audiences (manager, self, consultant)
// and, under default, for every other reader, including a report with no
// audience. Placeholders are replaced for the reader (see Placeholders); an
// unknown one, an unclosed brace or an unknown audience key is an error at
// load that names the file, the line and the id.

// Placeholders lists every placeholder a voiced text may use and what it
// becomes for each reader: no audience (a batch row, an answers file
// without one), a manager asking about an employee, a person asking about
// themself, and a consultant asking about a participant or a group. The
// pronouns are chosen so that a verb agrees with all four readers ("they
// want", "you want"); {person} and {manager} do not, so write them before
// a modal verb ("{person} can"), as an object, or after a preposition.
var Placeholders = map[string]Voices{
	"person":    {"the person", "this person", "you", "the participant"},
	"Person":    {"The person", "This person", "You", "The participant"},
	"person's":  {"the person's", "this person's", "your", "the participant's"},
	"Person's":  {"The person's", "This person's", "Your", "The participant's"},
	"they":      {"they", "they", "you", "they"},
	"They":      {"They", "They", "You", "They"},
	"them":      {"them", "them", "you", "them"},
	"their":     {"their", "their", "your", "their"},
	"Their":     {"Their", "Their", "Your", "Their"},
	"themself":  {"themself", "themself", "yourself", "themself"},
	"manager":   {"the person's manager", "you", "your manager", "the participant's manager"},
	"Manager":   {"The person's manager", "You", "Your manager", "The participant's manager"},
	"manager's": {"the person's manager's", "your", "your manager's", "the participant's manager's"},
}

// Voices holds one word or text per reader: no audience, manager, self,
// consultant.
type Voices [4]string

// Text is a text with a voice: a default and, where the rule set gives
// one, a variant per audience, each with placeholders still in it.
type Text struct {
	Default    string
	Manager    string
	Self       string
	Consultant string
}

// For returns the text for audience ("manager", "self", "consultant", or
// "" for no audience): its variant for that audience, else the default,
// with every placeholder replaced.
func (t Text) For(audience Audience) string {
	s := t.Default
	switch audience {
	case Manager:
		s = or(t.Manager, s)
	case Self:
		s = or(t.Self, s)
	case Consultant:
		s = or(t.Consultant, s)
	}
	return fill(s, audience.index())
}

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return t == Text{} }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fill replaces the placeholders of a validated text for reader i.
func fill(s string, reader int) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		if w, ok := Placeholders[name]; ok {
			b.WriteString(w[reader])
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// placeholderProblem returns what is wrong with the placeholders of s and
// a hint to add after naming the field, or "" when every placeholder is
// known and every brace closed.
func placeholderProblem(s string) (what, hint string) {
	for {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			return "", ""
		}
		if s[i] == '}' {
			return "a } without its {", " (placeholders are written {person})"
		}
		j := strings.IndexAny(s[i+1:], "{}")
		if j < 0 || s[i+1+j] == '{' {
			return fmt.Sprintf("an unclosed { at %q", excerpt(s[i:])), " (placeholders are written {person})"
		}
		name := s[i+1 : i+1+j]
		if _, ok := Placeholders[name]; !ok {
			names := placeholderNames()
			if name != "" && name[0] >= 'a' && name[0] <= 'z' {
				names = slices.DeleteFunc(names, func(n string) bool { return n[0] < 'a' })
			}
			if g := suggest(name, names); g != "" {
				hint = fmt.Sprintf(": did you mean {%s}?", g)
			}
			return fmt.Sprintf("unknown placeholder {%s}", name), hint + " (valid: " + validPlaceholders() + ")"
		}
		s = s[i+j+2:]
	}
}

func excerpt(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return s
}

func placeholderNames() []string {
	out := make([]string, 0, len(Placeholders))
	for k := range Placeholders {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func validPlaceholders() string {
	names := placeholderNames()
	for i, n := range names {
		names[i] = "{" + n + "}"
	}
	return strings.Join(names, ", ")
}

// voiceKeys are the keys a voiced text's table may hold.
var voiceKeys = []string{"default", "manager", "self", "consultant"}
