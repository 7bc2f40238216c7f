package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
	"guidepost/questions"
)

// recorder records the draft operations in the order they ran.
type recorder struct {
	mu  sync.Mutex
	ops []string
}

func (r *recorder) save(_ questions.Audience, c questions.Choices) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, fmt.Sprint("save ", []int8(c)))
	return nil
}

func (r *recorder) clear() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, "clear")
	return nil
}

func TestStartOverAsksAndClearsTheDraft(t *testing.T) {
	rec := &recorder{}
	cfg := Config{Audience: "manager", SaveDraft: rec.save, ClearDraft: rec.clear}
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(m, "n")
	if screenOf(m) != resultScreen || !strings.Contains(screenText(m), "This result has not been saved") {
		t.Fatalf("n on an unsaved result did not ask:\n%s", screenText(m))
	}
	if m2 := pressRun(m, "esc"); screenOf(m2) != resultScreen || m2.res == nil || m2.confirm {
		t.Error("esc did not keep the result")
	}
	m = pressRun(m, "y")
	if screenOf(m) != questionScreen || m.res != nil || len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Fatalf("y: screen %s, draft ops %v; want the first question and the draft cleared", screenOf(m), rec.ops)
	}
	for q, c := range m.choices {
		if c != questions.NoAnswer {
			t.Errorf("answer %d kept after starting over", q)
		}
	}
}

func TestStartOverAfterSaveAsksNothing(t *testing.T) {
	m := press(start(t, savingConfig("manager"), 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(pressRun(m, "s"), "n")
	if screenOf(m) != questionScreen || m.res != nil {
		t.Errorf("n on a saved result: screen %s; want the first question at once", screenOf(m))
	}
}

// TestDraftQueueOrder: a save asked for before a clear but run after it
// must not bring the old answers back.
func TestDraftQueueOrder(t *testing.T) {
	rec := &recorder{}
	q := &draftQueue{}
	save := q.cmd("save", func() error { return rec.save("", questions.Choices{1}) })
	clear := q.cmd("remove", rec.clear)
	clear()
	if msg := save(); msg != nil {
		t.Errorf("the stale save ran: %v", msg)
	}
	if len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Errorf("ops %v; want only the clear", rec.ops)
	}
}

func TestSecondSaveIsACopy(t *testing.T) {
	saves := 0
	cfg := Config{Audience: "manager", SaveResult: func(advisor.Explanation) ([]string, error) {
		saves++
		n := ""
		if saves > 1 {
			n = fmt.Sprintf("-%d", saves)
		}
		return []string{"r" + n + ".md", "r" + n + ".json"}, nil
	}}
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	m = pressRun(m, "s")
	m = pressRun(m, "s")
	if saves != 1 || !strings.Contains(screenText(m), "Already saved as r.md and r.json. Press s again to save a copy.") {
		t.Fatalf("second s: %d saves, screen:\n%s", saves, screenText(m))
	}
	m = pressRun(m, "s")
	if saves != 2 || !strings.Contains(screenText(m), "Saved a copy (the same result as before): r-2.md, r-2.json") {
		t.Errorf("third s: %d saves, screen:\n%s", saves, screenText(m))
	}
	// A changed answer is a new result: s saves it at once.
	m = press(m, "c", "enter", "1", "r")
	if m = pressRun(m, "s"); saves != 3 || strings.Contains(screenText(m), "copy") {
		t.Errorf("a new result: %d saves, screen:\n%s", saves, screenText(m))
	}
}

func TestSavedResultClearsTheDraft(t *testing.T) {
	rec := &recorder{}
	cfg := savingConfig("manager")
	cfg.ClearDraft = rec.clear
	m := press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	pressRun(m, "s")
	if len(rec.ops) != 1 || rec.ops[0] != "clear" {
		t.Errorf("draft ops after a save: %v; want a clear", rec.ops)
	}
	cfg.SaveResult = func(advisor.Explanation) ([]string, error) {
		return nil, errors.New("disk full")
	}
	rec.ops = nil
	m = press(start(t, cfg, 80, 24), "3", "2", "2", "1", "r")
	if v := screenText(pressRun(m, "s")); len(rec.ops) != 0 || !strings.Contains(v, "✗ Could not save: disk full") {
		t.Errorf("a failed save: draft ops %v, screen:\n%s", rec.ops, v)
	}
}

func TestResumeFromWelcome(t *testing.T) {
	b := fixtureBank(t)
	ch := b.NewChoices()
	ch[0], ch[1] = 2, 1
	d := &Draft{Audience: "consultant", Choices: ch, Notice: "Resumed the draft d.toml."}
	m := start(t, Config{Draft: d}, 80, 24)
	if v := screenText(m); !strings.Contains(v, "4. Continue your saved draft") {
		t.Fatalf("the welcome does not offer the draft:\n%s", v)
	}
	m = press(m, "down", "down", "down")
	if v := screenText(m); !strings.Contains(v, "2 of 4 questions answered, for a workshop") {
		t.Errorf("the draft is not described:\n%s", v)
	}
	m = press(m, "enter")
	if pos := onQuestion(t, m); pos != 2 || m.c.audience != "consultant" || m.choices[0] != 2 || m.choices[1] != 1 {
		t.Errorf("resumed on %d as %q with %v", pos, m.c.audience, m.choices)
	}
	if !strings.Contains(screenText(m), "Resumed the draft d.toml.") {
		t.Error("the draft's notice is not shown")
	}
	// --for wins; a fresh start keeps nothing of the draft.
	m = press(start(t, Config{Audience: "self", Draft: d}, 80, 24), "1")
	if pos := onQuestion(t, m); pos != 0 || m.c.audience != "self" || m.choices[0] != questions.NoAnswer {
		t.Errorf("start afresh: on %d as %q with %v", pos, m.c.audience, m.choices)
	}
	m = press(start(t, Config{Audience: "self", Draft: d}, 80, 24), "2")
	if m.c.audience != "self" || m.choices[0] != 2 {
		t.Errorf("--for self and the draft: audience %q, answers %v", m.c.audience, m.choices)
	}
}

// TestDraftQueuePaste: saves of answers given in quick succession (a
// paste) may be run in any order by Bubble Tea; a save older than one
// already written is skipped, so the draft always ends with the latest
// answers (README, "What is kept when a run is interrupted").
func TestDraftQueuePaste(t *testing.T) {
	rec := &recorder{}
	q := &draftQueue{}
	var saves []tea.Cmd
	for i := range 3 {
		c := questions.Choices{int8(i)}
		saves = append(saves, q.cmd("save", func() error { return rec.save("", c) }))
	}
	saves[2]()
	saves[0]()
	saves[1]()
	if want := []string{"save [2]"}; fmt.Sprint(rec.ops) != fmt.Sprint(want) {
		t.Errorf("ops %v; want %v: an older save overwrote a newer one", rec.ops, want)
	}
}
