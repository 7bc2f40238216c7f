package ui

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"guidepost/advisor"
	"guidepost/questions"

	"github.com/charmbracelet/x/ansi"
)

// idRecorder records draft operations by the draft they name.
type idRecorder struct {
	mu  sync.Mutex
	ops []string
}

func (r *idRecorder) save(id string, _ questions.Audience, c questions.Choices) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, fmt.Sprint("save ", id, " ", []int8(c)))
	return nil
}

func (r *idRecorder) remove(id string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, "remove "+id)
	return nil
}

func peopleConfig(rec *idRecorder, b *questions.Bank) Config {
	sam := b.NewChoices()
	sam[0] = 1
	ana := b.NewChoices()
	ana[0], ana[1] = 0, 0
	return Config{Bank: b, DraftID: "new", SaveDraftAt: rec.save, ClearDraftAt: rec.remove, RemoveDraft: rec.remove,
		Drafts: []Draft{
			{ID: "sam", Person: "Sam", Audience: "manager", Choices: sam, Quick: true, Changed: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC)},
			{ID: "ana", Person: "Ana", Audience: "self", Choices: ana},
		}}
}

// TestWelcomeListsDraftsAndContinuesOne: the welcome lists every saved
// draft with whom, how much and when; continuing one writes to it (not to
// the new draft) and keeps its quick mode.
func TestWelcomeListsDraftsAndContinuesOne(t *testing.T) {
	b := fixtureBank(t)
	rec := &idRecorder{}
	m := start(t, peopleConfig(rec, b), 80, 30)
	v := screenText(m)
	for _, want := range []string{"Or continue a draft", "4. Continue: Sam", "5. Continue: Ana"} {
		if !strings.Contains(v, want) {
			t.Errorf("the welcome lacks %q:\n%s", want, v)
		}
	}
	m = press(m, "down", "down", "down")
	if v := screenText(m); !strings.Contains(strings.Join(strings.Fields(v), " "), "1 of 3 questions answered, about someone you manage, last changed 3 Dec 09:30") || !strings.Contains(v, "x remove draft") {
		t.Errorf("Sam's draft is not described:\n%s", v)
	}
	m = press(m, "enter")
	if pos := onQuestion(t, m); pos != 1 || !m.cfg.Quick || len(m.asked) != len(b.Asked(true)) || m.c.audience != "manager" {
		t.Fatalf("continued Sam's quick draft at %d, quick %v, %d asked", pos, m.cfg.Quick, len(m.asked))
	}
	if !strings.Contains(screenText(m), fmt.Sprintf("of %d", len(b.Asked(true)))) {
		t.Errorf("the quick draft is not asked in quick mode:\n%s", screenText(m))
	}
	m = pressRun(m, "1")
	if len(rec.ops) != 1 || !strings.HasPrefix(rec.ops[0], "save sam ") {
		t.Errorf("an answer after continuing Sam's draft: %v; want a save to Sam's draft", rec.ops)
	}
	if e := m.Ending(); e.DraftID != "sam" || e.Person != "Sam" || !e.Quick {
		t.Errorf("ending %+v; want Sam's draft, quick", e)
	}
	// A new start writes the new draft; the listed ones are untouched.
	rec.ops = nil
	m = pressRun(press(start(t, peopleConfig(rec, b), 80, 30), "2"), "1")
	if len(rec.ops) != 1 || !strings.HasPrefix(rec.ops[0], "save new ") {
		t.Errorf("a new start wrote %v; want only the new draft", rec.ops)
	}
}

