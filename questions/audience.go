package questions

import (
	"fmt"
	"strings"
)

// Audience is who reads the questions and the result: a manager about one
// of their people, a person about themself, or a consultant about a
// participant. A rule set words its prompts, and may word any text, for
// each; NoAudience reads about "the person" (a batch row, an answers file
// that names no audience). Its text form is the one the contract fixes
// (CONTRACT §2: --for manager|self|consultant; the answers file's
// audience key; the JSON report's audience field).
type Audience string

// The audiences, as the contract spells them.
const (
	NoAudience Audience = ""
	Manager    Audience = "manager"
	Self       Audience = "self"
	Consultant Audience = "consultant"
)

// Audiences lists the three audiences a rule set writes its prompts for, in
// the order the advisor offers them.
var Audiences = []Audience{Manager, Self, Consultant}

// AudienceNames returns the audiences' text forms, in Audiences' order:
// for completions, flag checks and messages.
func AudienceNames() []string {
	out := make([]string, len(Audiences))
	for i, a := range Audiences {
		out[i] = string(a)
	}
	return out
}

// ParseAudience reads an audience's text form; "" is NoAudience. Anything
// else is an error that names the valid ones.
func ParseAudience(s string) (Audience, error) {
	a := Audience(s)
	if a == NoAudience || a.Known() {
		return a, nil
	}
	return NoAudience, fmt.Errorf("unknown audience %q (valid: %s)", Clean(s), strings.Join(AudienceNames(), ", "))
}

// Known reports whether a is one of the three audiences (not NoAudience).
func (a Audience) Known() bool { return a == Manager || a == Self || a == Consultant }

// String returns the contract's text form ("" for NoAudience).
func (a Audience) String() string { return string(a) }

// index returns a's place in a Voices or Text: 0 for no audience (and an
// unknown one), then manager, self, consultant.
func (a Audience) index() int {
	switch a {
	case Manager:
		return 1
	case Self:
		return 2
	case Consultant:
		return 3
	}
	return 0
}
