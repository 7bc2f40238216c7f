package advisor

import "testing"

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
