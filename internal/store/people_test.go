package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// stateEnv is an environment whose state folder is a fresh temp folder.
func stateEnv(t *testing.T) func(string) string {
	dir := t.TempDir()
	return func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
}

// TestTwoPeoplesDraftsCoexist: each person's draft is a file of its own;
// writing one leaves the other and the unnamed draft as they were, and
// the list shows all three with whom and how much.
func TestTwoPeoplesDraftsCoexist(t *testing.T) {
	b := testBank(t)
	env := stateEnv(t)
	sam, _ := PersonDraftPath(env, "Sam Okafor")
	ana, _ := PersonDraftPath(env, "Ana")
	ana2, _ := PersonDraftPath(env, " Ana ")
	anaLower, _ := PersonDraftPath(env, "ana")
	unnamed, _ := DraftPath(env)
	if sam == ana || ana != ana2 || ana == anaLower {
		t.Fatalf("paths: Sam %s, Ana %s, ' Ana ' %s, ana %s; want one per exact name, spaces trimmed", sam, ana, ana2, anaLower)
	}
	d := NewDrafts(unnamed, b, time.Now)
	d.SetHead(sam, "Sam Okafor", true)
	d.SetHead(ana, "Ana", false)
	must(t, d.SaveAt(unnamed, "self", testbank.First(b, 1)))
	must(t, d.SaveAt(sam, "manager", testbank.Answers(t, b, "need=networking")))
	must(t, d.SaveAt(ana, "manager", testbank.First(b, 3)))
	must(t, d.SaveAt(sam, "manager", testbank.Answers(t, b, "need=networking horizon=long")))
	list, err := ListDrafts(env, b)
	if err != nil || len(list) != 3 {
		t.Fatalf("ListDrafts = %d drafts, %v; want 3", len(list), err)
	}
	got := map[string]DraftInfo{}
	for _, x := range list {
		got[x.Person] = x
		if testbank.Perm(t, x.Path) != FileMode {
			t.Errorf("%s has mode %v", x.Path, testbank.Perm(t, x.Path))
		}
	}
	if s := got["Sam Okafor"]; s.Audience != "manager" || !s.Quick || s.Answered != 2 || s.Asked != len(b.Asked(true)) {
		t.Errorf("Sam's draft listed as %+v; want manager, quick, 2 answered of the core questions", s)
	}
	if a := got["Ana"]; a.Answered != 3 || a.Quick {
		t.Errorf("Ana's draft listed as %+v; want 3 answered, full", a)
	}
	if u := got[""]; u.Path != unnamed || u.Audience != "self" || u.Answered != 1 {
		t.Errorf("the unnamed draft listed as %+v", u)
	}
}

// TestSecondWindowDoesNotReplaceTheFirst: window A saves and is told its
// answers are saved; window B, which read the draft before, then saves:
// B's write is refused as a conflict and A's answers stay. At quit B's
// answers are kept apart in a new draft, not lost.
func TestSecondWindowDoesNotReplaceTheFirst(t *testing.T) {
	b := testBank(t)
	env := stateEnv(t)
	path, _ := PersonDraftPath(env, "Sam")
	a := NewDrafts(path, b, time.Now)
	a.SetHead(path, "Sam", false)
	must(t, a.Save("manager", testbank.First(b, 1)))
	w := NewDrafts(path, b, time.Now) // window B opens the same draft
	w.SetHead(path, "Sam", false)
	if _, err := w.Read(path); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Keep("manager", testbank.First(b, 4)); err != nil { // A quits: "Your answers are saved"
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	err := w.Save("manager", testbank.First(b, 2))
	var ce *ConflictError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "changed by another Guidepost") {
		t.Fatalf("B's save over A's = %v; want a conflict", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(saved) {
		t.Fatalf("B's save replaced A's answers:\n%s", now)
	}
	if err := w.Clear(); !errors.As(err, &ce) || !Exists(path) {
		t.Errorf("B's clear of A's draft = %v; want a conflict and the draft kept", err)
	}
	kept, err := w.Keep("manager", testbank.First(b, 2))
	if err != nil || kept == path {
		t.Fatalf("B's quit = %q, %v; want its answers kept apart", kept, err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(saved) {
		t.Errorf("B's quit replaced A's answers")
	}
	data, _ := os.ReadFile(kept)
	d, err := questions.ReadDraftOf(b, kept, data)
	if err != nil || d.Person != "Sam" || d.Choices[b.Asked(false)[1]] != 0 {
		t.Errorf("B's answers apart: %+v, %v", d, err)
	}
	// A run that read nothing does not replace a draft that appeared since.
	fresh := NewDrafts(path, b, time.Now)
	if err := fresh.Save("self", testbank.First(b, 1)); !errors.As(err, &ce) {
		t.Errorf("a save over a draft this run never read = %v; want a conflict", err)
	}
	// The run's own writes follow each other freely.
	must(t, w.SaveAt(kept, "manager", testbank.First(b, 5)))
}

func TestWriteAskLeavesThePersonsQuestionsOpen(t *testing.T) {
	b := testBank(t)
	dir := t.TempDir()
	ch := testbank.First(b, len(b.Asked(false)))
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	p, err := WriteAsk(dir, day, b, "Sam Okafor", true, ch)
	if err != nil || filepath.Base(p) != "guidepost-ask-sam-okafor-2026-12-04.toml" || testbank.Perm(t, p) != FileMode {
		t.Fatalf("WriteAsk = %q, %v", p, err)
	}
	p2, _ := WriteAsk(dir, day, b, "Sam Okafor", true, ch)
	if p2 == p {
		t.Errorf("a second ask file overwrote the first")
	}
	data, _ := os.ReadFile(p)
	a, got, err := questions.ParseAnswers(b, p, data)
	if err != nil || a.Audience != "self" || a.Person != "Sam Okafor" || !a.Quick {
		t.Fatalf("read back %+v, %v", a, err)
	}
	owned := b.PersonOwned()
	for q := range b.Questions {
		isOwned := false
		for _, o := range owned {
			isOwned = isOwned || o == q
		}
		if isOwned != (got[q] == questions.NoAnswer) && ch[q] != questions.NoAnswer {
			t.Errorf("%s: owned by the person %v, answer in the file %d", b.Questions[q].ID, isOwned, got[q])
		}
	}
}

func TestSaveResultNamesPersonAndAudience(t *testing.T) {
	b := testBank(t)
	dir := t.TempDir()
	r := testResultFor(t, b, questions.Manager)
	paths, err := SaveResultOf(dir, "Sam Okafor", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), r)
	if err != nil || filepath.Base(paths[1]) != "guidepost-result-sam-okafor-manager-2026-12-04.json" {
		t.Fatalf("SaveResultOf = %q, %v", paths, err)
	}
	// The files say whom they are about, and the JSON reads back with it.
	md, _ := os.ReadFile(paths[0])
	js, _ := os.ReadFile(paths[1])
	if !strings.Contains(string(md), "**About:** Sam Okafor") || !strings.Contains(string(js), `"person": "Sam Okafor"`) {
		t.Errorf("the saved result does not name Sam:\n%s\n%s", md, js)
	}
	if a, _, err := questions.ParseAnswersFile(b, paths[1], js); err != nil || a.Person != "Sam Okafor" {
		t.Errorf("read back: person %q, %v", a.Person, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
