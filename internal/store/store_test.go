package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// testBank is the shipped rule set.
func testBank(t *testing.T) *questions.Bank { return testbank.Shipped(t) }

func testResult(t *testing.T, b *questions.Bank) advisor.Explanation {
	return testResultFor(t, b, questions.NoAudience)
}

// testResultFor is a result explained for audience.
func testResultFor(t *testing.T, b *questions.Bank, audience questions.Audience) advisor.Explanation {
	t.Helper()
	ch := b.NewChoices()
	ch[b.Question("need")] = int8(b.Option(b.Question("need"), "networking"))
	return advisor.ExplainAnswers(b, ch, audience)
}

func TestDraftPathFollowsXDG(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	got, err := DraftPath(os.Getenv)
	if want := filepath.Join(dir, "guidepost", "draft.toml"); err != nil || got != want {
		t.Errorf("draftPath(os.Getenv) = %q, %v; want %q", got, err, want)
	}
	t.Setenv("XDG_STATE_HOME", "relative/ignored")
	t.Setenv("HOME", dir)
	got, _ = DraftPath(os.Getenv)
	if want := filepath.Join(dir, ".local", "state", "guidepost", "draft.toml"); got != want {
		t.Errorf("draftPath(os.Getenv) with a relative XDG_STATE_HOME = %q; want %q", got, want)
	}
}

func TestSaveDraftIsPrivateAndAtomic(t *testing.T) {
	b := testBank(t)
	path := filepath.Join(t.TempDir(), "state", "guidepost", "draft.toml")
	ch := b.NewChoices()
	for i := 0; i < 2; i++ {
		ch[i] = 0
		if err := SaveDraft(path, b, "self", ch, time.Now(), nil); err != nil {
			t.Fatal(err)
		}
	}
	if p := testbank.Perm(t, path); p != FileMode {
		t.Errorf("draft mode = %v; want %v", p, os.FileMode(FileMode))
	}
	if p := testbank.Perm(t, filepath.Dir(path)); p != DirMode {
		t.Errorf("draft folder mode = %v; want %v", p, os.FileMode(DirMode))
	}
	if names := testbank.DirNames(t, filepath.Dir(path)); !slices.Equal(names, []string{"draft.toml"}) {
		t.Errorf("draft folder holds %q; want only draft.toml (no temporary files)", names)
	}
	data, _ := os.ReadFile(path)
	if _, got, err := questions.ParseAnswers(b, path, data); err != nil || !slices.Equal(got, ch) {
		t.Errorf("draft reads back as %v, %v; want %v", got, err, ch)
	}
}

func TestSaveDraftNarrowsAnOpenFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "guidepost")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := testBank(t)
	if err := SaveDraft(filepath.Join(dir, "draft.toml"), b, "", b.NewChoices(), time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if p := testbank.Perm(t, dir); p != DirMode {
		t.Errorf("folder mode = %v; want %v", p, os.FileMode(DirMode))
	}
}

func TestWriteAtomicFailureLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "draft.toml")
	// A non-empty folder in the draft's place makes the rename fail.
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(target, []byte("x"), time.Now(), nil); err == nil {
		t.Fatal("writeAtomic over a folder succeeded")
	}
	if names := testbank.DirNames(t, dir); !slices.Equal(names, []string{"draft.toml"}) {
		t.Errorf("folder holds %q after a failed write; want only draft.toml", names)
	}
}

func TestRemoveDraft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "draft.toml")
	if removed, err := RemoveDraft(path); removed || err != nil {
		t.Errorf("removeDraft(missing) = %v, %v; want false, nil", removed, err)
	}
	os.WriteFile(path, []byte("[answers]\n"), 0o600)
	if removed, err := RemoveDraft(path); !removed || err != nil {
		t.Errorf("removeDraft(present) = %v, %v; want true, nil", removed, err)
	}
}

func TestSaveResultNeverOverwrites(t *testing.T) {
	b := testBank(t)
	r := testResult(t, b)
	dir := t.TempDir()
	day := time.Date(2025, 3, 7, 12, 0, 0, 0, time.UTC)
	// Only the JSON of the third name exists: both files move on to -4.
	os.WriteFile(filepath.Join(dir, "guidepost-result-2025-03-07-3.json"), []byte("keep"), 0o600)
	want := [][]string{
		{"guidepost-result-2025-03-07.md", "guidepost-result-2025-03-07.json"},
		{"guidepost-result-2025-03-07-2.md", "guidepost-result-2025-03-07-2.json"},
		{"guidepost-result-2025-03-07-4.md", "guidepost-result-2025-03-07-4.json"},
	}
	for i, w := range want {
		paths, err := SaveResult(dir, day, r)
		if err != nil {
			t.Fatalf("save %d: %v", i+1, err)
		}
		for j := range w {
			if paths[j] != filepath.Join(dir, w[j]) {
				t.Errorf("save %d: path %q; want %q", i+1, paths[j], w[j])
			}
			if p := testbank.Perm(t, paths[j]); p != FileMode {
				t.Errorf("%s: mode %v; want %v", paths[j], p, os.FileMode(FileMode))
			}
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "guidepost-result-2025-03-07-3.json")); string(data) != "keep" {
		t.Error("an existing file was overwritten")
	}
}

func TestSaveResultContents(t *testing.T) {
	b := testBank(t)
	r := testResult(t, b)
	paths, err := SaveResult(t.TempDir(), time.Now(), r)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(paths[0])
	js, _ := os.ReadFile(paths[1])
	if len(md) == 0 || len(js) == 0 || js[0] != '{' {
		t.Errorf("saved files: %d bytes of Markdown, JSON %.20q", len(md), js)
	}
}

func TestSaveResultReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders; see TestCreateAllRemovesPartialFiles")
	}
	b := testBank(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if _, err := SaveResult(dir, time.Now(), testResult(t, b)); err == nil {
		t.Fatal("saving into a read-only folder succeeded")
	}
	if names := testbank.DirNames(t, dir); len(names) != 0 {
		t.Errorf("read-only folder holds %q after a failed save", names)
	}
}

func TestCreateAllRemovesPartialFiles(t *testing.T) {
	dir := t.TempDir()
	// The second file cannot be created: the first must not stay behind.
	paths := []string{filepath.Join(dir, "a.md"), filepath.Join(dir, "missing", "a.json")}
	if err := createAll(paths, [][]byte{[]byte("md"), []byte("{}")}); err == nil {
		t.Fatal("createAll into a missing folder succeeded")
	}
	if names := testbank.DirNames(t, dir); len(names) != 0 {
		t.Errorf("folder holds %q after a failed save", names)
	}
}

func TestDraftsIgnoreSavesAfterEnd(t *testing.T) {
	b := testBank(t)
	d := &Drafts{path: filepath.Join(t.TempDir(), "guidepost", "draft.toml"), bank: b, now: time.Now}
	ch := b.NewChoices()
	ch[0] = 0
	if err := d.Save("self", ch); err != nil {
		t.Fatal(err)
	}
	d.End(func() error { _, err := RemoveDraft(d.path); return err })
	// A save still under way in the UI when the result came in.
	if err := d.Save("self", ch); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.path); err == nil {
		t.Error("a save after the end brought the draft back")
	}
}
