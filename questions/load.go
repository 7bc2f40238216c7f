package questions

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxSize is the largest rule set accepted, in bytes. A real rule set is
// about 40 KiB; the cap keeps a hostile file (deeply nested arrays cost the
// decoder seconds and hundreds of MB) from stalling the advisor.
const MaxSize = 256 << 10

// SchemaVersion is the rule-set schema this build reads.
const SchemaVersion = 1

// maxProblems is how many problems an error lists before it summarises.
const maxProblems = 25

// Parse reads a rule set named name (used in every message) from data,
// strictly, and validates it. The error, when there is one, lists every
// problem found, one a line, each starting with "name:line:".
func Parse(name string, data []byte) (*Bank, error) {
	if err := checkBytes(name, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkStructure(name, data); err != nil {
		return nil, err
	}
	b := &Bank{Name: name}
	md, err := toml.Decode(string(data), b)
	if err != nil || b.SchemaVersion != SchemaVersion {
		// A missing or newer schema_version explains the rest, so it is
		// reported first; only then the decoder's own error.
		if verr := checkVersion(name, data); verr != nil {
			return nil, verr
		}
		return nil, decodeError(name, data, err)
	}
	v := &validator{bank: b, src: data}
	v.checkKeys(md)
	v.validate()
	if err := v.err(); err != nil {
		return nil, err
	}
	return b, nil
}

func checkBytes(name string, data []byte) error {
	if len(data) > MaxSize {
		return fmt.Errorf("%s: the file is larger than %d KiB; a rule set is at most that size", name, MaxSize>>10)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%s: the file is empty: start it with schema_version = %d", name, SchemaVersion)
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return fmt.Errorf("%s:%d: the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", name, 1+bytes.Count(data[:i], []byte("\n")), data[i])
	}
	return nil
}

func checkVersion(name string, data []byte) error {
	var head struct {
		SchemaVersion any `toml:"schema_version"`
	}
	if _, err := toml.Decode(string(data), &head); err != nil {
		return decodeError(name, data, err)
	}
	line := keyLine(data, toml.Key{"schema_version"})
	switch v := head.SchemaVersion.(type) {
	case nil:
		return fmt.Errorf("%s:1: schema_version is missing: add schema_version = %d at the top", name, SchemaVersion)
	case int64:
		if v > SchemaVersion {
			return fmt.Errorf("%s:%d: this rule set needs a newer Guidepost (schema %d; this build reads %d)", name, line, v, SchemaVersion)
		}
		if v < 1 {
			return fmt.Errorf("%s:%d: schema_version must be %d, found %d", name, line, SchemaVersion, v)
		}
		return nil
	default:
		return fmt.Errorf("%s:%d: schema_version must be a whole number, found %s", name, line, tomlTypeWords(fmt.Sprintf("%T", v)))
	}
}

var plainDecodeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?(?:\(last key "([^"]*)"\): )?(.*)$`)
var badTypeErr = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (.+)$`)

// decodeError turns an error from the TOML decoder into "name:line:col:
// message" with the offending line and a caret, or, for a type mismatch,
// into domain words. Everything is cleaned: the decoder echoes raw input.
func decodeError(name string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// The decoder's line is sometimes one past the fault (an unclosed
		// table header); its byte offset is right, so lines come from it.
		if st := pe.Position.Start; st > 0 && st <= len(data) {
			pe.Position.Line = 1 + bytes.Count(data[:st], []byte("\n"))
			pe.Position.Col = 1 + len([]rune(string(data[bytes.LastIndexByte(data[:st], '\n')+1:st])))
		}
		msg := fmt.Sprintf("%s:%d:%d: %s", name, pe.Position.Line, pe.Position.Col, Clean(pe.Message))
		if pe.LastKey != "" && strings.HasPrefix(pe.Message, "incompatible") {
			line := mismatchLine(data, pe.LastKey, pe.Message, pe.Position.Line)
			return fmt.Errorf("%s:%d: %s\n%s", name, line, typeWords(pe.LastKey, pe.Message), caret(data, line, 0))
		}
		return errors.New(msg + "\n" + caret(data, pe.Position.Line, pe.Position.Col))
	}
	m := plainDecodeErr.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("%s: %s", name, Clean(err.Error()))
	}
	line, _ := strconv.Atoi(m[1])
	text := Clean(m[3])
	if m[2] != "" {
		text = typeWords(m[2], m[3])
		line = mismatchLine(data, m[2], m[3], line)
	}
	if line == 0 {
		return fmt.Errorf("%s: %s", name, text)
	}
	return fmt.Errorf("%s:%d: %s\n%s", name, line, text, caret(data, line, 0))
}

// typeWords rewrites a type mismatch for key into plain words.
func typeWords(key, msg string) string {
	key = Clean(key)
	m := badTypeErr.FindStringSubmatch(msg)
	if m == nil {
		return fmt.Sprintf("%s: %s", key, Clean(msg))
	}
	return fmt.Sprintf("%s must be %s, found %s", key, goTypeWords(m[2]), tomlTypeWords(m[1]))
}

func goTypeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "bool"):
		return "true or false"
	case strings.Contains(t, "string"):
		return "text in quotes"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string" || strings.HasSuffix(t, "ID"):
		return "text in quotes"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "slice"):
		return "a list [ … ]"
	}
	return "a table"
}

func tomlTypeWords(t string) string {
	switch strings.ToLower(t) {
	case "string":
		return "text"
	case "integer", "int64":
		return "a whole number"
	case "float", "float64":
		return "a number with a fraction"
	case "bool", "boolean":
		return "true or false"
	case "array", "[]interface {}", "[]any":
		return "a list"
	case "map[string]interface {}", "map[string]any", "hash", "table":
		return "a table"
	}
	return Clean(t)
}

var assignment = regexp.MustCompile(`(?:^|[\s{,.])([A-Za-z0-9_\-]+)\s*=\s*(\S)`)

// mismatchLine finds the line of a type mismatch. The decoder names the
// last line where a key of that name was set, which in an array of tables
// is often another element's, so the first assignment to the key whose
// value has the wrong shape is preferred; fallback is the decoder's line.
func mismatchLine(data []byte, key, msg string, fallback int) int {
	m := badTypeErr.FindStringSubmatch(msg)
	if m == nil {
		return fallback
	}
	last := key[strings.LastIndexByte(key, '.')+1:]
	for n, line := range strings.Split(string(data), "\n") {
		for _, a := range assignment.FindAllStringSubmatch(line, -1) {
			if a[1] == last && !shapeFits(a[2][0], m[2]) {
				return n + 1
			}
		}
	}
	return fallback
}

// shapeFits reports whether a TOML value starting with c can decode into
// the decoder's destination type dst.
func shapeFits(c byte, dst string) bool {
	switch {
	case strings.HasPrefix(dst, "bool"):
		return c == 't' || c == 'f'
	case strings.HasPrefix(dst, "int"), strings.HasPrefix(dst, "float"):
		return c == '+' || c == '-' || c == 'i' || c == 'n' || (c >= '0' && c <= '9')
	case strings.Contains(dst, "string"):
		return c == '"' || c == '\''
	case strings.HasPrefix(dst, "slice"):
		return c == '['
	case strings.HasPrefix(dst, "map"):
		return c == '{'
	}
	return true
}

// caret returns line n of data (cleaned) and a caret under column col (no
// caret when col is 0), indented for an error message.
func caret(data []byte, n, col int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	src := strings.TrimRight(Clean(strings.ReplaceAll(lines[n-1], "\t", " ")), "\r")
	out := fmt.Sprintf("%6d | %s", n, src)
	if col > 0 {
		out += "\n       | " + strings.Repeat(" ", max(0, col-1)) + "^"
	}
	return out
}

// schemaNode describes the keys allowed at one level of the rule set.
type schemaNode struct {
	fields map[string]*schemaNode // nil: free keys (a map)
	array  bool                   // an array of tables: elements are numbered
}

var bankSchema = schemaOf(reflect.TypeOf(Bank{}))

func schemaOf(t reflect.Type) *schemaNode {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return &schemaNode{}
	}
	n := &schemaNode{fields: map[string]*schemaNode{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("toml")
		if tag == "" || tag == "-" {
			continue
		}
		child := schemaOf(f.Type)
		child.array = f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct
		n.fields[tag] = child
	}
	return n
}
