package cli

import (
	"runtime/debug"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// gcPercent reads the collector's percent (SetGCPercent is the only getter).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestLoadGC holds withLoadGC's promise: the collector runs at loadGC while
// a rule set is parsed, the percent found is put back afterwards, and a
// higher percent or GOGC=off is left alone.
func TestLoadGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct{ set, during int }{
		{100, loadGC},
		{50, loadGC},
		{loadGC * 2, loadGC * 2},
		{-1, -1},
	} {
		debug.SetGCPercent(c.set)
		got, err := withLoadGC(func() (int, error) { return gcPercent(), nil })
		if err != nil || got != c.during {
			t.Errorf("GOGC %d: %d while parsing, want %d", c.set, got, c.during)
		}
		if after := gcPercent(); after != c.set {
			t.Errorf("GOGC %d: %d after parsing, want it put back", c.set, after)
		}
	}
	// loadBank parses under it.
	debug.SetGCPercent(100)
	during := 0
	parseRules = func(name string, data []byte) (*questions.Bank, error) {
		during = gcPercent()
		return questions.Parse(name, data)
	}
	defer func() { parseRules = questions.Parse }()
	a := newApp(process{getenv: func(string) string { return "" }, rules: testbank.Rules(t)})
	if _, _, err := a.loadBank(); err != nil {
		t.Fatal(err)
	}
	if after := gcPercent(); during != loadGC || after != 100 {
		t.Errorf("loadBank: GC percent %d while parsing and %d after, want %d and 100", during, after, loadGC)
	}
}
