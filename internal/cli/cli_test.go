package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// cliResult is what one run of the command line gave.
type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs guidepost with args and stdin (never a terminal), in the
// test process's environment (see isolate) and at the real time.
func runCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	return runWith(t, os.Getenv, time.Now, stdin, args...)
}

// runWith runs guidepost with args and stdin in the environment getenv at
// the time now gives.
func runWith(t *testing.T, getenv func(string) string, now func() time.Time, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errw bytes.Buffer
	p := process{in: bytes.NewReader([]byte(stdin)), out: &out, err: &errw, getenv: getenv, now: now, rules: testbank.Rules(t)}
	code := run(p, args)
	return cliResult{code, out.String(), errw.String()}
}

// testdata returns the absolute path of a file in testdata/cli, so that
// tests may change the working folder.
func testdata(t *testing.T, name string) string {
	t.Helper()
	return testbank.Path("testdata", "cli", name)
}

// assertClean fails when output shows a crash or carries an escape byte.
func assertClean(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic:", "\x1b"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s contains %q:\n%s", what, bad, s)
		}
	}
}

func TestCheckEmbedded(t *testing.T) {
	testbank.Isolate(t)
	r := runCLI(t, "", "check")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, embeddedName+": ok (") {
		t.Errorf("check = %d, %q, stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, embeddedName+": ok (…")
	}
}

func TestCheckFileAndRulesFlag(t *testing.T) {
	testbank.Isolate(t)
	file := filepath.Join(t.TempDir(), "mine.toml")
	os.WriteFile(file, testbank.Rules(t), 0o600)
	for _, args := range [][]string{{"check", file}, {"--rules", file, "check"}, {"check", "--rules", file}} {
		r := runCLI(t, "", args...)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, file+": ok (") {
			t.Errorf("%q = %d, %q, %q; want 0 and %q", args, r.code, r.stdout, r.stderr, file+": ok (…")
		}
	}
}

// brokenRules returns the embedded rules with extra appended, and the line
// number of extra's first line.
func brokenRules(t *testing.T, extra string) ([]byte, int) {
	data := append(bytes.TrimRight(bytes.Clone(testbank.Rules(t)), "\n"), "\n\n"...)
	return append(data, extra...), bytes.Count(data, []byte("\n")) + 1
}

func TestCheckBrokenRules(t *testing.T) {
	testbank.Isolate(t)
	b := testBank(t)
	src := b.Sources[0].ID
	tests := []struct {
		name, extra string
		at          int // line of the problem, counted from extra's first line
		want        string
	}{
		{"mistyped key", "[[source]]\nid = \"zz_extra\"\npublisher = \"P\"\ntitel = \"T\"\n", 3, "titel"},
		{"duplicate id", fmt.Sprintf("[[source]]\nid = %q\npublisher = \"P\"\ntitle = \"T\"\n", src), 1, src},
		{"syntax error", "[[source]\nid = \"x\"\n", 0, ""},
		{"escape sequence", "[[source]]\nid = \"zz_extra\"\npublisher = \"P\"\ntitle = \"\\u001b[2J wiped\"\n", 3, "escape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, first := brokenRules(t, tt.extra)
			file := filepath.Join(t.TempDir(), "broken.toml")
			os.WriteFile(file, data, 0o600)
			r := runCLI(t, "", "check", file)
			at := fmt.Sprintf("%s:%d", file, first+tt.at)
			if r.code != exitInvalid || !strings.Contains(r.stderr, at) || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("check = %d, stderr:\n%s\nwant exit 1 naming %s and %q", r.code, r.stderr, at, tt.want)
			}
			assertClean(t, "stderr", r.stderr)
		})
	}
}

func TestUnreadableRules(t *testing.T) {
	testbank.Isolate(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), questions.MaxSize/10+1), 0o600)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing", []string{"--rules", filepath.Join(dir, "nope.toml"), "learn"}, filepath.Join(dir, "nope.toml") + ": no such file"},
		{"folder", []string{"check", dir}, dir + " is a folder"},
		{"too large", []string{"check", big}, big + ": the file is larger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.code != exitInvalid || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("%q = %d, stderr %q; want exit 1 and %q", tt.args, r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestUserRulesAreUsed(t *testing.T) {
	testbank.Isolate(t)
	user := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "guidepost", "rules.toml")
	os.MkdirAll(filepath.Dir(user), 0o700)
	os.WriteFile(user, []byte("schema_version = 1\ntitel = 3\n"), 0o600)
	for _, args := range [][]string{{"check"}, {"learn"}, {"score", "--answers", testdata(t, "self-mentoring.toml")}} {
		r := runCLI(t, "", args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, user+":2") {
			t.Errorf("%q with a broken user rule set = %d, stderr %q; want exit 1 naming %s:2", args, r.code, r.stderr, user)
		}
	}
}

// contractJSON checks r against CONTRACT §5.
func contractJSON(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, data)
	}
	if rec, _ := m["recommendation"].(string); !oneOf(rec, []string{"coaching", "mentoring", "combined"}) {
		t.Errorf("recommendation = %v", m["recommendation"])
	}
	scores, _ := m["scores"].(map[string]any)
	for _, k := range []string{"coaching", "mentoring"} {
		if _, ok := scores[k].(float64); !ok {
			t.Errorf("scores.%s = %v; want a number", k, scores[k])
		}
	}
	if c, ok := m["confidence"].(float64); !ok || c < 0 || c > 1 {
		t.Errorf("confidence = %v; want a number from 0 to 1", m["confidence"])
	}
	checkObjects(t, m, "reasons", []string{"text"}, []string{"question", "option"})
	checkObjects(t, m, "cautions", []string{"id", "text"}, nil)
	checkObjects(t, m, "would_change", []string{"question", "from", "to", "recommendation"}, nil)
	steps, ok := m["next_steps"].([]any)
	for _, s := range steps {
		if _, isStr := s.(string); !isStr {
			ok = false
		}
	}
	if !ok {
		t.Errorf("next_steps = %v; want an array of strings", m["next_steps"])
	}
	return m
}

