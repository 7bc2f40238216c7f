package questions

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// decodeRules is the first step of Parse: the bytes, the TOML syntax, the
// schema version and the shape of tables, each refused with a located
// message, then the keys (keys.go). It returns the file as written, the
// key problems (the first of Parse's errors) and the source without its
// byte-order mark, for locating lines. A large file is decoded in pieces
// on every core (pieces.go) when that means the same.
func decodeRules(name string, data []byte) (*fileBank, *problems, []byte, error) {
	data, err := checkInput(name, data, MaxSize, "a rule set")
	if err != nil {
		return nil, nil, nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, nil, fmt.Errorf("%s: the file is empty: start it with schema_version = %d", name, schemaVersion)
	}
	heads, err := scanStructure(name, data)
	if err != nil {
		return nil, nil, nil, err
	}
	keys := &problems{name: name, src: data}
	fb, inPieces := decodeInPieces(data, heads) // with no key problem
	var md toml.MetaData
	if !inPieces {
		fb = &fileBank{}
		if md, err = toml.Decode(string(data), fb); err != nil {
			return nil, nil, nil, decodeError(name, data, err)
		}
	}
	// The version first: a file for another schema is refused alone.
	if err := checkVersion(name, data, fb.SchemaVersion.raw); err != nil {
		return nil, nil, nil, err
	}
	if !inPieces {
		checkKeys(keys, fb, md)
	}
	return fb, keys, data, nil
}

// decodeError turns an error from the decoder into a located message.
//
// A toml.ParseError (syntax, a duplicate key) carries its position: the
// message gives line and column and the decoder's own context lines
// (ErrorWithPosition), cleaned. Every scalar of the schema accepts any
// value (schema.go), so the only other errors BurntSushi/toml v1.6.0
// returns here are shape mismatches of a table or an array of tables
// ("decision = 3", "[question]" written for "[[question]]"). It returns
// those as plain errors (fmt.Errorf, no type, no position), so instead of
// reading their text the file is decoded again into plain maps and walked
// against the schema to find each mismatch by path (shapeProblems). Only if
// that finds nothing, which would mean a new kind of decoder error, is the
// decoder's text shown, cleaned. TestDecodeErrorKinds pins this behaviour.
func decodeError(name string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return syntaxError(name, data, pe)
	}
	var generic map[string]any
	if _, gerr := toml.Decode(string(data), &generic); gerr != nil {
		return fmt.Errorf("%s: %s", name, Clean(gerr.Error()))
	}
	if verr := checkVersion(name, data, raw{generic["schema_version"], generic["schema_version"] != nil}); verr != nil {
		return verr
	}
	p := &problems{name: name, src: data}
	shapeProblems(p, generic, bankSchema(), "", mapElemID(generic))
	if len(p.list) == 0 {
		return fmt.Errorf("%s: %s", name, Clean(err.Error()))
	}
	return p.err()
}

// syntaxError formats a ParseError as "name:line:col: message" and the
// lines around it with a caret. The decoder's line is sometimes one past the
// fault (an unclosed table header) while its byte offset is right, so line
// and column are taken from the offset.
func syntaxError(name string, data []byte, pe toml.ParseError) error {
	col := pe.Position.Col
	if st := pe.Position.Start; st >= 0 && st <= len(data) {
		ls := bytes.LastIndexByte(data[:st], '\n') + 1
		pe.Position.Line = 1 + bytes.Count(data[:st], []byte("\n"))
		pe.Position.Col = st - ls + 1
		col = len([]rune(string(data[ls:st]))) + 1
	}
	msg := fmt.Sprintf("%s:%d:%d: %s", name, pe.Position.Line, col, Clean(pe.Message))
	context := pe.ErrorWithPosition()
	if i := strings.Index(context, ":\n\n"); i >= 0 && strings.HasPrefix(context, "toml: error:") {
		context = context[i+3:] // after "At line N, column M:"
	}
	var out []string
	for _, l := range strings.Split(strings.TrimRight(context, "\n"), "\n") {
		out = append(out, Clean(l))
	}
	return errors.New(msg + "\n" + strings.Join(out, "\n"))
}

