package advisor

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// randomBank writes a small valid rule set with random weights, decision
// parameters and rules.
func randomBank(t *testing.T, r *rand.Rand) *questions.Bank {
	t.Helper()
	base, err := os.ReadFile("../questions/testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(base)
	s = s[:strings.Index(s, "[[question]]")]
	s = strings.Replace(s, "margin = 2\ncombined_floor = 4\ncombined_balance = 0.5",
		fmt.Sprintf("margin = %g\ncombined_floor = %g\ncombined_balance = %g", float64(1+r.IntN(6))/2, float64(r.IntN(12))/2, float64(r.IntN(11))/10), 1)
	var sb strings.Builder
	sb.WriteString(s)
	nq := 1 + r.IntN(5)
	nopts := make([]int, nq)
	for q := range nq {
		fmt.Fprintf(&sb, "[[question]]\nid = \"q%d\"\ntopic = \"T\"\ncore = true\nkind = \"need\"\nprompt.manager = \"Q?\"\nprompt.self = \"Q?\"\nprompt.consultant = \"Q?\"\nwhy = \"W.\"\nsources = [\"src_a\"]\n", q)
		nopts[q] = 1 + r.IntN(4)
		for o := range nopts[q] {
			fmt.Fprintf(&sb, "[[question.option]]\nid = \"o%d\"\nlabel = \"L%d\"\ndescription = \"D.\"\nweights = { coaching = %g, mentoring = %g }\nrationale = \"R.\"\nsources = [\"src_a\"]\n",
				o, o, float64(r.IntN(21)-10)/2, float64(r.IntN(21)-10)/2)
		}
		sb.WriteString("[[question.option]]\nid = \"unsure\"\nlabel = \"Not sure\"\ndescription = \"D.\"\n")
	}
	for i := range r.IntN(3) {
		q := r.IntN(nq)
		fmt.Fprintf(&sb, "[[rule]]\nid = \"r%d\"\nwhen.all = [ { question = \"q%d\", in = [\"o%d\"] } ]\nadd = { coaching = %g, mentoring = %g }\nreason = \"R.\"\nsources = [\"src_a\"]\n",
			i, q, r.IntN(nopts[q]), float64(r.IntN(11)-5)/2, float64(1+r.IntN(5))/2)
	}
	b, err := questions.Parse("random.toml", []byte(sb.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, sb.String())
	}
	return b
}

// bruteReachable decides every answer set.
func bruteReachable(b *questions.Bank) []bool {
	reached := make([]bool, len(b.Outcomes))
	ch := b.NewChoices()
	var walk func(q int)
	walk = func(q int) {
		if q == len(b.Questions) {
			o, _ := decide(b, scoreOf(b, ch))
			reached[o] = true
			return
		}
		for o := range b.Questions[q].Options {
			ch[q] = int8(o)
			walk(q + 1)
		}
	}
	walk(0)
	return reached
}

// TestReachableIsExact: on random rule sets, both passes of reachable agree
// with deciding every answer set, and the fast pass never claims an outcome
// no answer set reaches.
func TestReachableIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	fastMissed := 0
	for i := range 200 {
		b := randomBank(t, r)
		want := bruteReachable(b)
		got, complete := reachable(b)
		if !complete || !slices.Equal(got, want) {
			t.Fatalf("bank %d: reachable = %v (complete %v), want %v", i, got, complete, want)
		}
		ex, complete := exhaustive(b, make([]bool, len(b.Outcomes)))
		if !complete || !slices.Equal(ex, want) {
			t.Fatalf("bank %d: exhaustive = %v, want %v", i, ex, want)
		}
		fast := fastReached(b)
		for o := range fast {
			if fast[o] && !want[o] {
				t.Fatalf("bank %d: fast pass claims outcome %d", i, o)
			}
			if want[o] && !fast[o] {
				fastMissed++
			}
		}
	}
	t.Logf("the fast pass left %d reachable outcomes to the exact one", fastMissed)
}

// fastReached is reachable's first pass alone.
func fastReached(b *questions.Bank) []bool {
	saved := b.Questions
	defer func() { b.Questions = saved }()
	reached := make([]bool, len(b.Outcomes))
	ch := b.NewChoices()
	mark := func() { o, _ := decide(b, scoreOf(b, ch)); reached[o] = true }
	mark()
	for _, dir := range directions {
		for q := range b.Questions {
			ch[q] = int8(bestOption(&b.Questions[q], dir))
		}
		mark()
	}
	balanced(b, ch)
	mark()
	return reached
}

// TestReachableFastOnShippedAndLarge: the default and the large generated
// rule set are settled by the linear pass alone.
func TestReachableFastOnShippedAndLarge(t *testing.T) {
	for _, p := range []string{"../rules.toml", "../questions/testdata/large/rules100x10.toml"} {
		b := load(t, p)
		if got := fastReached(b); slices.Contains(got, false) {
			t.Errorf("%s: the fast pass reaches only %v", p, got)
		}
	}
}
