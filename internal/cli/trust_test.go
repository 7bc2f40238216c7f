package cli

// Trust tests: every broken input is refused with the right exit code and a
// message that names the file and the line, without a crash, without a
// terminal escape, and without leaving a file behind.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// brokenCase is one broken input and what running it must give.
type brokenCase struct {
	name   string
	args   []string
	code   int
	stderr []string // substrings stderr must contain
	stdout []string // substrings stdout must contain
	known  string   // a known bug that makes the case fail; reported, not failed
}

// brokenCommands maps a folder of testdata/broken to the command that reads
// its files.
var brokenCommands = map[string]func(path string) []string{
	"rules":   func(p string) []string { return []string{"check", p} },
	"answers": func(p string) []string { return []string{"score", "--answers", p} },
	"csv":     func(p string) []string { return []string{"score", "--csv", p} },
}

// loadBroken reads the corpus under testdata/broken: every input with its
// .want sidecar.
func loadBroken(t *testing.T) []brokenCase {
	t.Helper()
	var cases []brokenCase
	for _, kind := range []string{"rules", "answers", "csv"} {
		wants, _ := filepath.Glob(testbank.Path("testdata", "broken", kind, "*.want"))
		for _, w := range wants {
			input := brokenInput(t, w)
			c := parseWant(t, w)
			c.name = kind + "/" + filepath.Base(input)
			c.args = brokenCommands[kind](input)
			cases = append(cases, c)
		}
	}
	return cases
}

// brokenInput returns the absolute path of the input beside a .want file.
func brokenInput(t *testing.T, want string) string {
	t.Helper()
	base := strings.TrimSuffix(want, ".want")
	for _, ext := range []string{".toml", ".csv"} {
		if _, err := os.Stat(base + ext); err == nil {
			abs, err := filepath.Abs(base + ext)
			if err != nil {
				t.Fatal(err)
			}
			return abs
		}
	}
	t.Fatalf("%s has no input beside it", want)
	return ""
}

// parseWant reads a .want file: the exit code, then one expected substring
// a line (stdout: for one on stdout, known: for a known bug).
func parseWant(t *testing.T, path string) brokenCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	code, err := strconv.Atoi(lines[0])
	if err != nil {
		t.Fatalf("%s: line 1 is not an exit code: %v", path, err)
	}
	c := brokenCase{code: code}
	for _, l := range lines[1:] {
		if s, ok := strings.CutPrefix(l, "stdout:"); ok {
			c.stdout = append(c.stdout, s)
		} else if s, ok := strings.CutPrefix(l, "known: "); ok {
			c.known = s
		} else if l != "" {
			c.stderr = append(c.stderr, l)
		}
	}
	return c
}

