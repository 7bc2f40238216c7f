package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidepost/internal/store"
	"guidepost/internal/testbank"
)

// fullWriter fails every write, as stdout on a full disk does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// runFailingOut runs guidepost with args and stdin, its stdout failing
// every write.
func runFailingOut(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var errw bytes.Buffer
	p := process{in: strings.NewReader(stdin), out: fullWriter{}, err: &errw, getenv: os.Getenv, now: time.Now, rules: testbank.Rules(t)}
	return cliResult{code: run(p, args), stderr: errw.String()}
}

// TestResultUnwrittenKeepsDraft: a result that cannot be printed keeps
// every answer in the draft and exits 1 with a message, rather than
// removing the draft first and losing them.
func TestResultUnwrittenKeepsDraft(t *testing.T) {
	draft := testbank.Isolate(t)
	stdin, _ := firstOptions(t, "manager")
	r := runFailingOut(t, stdin, "--for", "manager")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "no space left") || !strings.Contains(r.stderr, draft) {
		t.Errorf("result on a full stdout = %d, stderr %q; want 1, the write error and the draft's path", r.code, r.stderr)
	}
	if _, err := os.Stat(draft); err != nil {
		t.Fatalf("the draft is gone after an unwritten result: %v", err)
	}
	back := runCLI(t, "", "--resume")
	if back.code != exitOK || !strings.Contains(back.stdout, markReport) {
		t.Errorf("--resume after it = %d, stdout %q, stderr %q; want the result", back.code, back.stdout, back.stderr)
	}
}

// TestOutputErrorsExit1: every command whose output cannot be written
// (stdout on a full disk) says so on stderr and exits 1, never 0.
func TestOutputErrorsExit1(t *testing.T) {
	testbank.Isolate(t)
	answers := testdata(t, "manager-coaching.toml")
	for _, args := range [][]string{
		{"check"}, {"forget"}, {"--help"}, {"check", "--help"}, {"help", "score"},
		{"--version"}, {"learn"}, {"man"}, {"completion", "bash"},
		{"score", "--answers", answers},
	} {
		r := runFailingOut(t, "", args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "no space left on device") {
			t.Errorf("guidepost %s with a full stdout = %d, stderr %q; want 1 and the reason", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

// TestThemeWinsOverNoColor: NO_COLOR turns colours off unless a theme is
// named with --theme (no-color.org: a command-line flag overrides it).
func TestThemeWinsOverNoColor(t *testing.T) {
	for _, tc := range []struct {
		noColor, theme string
		want           bool
	}{
		{"1", "auto", true}, {"1", "high-contrast", false}, {"1", "dark", false}, {"", "auto", false},
	} {
		a := newApp(process{getenv: func(k string) string {
			if k == "NO_COLOR" {
				return tc.noColor
			}
			return ""
		}})
		a.opt.theme = tc.theme
		cfg, err := a.uiConfig(testBank(t), store.NewDrafts(filepath.Join(t.TempDir(), "d.toml"), testBank(t), time.Now), true)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.NoColor != tc.want {
			t.Errorf("NO_COLOR=%q --theme %s: NoColor %v; want %v", tc.noColor, tc.theme, cfg.NoColor, tc.want)
		}
	}
}
