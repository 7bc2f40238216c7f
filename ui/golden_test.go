package ui

import (
	"fmt"
	"testing"
)

// sizes are the windows every screen is drawn at: the comfortable default
// and a small one.
var sizes = []struct{ w, h int }{{80, 24}, {50, 16}}

// TestGolden draws every screen and compares it with its golden file.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		keys []string
	}{
		{"welcome", Config{}, nil},
		{"question-manager", Config{Audience: "manager"}, nil},
		{"question-self", Config{Audience: "self"}, nil},
		{"question-consultant", Config{Audience: "consultant"}, nil},
		{"question-back", Config{Audience: "self"}, []string{"3", "2", "left"}},
		{"question-last", Config{Audience: "self"}, []string{"3", "2", "2"}},
		{"why", Config{Audience: "manager"}, []string{"w"}},
		{"why-short-question", Config{Audience: "manager"}, []string{"1", "w"}},
		{"lean", Config{Audience: "manager", ShowLean: true}, []string{"3", "3"}},
		{"help-full", Config{Audience: "manager"}, []string{"1", "?"}},
		{"review", Config{Audience: "manager"}, []string{"3", "2", "2", "1"}},
		{"result", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "r"}},
		{"result-combined", Config{Audience: "self"}, []string{"6", "3", "2", "2", "r"}},
		{"result-scrolled", Config{Audience: "manager"}, []string{"3", "2", "2", "1", "r", "pgdown"}},
		{"learn", Config{}, []string{"l"}},
		{"notice", Config{Audience: "manager", Notice: "Resumed your draft; 1 answer no longer fits: style."}, nil},
	}
	for _, tc := range cases {
		for _, sz := range sizes {
			name := fmt.Sprintf("%s-%dx%d", tc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := press(start(t, tc.cfg, sz.w, sz.h), tc.keys...)
				golden(t, name, m)
			})
		}
	}
}

// TestGoldenTooSmall is the notice for a window below the minimum.
func TestGoldenTooSmall(t *testing.T) {
	golden(t, "too-small-30x10", start(t, Config{Audience: "self"}, 30, 10))
}
