package questions

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// checkKeys reports unknown keys (typos) and keys written in another case,
// which the decoder accepts silently (BurntSushi/toml issue #449), each
// collapsed to its top-most key and named by its indexed path. The decoder
// lists keys without array indexes, so elements are counted by walking
// md.Keys() in file order: each array-of-tables header starts a new element
// of its array (and restarts the arrays inside it). Paths are built only for
// a key that is reported.
func checkKeys(p *problems, fb *fileBank, md toml.MetaData) {
	kc := keyChecker{p: p, fb: fb, md: md, elem: map[*schemaNode]int{}}
	// md.Keys() lists every key in the file, so md.Undecoded() would add
	// nothing: a key it lists is either unknown here (reported below) or
	// inside a value, whose own keys are the value's to check.
	for _, k := range md.Keys() {
		kc.check(k)
	}
}

type keyChecker struct {
	p        *problems
	fb       *fileBank
	md       toml.MetaData
	elem     map[*schemaNode]int // the current element of each array
	reported map[string]bool     // keys reported, as dotted strings
}

func (kc *keyChecker) check(k toml.Key) {
	if kc.under(k) {
		return
	}
	node := bankSchema()
	for i, c := range k {
		if node.fields == nil {
			return // a value's own keys (weights) are checked as values
		}
		child, ok := node.fields[c]
		if !ok {
			badKey(kc.p, kc.fb, kc.path(k[:i]), c, node)
			kc.report(k[:i+1])
			return
		}
		if child.array && i == len(k)-1 && kc.md.Type(k...) == "ArrayHash" { // a [[header]]
			kc.elem[child]++
			kc.restart(child)
		}
		node = child
	}
}

// restart makes the arrays inside node start again at their first element.
func (kc *keyChecker) restart(node *schemaNode) {
	for _, c := range node.fields {
		if c.fields == nil {
			continue
		}
		if c.array {
			delete(kc.elem, c)
		}
		kc.restart(c)
	}
}

// path returns the indexed path of the known key k ("question[2].option[0]").
func (kc *keyChecker) path(k toml.Key) string {
	node, path := bankSchema(), ""
	for _, c := range k {
		node = node.fields[c]
		path = join(path, c)
		if node.array {
			path = fmt.Sprintf("%s[%d]", path, max(0, kc.elem[node]-1))
		}
	}
	return path
}

func (kc *keyChecker) report(k toml.Key) {
	if kc.reported == nil {
		kc.reported = map[string]bool{}
	}
	kc.reported[k.String()] = true
}

// under reports whether a key above k was reported.
func (kc *keyChecker) under(k toml.Key) bool {
	if len(kc.reported) == 0 {
		return false
	}
	for i := 1; i < len(k); i++ {
		if kc.reported[k[:i].String()] {
			return true
		}
	}
	return false
}

func badKey(p *problems, fb *fileBank, path, key string, node *schemaNode) {
	if n := caseFold(key, node.names); n != "" {
		p.add(join(path, key), "%skey %q must be written in lower case: %q", fb.where(path), key, n)
		return
	}
	msg := fmt.Sprintf("%sunknown key %q", fb.where(path), key)
	if s := suggest(key, node.names); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += fmt.Sprintf(" (valid here: %s)", node.valid())
	}
	p.add(join(path, key), "%s", msg)
}

// caseFold returns the name in names that key is written in another case
// of, or "".
func caseFold(key string, names []string) string {
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n
		}
	}
	return ""
}
