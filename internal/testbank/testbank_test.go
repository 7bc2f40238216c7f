package testbank

import (
	"testing"

	"guidepost/questions"
)

// TestHelpers: the shipped and fixture rule sets load from any package, and
// Answers reads pairs however they are split.
func TestHelpers(t *testing.T) {
	b := Shipped(t)
	if len(Rules(t)) == 0 || b.Question("need") < 0 {
		t.Fatal("the shipped rule set is empty or lacks need")
	}
	f := Fixture(t)
	ch := Answers(t, f, "need=networking horizon=long")
	same := Answers(t, f, "need=networking", "horizon=long")
	for i := range ch {
		if ch[i] != same[i] {
			t.Fatalf("answers differ at %d: %v and %v", i, ch, same)
		}
	}
	if ch[f.Question("need")] == questions.NoAnswer || ch[f.Question("horizon")] == questions.NoAnswer {
		t.Fatalf("answers not set: %v", ch)
	}
}
