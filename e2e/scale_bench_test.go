package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// largeRules is the generated rule set of 100 questions with 10 options
// each (questions/large_test.go writes it).
var largeRules = testbank.Path("questions", "testdata", "large", "rules100x10.toml")

// BenchmarkRuleSetScale times the whole guidepost process, exec to exit,
// for check and for score --answers, on the shipped rule set (read from
// rules.toml, the same path as any custom rule set) and on the large
// generated one, alternating the two in the same run so that both see the
// same machine. It reports the medians in ms and their ratio; the goal
// (issue 12) is a ratio of at most 3. With GUIDEPOST_BENCH_OTHER naming an
// older guidepost binary, that one is timed in the same loop too and
// reported as other-default-ms, other-large-ms and other-ratio: a before
// and after measured on the same machine at the same moment.
//
//	go test -run '^$' -bench RuleSetScale -count 6 ./e2e
//	GUIDEPOST_BENCH_OTHER=/tmp/old-guidepost go test -run '^$' -bench RuleSetScale -count 6 ./e2e
func BenchmarkRuleSetScale(b *testing.B) {
	bin := guidepostBin(b)
	dir := b.TempDir()
	answers := func(name string, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			b.Fatal(err)
		}
		return p
	}
	// Every question answered with an option that carries weight, in both
	// rule sets, so that each run scores as much as its rule set asks.
	every := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		bank, err := questions.Parse(path, data)
		if err != nil {
			b.Fatal(err)
		}
		var sb strings.Builder
		sb.WriteString("[answers]\n")
		for qi, q := range bank.Questions {
			fmt.Fprintf(&sb, "%s = %q\n", q.ID, q.Options[qi%(len(q.Options)-1)].ID)
		}
		return answers(filepath.Base(path), sb.String())
	}
	small, big := every(testbank.Path("rules.toml")), every(largeRules)
	other := os.Getenv("GUIDEPOST_BENCH_OTHER")
	for _, c := range []struct {
		name         string
		small, large []string
	}{
		{"check", []string{"check", "--rules", testbank.Path("rules.toml")}, []string{"check", "--rules", largeRules}},
		{"score", []string{"score", "--rules", testbank.Path("rules.toml"), "--answers", small, "--format", "json"},
			[]string{"score", "--rules", largeRules, "--answers", big, "--format", "json"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var ts, tl, tos, tol []time.Duration
			for b.Loop() {
				ts = append(ts, timeRun(b, bin, c.small))
				tl = append(tl, timeRun(b, bin, c.large))
				if other != "" {
					tos = append(tos, timeRun(b, other, c.small))
					tol = append(tol, timeRun(b, other, c.large))
				}
			}
			report(b, "", ts, tl)
			if other != "" {
				report(b, "other-", tos, tol)
			}
		})
	}
}

// report reports the medians of the default and the large runs and their
// ratio, each metric's name starting with prefix.
func report(b *testing.B, prefix string, small, large []time.Duration) {
	ms, ml := median(small), median(large)
	b.ReportMetric(float64(ms.Microseconds())/1000, prefix+"default-ms")
	b.ReportMetric(float64(ml.Microseconds())/1000, prefix+"large-ms")
	b.ReportMetric(float64(ml)/float64(ms), prefix+"ratio")
}

func timeRun(b *testing.B, bin string, args []string) time.Duration {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+b.TempDir(), "NO_COLOR=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("%v: %v\n%s", args, err, out)
	}
	return d
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
