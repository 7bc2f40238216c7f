package questions

import (
	"fmt"
	"strconv"
	"strings"
)

// describePath describes an indexed path for people, naming each array
// element by its id where it has one: "question[2].option[0]" becomes
// `question "need", option "unsure": `. id returns the id of the element
// at an element path ("question[2]"), or "".
func describePath(path string, id func(elem string) string) string {
	if path == "" {
		return ""
	}
	var parts []string
	prefix := ""
	for _, seg := range strings.Split(path, ".") {
		prefix = join(prefix, seg)
		name, idx := splitIndex(seg)
		if idx < 0 {
			parts = append(parts, name)
			continue
		}
		if s := id(prefix); s != "" {
			parts = append(parts, fmt.Sprintf("%s %q", name, s))
		} else {
			parts = append(parts, fmt.Sprintf("%s #%d", name, idx+1))
		}
	}
	return strings.Join(parts, ", ") + ": "
}

// splitIndex splits "option[3]" into "option" and 3; -1 without an index.
func splitIndex(seg string) (string, int) {
	i := strings.IndexByte(seg, '[')
	if i < 0 || !strings.HasSuffix(seg, "]") {
		return seg, -1
	}
	n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
	if err != nil {
		return seg, -1
	}
	return seg[:i], n
}

// where describes path in fb (see describePath).
func (fb *fileBank) where(path string) string { return describePath(path, fb.elemID) }

// elemID returns the id of the element at an element path of fb, or "".
func (fb *fileBank) elemID(elem string) string {
	segs := strings.Split(elem, ".")
	name, i := splitIndex(segs[0])
	if len(segs) == 2 && name == "question" {
		_, j := splitIndex(segs[1])
		if i >= 0 && i < len(fb.Questions) {
			return idAt(fb.Questions[i].Options, j, func(x fileOption) string { return x.ID.str() })
		}
		return ""
	}
	if len(segs) == 2 && name == "route" {
		_, j := splitIndex(segs[1])
		if i >= 0 && i < len(fb.Routes) {
			return idAt(fb.Routes[i].NextSteps, j, func(x fileNextStep) string { return x.ID.str() })
		}
		return ""
	}
	if len(segs) == 2 && name == "outcome" {
		_, j := splitIndex(segs[1])
		if i >= 0 && i < len(fb.Outcomes) {
			return idAt(fb.Outcomes[i].NextSteps, j, func(x fileNextStep) string { return x.ID.str() })
		}
		return ""
	}
	if len(segs) != 1 {
		return ""
	}
	switch name {
	case "question":
		return idAt(fb.Questions, i, func(x fileQuestion) string { return x.ID.str() })
	case "rule":
		return idAt(fb.Rules, i, func(x fileRule) string { return x.ID.str() })
	case "caution":
		return idAt(fb.Cautions, i, func(x fileCaution) string { return x.ID.str() })
	case "outcome":
		return idAt(fb.Outcomes, i, func(x fileOutcome) string { return x.ID.str() })
	case "source":
		return idAt(fb.Sources, i, func(x fileSource) string { return x.ID.str() })
	case "dimension":
		return idAt(fb.Dimensions, i, func(x fileDimension) string { return x.ID.str() })
	case "route":
		return idAt(fb.Routes, i, func(x fileRoute) string { return x.ID.str() })
	}
	return ""
}

// idAt returns the id of list[i], or "" when i is out of range.
func idAt[T any](list []T, i int, id func(T) string) string {
	if i < 0 || i >= len(list) {
		return ""
	}
	return id(list[i])
}

// mapElemID is elemID for a file decoded into plain maps.
func mapElemID(m map[string]any) func(string) string {
	return func(elem string) string {
		var cur any = m
		for _, seg := range strings.Split(elem, ".") {
			name, i := splitIndex(seg)
			t, ok := cur.(map[string]any)
			if !ok {
				return ""
			}
			switch list := t[name].(type) {
			case []map[string]any:
				if i < 0 || i >= len(list) {
					return ""
				}
				cur = list[i]
			default:
				return ""
			}
		}
		t, _ := cur.(map[string]any)
		id, _ := t["id"].(string)
		return id
	}
}

// parentPath returns path without its last key.
func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// lastKey returns the last key of path, without an index.
func lastKey(p string) string {
	name, _ := splitIndex(p[strings.LastIndexByte(p, '.')+1:])
	return name
}

// elemPath returns the path of the array element that contains path.
func elemPath(path string) string {
	if i := strings.LastIndexByte(path, ']'); i >= 0 {
		return path[:i+1]
	}
	return ""
}
