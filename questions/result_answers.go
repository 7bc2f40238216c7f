package questions

// A saved result (guidepost-result-*.json, CONTRACT §5) holds the answers
// that produced it and their audience, so it can be scored, compared and
// reopened like an answers file.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// MaxResultSize is the largest saved result read back, in bytes: a result
// carries every reason and next step in full, so it is larger than an
// answers file.
const MaxResultSize = 1 << 20

// IsResultJSON reports whether data looks like a saved result rather
// than an answers file: a JSON object (TOML cannot start with "{").
func IsResultJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte(bom))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}

// ParseAnswersFile reads an answers file (TOML) or a saved result (JSON)
// named name, strictly, against b: see ParseAnswers and ParseResult.
func ParseAnswersFile(b *Bank, name string, data []byte) (Answers, Choices, error) {
	if IsResultJSON(data) {
		return ParseResult(b, name, data)
	}
	return ParseAnswers(b, name, data)
}

// resultFile is what a saved result holds that reading it back needs.
type resultFile struct {
	Recommendation *string `json:"recommendation"`
	Audience       string  `json:"audience"`
	Person         string  `json:"person"`
	RuleSet        string  `json:"rule_set"`
	Answers        *[]struct {
		Question string `json:"question"`
		Option   string `json:"option"`
	} `json:"answers"`
}

// ParseResult reads a saved result's answers and audience against b. A
// question or option the rule set in use does not have is an error naming
// it (with the rule set the result was made with, when that is another),
// as is anything that is not a Guidepost result.
func ParseResult(b *Bank, name string, data []byte) (Answers, Choices, error) {
	var a Answers
	if len(data) > MaxResultSize {
		return a, nil, fmt.Errorf("%s: the file is larger than %d KiB; a saved result is at most that size", name, MaxResultSize>>10)
	}
	if looksUTF16(data) {
		return a, nil, fmt.Errorf("%s:1: this file looks like UTF-16; save it as UTF-8", name)
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	var r resultFile
	if err := json.Unmarshal(data, &r); err != nil {
		return a, nil, jsonError(name, data, err)
	}
	if r.Answers == nil || r.Recommendation == nil {
		return a, nil, fmt.Errorf("%s: this JSON is not a saved Guidepost result: it has no %s (score --answers takes an answers file or a guidepost-result-*.json)",
			name, map[bool]string{true: `"answers" list`, false: `"recommendation"`}[r.Answers == nil])
	}
	if r.Audience != "" && !Audience(r.Audience).Known() {
		return a, nil, fmt.Errorf("%s: unknown audience %q (valid: %s)", name, Clean(r.Audience), strings.Join(AudienceNames(), ", "))
	}
	other := ""
	if r.RuleSet != "" && r.RuleSet != b.Title {
		other = fmt.Sprintf(" (this result was made with the rule set %q, not %q)", Clean(r.RuleSet), b.Title)
	}
	a.Audience, a.Person, a.Answers = Audience(r.Audience), r.Person, map[string]string{}
	ch := b.NewChoices()
	var errs []string
	for i, x := range *r.Answers {
		q := b.Question(x.Question)
		switch {
		case q < 0:
			errs = append(errs, fmt.Sprintf("%s: answers[%d]: unknown question %q%s (valid: %s)", name, i, Clean(x.Question), other, strings.Join(b.QuestionIDs(), ", ")))
		case b.Option(q, x.Option) < 0:
			errs = append(errs, fmt.Sprintf("%s: answers[%d]: %q is not an option of question %q%s (valid: %s)", name, i, Clean(x.Option), x.Question, other, strings.Join(b.OptionIDs(q), ", ")))
		case ch[q] != NoAnswer:
			errs = append(errs, fmt.Sprintf("%s: answers[%d]: question %q is answered twice", name, i, x.Question))
		default:
			ch[q] = int8(b.Option(q, x.Option))
			a.Answers[x.Question] = x.Option
		}
	}
	if len(errs) > 0 {
		return a, nil, errors.New(strings.Join(errs, "\n"))
	}
	return a, ch, nil
}

// jsonError words a JSON decoding error with its line and column.
func jsonError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := lineCol(data, se.Offset-1) // Offset is just past the bad byte
		return fmt.Errorf("%s:%d:%d: not valid JSON: %s", name, line, col, Clean(se.Error()))
	case errors.As(err, &te):
		line, col := lineCol(data, te.Offset)
		return fmt.Errorf("%s:%d:%d: %s must be %s in a saved result, found a JSON %s", name, line, col, te.Field, jsonWant(te.Field), te.Value)
	}
	return fmt.Errorf("%s: not valid JSON: %s", name, Clean(err.Error()))
}

// jsonWant says what a result's field holds.
func jsonWant(field string) string {
	switch {
	case field == "answers":
		return "a list of {question, option}"
	}
	return "text"
}

// lineCol returns the 1-based line and column of byte offset off.
func lineCol(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n')
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
