//go:build unix

package e2e

// Every example of README.md is run: a line "$ command" is run by sh in a
// folder that holds the files the examples name, and the lines after it
// are its output (stdout and stderr, as a terminal shows them). "…" on a
// line of its own stands for any lines left out, and inside a line for
// any text. A block of commands with no output is marked
// <!-- not run: why --> just before it, and counted; a block marked
// <!-- file: NAME --> is written to NAME for the examples after it.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"guidepost/internal/testbank"
)

// readmeBlock is one fenced block of the README.
type readmeBlock struct {
	line   int    // the line of its opening fence, 1-based
	info   string // the fence's language: sh, toml, …
	lines  []string
	notRun string // why it is not run, from <!-- not run: … -->
	file   string // the file it is, from <!-- file: … -->
}

var (
	notRunMark = regexp.MustCompile(`^<!-- not run: (.+) -->$`)
	fileMark   = regexp.MustCompile(`^<!-- file: (\S+) -->$`)
)

// readmeBlocks parses the fenced blocks of text.
func readmeBlocks(text string) []readmeBlock {
	var (
		out  []readmeBlock
		cur  *readmeBlock
		last string // the last non-blank line outside a block
	)
	for i, line := range strings.Split(text, "\n") {
		switch {
		case cur != nil && strings.HasPrefix(line, "```"):
			out = append(out, *cur)
			cur, last = nil, line
		case cur != nil:
			cur.lines = append(cur.lines, line)
		case strings.HasPrefix(line, "```"):
			cur = &readmeBlock{line: i + 1, info: strings.TrimPrefix(line, "```")}
			if m := notRunMark.FindStringSubmatch(last); m != nil {
				cur.notRun = m[1]
			}
			if m := fileMark.FindStringSubmatch(last); m != nil {
				cur.file = m[1]
			}
		case strings.TrimSpace(line) != "":
			last = strings.TrimSpace(line)
		}
	}
	return out
}

// commandLine matches a line of a block that is a command to type.
var commandLine = regexp.MustCompile(`^(\$ |guidepost\b|go |printf |mkdir |\$EDITOR)`)

// isExample reports whether b shows commands: a shell block, or a plain
// block with a command in it.
func (b readmeBlock) isExample() bool {
	switch b.info {
	case "sh", "shell", "console", "":
	default:
		return false
	}
	for _, l := range b.lines {
		if commandLine.MatchString(l) {
			return true
		}
	}
	return false
}

// step is one command of a transcript and the output shown after it.
type step struct {
	command string
	want    []string
}

// transcript splits b into its commands and their output; nil when b has
// no "$ " line.
func (b readmeBlock) transcript() []step {
	var steps []step
	for _, l := range b.lines {
		if cmd, ok := strings.CutPrefix(l, "$ "); ok {
			steps = append(steps, step{command: cmd})
		} else if len(steps) > 0 {
			steps[len(steps)-1].want = append(steps[len(steps)-1].want, l)
		}
	}
	return steps
}

// matchOutput reports whether got matches want, where a line "…" is any
// lines (none included) and "…" within a line any text.
func matchOutput(want, got []string) bool {
	ok, _ := matchUpTo(want, got)
	return ok
}

// matchUpTo is matchOutput, and on a mismatch the first line of want no
// way of matching got gets past.
func matchUpTo(want, got []string) (bool, int) {
	memo := map[[2]int]bool{}
	furthest := 0
	var match func(i, j int) bool
	match = func(i, j int) bool {
		furthest = max(furthest, i)
		if i == len(want) {
			return j == len(got)
		}
		k := [2]int{i, j}
		if v, ok := memo[k]; ok {
			return v
		}
		var ok bool
		if strings.TrimSpace(want[i]) == "…" {
			ok = match(i+1, j) || j < len(got) && match(i, j+1)
		} else {
			ok = j < len(got) && lineMatches(want[i], got[j]) && match(i+1, j+1)
		}
		memo[k] = ok
		return ok
	}
	if match(0, 0) {
		return true, 0
	}
	return false, min(furthest, len(want)-1)
}

