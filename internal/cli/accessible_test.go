package cli

// The interactive advisor through run, in accessible mode (stdin is never
// a terminal here): results, drafts, --resume, --quick.

import (
	"fmt"
	"guidepost/internal/store"
	"guidepost/internal/testbank"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// firstOptions returns stdin answering every question with option 1, and
// the same answers as an answers file.
func firstOptions(t *testing.T, audience string) (string, string) {
	b := testBank(t)
	var in, file strings.Builder
	fmt.Fprintf(&file, "audience = %q\n[answers]\n", audience)
	for _, q := range b.Asked(false) {
		in.WriteString("1\n")
		fmt.Fprintf(&file, "%s = %q\n", b.Questions[q].ID, b.Questions[q].Options[0].ID)
	}
	return in.String(), file.String()
}

func TestAccessibleMatchesScore(t *testing.T) {
	draft := testbank.Isolate(t)
	t.Chdir(t.TempDir())
	stdin, answers := firstOptions(t, "manager")
	os.WriteFile("answers.toml", []byte(answers), 0o600)
	want := runCLI(t, "", "score", "--answers", "answers.toml")
	r := runCLI(t, stdin, "--for", "manager")
	if r.code != exitOK || want.code != exitOK || !strings.HasSuffix(withoutScores(r.stdout), withoutScores(want.stdout)) {
		t.Errorf("accessible run = %d, stdout:\n%s\nstderr: %s\nwant exit 0 ending with score's report:\n%s", r.code, r.stdout, r.stderr, want.stdout)
	}
	assertClean(t, "stdout", r.stdout)
	if _, err := os.Stat(draft); err == nil {
		t.Error("the draft is still there after a result")
	}
}

func TestAccessibleEOFKeepsDraft(t *testing.T) {
	draft := testbank.Isolate(t)
	t.Chdir(t.TempDir())
	r := runCLI(t, "1\n1\n", "--for", "self")
	if r.code != exitAborted || !strings.Contains(r.stderr, "saved in "+draft) {
		t.Fatalf("EOF midway = %d, stderr %q; want 130 and the draft's path", r.code, r.stderr)
	}
	if p := testbank.Perm(t, draft); p != store.FileMode {
		t.Errorf("draft mode %v; want %v", p, os.FileMode(store.FileMode))
	}
	score := runCLI(t, "", "score", "--answers", draft, "--format", "json")
	if score.code != exitOK {
		t.Fatalf("score --answers DRAFT = %d, %s", score.code, score.stderr)
	}
	m := contractJSON(t, []byte(score.stdout))
	if m["audience"] != "self" || m["answered"] == 0.0 {
		t.Errorf("draft scored as audience %v with %v answered", m["audience"], m["answered"])
	}
	stdin, _ := firstOptions(t, "self")
	rest := stdin[len("1\n1\n"):]
	r = runCLI(t, rest, "--resume")
	if r.code != exitOK {
		t.Errorf("--resume = %d, stderr %q", r.code, r.stderr)
	}
}

func TestAccessibleNothingAnswered(t *testing.T) {
	draft := testbank.Isolate(t)
	r := runCLI(t, "", "--for", "manager")
	if r.code != exitAborted || !strings.Contains(r.stderr, "Nothing was answered.") {
		t.Errorf("EOF at once = %d, stderr %q; want 130 and Nothing was answered.", r.code, r.stderr)
	}
	if _, err := os.Stat(draft); err == nil {
		t.Error("a draft was written with nothing answered")
	}
}

func TestResume(t *testing.T) {
	draft := testbank.Isolate(t)
	r := runCLI(t, "", "--resume")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "no saved draft") {
		t.Errorf("--resume without a draft = %d, %q", r.code, r.stderr)
	}
	os.MkdirAll(filepath.Dir(draft), 0o700)
	os.WriteFile(draft, []byte("audience = \"manager\"\n[answers]\nneed = \"networking\"\nretired = \"x\"\n"), 0o600)
	r = runCLI(t, "", "--resume")
	if r.code != exitAborted || !strings.Contains(r.stderr, "retired") {
		t.Errorf("--resume with a stale answer = %d, stderr %q; want 130 and the dropped id shown", r.code, r.stderr)
	}
	data, _ := os.ReadFile(draft)
	if !strings.Contains(string(data), `need = "networking"`) {
		t.Errorf("the draft lost its answers:\n%s", data)
	}
}

func TestAccessibleQuick(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	n := len(testBank(t).Asked(true))
	r := runCLI(t, strings.Repeat("1\n", n), "--quick", "--accessible", "--for", "consultant")
	if r.code != exitOK || !strings.Contains(r.stderr, fmt.Sprintf("of %d", n)) {
		t.Errorf("--quick with %d answers = %d, stderr %q", n, r.code, r.stderr)
	}
}

// TestAccessibleStdoutIsTheResult: a script reading stdout gets the
// result alone; the prompts went to stderr.
func TestAccessibleStdoutIsTheResult(t *testing.T) {
	testbank.Isolate(t)
	stdin, _ := firstOptions(t, "manager")
	r := runCLI(t, stdin, "--for", "manager")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, expectedHeadline(testBank(t), "manager", testbank.First(testBank(t), len(testBank(t).Asked(false))))) {
		t.Errorf("exit %d, stdout %q; want 0 and the report first", r.code, r.stdout)
	}
	for _, prompt := range []string{markAccPrompt, "Question 1 of"} {
		if strings.Contains(r.stdout, prompt) || !strings.Contains(r.stderr, prompt) {
			t.Errorf("%q is on stdout or missing from stderr", prompt)
		}
	}
}

// withoutScores cuts a text report's scores, bars or sentence, up to the
// blank line after them.
func withoutScores(report string) string {
	i := strings.Index(report, "Scores")
	if i < 0 {
		return report
	}
	j := strings.Index(report[i:], "\n\n")
	if j < 0 {
		return report
	}
	return report[:i] + report[i+j+2:]
}

// TestAccessibleResultHasNoBars: the accessible result says the scores in
// words; a screen reader would read each bar glyph out ("full block").
func TestAccessibleResultHasNoBars(t *testing.T) {
	testbank.Isolate(t)
	t.Chdir(t.TempDir())
	stdin, _ := firstOptions(t, "manager")
	r := runCLI(t, stdin, "--for", "manager")
	if r.code != exitOK || strings.ContainsAny(r.stdout, "█░") {
		t.Fatalf("exit %d, stdout:\n%s\nwant 0 and no bar glyph", r.code, r.stdout)
	}
	if !regexp.MustCompile(`Scores: Coaching [0-9.]+ points?, Mentoring [0-9.]+ points?`).MatchString(r.stdout) {
		t.Errorf("the scores are not in words:\n%s", r.stdout)
	}
}

// TestAccessibleQKeepsDraft: q at a prompt quits as ctrl+c does: the
// answers given are in the draft and the exit code is 130.
func TestAccessibleQKeepsDraft(t *testing.T) {
	draft := testbank.Isolate(t)
	r := runCLI(t, "1\nq\n1\n", "--for", "self")
	if r.code != exitAborted || !strings.Contains(r.stderr, "saved in "+draft) {
		t.Fatalf("q at the second question = %d, stderr %q; want 130 and the draft's path", r.code, r.stderr)
	}
	if _, err := os.Stat(draft); err != nil {
		t.Error("no draft after q:", err)
	}
}