// generatedBroken builds the inputs too big or too odd to commit: a rule
// set of a few MB, deep nesting, a folder, a missing path, and the same for
// answers and CSV files.
func generatedBroken(t *testing.T) []brokenCase {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bigRules := write("big.toml", bytes.Repeat([]byte("# a long comment line to pad the file out\n"), 3<<20/43))
	// Under the size cap, so the decoder itself meets the nesting.
	deep := write("deep.toml", []byte("schema_version = 1\nx = "+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n"))
	// The decoder's time grows with the square of a key's depth: 2,000
	// levels keep the test fast (see the report for 100,000).
	deepTables := write("deep_tables.toml", []byte("schema_version = 1\n["+strings.Repeat("a.", 2_000)+"b]\nc = 1\n"))
	bigAnswers := write("big_answers.toml", bytes.Repeat([]byte("# padding the answers file\n"), 3<<20/27))
	missing := filepath.Join(dir, "missing.toml")
	folder := filepath.Join(dir, "folder.toml")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	return []brokenCase{
		{name: "rules/a few MB", args: []string{"check", bigRules}, code: exitInvalid, stderr: []string{bigRules + ": the file is larger than 256 KiB"}},
		{name: "rules/deep nesting", args: []string{"check", deep}, code: exitInvalid, stderr: []string{deep + ":2"}},
		{name: "rules/deep tables", args: []string{"check", deepTables}, code: exitInvalid, stderr: []string{deepTables + ":"}},
		{name: "rules/folder", args: []string{"check", folder}, code: exitInvalid, stderr: []string{folder + " is a folder"}},
		{name: "rules/missing", args: []string{"check", missing}, code: exitInvalid, stderr: []string{missing + ": no such file"}},
		{name: "rules/folder via --rules", args: []string{"--rules", folder, "learn"}, code: exitInvalid, stderr: []string{folder + " is a folder"}},
		{name: "answers/a few MB", args: []string{"score", "--answers", bigAnswers}, code: exitInvalid, stderr: []string{bigAnswers + ": the file is"}},
		{name: "answers/folder", args: []string{"score", "--answers", folder}, code: exitInvalid, stderr: []string{folder + " is a folder"}},
		{name: "answers/missing", args: []string{"score", "--answers", missing}, code: exitInvalid, stderr: []string{missing + ": no such file"}},
		{name: "csv/folder", args: []string{"score", "--csv", folder}, code: exitInvalid, stderr: []string{folder + " is a folder"}},
		{name: "csv/missing", args: []string{"score", "--csv", missing}, code: exitInvalid, stderr: []string{missing + ": no such file"}},
		{name: "usage/no file to score", args: []string{"score", "--answers"}, code: exitUsage, stderr: []string{"flag needs an argument"}},
		{name: "usage/two rule sets", args: []string{"check", bigRules, deep}, code: exitUsage, stderr: []string{"unexpected argument"}},
	}
}

func TestBrokenInputs(t *testing.T) {
	testbank.Isolate(t)
	cases := loadBroken(t)
	work := t.TempDir()
	t.Chdir(work)
	if len(cases) < 40 {
		t.Fatalf("the corpus holds %d broken inputs; want at least 40", len(cases))
	}
	cases = append(cases, generatedBroken(t)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", c.args...)
			assertTrusted(t, r)
			assertNothingWritten(t, work)
			problems := c.check(r)
			switch {
			case c.known != "" && len(problems) == 0:
				t.Errorf("the known bug is fixed (%s): remove the known: line", c.known)
			case c.known != "":
				t.Logf("known bug: %s\n%s", c.known, strings.Join(problems, "\n"))
			default:
				for _, p := range problems {
					t.Error(p)
				}
			}
		})
	}
}

// check compares a run with the case's expectations and returns what
// differs.
func (c brokenCase) check(r cliResult) []string {
	var problems []string
	if r.code != c.code {
		problems = append(problems, fmt.Sprintf("%q = exit %d; want %d\nstderr:\n%s", c.args, r.code, c.code, r.stderr))
	}
	if r.stderr == "" {
		problems = append(problems, "no message on stderr")
	}
	for _, w := range c.stderr {
		if !strings.Contains(r.stderr, w) {
			problems = append(problems, fmt.Sprintf("stderr lacks %q:\n%s", w, r.stderr))
		}
	}
	for _, w := range c.stdout {
		if !strings.Contains(r.stdout, w) {
			problems = append(problems, fmt.Sprintf("stdout lacks %q:\n%s", w, r.stdout))
		}
	}
	return problems
}

// assertTrusted fails when output shows a crash or carries a terminal
// control byte (ESC, BEL, C1 CSI).
func assertTrusted(t *testing.T, r cliResult) {
	t.Helper()
	for what, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		assertClean(t, what, s)
		for _, bad := range []string{"\x07", "\u009b", "panic", "runtime error"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q:\n%s", what, bad, s)
			}
		}
	}
}

