package questions

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

func loadDefault(t testing.TB) *Bank {
	t.Helper()
	data, err := os.ReadFile("../rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("rules.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEmbeddedRuleSetKeepsTheContract: the shipped rule set has every
// question, option and caution id of CONTRACT §1.
func TestEmbeddedRuleSetKeepsTheContract(t *testing.T) {
	b := loadDefault(t)
	if gaps := ContractGaps(b); len(gaps) > 0 {
		t.Fatalf("the default rule set breaks the contract:\n%s", strings.Join(gaps, "\n"))
	}
	if err := CheckContract(b); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{Coaching, Mentoring, Combined} {
		if b.Outcome(id) < 0 {
			t.Errorf("outcome %q missing", id)
		}
	}
}

// TestContractMatchesTheDoc: the ids this package checks are exactly the
// ones docs/CONTRACT.md §1 lists, so a row added there is checked too.
func TestContractMatchesTheDoc(t *testing.T) {
	doc, err := os.ReadFile("../docs/CONTRACT.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(doc)
	sec = sec[strings.Index(sec, "## 1."):strings.Index(sec, "## 2.")]
	tick := regexp.MustCompile("`([a-z_]+)`")
	var docQs, codeQs, docCautions []string
	docOpts, codeOpts := map[string][]string{}, map[string][]string{}
	inCautions := false
	for _, row := range strings.Split(sec, "\n") {
		if strings.HasPrefix(row, "| caution id") {
			inCautions = true
		}
		cells := strings.Split(row, "|")
		if len(cells) < 3 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		id := tick.FindStringSubmatch(cells[1])[1]
		if inCautions {
			docCautions = append(docCautions, id)
			continue
		}
		docQs = append(docQs, id)
		for _, m := range tick.FindAllStringSubmatch(cells[3], -1) {
			docOpts[id] = append(docOpts[id], m[1])
		}
	}
	for _, c := range contract {
		codeQs = append(codeQs, c.Question)
		codeOpts[c.Question] = c.Options
	}
	if !slices.Equal(docQs, codeQs) {
		t.Errorf("questions: doc %v, code %v", docQs, codeQs)
	}
	for q, opts := range docOpts {
		a, b := slices.Clone(opts), slices.Clone(codeOpts[q])
		sort.Strings(a)
		sort.Strings(b)
		if !slices.Equal(a, b) {
			t.Errorf("options of %s: doc %v, code %v", q, a, b)
		}
	}
	if !slices.Equal(docCautions, contractCautions) {
		t.Errorf("cautions: doc %v, code %v", docCautions, contractCautions)
	}
}

// TestContractGaps: every missing id is one warning naming what stops
// working.
func TestContractGaps(t *testing.T) {
	gaps := ContractGaps(loadFixture(t))
	want := []string{
		`fixture: question "need" has no option "knowledge_sharing" (CONTRACT §1): answer files with need = "knowledge_sharing" and spreadsheet rows with knowledge_sharing in the need column will stop working`,
		`fixture: question "awareness" is missing (CONTRACT §1): answer files that answer awareness and spreadsheets with the column awareness will stop working`,
		`fixture: question "budget" has no option "in_house"`,
		`fixture: caution "line_manager_mentor" is missing (CONTRACT §1): reports will never raise it`,
	}
	all := strings.Join(gaps, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("gaps lack %q:\n%s", w, all)
		}
	}
	// One warning per id: the fixture keeps need, horizon and budget (with
	// 1, 3 and 2 of their contract options) and one of three cautions.
	missing := 0
	for _, c := range contract {
		switch c.Question {
		case "need":
			missing += len(c.Options) - 1 // networking is there
		case "horizon":
			missing += len(c.Options) - 3 // short, long and both are there
		case "budget":
			missing += len(c.Options) - 2 // external and none are there
		default:
			missing++
		}
	}
	missing += len(contractCautions) - 1 // cautions: all but permission_to_switch
	if len(gaps) != missing {
		t.Errorf("%d gaps, want %d:\n%s", len(gaps), missing, all)
	}
	if err := CheckContract(loadFixture(t)); err == nil || strings.Count(err.Error(), "\n")+1 != missing {
		t.Errorf("CheckContract: %v", err)
	}
}
