package cli

// The command line's contract through run: the version, each command's
// help, every usage error with exit 2.

import (
	"fmt"
	"guidepost/internal/testbank"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	testbank.Isolate(t)
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		r := runCLI(t, "", args...)
		want := "guidepost " + buildVersion() + "\n"
		if r.code != exitOK || r.stdout != want || r.stderr != "" || strings.Contains(r.stdout, "dev\n") {
			t.Errorf("%q = %d, %q, %q; want 0, %q, no stderr", args, r.code, r.stdout, r.stderr, want)
		}
	}
}

func TestVersionOfBuild(t *testing.T) {
	mod := func(v string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "guidepost", Version: v}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	rev := "627e4dd1234567890abcdef1234567890abcdef0"
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"release", mod("v1.2.0"), "v1.2.0"},
		{"stamped by go build", mod("v0.0.0-20261201214401-627e4dd12345+dirty", "vcs.revision", rev), "v0.0.0-20261201214401-627e4dd12345+dirty"},
		{"revision only", mod("(devel)", "vcs.revision", rev, "vcs.modified", "false"), "627e4dd12345"},
		{"modified tree", mod("(devel)", "vcs.revision", rev, "vcs.modified", "true"), "627e4dd12345+dirty"},
		{"go run, no VCS", mod("(devel)"), "(devel) go1.26.8"},
	}
	for _, tt := range tests {
		if got := versionOf(tt.info, true); got != tt.want {
			t.Errorf("%s: versionOf = %q; want %q", tt.name, got, tt.want)
		}
	}
	if got := versionOf(nil, false); !strings.Contains(got, "unknown") {
		t.Errorf("without build information: %q", got)
	}
}

// commandFlags lists each command with the flags its help must list.
var commandFlags = map[string][]string{
	"":       {"--for", "--quick", "--resume", "--accessible", "--theme", "--lean", "--rules", "--version", "--help"},
	"check":  {"--rules", "--help"},
	"score":  {"--answers", "--csv", "--format", "--summary", "--by", "--rules", "--help"},
	"learn":  {"--format", "--rules", "--help"},
	"forget": {"--rules", "--help"},
}

