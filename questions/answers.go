package questions

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// NoAnswer marks a question that was not answered; it counts as unsure.
const NoAnswer = -1

// Choices holds one entry per question of a bank, in the bank's order: the
// index of the chosen option, or NoAnswer.
type Choices []int8

// NewChoices returns choices for b with nothing answered.
func (b *Bank) NewChoices() Choices {
	c := make(Choices, len(b.Questions))
	for i := range c {
		c[i] = NoAnswer
	}
	return c
}

// Answered reports whether question q has an answer other than unsure.
func (b *Bank) Answered(c Choices, q int) bool {
	return c[q] != NoAnswer && int(c[q]) != b.Questions[q].unsure
}

// Answers is an answers file: the audience and the chosen option per
// question id.
type Answers struct {
	Audience string            `toml:"audience"`
	Answers  map[string]string `toml:"answers"`
}

// MaxAnswersSize is the largest answers file accepted, in bytes.
const MaxAnswersSize = 64 << 10

// ParseAnswers reads an answers file (or a draft) named name and resolves it
// against b. Every unknown key, question id, option id or audience is an
// error naming it and listing the valid choices.
func ParseAnswers(b *Bank, name string, data []byte) (Answers, Choices, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	a, md, err := decodeAnswers(name, data)
	if err != nil {
		return a, nil, err
	}
	lines := locate(data)
	probs := checkAnswersKeys(name, lines, md, a)
	ch, more := resolveStrict(b, name, lines, a.Answers)
	return a, ch, capped(name, append(probs, more...))
}

// capped joins at most maxProblems errors, then says how many more there
// were.
func capped(name string, errs []error) error {
	if len(errs) > maxProblems {
		errs = append(errs[:maxProblems], fmt.Errorf("%s: … and %d more problems", name, len(errs)-maxProblems))
	}
	return errors.Join(errs...)
}

// decodeAnswers decodes an answers file, refusing oversized or deeply
// nested input and an [answers] that is not a table.
func decodeAnswers(name string, data []byte) (Answers, toml.MetaData, error) {
	var a Answers
	if len(data) > MaxAnswersSize {
		return a, toml.MetaData{}, fmt.Errorf("%s: the file is %d bytes; an answers file is at most %d", name, len(data), MaxAnswersSize)
	}
	if err := checkStructure(name, data); err != nil {
		return a, toml.MetaData{}, err
	}
	md, err := toml.Decode(string(data), &a)
	if err != nil {
		return a, md, decodeError(name, data, err)
	}
	if md.IsDefined("answers") && md.Type("answers") != "Hash" {
		line := keyLine(data, toml.Key{"answers"})
		return a, md, fmt.Errorf("%s: answers must be a table: write [answers] and then one question = \"option\" a line", at(name, line))
	}
	return a, md, nil
}

// checkAnswersKeys reports keys other than audience and [answers], and an
// unknown audience.
func checkAnswersKeys(name string, lines map[string]int, md toml.MetaData, a Answers) []error {
	var probs []error
	for _, k := range md.Keys() {
		switch {
		case len(k) == 1 && (k[0] == "audience" || k[0] == "answers"):
		case len(k) == 2 && k[0] == "answers":
		default:
			line := lineOf(lines, k.String())
			probs = append(probs, fmt.Errorf("%s: unknown key %q: an answers file holds only audience and [answers]", at(name, line), k.String()))
		}
	}
	if a.Audience != "" && !contains(Audiences, a.Audience) {
		probs = append(probs, fmt.Errorf("%s: unknown audience %q (valid: %s)", at(name, lineOf(lines, "audience")), a.Audience, strings.Join(Audiences, ", ")))
	}
	return probs
}

// resolveStrict resolves answers against b, in id order; every unknown
// question or option is a problem naming its line and the valid ids.
func resolveStrict(b *Bank, name string, lines map[string]int, answers map[string]string) (Choices, []error) {
	var probs []error
	ch := b.NewChoices()
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		line := lineOf(lines, "answers."+id)
		q := b.Question(id)
		if q < 0 {
			probs = append(probs, fmt.Errorf("%s: unknown question %q (valid: %s)", at(name, line), id, strings.Join(b.QuestionIDs(), ", ")))
			continue
		}
		o := b.Option(q, answers[id])
		if o < 0 {
			probs = append(probs, fmt.Errorf("%s: %q is not an option of question %q (valid: %s)", at(name, line), answers[id], id, strings.Join(b.OptionIDs(q), ", ")))
			continue
		}
		ch[q] = int8(o)
	}
	return ch, probs
}

// ReadDraft reads a draft (an answers file) leniently against b: answers
// that no longer fit, as in a draft written by an older rule set, are
// dropped and their question ids returned, and an unknown audience is
// ignored. Only a file that cannot be read as an answers file is an error.
func ReadDraft(b *Bank, name string, data []byte) (audience string, ch Choices, dropped []string, err error) {
	a, _, err := decodeAnswers(name, bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return "", nil, nil, err
	}
	if contains(Audiences, a.Audience) {
		audience = a.Audience
	}
	ch, dropped = ResolveAnswers(b, a.Answers)
	return audience, ch, dropped, nil
}

// ResolveAnswers resolves answers against b, keeping every answer that still
// fits and returning the ids of those that do not (a draft from an older
// rule set). It never fails.
func ResolveAnswers(b *Bank, answers map[string]string) (Choices, []string) {
	ch := b.NewChoices()
	var dropped []string
	for id, opt := range answers {
		q := b.Question(id)
		if q < 0 {
			dropped = append(dropped, id)
			continue
		}
		o := b.Option(q, opt)
		if o < 0 {
			dropped = append(dropped, id)
			continue
		}
		ch[q] = int8(o)
	}
	sort.Strings(dropped)
	return ch, dropped
}

// FormatAnswers writes choices as an answers file (the draft format):
// answered questions in bank order, unanswered ones left out.
func FormatAnswers(b *Bank, audience string, c Choices) []byte {
	var buf bytes.Buffer
	buf.WriteString("# Guidepost answers. A question left out counts as unsure.\n")
	if audience != "" {
		fmt.Fprintf(&buf, "audience = %q\n", audience)
	}
	buf.WriteString("\n[answers]\n")
	for q, o := range c {
		if o == NoAnswer {
			continue
		}
		fmt.Fprintf(&buf, "%s = %q\n", b.Questions[q].ID, b.Questions[q].Options[o].ID)
	}
	return buf.Bytes()
}

// QuestionIDs returns every question id in order.
func (b *Bank) QuestionIDs() []string {
	out := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		out[i] = q.ID
	}
	return out
}

// OptionIDs returns the option ids of question q in order.
func (b *Bank) OptionIDs(q int) []string {
	out := make([]string, len(b.Questions[q].Options))
	for i, o := range b.Questions[q].Options {
		out[i] = o.ID
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
