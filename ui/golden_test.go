package ui

import (
	"fmt"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

// sizes are the windows every screen is drawn at: the comfortable default
// and a small one.
var sizes = []struct{ w, h int }{{80, 24}, {45, 15}}

// themes are the looks every golden view is drawn in. The golden files are
// ANSI-stripped, so one file serves every theme: a theme that moves or
// loses text fails against it.
var themes = []struct {
	theme   string
	noColor bool
}{{"dark", false}, {"light", false}, {"high-contrast", false}, {"auto", true}}

// goldenCase is a screen reached by keys from a configuration.
type goldenCase struct {
	name     string
	audience questions.Audience
	cfg      func(audience questions.Audience) Config
	keys     []string // pressed with their picks' ticks delivered
	held     string   // a last key whose pick stays on show
	run      []string // then pressed with their commands run
}

// model reaches the case's screen in a w×h window in theme th.
func (tc goldenCase) model(t *testing.T, th string, noColor bool, w, h int) Model {
	cfg := tc.cfg(tc.audience)
	cfg.Theme, cfg.NoColor = th, noColor
	m := press(start(t, cfg, w, h), tc.keys...)
	if tc.held != "" {
		m = pressHeld(m, tc.held)
	}
	for _, k := range tc.run {
		m = pressRun(m, k)
	}
	return m
}

func withAudience(a questions.Audience) Config { return Config{Audience: a} }

func savingConfig(a questions.Audience) Config {
	return Config{Audience: a, SaveResult: func(advisor.Explanation) ([]string, error) {
		return []string{"guidepost-result-2026-12-01.md", "guidepost-result-2026-12-01.json"}, nil
	}}
}

// draftConfig offers a draft with two answers on the welcome screen.
func draftConfig(t *testing.T) func(questions.Audience) Config {
	return func(a questions.Audience) Config {
		ch := fixtureBank(t).NewChoices()
		ch[0], ch[1] = 2, 1
		return Config{Audience: a, Draft: &Draft{Audience: "manager", Choices: ch}}
	}
}

var answered = []string{"3", "2", "2", "1"}

// goldenCases is every screen TestGolden draws: most for each audience.
func goldenCases(t *testing.T) []goldenCase {
	after := func(k ...string) []string { return append(append([]string(nil), answered...), k...) }
	perAudience := []goldenCase{
		{name: "welcome-draft", cfg: draftConfig(t)},
		{name: "question", cfg: withAudience},
		{name: "question-why", cfg: withAudience, keys: []string{"w"}},
		{name: "question-why-scrolled", cfg: withAudience, keys: []string{"w", "pgdown"}},
		{name: "question-why-short", cfg: withAudience, keys: []string{"1", "w"}},
		{name: "question-picked", cfg: withAudience, held: "3"},
		{name: "question-back", cfg: withAudience, keys: []string{"3", "2", "left"}},
		{name: "question-last", cfg: withAudience, keys: []string{"3", "2", "2"}},
		{name: "help-full", cfg: withAudience, keys: []string{"1", "?"}},
		{name: "lean", cfg: func(a questions.Audience) Config { return Config{Audience: a, ShowLean: true} }, keys: []string{"3", "3"}},
		{name: "review", cfg: withAudience, keys: answered},
		{name: "result", cfg: withAudience, keys: after("r")},
		{name: "result-end", cfg: withAudience, keys: after("r", "G")},
		{name: "result-restart", cfg: withAudience, keys: after("r", "n")},
		{name: "result-saved-twice", cfg: savingConfig, keys: after("r"), run: []string{"s", "s"}},
	}
	var cases []goldenCase
	for _, a := range questions.Audiences {
		for _, tc := range perAudience {
			tc.name += "-" + a.String()
			tc.audience = a
			cases = append(cases, tc)
		}
	}
	return append(cases,
		goldenCase{name: "welcome", cfg: withAudience},
		goldenCase{name: "welcome-draft", cfg: draftConfig(t)},
		goldenCase{name: "learn", cfg: withAudience, keys: []string{"l"}},
		goldenCase{name: "notice", cfg: func(questions.Audience) Config {
			return Config{Audience: "manager", Notice: "Resumed your draft; 1 answer no longer fits: style."}
		}},
	)
}

// TestGolden draws every screen for each audience, at each size, in each
// theme, and compares it with its golden file.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases(t) {
		runGolden(t, tc)
	}
}

func runGolden(t *testing.T, tc goldenCase) {
	for _, sz := range sizes {
		name := fmt.Sprintf("%s-%dx%d", tc.name, sz.w, sz.h)
		t.Run(name, func(t *testing.T) {
			var first string
			for _, th := range themes {
				m := tc.model(t, th.theme, th.noColor, sz.w, sz.h)
				if first == "" {
					first = screenText(m)
					golden(t, name, m)
				} else if got := screenText(m); got != first {
					t.Errorf("theme %s draws other text than %s:\n%s", th.theme, themes[0].theme, got)
				}
				checkFits(t, m, sz.w, sz.h)
			}
		})
	}
}

// TestGoldenTooSmall is the notice for a window below the minimum.
func TestGoldenTooSmall(t *testing.T) {
	golden(t, "too-small-30x10", start(t, Config{Audience: "self"}, 30, 10))
}
