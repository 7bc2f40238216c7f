package batch

import (
	"strings"
	"testing"

	"guidepost/questions"
)

// TestOptionLookup checks that every option of both rule sets is found by
// its id, its id in capitals and its label, whatever idHash does with it.
func TestOptionLookup(t *testing.T) {
	for _, b := range []*questions.Bank{csvBank(t), defaultBank(t)} {
		lookup := buildLookup(b)
		for q, qu := range b.Questions {
			for _, o := range qu.Options {
				for _, cell := range []string{o.ID, strings.ToUpper(o.ID), " " + o.Label + " "} {
					got, ok := lookup[q].find([]byte(cell))
					c := strings.TrimSpace(cell)
					if !ok || !strings.EqualFold(qu.Options[got].ID, c) && !strings.EqualFold(qu.Options[got].Label, c) {
						t.Errorf("%s: find(%q) = %d, %v", qu.ID, cell, got, ok)
					}
				}
			}
			if _, ok := lookup[q].find([]byte("no such option")); ok {
				t.Errorf("%s: found a bad option", qu.ID)
			}
		}
	}
	x := optionIndex{ids: []string{"ab", "ba"}}
	x.slots[idHash("ba")] = -1 // a collision falls back to scanning
	if got, ok := x.find([]byte("ba")); !ok || got != 1 {
		t.Errorf("collision: find(ba) = %d, %v", got, ok)
	}
}
