//go:build unix

package e2e

// End-to-end tests of the screens: start over, resume from the welcome
// screen, closing the terminal on the result, the high-contrast ground,
// and accessible mode's streams and ctrl+c. They use the private tmux
// servers of tmux_test.go.

import (
	"fmt"
	"guidepost/internal/testbank"
	"regexp"
	"strings"
	"testing"
)

// Markers of the screens these tests visit.
const (
	markUnsaved   = "This result has not been saved" // start over asks first
	markContinue  = "Continue your saved draft"      // the welcome offers the draft
	keyContinue   = "4"                              // its entry, after the three audiences
	markWelcome   = "Who is this about?"
	markAccPrompt = "Choose 1-"
	markResult    = "Confidence in this call" // on the result screen, under the headline
)

// sgrSeq matches an SGR sequence.
var sgrSeq = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// everyCellOnBackground follows the SGR sequences of a capture-pane -e
// (which sends one only where the attributes change, so a background set
// on line 1 carries on) and reports whether every cell it prints has a
// background colour set; if not, the first line that breaks it.
func everyCellOnBackground(s string) (line int, ok bool) {
	bg := false
	for i, l := range strings.Split(s, "\n") {
		for l != "" {
			loc := sgrSeq.FindStringIndex(l)
			text := l
			if loc != nil {
				text = l[:loc[0]]
			}
			if text != "" && !bg {
				return i + 1, false
			}
			if loc == nil {
				break
			}
			bg = sgrBackgroundAfter(l[loc[0]+2:loc[1]-1], bg)
			l = l[loc[1]:]
		}
	}
	return 0, true
}

// sgrBackgroundAfter is whether a background colour is set after the SGR
// parameters params, given whether one was before.
func sgrBackgroundAfter(params string, bg bool) bool {
	toks := strings.Split(params, ";")
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; {
		case t == "" || t == "0" || t == "49":
			bg = false
		case t == "38":
			if i+1 < len(toks) && toks[i+1] == "5" {
				i += 2
			} else {
				i += 4
			}
		case t == "48" || strings.HasPrefix(t, "48:"), len(t) == 2 && t[0] == '4' && t[1] <= '7', len(t) == 3 && strings.HasPrefix(t, "10"):
			bg = true
			if t == "48" && i+1 < len(toks) && toks[i+1] == "5" {
				i += 2
			} else if t == "48" {
				i += 4
			}
		}
	}
	return bg
}

// toResult answers every question with option 1 and opens the result.
func (tm *pane) toResult(n int) {
	tm.t.Helper()
	tm.answer(1, n, n)
	tm.waitFor(markReview)
	tm.keys(keyResult)
	tm.waitFor(markResult)
}

func TestE2EStartOver(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.start("--for", "manager")
	tm.toResult(n)
	// Each answer's save (a write, a sync and a rename) runs after the
	// screen has moved on, so the last one may still be on its way.
	tm.waitUntil("all answers kept in the draft on the result", func(string) bool { return tm.draftAnswers(b) == n })
	tm.keys("n")
	tm.waitFor(markUnsaved)
	tm.keys("Escape")
	tm.waitUntil("the result kept", func(s string) bool { return !strings.Contains(s, markUnsaved) })
	tm.keys("n")
	tm.waitFor(markUnsaved)
	tm.keys("y")
	tm.waitFor(fmt.Sprintf(markQuestion, 1, n))
	tm.waitUntil("the draft removed", func(string) bool { return tm.draftAnswers(b) == -1 })
	tm.keys("2")
	tm.waitFor(fmt.Sprintf(markQuestion, 2, n))
	tm.waitUntil("a new draft of one answer", func(string) bool { return tm.draftAnswers(b) == 1 })
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Errorf("ctrl+c: exit code %d; want 130", code)
	}
	if got := tm.draftAnswers(b); got != 1 {
		t.Errorf("after starting over and one answer the draft holds %d answers; want 1", got)
	}
}