// assertNothingWritten fails when the working folder, the state folder or
// the config folder holds anything: a refused input writes nothing.
func assertNothingWritten(t *testing.T, work string) {
	t.Helper()
	for _, dir := range []string{work, os.Getenv("XDG_STATE_HOME"), os.Getenv("XDG_CONFIG_HOME")} {
		if names := testbank.DirNames(t, dir); len(names) != 0 {
			t.Errorf("%s holds %q after a refused input", dir, names)
		}
	}
}

// TestBrokenRulesEverywhere checks that a broken rule set given with
// --rules stops every command the same way, before anything is asked.
func TestBrokenRulesEverywhere(t *testing.T) {
	testbank.Isolate(t)
	work := t.TempDir()
	t.Chdir(work)
	file := absTestdata(t, "broken", "rules", "escape_u001b.toml")
	answers := absTestdata(t, "cli", "self-mentoring.toml")
	for _, args := range [][]string{
		{"--rules", file},
		{"--rules", file, "--accessible", "--for", "self"},
		{"--rules", file, "learn"},
		{"--rules", file, "score", "--answers", answers},
		{"--rules", file, "score", "--csv", absTestdata(t, "cli", "batch.csv")},
	} {
		r := runCLI(t, "1\n1\n", args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "escape_u001b.toml:") || r.stdout != "" {
			t.Errorf("%q = %d, stdout %q, stderr %q; want exit 1 naming the file and nothing on stdout", args, r.code, r.stdout, r.stderr)
		}
		assertTrusted(t, r)
		assertNothingWritten(t, work)
	}
}

// absTestdata returns the absolute path of a file under the module's
// testdata.
func absTestdata(t *testing.T, elem ...string) string {
	t.Helper()
	return testbank.Path(append([]string{"testdata"}, elem...)...)
}

// TestOlderDraft checks the draft of an older rule set both ways: score
// refuses it naming every id that no longer fits; --resume keeps what fits,
// says what was dropped, and keeps the draft.
func TestOlderDraft(t *testing.T) {
	draft := testbank.Isolate(t)
	work := t.TempDir()
	t.Chdir(work)
	old, err := os.ReadFile(absTestdata(t, "broken", "answers", "older_rule_set.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(draft), 0o700)
	if err := os.WriteFile(draft, old, 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "score", "--answers", draft)
	for _, w := range []string{draft + ":6", `"sponsor"`, draft + ":7", `"forever"`} {
		if r.code != exitInvalid || !strings.Contains(r.stderr, w) {
			t.Errorf("score --answers OLD-DRAFT = %d, stderr:\n%s\nwant exit 1 and %q", r.code, r.stderr, w)
		}
	}
	assertTrusted(t, r)

	b := testBank(t)
	r = runCLI(t, "", "--resume")
	if r.code != exitAborted || !strings.Contains(r.stderr, "dropped: horizon, sponsor") {
		t.Errorf("--resume OLD-DRAFT = %d, stderr:\n%s\nwant 130 and the dropped ids named", r.code, r.stderr)
	}
	ch, _ := questions.ResolveAnswers(b, map[string]string{"need": "networking"})
	if want := fmt.Sprintf("Question %d of %d", firstOpen(b, ch, false)+1, len(b.Asked(false))); !strings.Contains(r.stderr, want) {
		t.Errorf("--resume did not go on after the answer that fits (want %q):\n%s", want, r.stderr)
	}
	assertTrusted(t, r)
	data, _ := os.ReadFile(draft)
	if _, ch, err := questions.ParseAnswers(b, draft, data); err != nil || ch[b.Question("need")] != int8(b.Option(b.Question("need"), "networking")) {
		t.Errorf("after --resume and EOF the draft is %q (%v); want the answer that fits, valid", data, err)
	}
	if names := testbank.DirNames(t, work); len(names) != 0 {
		t.Errorf("the working folder holds %q", names)
	}
	if names := testbank.DirNames(t, filepath.Dir(draft)); !slices.Equal(names, []string{"draft.toml"}) {
		t.Errorf("the state folder holds %q; want only the draft", names)
	}
}
