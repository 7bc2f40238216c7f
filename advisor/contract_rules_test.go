package advisor

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDefaultRulesKeepContractIDs reads the tables of CONTRACT §1 and checks
// that the shipped rule set has every question, option and caution id they
// list, including the ones added after questions.Contract was written.
func TestDefaultRulesKeepContractIDs(t *testing.T) {
	doc, err := os.ReadFile("../docs/CONTRACT.md")
	if err != nil {
		t.Fatal(err)
	}
	sec, _, _ := strings.Cut(string(doc), "\n## 2.")
	b := load(t, "../rules.toml")
	tick := regexp.MustCompile("`([a-z_]+)`")
	questionsSeen, cautionsSeen := 0, 0
	for _, line := range strings.Split(sec, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		id := strings.Trim(strings.TrimSpace(cells[1]), "`")
		switch len(cells) {
		case 6: // | id | asks about | options | seeds |
			q := b.Question(id)
			if q < 0 {
				t.Errorf("question %s is in CONTRACT §1 but not in rules.toml", id)
				continue
			}
			questionsSeen++
			for _, m := range tick.FindAllStringSubmatch(cells[3], -1) {
				if b.Option(q, m[1]) < 0 {
					t.Errorf("option %s.%s is in CONTRACT §1 but not in rules.toml", id, m[1])
				}
			}
		case 4: // | caution id | when |
			cautionsSeen++
			if !b.HasCaution(id) {
				t.Errorf("caution %s is in CONTRACT §1 but not in rules.toml", id)
			}
		}
	}
	if questionsSeen < 16 || cautionsSeen < 3 {
		t.Fatalf("read %d questions and %d cautions from CONTRACT §1: the tables changed shape", questionsSeen, cautionsSeen)
	}
}

// TestWellbeingAskedEarly: CONTRACT §1 promises that wellbeing is asked
// right after the main need, and in --quick.
func TestWellbeingAskedEarly(t *testing.T) {
	b := load(t, "../rules.toml")
	need, wb := b.Question("need"), b.Question("wellbeing")
	if need < 0 || wb != need+1 {
		t.Errorf("wellbeing is question %d, need %d: ask wellbeing right after need", wb, need)
	}
	if wb >= 0 && !b.Questions[wb].Core {
		t.Error("wellbeing is not core: --quick would never ask it")
	}
}
