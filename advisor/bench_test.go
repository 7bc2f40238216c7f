package advisor

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"guidepost/questions"
)

func benchChoices(b *testing.B) (*questions.Bank, questions.Choices) {
	bank := load(b, "../rules.toml")
	sc := loadScenarios(b)[0]
	return bank, scenarioChoices(b, bank, sc)
}

// BenchmarkDecide is the batch path: one answer set, no allocations.
func BenchmarkDecide(b *testing.B) {
	bank, ch := benchChoices(b)
	b.ReportAllocs()
	for b.Loop() {
		Decide(bank, ch)
	}
}

// BenchmarkEvaluate is a full result with reasons and would_change.
func BenchmarkEvaluate(b *testing.B) {
	bank, ch := benchChoices(b)
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(bank, ch)
	}
}

// BenchmarkLoadDefault parses, validates and checks the default rule set,
// as every start does.
func BenchmarkLoadDefault(b *testing.B) {
	data, err := os.ReadFile("../rules.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		bank, err := questions.Parse("rules.toml", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Check(bank); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad100 does the same for a generated rule set of 100 questions
// with five options each and 20 rules.
func BenchmarkLoad100(b *testing.B) {
	data := generated(100, 20)
	b.ReportAllocs()
	for b.Loop() {
		bank, err := questions.Parse("generated.toml", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Check(bank); err != nil {
			b.Fatal(err)
		}
	}
}

// generated writes a valid rule set of n questions and r rules.
func generated(n, r int) []byte {
	base, _ := os.ReadFile("../questions/testdata/valid/fixture.toml")
	s := string(base)
	s = s[:strings.Index(s, "[[question]]")]
	var sb strings.Builder
	sb.WriteString(s)
	for q := 0; q < n; q++ {
		fmt.Fprintf(&sb, "[[question]]\nid = \"q%d\"\ntopic = \"Topic %d\"\ncore = %v\nkind = \"need\"\n", q, q, q < 6)
		fmt.Fprintf(&sb, "prompt.manager = \"Question %d?\"\nprompt.self = \"Question %d?\"\nprompt.consultant = \"Question %d?\"\n", q, q, q)
		sb.WriteString("why = \"Because.\"\nsources = [\"src_a\"]\n")
		for o, w := range []string{"coaching = 1", "mentoring = 1", "coaching = 0.5, mentoring = 0.5", "coaching = 1.5"} {
			fmt.Fprintf(&sb, "[[question.option]]\nid = \"o%d\"\nlabel = \"Option %d\"\ndescription = \"Option %d.\"\nweights = { %s }\nrationale = \"Why.\"\nsources = [\"src_b\"]\n", o, o, o, w)
		}
		sb.WriteString("[[question.option]]\nid = \"unsure\"\nlabel = \"Not sure\"\ndescription = \"Skip.\"\n\n")
	}
	for i := 0; i < r; i++ {
		fmt.Fprintf(&sb, "[[rule]]\nid = \"r%d\"\nwhen.all = [ { question = \"q%d\", in = [\"o2\"] } ]\nadd = { coaching = 0.5, mentoring = 0.5 }\nreason = \"Both.\"\nsources = [\"src_a\"]\n", i, i%5)
	}
	sb.WriteString("[[caution]]\nid = \"permission_to_switch\"\nwhen.recommendation = [\"combined\"]\ntext = \"Agree first.\"\nsources = [\"src_a\"]\n")
	return []byte(sb.String())
}

func TestGeneratedBankLoads(t *testing.T) {
	bank, err := questions.Parse("generated.toml", generated(100, 20))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Check(bank); err != nil {
		t.Fatal(err)
	}
}
