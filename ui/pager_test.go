package ui

import (
	"fmt"
	"testing"

	"charm.land/bubbles/v2/viewport"
)

// TestPageIsTheViewportsView: the result and the comparison draw their
// visible lines from a page laid out once per width, which must be exactly
// what the viewport's own View draws, byte for byte, at every position.
func TestPageIsTheViewportsView(t *testing.T) {
	banks := map[string]Config{
		"fixture": {Bank: fixtureBank(t), Audience: "manager"},
		"shipped": {Bank: defaultBank(t), Audience: "self"},
	}
	for name, cfg := range banks {
		for _, theme := range []string{"dark", "light", "high-contrast"} {
			for _, size := range [][2]int{{120, 40}, {80, 24}, {45, 15}} {
				cfg.Theme = theme
				m := start(t, cfg, size[0], size[1])
				for screenOf(m) == questionScreen {
					m = press(m, "2")
				}
				m = press(m, "r")
				at := fmt.Sprintf("%s %s %dx%d", name, theme, size[0], size[1])
				checkPage(t, at+" result", the[result](m).page, the[result](m).vp)
				m = press(m, "l")
				checkPage(t, at+" learn", the[learn](m).page, the[learn](m).vp)
			}
		}
	}
}

func checkPage(t *testing.T, at string, p page, vp viewport.Model) {
	t.Helper()
	if !p.fits {
		t.Fatalf("%s: the page does not fit its width, so the fast path is not tested", at)
	}
	for y := 0; y <= vp.TotalLineCount(); y++ {
		vp.SetYOffset(y)
		if got, want := p.view(vp), vp.View(); got != want {
			t.Fatalf("%s at line %d: the page draws\n%q\nthe viewport\n%q", at, y, got, want)
		}
	}
}