func TestHelp(t *testing.T) {
	testbank.Isolate(t)
	for cmd, flags := range commandFlags {
		forms := [][]string{{"--help"}, {"-h"}, {"help"}}
		if cmd != "" {
			forms = [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}}
		}
		for _, args := range forms {
			r := runCLI(t, "", args...)
			if r.code != exitOK || !strings.Contains(r.stdout, "USAGE") || r.stderr != "" {
				t.Errorf("%q = %d, stdout %.60q, stderr %q; want 0 and the usage on stdout", args, r.code, r.stdout, r.stderr)
			}
			assertClean(t, fmt.Sprintf("%q", args), r.stdout)
			for _, f := range flags {
				if !strings.Contains(r.stdout, " "+f+" ") {
					t.Errorf("%q does not list %s:\n%s", args, f, r.stdout)
				}
			}
			if cmd != "" && strings.Contains(r.stdout, "--quick") {
				t.Errorf("%q lists the advisor's --quick", args)
			}
		}
	}
	r := runCLI(t, "", "--for", "self", "-h")
	if r.code != exitOK || !strings.Contains(r.stdout, "USAGE") {
		t.Errorf("--for self -h = %d, %q", r.code, r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	testbank.Isolate(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"--bogus"}, "unknown flag: --bogus"},
		{"unknown command flag", []string{"check", "--bogus"}, "unknown flag: --bogus"},
		{"advisor flag after a command", []string{"learn", "--quick"}, "unknown flag: --quick"},
		{"bad audience before a command", []string{"--for", "boss", "check"}, `--for "boss": use manager, self, consultant`},
		{"unknown flag before a command", []string{"--bogus", "check"}, "unknown flag: --bogus"},
		{"typo of a command", []string{"chek"}, `unknown command "chek" (did you mean check?)`},
		{"bad flag value", []string{"--quick=maybe"}, `invalid argument "maybe" for "--quick" flag`},
		{"completion of another shell", []string{"completion", "tcsh"}, `completion: unknown shell "tcsh"`},
		{"completion without a shell", []string{"completion"}, "completion needs a shell"},
		{"completion with two shells", []string{"completion", "bash", "zsh"}, `unknown command "zsh"`},
		{"man argument", []string{"man", "page"}, `man: unexpected argument "page"`},
		{"help on an unknown command", []string{"help", "nonsense"}, `unknown command "nonsense"`},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"bad audience", []string{"--for", "boss"}, `--for "boss": use manager, self, consultant`},
		{"bad theme", []string{"--theme", "neon"}, `--theme "neon": use auto, dark, light, high-contrast`},
		{"bad theme before a command", []string{"--theme", "neon", "learn"}, `--theme "neon"`},
		{"flag without value", []string{"--rules"}, "flag needs an argument: --rules"},
		{"command flag without value", []string{"score", "--csv"}, "flag needs an argument: --csv"},
		{"score without input", []string{"score"}, "score needs --answers FILE or --csv FILE"},
		{"score with both", []string{"score", "--answers", "a", "--csv", "b"}, "score takes --answers or --csv, not both"},
		{"answers format", []string{"score", "--answers", "a", "--format", "csv"}, `--format "csv": use text, markdown, json`},
		{"csv format", []string{"score", "--csv", "a", "--format", "json"}, `--format "json": use csv, jsonl`},
		{"summary format", []string{"score", "--csv", "a", "--summary", "--format", "csv"}, `--format "csv": use text, markdown`},
		{"summary with answers", []string{"score", "--answers", "a", "--summary"}, "--summary and --by work with --csv"},
		{"by without summary", []string{"score", "--csv", "a", "--by", "team"}, "--by works with --summary"},
		{"score argument", []string{"score", "--answers", "a", "extra"}, `score: unexpected argument "extra"`},
		{"learn format", []string{"learn", "--format", "html"}, `--format "html"`},
		{"check two files", []string{"check", "a", "b"}, `check: unexpected argument "b"`},
		{"forget argument", []string{"forget", "now"}, `forget: unexpected argument "now"`},
		{"escape in argument", []string{"\x1b[2Jboom"}, `unknown command "\x1b[2Jboom"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			want := "guidepost: " + tt.want
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if r.code != exitUsage || len(lines) != 2 || !strings.HasPrefix(lines[0], want) ||
				lines[1] != "Run 'guidepost --help' for usage." || r.stdout != "" {
				t.Errorf("%q = %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", tt.args, r.code, r.stdout, r.stderr, want)
			}
			assertClean(t, "stderr", r.stderr)
		})
	}
}

// TestContractCommandLine runs every form of CONTRACT §2 through run and
// checks its exit code: each flag and each value it lists is accepted.
func TestContractCommandLine(t *testing.T) {
	testbank.Isolate(t)
	answers, csv, unknown := testdata(t, "self-mentoring.toml"), testdata(t, "batch.csv"), testdata(t, "unknown-option.toml")
	stdin, _ := firstOptions(t, "manager")
	t.Chdir(t.TempDir())
	rules := filepath.Join(t.TempDir(), "rules.toml")
	os.WriteFile(rules, testbank.Rules(t), 0o600)
	tests := []struct {
		stdin string
		args  []string
		code  int
	}{
		{"", nil, exitAborted}, // end of input before an answer
		{stdin, []string{"--for", "manager"}, exitOK},
		{"", []string{"--for", "self"}, exitAborted},
		{"", []string{"--for", "consultant"}, exitAborted},
		{"", []string{"--quick", "--for", "self"}, exitAborted},
		{"", []string{"--accessible", "--for", "self"}, exitAborted},
		{"", []string{"--lean", "--for", "self"}, exitAborted},
		{"", []string{"--theme", "auto"}, exitAborted},
		{"", []string{"--theme", "dark"}, exitAborted},
		{"", []string{"--theme", "light"}, exitAborted},
		{"", []string{"--theme", "high-contrast"}, exitAborted},
		{"", []string{"--resume"}, exitInvalid}, // no draft yet
		{"", []string{"--rules", rules, "check"}, exitOK},
		{"", []string{"--rules", rules, "learn"}, exitOK},
		{"", []string{"--rules", rules, "score", "--answers", answers}, exitOK},
		{"", []string{"check"}, exitOK},
		{"", []string{"check", rules}, exitOK},
		{"", []string{"score", "--answers", answers, "--format", "text"}, exitOK},
		{"", []string{"score", "--answers", answers, "--format", "markdown"}, exitOK},
		{"", []string{"score", "--answers", answers, "--format", "json"}, exitOK},
		{"", []string{"score", "--csv", csv, "--format", "csv"}, exitOK},
		{"", []string{"score", "--csv", csv, "--format", "jsonl"}, exitOK},
		{"", []string{"score", "--csv", csv, "--summary"}, exitOK},
		{"", []string{"learn", "--format", "text"}, exitOK},
		{"", []string{"learn", "--format", "markdown"}, exitOK},
		{"", []string{"--version"}, exitOK},
		{"", []string{"--for", "self", "--quick", "check"}, exitOK}, // the advisor's flags before a command, as always
		{"", []string{"--theme", "high-contrast", "learn"}, exitOK},
		{"", []string{"--theme", "neon"}, exitUsage},
		{"", []string{"score", "--answers", unknown}, exitInvalid},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.stdin, tt.args...)
		if r.code != tt.code {
			t.Errorf("%q = exit %d; want %d\nstderr: %s", tt.args, r.code, tt.code, r.stderr)
		}
		assertClean(t, fmt.Sprintf("%q", tt.args), r.stdout+r.stderr)
	}
}