// lineStart returns the byte offset where line n (1-based) starts.
func lineStart(data []byte, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data[off:], '\n')
		if j < 0 {
			return len(data)
		}
		off += j + 1
	}
	return off
}

// checkVersion refuses a missing, mistyped, old or newer schema_version;
// it explains every other problem of a file written for another schema, so
// it is reported alone.
func checkVersion(name string, data []byte, v raw) error {
	if !v.set {
		return fmt.Errorf("%s:1: schema_version is missing: add schema_version = %d at the top", name, schemaVersion)
	}
	n, ok := v.v.(int64)
	if ok && n == schemaVersion {
		return nil
	}
	where := at(name, keyLine(data, toml.Key{"schema_version"}))
	switch {
	case !ok:
		return fmt.Errorf("%s: schema_version must be a whole number, found %s", where, typeWords(v.v))
	case n > schemaVersion:
		return fmt.Errorf("%s: this rule set needs a newer Guidepost (schema %d; this build reads %d)", where, n, schemaVersion)
	}
	return fmt.Errorf("%s: schema_version must be %d, found %d", where, schemaVersion, n)
}

// shapeProblems walks a plainly decoded file against the schema and
// reports every table or array of tables written as something else. Keys
// the schema does not know are left to the key checks.
func shapeProblems(p *problems, m map[string]any, node *schemaNode, path string, id func(string) string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		child, ok := node.fields[k]
		if !ok {
			// The decoder matches keys in any case, so a mis-cased key can
			// be what failed ("Prompt" = "x" decoded into the prompt table).
			if n := caseFold(k, node.names); n != "" {
				p.add(join(path, k), "%skey %q must be written in lower case: %q", describePath(path, id), k, n)
			}
			continue
		}
		if child.fields == nil {
			continue
		}
		kp := join(path, k)
		what := describePath(path, id) + k
		switch v := m[k].(type) {
		case map[string]any:
			if child.array {
				p.add(kp, "%s must be %s, found a single table (write [[%s]] for each one)", what, child.kind(), k)
				continue
			}
			shapeProblems(p, v, child, kp, id)
		case []map[string]any:
			if !child.array {
				p.add(kp, "%s must be %s, found a list of tables (write [%s] once)", what, child.kind(), k)
				continue
			}
			for i, e := range v {
				shapeProblems(p, e, child, fmt.Sprintf("%s[%d]", kp, i), id)
			}
		case []any:
			if !child.array {
				p.add(kp, "%s must be %s, found a list", what, child.kind())
				continue
			}
			for i, e := range v {
				em, ok := e.(map[string]any)
				if !ok {
					p.add(kp, "%s must be %s, found a list holding %s", what, child.kind(), typeWords(e))
					break
				}
				shapeProblems(p, em, child, fmt.Sprintf("%s[%d]", kp, i), id)
			}
		default:
			p.add(kp, "%s must be %s, found %s", what, child.kind(), typeWords(v))
		}
	}
}

// caret returns line n of data, cleaned, and a caret under column col (in
// runes; no caret when col is 0), indented for an error message.
func caret(data []byte, n, col int) string {
	start := lineStart(data, n)
	if n < 1 || start >= len(data) && n > 1 {
		return ""
	}
	src := data[start:]
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	text := string(bytes.TrimRight(src, "\r"))
	out := fmt.Sprintf("%6d | %s", n, showLine(text))
	if col > 0 {
		r := []rune(text)
		prefix := string(r[:min(len(r), col-1)])
		out += "\n       | " + strings.Repeat(" ", len([]rune(showLine(prefix)))) + "^"
	}
	return out
}

// showLine returns a line of a file for a message: its raw control
// characters escaped (ESC too: a raw one is the error being shown, not a
// sequence to drop), then cleaned.
func showLine(s string) string {
	if !strings.ContainsFunc(s, isRawControl) {
		return Clean(s)
	}
	var b strings.Builder
	for _, r := range s {
		if isRawControl(r) {
			fmt.Fprintf(&b, `\x%02x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return Clean(b.String())
}

func isRawControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }
