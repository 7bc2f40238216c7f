package cli

// The command line's own surface: completions, the man page, the seam
// (environment and clock), and what check prints.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

func TestCompletions(t *testing.T) {
	testbank.Isolate(t)
	marks := map[string]string{
		"bash":       "complete -o default -F __start_guidepost guidepost",
		"zsh":        "#compdef guidepost",
		"fish":       "complete -c guidepost",
		"powershell": "Register-ArgumentCompleter",
	}
	for shell, mark := range marks {
		r := runCLI(t, "", "completion", shell)
		if r.code != exitOK || !strings.Contains(r.stdout, mark) || r.stderr != "" {
			t.Errorf("completion %s = %d, %d bytes, stderr %q; want 0 and a script with %q", shell, r.code, len(r.stdout), r.stderr, mark)
		}
		assertClean(t, "completion "+shell, r.stdout)
	}
}

func TestCompletionOfValues(t *testing.T) {
	testbank.Isolate(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--for", ""}, questions.AudienceNames()},
		{[]string{"--theme", ""}, themes},
		{[]string{"learn", "--format", ""}, textFmts},
		{[]string{""}, []string{"check", "score", "learn", "forget", "completion"}},
	}
	for _, tt := range tests {
		r := runCLI(t, "", append([]string{"__complete"}, tt.args...)...)
		for _, w := range tt.want {
			if r.code != exitOK || !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(w)+`(\t|$)`).MatchString(r.stdout) {
				t.Errorf("completing %q = %d, %q; want %q offered", tt.args, r.code, r.stdout, w)
			}
		}
	}
}

func TestManPage(t *testing.T) {
	testbank.Isolate(t)
	day := time.Date(2031, 3, 4, 12, 0, 0, 0, time.UTC)
	r := runWith(t, os.Getenv, func() time.Time { return day }, "", "man")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("man = %d, stderr %q", r.code, r.stderr)
	}
	for _, w := range []string{`.TH GUIDEPOST 1 "` + fallbackDate.Format(time.DateOnly) + `"`, ".SH NAME", "--rules", "--answers", "--csv", "--for", "EXIT STATUS", "130", "NO_COLOR", "guidepost/draft"} {
		if !strings.Contains(strings.ToUpper(r.stdout), strings.ToUpper(w)) {
			t.Errorf("the man page lacks %q:\n%.600s", w, r.stdout)
		}
	}
	assertClean(t, "man", r.stdout)
	again := runWith(t, os.Getenv, time.Now, "", "man")
	if again.stdout != r.stdout {
		t.Error("the man page changes with the day it is printed")
	}
}

// TestManHeader: the page's header line (title, centre, title) fits 80
// columns, and the page is dated by the build's commit time.
func TestManHeader(t *testing.T) {
	testbank.Isolate(t)
	r := runCLI(t, "", "man")
	th, _, _ := strings.Cut(r.stdout, "\n")
	f := regexp.MustCompile(`^\.TH (\S+) (\d+) "([^"]*)" "([^"]*)" "([^"]*)"$`).FindStringSubmatch(th)
	if f == nil {
		t.Fatalf("no .TH line: %q", th)
	}
	left := f[1] + "(" + f[2] + ")"
	if w := 2*len(left) + len(f[5]) + 4; w > 80 {
		t.Errorf("the header line is %d columns (%q between two %s); want at most 80", w, f[5], left)
	}
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.time", Value: "2030-07-08T09:10:11Z"}}}
	if got := buildDate(info, true).Format(time.DateOnly); got != "2030-07-08" {
		t.Errorf("buildDate with vcs.time 2030-07-08 = %s", got)
	}
	if got := buildDate(&debug.BuildInfo{}, true); !got.Equal(fallbackDate) {
		t.Errorf("buildDate without vcs.time = %v; want %v", got, fallbackDate)
	}
}

