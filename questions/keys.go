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
// md.Keys() in file order: each array-of-tables header starts a new one.
func checkKeys(p *problems, fb *fileBank, md toml.MetaData) {
	counts := map[string]int{}
	reported := map[string]bool{}
	for _, k := range md.Keys() {
		checkKey(p, fb, k, md.Type(k...) == "ArrayHash", counts, reported)
	}
	for _, k := range md.Undecoded() {
		if !reported[k.String()] && !underReported(k, reported) {
			p.add(k.String(), "unknown key %q", k.String())
			reported[k.String()] = true
		}
	}
}

func checkKey(p *problems, fb *fileBank, k toml.Key, header bool, counts map[string]int, reported map[string]bool) {
	if underReported(k, reported) {
		return
	}
	node, path := bankSchema, ""
	for i, c := range k {
		if node.fields == nil {
			return // a value's own keys (weights) are checked as values
		}
		child, ok := node.fields[c]
		if !ok {
			badKey(p, fb, path, c, node)
			reported[k[:i+1].String()] = true
			return
		}
		path = join(path, c)
		if child.array {
			if header && i == len(k)-1 {
				counts[path]++
			}
			path = fmt.Sprintf("%s[%d]", path, max(0, counts[path]-1))
		}
		node = child
	}
}

func underReported(k toml.Key, reported map[string]bool) bool {
	for i := 1; i < len(k); i++ {
		if reported[k[:i].String()] {
			return true
		}
	}
	return false
}

func badKey(p *problems, fb *fileBank, path, key string, node *schemaNode) {
	for _, n := range node.names {
		if strings.EqualFold(n, key) {
			p.add(join(path, key), "%skey %q must be written in lower case: %q", fb.where(path), key, n)
			return
		}
	}
	msg := fmt.Sprintf("%sunknown key %q", fb.where(path), key)
	if s := suggest(key, node.names); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += fmt.Sprintf(" (valid here: %s)", node.valid())
	}
	p.add(join(path, key), "%s", msg)
}