// checkObjects checks that m[field] is an array of objects with the string
// fields want (and optional ones, strings where present), and sources when
// the contract lists them.
func checkObjects(t *testing.T, m map[string]any, field string, want, optional []string) {
	t.Helper()
	list, ok := m[field].([]any)
	if !ok {
		t.Errorf("%s = %v; want an array", field, m[field])
	}
	for i, x := range list {
		o, _ := x.(map[string]any)
		for _, k := range append(want, optional...) {
			if _, isStr := o[k].(string); !isStr && (oneOf(k, want) || o[k] != nil) {
				t.Errorf("%s[%d].%s = %v; want a string", field, i, k, o[k])
			}
		}
		if field == "would_change" {
			continue
		}
		if src, isList := o["sources"].([]any); !isList || len(src) == 0 {
			t.Errorf("%s[%d].sources = %v; want an array of strings", field, i, o["sources"])
		}
	}
}

func TestScoreAnswers(t *testing.T) {
	testbank.Isolate(t)
	tests := []struct{ file, audience, want string }{
		{"manager-coaching.toml", "manager", "coaching"},
		{"self-mentoring.toml", "self", "mentoring"},
		{"consultant-mixed.toml", "consultant", ""},
	}
	for _, tt := range tests {
		for _, format := range []string{"", "text", "markdown", "json"} {
			t.Run(tt.file+"/"+format, func(t *testing.T) {
				args := []string{"score", "--answers", testdata(t, tt.file)}
				if format != "" {
					args = append(args, "--format", format)
				}
				r := runCLI(t, "", args...)
				if r.code != exitOK || strings.TrimSpace(r.stdout) == "" || r.stderr != "" {
					t.Fatalf("%q = %d, stdout %.60q, stderr %q", args, r.code, r.stdout, r.stderr)
				}
				assertClean(t, "stdout", r.stdout)
				if format != "json" {
					return
				}
				m := contractJSON(t, []byte(r.stdout))
				if tt.want != "" && m["recommendation"] != tt.want {
					t.Errorf("recommendation = %v; want %s", m["recommendation"], tt.want)
				}
				if m["audience"] != tt.audience {
					t.Errorf("audience = %v; want %s", m["audience"], tt.audience)
				}
			})
		}
	}
}

func TestScoreAnswersErrors(t *testing.T) {
	testbank.Isolate(t)
	tests := []struct {
		name, file string
		want       []string
	}{
		{"unknown option", "unknown-option.toml", []string{"unknown-option.toml:4", `"telepathy"`, "networking", "performance_dip", "unsure"}},
		{"unknown question", "unknown-question.toml", []string{"unknown-question.toml:2", `"neeed"`, "need", "horizon", "wellbeing"}},
		{"missing file", "nope.toml", []string{"nope.toml: no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", "score", "--answers", testdata(t, tt.file))
			if r.code != exitInvalid || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", r.code, r.stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
		})
	}
}

func TestScoreCSV(t *testing.T) {
	testbank.Isolate(t)
	csvData, _ := os.ReadFile(testdata(t, "batch.csv"))
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"file", "", []string{"--csv", testdata(t, "batch.csv")}, exitOK, "id,recommendation,confidence,coaching,mentoring,error"},
		{"rows", "", []string{"--csv", testdata(t, "batch.csv")}, exitOK, "\nalice,coaching,"},
		{"stdin", string(csvData), []string{"--csv", "-"}, exitOK, "\nbob,mentoring,"},
		{"jsonl", "", []string{"--csv", testdata(t, "batch.csv"), "--format", "jsonl"}, exitOK, `"recommendation":"coaching"`},
		{"summary", "", []string{"--csv", testdata(t, "batch.csv"), "--summary"}, exitOK, "3"},
		{"a bad row", "", []string{"--csv", testdata(t, "batch-bad.csv")}, exitInvalid, "alice,coaching,"},
		{"missing", "", []string{"--csv", testdata(t, "nope.csv")}, exitInvalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.stdin, append([]string{"score"}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit %d and %q", r.code, r.stdout, r.stderr, tt.code, tt.want)
			}
			if tt.code != exitOK && r.stderr == "" {
				t.Error("failure without a message on stderr")
			}
		})
	}
}

func TestLearn(t *testing.T) {
	testbank.Isolate(t)
	for _, format := range []string{"text", "markdown"} {
		r := runCLI(t, "", "learn", "--format", format)
		if r.code != exitOK || len(r.stdout) < 200 || r.stderr != "" {
			t.Errorf("learn --format %s = %d, %d bytes, stderr %q", format, r.code, len(r.stdout), r.stderr)
		}
		assertClean(t, "learn", r.stdout)
	}
}

func TestForget(t *testing.T) {
	draft := testbank.Isolate(t)
	r := runCLI(t, "", "forget")
	if r.code != exitOK || !strings.Contains(r.stdout, "no draft") {
		t.Errorf("forget without a draft = %d, %q", r.code, r.stdout)
	}
	os.MkdirAll(filepath.Dir(draft), 0o700)
	os.WriteFile(draft, []byte("[answers]\n"), 0o600)
	r = runCLI(t, "", "forget")
	if _, err := os.Stat(draft); r.code != exitOK || !strings.Contains(r.stdout, "Removed the draft "+draft) || err == nil {
		t.Errorf("forget with a draft = %d, %q; draft still there: %v", r.code, r.stdout, err == nil)
	}
}