// TestSeamEnvironment runs with an environment that exists only in the
// lookup given to run: the draft goes where it says, not where the
// process's environment points.
func TestSeamEnvironment(t *testing.T) {
	testbank.Isolate(t) // the process's own folders, which must stay empty
	state, home := t.TempDir(), t.TempDir()
	env := map[string]string{"XDG_STATE_HOME": state, "HOME": home, "TERM": "dumb"}
	r := runWith(t, func(k string) string { return env[k] }, time.Now, "1\n", "--for", "self")
	if r.code != exitAborted || !strings.Contains(r.stderr, filepath.Join(state, "guidepost", "draft.toml")) {
		t.Fatalf("run = %d, stderr %q; want 130 and the draft in the seam's XDG_STATE_HOME", r.code, r.stderr)
	}
	if names := testbank.DirNames(t, os.Getenv("XDG_STATE_HOME")); len(names) != 0 {
		t.Errorf("the process's state folder holds %q", names)
	}
	delete(env, "XDG_STATE_HOME")
	r = runWith(t, func(k string) string { return env[k] }, time.Now, "", "forget")
	if want := filepath.Join(home, ".local", "state", "guidepost", "draft.toml"); !strings.Contains(r.stdout, want) {
		t.Errorf("forget without XDG_STATE_HOME = %q; want the draft under the seam's HOME, %s", r.stdout, want)
	}
	r = runWith(t, func(string) string { return "" }, time.Now, "", "forget")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "set HOME") {
		t.Errorf("forget with no HOME = %d, %q; want exit 1 asking for HOME", r.code, r.stderr)
	}
}

// checkLines returns the lines check must print for the warnings of the
// rule set in data.
func checkLines(t *testing.T, name string, data []byte) []string {
	t.Helper()
	b, err := questions.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := advisor.Check(b)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, w := range append(append([]string(nil), b.Warnings()...), engine...) {
		where, what := placeWarning(b.Name, w)
		lines = append(lines, where+": warning: "+what)
	}
	return lines
}

func TestCheckPrintsEveryWarning(t *testing.T) {
	testbank.Isolate(t)
	unsure := append(bytes.Clone(testbank.Rules(t)), `
[[rule]]
id = "zz_unsure"
when.all = [ { question = "need", in = ["unsure"] } ]
add = { coaching = 1 }
reason = "A rule that fires when the need is not known."
sources = ["dmi"]
`...)
	file := filepath.Join(t.TempDir(), "unsure.toml")
	os.WriteFile(file, unsure, 0o600)
	// An eleventh option for the main need: more than the number keys
	// (1–9, then 0) reach.
	eleven := bytes.Replace(testbank.Rules(t), []byte("  [[question.option]]\n  id = \"knowledge_sharing\""),
		[]byte("  [[question.option]]\n  id = \"other\"\n  label = \"Something else\"\n  description = \"None of these\"\n\n  [[question.option]]\n  id = \"knowledge_sharing\""), 1)
	elevenFile := filepath.Join(t.TempDir(), "eleven.toml")
	os.WriteFile(elevenFile, eleven, 0o600)
	for _, tt := range []struct {
		name string
		data []byte
		args []string
		want string // one warning that must be among them
	}{
		{elevenFile, eleven, []string{"check", elevenFile}, "only the first 10 can be picked with a number key"},
		{file, unsure, []string{"check", file}, "a rule fires on unsure answers"},
	} {
		r := runCLI(t, "", tt.args...)
		lines := checkLines(t, tt.name, tt.data)
		if r.code != exitOK || len(lines) == 0 || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%q = %d, stdout:\n%s\nwant exit 0 and a warning with %q", tt.args, r.code, r.stdout, tt.want)
		}
		for _, l := range lines {
			if !strings.Contains(r.stdout, l+"\n") {
				t.Errorf("%q does not print %q:\n%s", tt.args, l, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "public contract") {
			t.Errorf("%q: a rule set with every contract id is reported outside it:\n%s", tt.args, r.stdout)
		}
	}
}

func TestCheckNamesContractGaps(t *testing.T) {
	testbank.Isolate(t)
	renamed := strings.NewReplacer(`"not_therapy"`, `"no_therapy"`, `"networking"`, `"contacts"`).Replace(string(testbank.Rules(t)))
	file := filepath.Join(t.TempDir(), "renamed.toml")
	os.WriteFile(file, []byte(renamed), 0o600)
	r := runCLI(t, "", "check", file)
	if r.code != exitOK {
		t.Fatalf("check = %d, stderr %s", r.code, r.stderr)
	}
	for _, w := range []string{
		file + `: warning: caution "not_therapy" is missing (CONTRACT §1): reports will never raise it`,
		file + `: warning: question "need" has no option "networking" (CONTRACT §1): answer files with need = "networking" and spreadsheet rows with networking in the need column will stop working`,
	} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("check of a rule set without not_therapy and networking lacks %q:\n%s", w, r.stdout)
		}
	}
	if err := questions.CheckContract(testBank(t)); err != nil {
		t.Errorf("the embedded rule set breaks the contract: %v", err)
	}
}
