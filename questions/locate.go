package questions

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
)

// The decoder does not say where a key was defined (BurntSushi/toml issue
// #462), so the loader finds lines itself: locate scans the source for
// table headers and "key =" lines and names each with an indexed path such
// as "question[2].option[0].weights". It is best effort: a problem whose
// path is not found is reported at the nearest enclosing element.

var (
	arrayHeader = lazyRegexp(`^\s*\[\[\s*([A-Za-z0-9_.\- ]+?)\s*\]\]`)
	tableHeader = lazyRegexp(`^\s*\[\s*([A-Za-z0-9_.\- ]+?)\s*\]`)
	keyPart     = `(?:[A-Za-z0-9_\-]+|"(?:[^"\\]|\\.)*"|'[^']*')`
	keyLineRe   = lazyRegexp(`^\s*(` + keyPart + `(?:\s*\.\s*` + keyPart + `)*)\s*=`)
)

// locateRuns counts calls of locate, for the test that a clean load never
// locates.
var locateRuns atomic.Int64

// lazyRegexp compiles expr when it is first used: lines are located only
// for a message, and every start would pay for compiling them.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// locate maps indexed paths to 1-based line numbers.
func locate(src []byte) map[string]int {
	locateRuns.Add(1)
	lines := map[string]int{}
	counts := map[string]int{}
	current := ""
	inString := false
	for n, line := range strings.Split(string(src), "\n") {
		if strings.Count(line, `"""`)%2 == 1 || strings.Count(line, `'''`)%2 == 1 {
			wasIn := inString
			inString = !inString
			if wasIn {
				continue
			}
		} else if inString {
			continue
		}
		if m := arrayHeader().FindStringSubmatch(line); m != nil {
			base := indexedBase(lines, counts, cleanKey(m[1]))
			current = fmt.Sprintf("%s[%d]", base, counts[base])
			counts[base]++
			setLine(lines, current, n+1)
			setLine(lines, base, n+1) // the array itself: its first header
			continue
		}
		if m := tableHeader().FindStringSubmatch(line); m != nil {
			current = indexedBase(lines, counts, cleanKey(m[1]))
			setLine(lines, current, n+1)
			continue
		}
		if m := keyLineRe().FindStringSubmatch(line); m != nil {
			setLine(lines, join(current, cleanKey(m[1])), n+1)
		}
	}
	return lines
}

// indexedBase turns a dotted header like "question.option" into the
// indexed path of its parent element: "question[3].option".
func indexedBase(lines map[string]int, counts map[string]int, dotted string) string {
	parts := strings.Split(dotted, ".")
	path := ""
	for i, p := range parts {
		path = join(path, p)
		if i < len(parts)-1 && counts[path] > 0 {
			path = fmt.Sprintf("%s[%d]", path, counts[path]-1)
		}
	}
	return path
}

func setLine(lines map[string]int, path string, n int) {
	if _, ok := lines[path]; !ok {
		lines[path] = n
	}
	// Record implicit parents of dotted keys (prompt.self defines prompt).
	for i := len(path) - 1; i > 0; i-- {
		if path[i] == '.' {
			if _, ok := lines[path[:i]]; !ok {
				lines[path[:i]] = n
			}
		}
	}
}

// cleanKey normalises a dotted key as written: space around parts is
// dropped and quoted parts are unquoted (best effort: a part with a dot
// inside quotes is split).
func cleanKey(k string) string {
	parts := strings.Split(k, ".")
	for i := range parts {
		p := strings.TrimSpace(parts[i])
		if len(p) >= 2 && p[0] == '\'' && p[len(p)-1] == '\'' {
			p = p[1 : len(p)-1]
		} else if u, err := strconv.Unquote(p); err == nil && p[0] == '"' {
			p = u
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// lineOf returns the line of path, or of its nearest located ancestor, or 0.
func lineOf(lines map[string]int, path string) int {
	for path != "" {
		if n, ok := lines[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

// keyLine returns the line where an unindexed key (such as answers.need) is
// defined, or 0.
func keyLine(data []byte, k toml.Key) int {
	return lineOf(locate(data), strings.Join(k, "."))
}

// at formats "name:line" or, without a line, "name".
func at(name string, line int) string {
	if line <= 0 {
		return name
	}
	return fmt.Sprintf("%s:%d", name, line)
}

// suggest returns the candidate closest to s within an edit distance of 2,
// or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if d >= bestD && len(s) >= 5 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s[:5])) {
			d = bestD - 1 // a shared stem: "mentorship" for "mentoring"
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