// lineMatches compares one line, "…" in want matching any text.
func lineMatches(want, got string) bool {
	want, got = strings.TrimRight(want, " "), strings.TrimRight(got, " ")
	if !strings.Contains(want, "…") {
		return want == got
	}
	parts := strings.Split(want, "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`^` + strings.Join(parts, ".*") + `$`).MatchString(got)
}

// readmeFixtures writes the files the examples name into dir: those the
// README itself shows (<!-- file: -->), those in testdata/readme, and two
// made from the shipped rule set: mine.toml, which lacks the not_therapy
// caution, and broken.toml, with a misspelt key.
func readmeFixtures(t *testing.T, dir string, blocks []readmeBlock) {
	t.Helper()
	for _, b := range blocks {
		if b.file != "" {
			os.WriteFile(filepath.Join(dir, b.file), []byte(strings.Join(b.lines, "\n")+"\n"), 0o600)
		}
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "readme"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "readme", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600)
	}
	rules := string(testbank.Rules(t))
	caution := regexp.MustCompile(`(?s)\n\[\[caution\]\]\nid = "not_therapy"\n.*?\n\n`)
	if !caution.MatchString(rules) {
		t.Fatal("rules.toml has no not_therapy caution to leave out of mine.toml")
	}
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(caution.ReplaceAllString(rules, "\n")), 0o600)
	typo := regexp.MustCompile(`(id = "knowledge_sharing"\n(?:.*\n)*?\s*)weights =`)
	if !typo.MatchString(rules) {
		t.Fatal("rules.toml has no knowledge_sharing weights to misspell in broken.toml")
	}
	os.WriteFile(filepath.Join(dir, "broken.toml"), []byte(typo.ReplaceAllString(rules, "${1}wieghts =")), 0o600)
}

// TestREADMEExamples runs every example of README.md and compares its
// output with the one shown. Blocks marked not run are counted, so none
// is skipped silently.
func TestREADMEExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	data, err := os.ReadFile(testbank.Path("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Dir(guidepostBin(t))
	blocks := readmeBlocks(string(data))
	ran, notRun := 0, 0
	for _, b := range blocks {
		if !b.isExample() {
			continue
		}
		steps := b.transcript()
		switch {
		case b.notRun != "":
			notRun++
			t.Logf("README.md:%d not run: %s", b.line, b.notRun)
			continue
		case steps == nil:
			t.Errorf("README.md:%d: an example with no \"$ \" line and no output: show its output, or mark it <!-- not run: why -->", b.line)
			continue
		}
		ran++
		dir := t.TempDir()
		readmeFixtures(t, dir, blocks)
		home := t.TempDir()
		env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + home, "LC_ALL=C.UTF-8",
			"XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CONFIG_HOME=" + filepath.Join(home, "config")}
		for _, s := range steps {
			cmd := exec.Command("sh", "-c", s.command)
			cmd.Dir, cmd.Env = dir, env
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			cmd.Run()        // the output shows what the exit code would
			var got []string // no output: no lines
			if out.Len() > 0 {
				got = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			}
			if ok, at := matchUpTo(s.want, got); !ok {
				shown := "(no output)"
				if at >= 0 && at < len(s.want) {
					shown = s.want[at]
				}
				t.Errorf("README.md:%d: $ %s\nthe output shown differs from the real one at the shown line %q (%d of the block); the real output:\n%s",
					b.line, s.command, shown, at+1, out.String())
			}
		}
	}
	t.Logf("README.md: %d examples run, %d marked not run", ran, notRun)
	if ran == 0 {
		t.Error("no example of README.md was run")
	}
}

// TestMatchOutput pins the placeholders of the README's examples.
func TestMatchOutput(t *testing.T) {
	got := []string{"a", "b", "c d e", "f"}
	for _, tc := range []struct {
		want []string
		ok   bool
	}{
		{[]string{"a", "b", "c d e", "f"}, true},
		{[]string{"a", "…"}, true},
		{[]string{"a", "…", "f"}, true},
		{[]string{"…", "c … e", "f"}, true},
		{[]string{"a", "b"}, false},
		{[]string{"a", "x", "…"}, false},
		{[]string{"…", "c … x", "…"}, false},
	} {
		if matchOutput(tc.want, got) != tc.ok {
			t.Errorf("matchOutput(%q) = %v; want %v", tc.want, !tc.ok, tc.ok)
		}
	}
}