func TestWelcomeRemovesADraftAfterAsking(t *testing.T) {
	b := fixtureBank(t)
	rec := &idRecorder{}
	m := press(start(t, peopleConfig(rec, b), 80, 30), "down", "down", "down", "down")
	m = press(m, "x")
	if v := screenText(m); !strings.Contains(v, "Remove this draft (Continue: Ana)? y removes it") {
		t.Fatalf("x did not ask:\n%s", v)
	}
	if m2 := press(m, "esc"); strings.Contains(screenText(m2), "Remove this") || len(the[welcome](m2).entries) != 5 {
		t.Errorf("esc did not keep the draft")
	}
	m = pressRun(m, "y")
	v := screenText(m)
	if len(rec.ops) != 1 || rec.ops[0] != "remove ana" || strings.Contains(v, "5. Continue: Ana") || !strings.Contains(v, "✓ Removed (Continue: Ana)") {
		t.Errorf("y: ops %v, screen:\n%s", rec.ops, v)
	}
	if strings.Contains(screenText(press(start(t, peopleConfig(rec, b), 80, 30), "x")), "Remove this") {
		t.Error("x on an audience row asked to remove something")
	}
}

// TestAskThemTooOnAManagersResult: a manager's result offers a; it hands
// the answers, whom they are about and the mode to AskThemToo and names
// the file. Another audience's result does not offer it.
func TestAskThemTooOnAManagersResult(t *testing.T) {
	var got []string
	cfg := Config{Audience: "manager", Person: "Sam", AskThemToo: func(person string, quick bool, c questions.Choices) (string, error) {
		got = append(got, fmt.Sprintf("%s %v %v", person, quick, []int8(c)))
		return "guidepost-ask-sam-2026-12-04.toml", nil
	}}
	m := press(start(t, cfg, 100, 30), "3", "2", "2", "1", "r")
	if !hasKey(m.keySet(), "a") {
		t.Fatalf("a manager's result does not offer a:\n%s", screenText(m))
	}
	m = pressRun(m, "a")
	if len(got) != 1 || !strings.HasPrefix(got[0], "Sam false [2 1 1 0]") {
		t.Errorf("AskThemToo got %v", got)
	}
	if v := screenText(m); !strings.Contains(v, "guidepost --resume") || !strings.Contains(v, "guidepost-ask-sam-2026-12-04.toml") {
		t.Errorf("the file is not named:\n%s", v)
	}
	cfg.Audience = "self"
	if m := press(start(t, cfg, 100, 30), "3", "2", "2", "1", "r"); hasKey(m.keySet(), "a") {
		t.Error("a self-assessment's result offers ask them too")
	}
}

// TestSaveResultAsIsToldWhom: the result saved is the one shown, for the
// person it is about.
func TestSaveResultAsIsToldWhom(t *testing.T) {
	var who string
	var saved advisor.Explanation
	cfg := Config{Audience: "manager", Person: "Sam", SaveResultAs: func(person string, e advisor.Explanation) ([]string, error) {
		who, saved = person+"/"+string(e.Audience), e
		return []string{"x.md", "x.json"}, nil
	}}
	m := press(start(t, cfg, 100, 30), "3", "2", "2", "1", "r")
	pressRun(m, "s")
	if who != "Sam/manager" || !reflect.DeepEqual(saved, *m.res) {
		t.Errorf("SaveResultAs told %q, the result shown: %v", who, reflect.DeepEqual(saved, *m.res))
	}
}

// TestHeaderNamesThePerson: with --person, and after continuing a listed
// draft, the header says whom the answers are about.
func TestHeaderNamesThePerson(t *testing.T) {
	b := fixtureBank(t)
	m := start(t, Config{Bank: b, Audience: "manager", Person: "Priya", DraftID: "new"}, 80, 24)
	if v := m.View().Content; !strings.Contains(ansi.Strip(v), "Guidepost · Priya · about someone you manage") {
		t.Errorf("the header does not name Priya:\n%s", ansi.Strip(v))
	}
	rec := &idRecorder{}
	m = press(start(t, peopleConfig(rec, b), 80, 30), "down", "down", "down", "enter")
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Guidepost · Sam · about someone you manage") {
		t.Errorf("after continuing Sam's draft the header does not name Sam:\n%s", v)
	}
}