// TestE2EResumeFromWelcome: ctrl+c keeps the draft and the next run offers
// it on the welcome screen; closing the terminal on the result screen
// keeps every answer, and continuing the draft goes straight to the review.
func TestE2EResumeFromWelcome(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.start("--for", "self")
	tm.answer(1, 3, n)
	tm.waitFor(fmt.Sprintf(markQuestion, 4, n))
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Fatalf("ctrl+c: exit code %d; want 130", code)
	}
	tm.start()
	s := tm.waitFor(markContinue)
	if !strings.Contains(s, markWelcome) {
		t.Errorf("the draft is not offered beside the audiences:\n%s", s)
	}
	tm.keys(keyContinue)
	s = tm.waitFor(fmt.Sprintf(markQuestion, 4, n))
	if !strings.Contains(s, "about yourself") {
		t.Errorf("the draft's audience is not used:\n%s", s)
	}
	tm.answer(4, n, n)
	tm.waitFor(markReview)
	tm.keys(keyResult)
	tm.waitFor(markResult)
	tm.start() // closes the terminal under the result screen
	tm.waitFor(markContinue)
	if got := tm.draftAnswers(b); got != n {
		t.Fatalf("after closing the terminal on the result the draft holds %d answers; want %d", got, n)
	}
	tm.keys(keyContinue)
	tm.waitFor(markReview)
	tm.keys(keyResult)
	tm.waitFor(markResult)
	tm.keys(keySave)
	tm.waitForFiles("guidepost-result-*", 2)
	tm.waitUntil("the draft removed once the result is saved", func(string) bool { return tm.draftAnswers(b) == -1 })
	tm.keys("q")
	if code := tm.exitCode(); code != exitOK {
		t.Errorf("q on the result: exit code %d; want 0", code)
	}
	if s := tm.screen("-S", "-"); !strings.Contains(s, markReport) || !strings.Contains(strings.Join(strings.Fields(s), " "), expectedHeadline(b, "self", testbank.First(b, n))) {
		t.Errorf("the report is not in the scrollback:\n%s", s)
	}
}

func TestE2EHighContrastGround(t *testing.T) {
	tm := newPane(t, false)
	_, n := e2eBank(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {45, 15}} {
		tm.run("resize-window", "-t", tm.name, "-x", fmt.Sprint(sz.w), "-y", fmt.Sprint(sz.h))
		tm.start("--theme", "high-contrast", "--for", "consultant")
		tm.waitFor(fmt.Sprintf(markQuestion, 1, n))
		tm.keys("w")
		tm.waitFor("Why we ask this")
		s := strings.TrimRight(tm.screen("-e"), "\n")
		if ls := strings.Split(s, "\n"); len(ls) != sz.h {
			t.Errorf("%dx%d: %d lines captured", sz.w, sz.h, len(ls))
		}
		if line, ok := everyCellOnBackground(s); !ok {
			t.Errorf("%dx%d: line %d shows the terminal's own background:\n%q", sz.w, sz.h, line, s)
		}
		tm.keys("C-c")
		tm.exitCode()
	}
}

// TestE2EAccessibleCtrlC: ctrl+c at an accessible prompt says what the TUI
// says (the draft and --resume) and exits 130.
func TestE2EAccessibleCtrlC(t *testing.T) {
	tm := newPane(t, true)
	_, n := e2eBank(t)
	tm.start("--accessible", "--for", "manager")
	tm.waitFor(markAccPrompt)
	tm.keys("1", "Enter")
	tm.waitFor(fmt.Sprintf(markQuestion, 2, n))
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Errorf("ctrl+c: exit code %d; want 130", code)
	}
	if s := tm.screen("-S", "-"); !strings.Contains(s, markQuitSaved) {
		t.Errorf("no word on the draft after ctrl+c; the screen:\n%s", s)
	}
}
