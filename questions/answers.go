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
	Audience Audience
	Answers  map[string]string
	// Person names whom the answers are about (a draft per person); Quick
	// marks answers given to the core questions only. Both are optional.
	Person string
	Quick  bool
}

// ParseAnswers reads an answers file (or a draft) named name and resolves it
// against b. Every unknown key, question id, option id or audience is an
// error naming it, its line and the valid choices; problems are listed in
// line order.
func ParseAnswers(b *Bank, name string, data []byte) (Answers, Choices, error) {
	a, p, err := decodeAnswers(name, data)
	if err != nil {
		return a, nil, err
	}
	if _, err := ParseAudience(string(a.Audience)); err != nil {
		p.add("audience", "%s", err.Error())
	}
	ch := b.NewChoices()
	for id, opt := range a.Answers {
		q := b.Question(id)
		if q < 0 {
			p.add("answers."+id, "unknown question %q (valid: %s)", id, strings.Join(b.QuestionIDs(), ", "))
			continue
		}
		o := b.Option(q, opt)
		if o < 0 {
			p.add("answers."+id, "%q is not an option of question %q (valid: %s)", opt, id, strings.Join(b.OptionIDs(q), ", "))
			continue
		}
		ch[q] = int8(o)
	}
	return a, ch, p.err()
}

// decodeAnswers decodes an answers file into plain maps, so that no value
// of the wrong type stops the decoder, and reports every key that does not
// belong (a whole table once, by its header line) and every value of the
// wrong type. Syntax and byte-level problems are returned at once as err;
// the rest are left in the returned problems, with answers that fit in a.
func decodeAnswers(name string, data []byte) (a Answers, p *problems, err error) {
	data, err = checkInput(name, data, MaxAnswersSize, "an answers file")
	if err != nil {
		return a, nil, err
	}
	if err := checkStructure(name, data); err != nil {
		return a, nil, err
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return a, nil, syntaxError(name, data, pe)
		}
		// Decoding into a map has no type to mismatch; any other error
		// from the decoder is shown as it is, cleaned.
		return a, nil, fmt.Errorf("%s: %s", name, Clean(err.Error()))
	}
	p = &problems{name: name, src: data}
	a.Answers = map[string]string{}
	for k, v := range m {
		switch {
		case k == "audience":
			if s, ok := v.(string); ok {
				a.Audience = Audience(s)
			} else {
				p.add(k, "audience must be text in quotes (manager, self or consultant), found %s", typeWords(v))
			}
		case k == "person":
			s, ok := v.(string)
			if !ok {
				p.add(k, "person must be text in quotes (a name), found %s", typeWords(v))
				continue
			}
			if n, err := CheckPerson(s); err != nil {
				p.add(k, "%s", err)
			} else {
				a.Person = n
			}
		case k == "quick":
			if q, ok := v.(bool); ok {
				a.Quick = q
			} else {
				p.add(k, "quick must be true or false, found %s", typeWords(v))
			}
		case k == "answers":
			t, ok := v.(map[string]any)
			if !ok {
				p.add(k, "answers must be a table: write [answers] and then one question = \"option\" a line")
				continue
			}
			for id, x := range t {
				if s, ok := x.(string); ok {
					a.Answers[id] = s
				} else {
					p.add("answers."+id, "answers.%s must be text in quotes (an option id), found %s", quoteKey(id), typeWords(x))
				}
			}
		default:
			p.add(k, "%s", notAnswersKey(k, v))
		}
	}
	return a, p, nil
}

// notAnswersKey says why a top-level key does not belong in an answers
// file; a table is named once, as its header, whatever it holds.
func notAnswersKey(k string, v any) string {
	const holds = "an answers file holds only audience, person, quick and [answers]"
	switch v.(type) {
	case map[string]any:
		return fmt.Sprintf("table [%s] does not belong here: %s", quoteKey(k), holds)
	case []map[string]any:
		return fmt.Sprintf("table [[%s]] does not belong here: %s", quoteKey(k), holds)
	}
	return fmt.Sprintf("unknown key %q: %s", k, holds)
}

// quoteKey writes a key as TOML would need it: bare when it can be,
// otherwise quoted with escapes visible.
func quoteKey(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return fmt.Sprintf("%q", k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// Draft is a draft (or an answers file) read leniently: see ReadDraftOf.
type Draft struct {
	Audience Audience
	Person   string
	Quick    bool
	Choices  Choices
	Dropped  []string // ids of answers that no longer fit
}

// ReadDraftOf reads a draft as ReadDraft does, with its person and quick.
func ReadDraftOf(b *Bank, name string, data []byte) (Draft, error) {
	a, p, err := decodeAnswers(name, data)
	if err != nil {
		return Draft{}, err
	}
	if pr, bad := p.find("answers"); bad {
		only := problems{name: name, src: p.src, list: []problem{pr}}
		return Draft{}, only.err()
	}
	d := Draft{Person: a.Person, Quick: a.Quick}
	if a.Audience.Known() {
		d.Audience = a.Audience
	}
	d.Choices, d.Dropped = ResolveAnswers(b, a.Answers)
	return d, nil
}

// ReadDraft reads a draft (an answers file) leniently against b: answers
// that no longer fit, as in a draft written by an older rule set, are
// dropped and their question ids returned, and an unknown audience is
// ignored. Only a file that cannot be read as an answers file is an error.
func ReadDraft(b *Bank, name string, data []byte) (audience Audience, ch Choices, dropped []string, err error) {
	d, err := ReadDraftOf(b, name, data)
	return d.Audience, d.Choices, d.Dropped, err
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
func FormatAnswers(b *Bank, audience Audience, c Choices) []byte {
	return FormatAnswersOf(b, Answers{Audience: audience}, c)
}

// FormatAnswersOf writes choices as an answers file with h's audience,
// person and quick (h.Answers is not read).
func FormatAnswersOf(b *Bank, h Answers, c Choices) []byte {
	var buf bytes.Buffer
	buf.WriteString("# Guidepost answers. A question left out counts as unsure.\n")
	if h.Audience != "" {
		fmt.Fprintf(&buf, "audience = %q\n", h.Audience)
	}
	if h.Person != "" {
		fmt.Fprintf(&buf, "person = %s\n", tomlString(h.Person))
	}
	if h.Quick {
		buf.WriteString("quick = true\n")
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
