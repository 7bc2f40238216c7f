package ui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPlanIsCurrent: what Update planned is what planning afresh would
// give, after every step of walks of random keys and window sizes through
// every screen: the keys that work, the header, the footer, and the
// screen's own plan. View draws the plan, so a plan left stale by a key
// would show.
func TestPlanIsCurrent(t *testing.T) {
	keys := []string{"1", "2", "3", "down", "up", "enter", "left", "esc", "w", "pgdown", "pgup", "?", "v", "r", "l", "c", "s", "n", "y", "G", "u"}
	sizes := [][2]int{{80, 24}, {45, 15}, {120, 40}, {30, 10}, {40, 12}, {100, 14}}
	cfgs := map[string]Config{
		"welcome":  {},
		"draft":    draftConfig(t)(""),
		"lean":     {Audience: "self", ShowLean: true, Notice: "Resumed your draft; 1 answer no longer fits: style."},
		"saving":   savingConfig("consultant"),
		"shipped":  {Bank: defaultBank(t), Audience: "manager", Theme: "high-contrast"},
		"no color": {Audience: "manager", NoColor: true, Theme: "auto"},
	}
	for name, cfg := range cfgs {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s %d", name, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 1))
				m := start(t, cfg, 80, 24)
				for step := range 120 {
					what := keys[r.IntN(len(keys))]
					switch r.IntN(12) {
					case 0:
						sz := sizes[r.IntN(len(sizes))]
						m, what = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}), fmt.Sprint(sz)
					case 1:
						m = pressRun(m, what)
					default:
						m = press(m, what)
					}
					checkPlan(t, fmt.Sprintf("step %d (%s) on the %s", step, what, screenOf(m)), m)
				}
			})
		}
	}
}

func checkPlan(t *testing.T, at string, m Model) {
	t.Helper()
	keys := m.keySet()
	switch {
	case snapshot(m.frame.keys) != snapshot(keys):
		t.Fatalf("%s: the keys planned are not the keys that work", at)
	case m.frame.header != m.drawHeader():
		t.Fatalf("%s: the header planned is stale", at)
	case m.frame.footer != m.drawFooter(keys):
		t.Fatalf("%s: the footer planned is stale:\n%s\nwant\n%s", at, m.frame.footer, m.drawFooter(keys))
	case snapshot(m.active) != snapshot(m.active.resize(m.ctx())):
		t.Fatalf("%s: the screen's plan is stale: %s", at, firstDiff(snapshot(m.active), snapshot(m.active.resize(m.ctx()))))
	}
}
