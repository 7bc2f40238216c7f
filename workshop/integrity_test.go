package workshop

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"guidepost/internal/store"
)

// fullDisk writes half of what it is given, then fails as a full disk does.
func fullDisk(f *os.File, data []byte) (int, error) {
	n, _ := f.Write(data[:len(data)/2])
	return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

// TestFullDisk: a full disk while a participant finishes leaves no partial
// row; the participant and the facilitator are told; the retry lands as
// one whole row, and the rows before are kept.
func TestFullDisk(t *testing.T) {
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 10)
	ts := newTestServer(t, room)
	newParticipant(t, ts.URL, room.Code()).AnswerAll(b, Asked(b, false), firstOption(b))
	p := newParticipant(t, ts.URL, room.Code())
	page := p.Start()
	for _, q := range room.asked {
		page = p.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {b.Questions[q].Options[1].ID}})
	}
	room.file.rf.SetAppend(fullDisk)
	got := p.Post("/"+room.Code()+"/finish", url.Values{"csrf": {csrf(t, page.Body)}})
	if got.Status != 503 || !strings.Contains(got.Body, "out of disk space") {
		t.Fatalf("the participant on a full disk: %d\n%s", got.Status, got.Body)
	}
	if s := room.Snapshot(); !strings.Contains(s.Problem, "disk is full") || s.Finished != 1 {
		t.Errorf("the facilitator on a full disk: %+v", s)
	}
	room.file.rf.SetAppend(func(f *os.File, d []byte) (int, error) { return f.Write(d) })
	if got = p.Post("/"+room.Code()+"/finish", url.Values{"csrf": {csrf(t, got.Body)}}); !strings.HasSuffix(got.Path, "/result") {
		t.Fatalf("the retry: %s %d", got.Path, got.Status)
	}
	rows := roomRows(t, room.Path())
	if len(rows) != 3 {
		t.Fatalf("after the retry, %d lines:\n%s", len(rows), strings.Join(rows, "\n"))
	}
	data, _ := os.ReadFile(room.Path())
	parsed, skipped, err := parseRoom(room.Path(), b, data)
	if err != nil || len(parsed) != 2 || len(skipped) != 0 {
		t.Errorf("the file after the retry: %d rows, skipped %v, %v", len(parsed), skipped, err)
	}
}

// resumeFile writes a room file with content and resumes it.
func resumeFile(t *testing.T, content string) (*Room, string, error) {
	t.Helper()
	state := t.TempDir()
	os.MkdirAll(filepath.Join(state, "rooms"), 0o700)
	path := filepath.Join(state, "rooms", "room-2026-01-01-000000-ABCDEF.csv")
	os.WriteFile(path, []byte(content), 0o600)
	r, notice, err := OpenRoom(RoomConfig{Bank: testBank(t), StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if r != nil {
		t.Cleanup(func() { r.Close() })
	}
	return r, notice, err
}

// TestResumeFileShapes: a last row without its newline is kept; a torn
// last row is dropped; a spreadsheet's byte-order mark is accepted; an
// isolated damaged row is left out with a notice, the rest kept.
func TestResumeFileShapes(t *testing.T) {
	head := "id,need,horizon\n"
	for _, c := range []struct {
		name, content string
		rows          int
		notice        string
	}{
		{"no final newline", head + "a1,networking,long\nb2,performance_dip,short", 2, "kept"},
		{"torn last row", head + "a1,networking,long\nb2,performance_d", 1, "dropped"},
		{"byte-order mark", "\xef\xbb\xbf" + head + "a1,networking,long\n", 1, ""},
		{"damaged row isolated", head + "a1,networking,long\nb2,perfor\nb2,performance_dip,short\n", 2, "line 3"},
	} {
		r, notice, err := resumeFile(t, c.content)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if n := r.Snapshot().Finished; n != c.rows || !strings.Contains(notice, c.notice) {
			t.Errorf("%s: %d rows, notice %q", c.name, n, notice)
		}
		if data, _ := os.ReadFile(r.Path()); !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("%s: the file does not end its last line", c.name)
		}
	}
}

// TestJournalBounded: one session re-answering a question thousands of
// times does not grow the journal past a small size, and the room still
// resumes with its answer.
func TestJournalBounded(t *testing.T) {
	b := testBank(t)
	room, state := newTestRoom(t, 3, 10)
	_, s, _ := room.join()
	q := room.asked[0]
	s.mu.Lock()
	for i := range 20000 {
		room.answer(s, q, i%len(b.Questions[q].Options))
	}
	s.mu.Unlock()
	st, err := os.Stat(journalPath(room.Path()))
	if err != nil || st.Size() > 2*journalSlack {
		t.Fatalf("the journal after 20000 answers: %v bytes, %v", st.Size(), err)
	}
	want := int8(19999 % len(b.Questions[q].Options))
	room.Close()
	again, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if rs := again.sessions[s.key]; rs == nil || rs.choices[q] != want {
		t.Errorf("the resumed session lost its latest answer")
	}
}

// TestRoomLockAndChoice: a second facilitator cannot open a room in use;
// --resume takes a room code or a file, not only the newest.
func TestRoomLockAndChoice(t *testing.T) {
	b := testBank(t)
	state := t.TempDir()
	cfg := RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10}
	old, _, err := OpenRoom(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Now = func() time.Time { return time.Now().Add(time.Hour) }
	newer, _, _ := OpenRoom(cfg)
	newer.Close()
	cfg.Resume, cfg.Which = true, old.Code()
	if _, _, err := OpenRoom(cfg); !errors.Is(err, store.ErrRoomLocked) {
		t.Fatalf("a second facilitator on the room: %v", err)
	}
	old.Close()
	for _, which := range []string{old.Code(), strings.ToLower(old.Code()), old.Path()} {
		cfg.Which = which
		r, _, err := OpenRoom(cfg)
		if err != nil || r.Path() != old.Path() {
			t.Fatalf("--resume %s: %v", which, err)
		}
		r.Close()
	}
	cfg.Which = ""
	if r, _, _ := OpenRoom(cfg); r.Path() != newer.Path() {
		t.Errorf("--resume alone did not take the newest room")
	} else {
		r.Close()
	}
}

// TestSymlinksRefused: a rooms folder or a progress file that is a
// symbolic link is refused with a clear message, its target untouched.
func TestSymlinksRefused(t *testing.T) {
	b := testBank(t)
	state, elsewhere := t.TempDir(), t.TempDir()
	os.Symlink(elsewhere, filepath.Join(state, "rooms"))
	_, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a linked rooms folder: %v", err)
	}
	if names, _ := os.ReadDir(elsewhere); len(names) != 0 {
		t.Errorf("the link's target was written: %v", names)
	}
	room, state2 := newTestRoom(t, 3, 10)
	room.Close()
	target := filepath.Join(elsewhere, "precious")
	os.WriteFile(target, []byte("keep me\n"), 0o644)
	jp := journalPath(room.Path())
	os.Remove(jp)
	os.Symlink(target, jp)
	_, _, err = OpenRoom(RoomConfig{Bank: b, StateDir: state2, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a linked progress file: %v", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "keep me\n" {
		t.Errorf("the link's target changed: %q", data)
	}
}

// TestRowsShuffledOnClose: once the room closes, the room file's rows are
// no longer in finishing order (and are all there, once).
func TestRowsShuffledOnClose(t *testing.T) {
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 100)
	for _, ch := range randomSheets(b, 40, 5) {
		finishOne(t, room, ch)
	}
	before := roomRows(t, room.Path())
	room.Close()
	after := roomRows(t, room.Path())
	if strings.Join(before, "\n") == strings.Join(after, "\n") || len(after) != len(before) {
		t.Fatalf("the rows kept their finishing order (or changed in number)")
	}
	seen := map[string]bool{}
	for _, r := range after {
		seen[r] = true
	}
	for _, r := range before {
		if !seen[r] {
			t.Errorf("row %q lost", r)
		}
	}
	jdata, _ := os.ReadFile(journalPath(room.Path()))
	if bytes.Contains(jdata, []byte("\na,")) {
		t.Errorf("the closed journal still holds finished participants' answers")
	}
}

// TestNoLockOut: a flood of starts is slowed for the whole room and
// counted as turned away; the idle sessions it leaves expire and never
// count toward the cap; a real participant then joins and finishes.
func TestNoLockOut(t *testing.T) {
	b := testBank(t)
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	state := t.TempDir()
	room, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 5, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	ts := newTestServer(t, room)
	started, busy := 0, 0
	for range 400 {
		if _, _, err := room.join(); err == nil {
			started++
		} else if errors.Is(err, ErrBusy) {
			busy++
		}
	}
	s := room.Snapshot()
	if started != startBurst || busy != 400-startBurst || s.TurnedAway != busy || s.Joined != 0 {
		t.Fatalf("flood: %d started, %d busy, snapshot %+v", started, busy, s)
	}
	mu.Lock()
	now = now.Add(idleNew + time.Minute)
	mu.Unlock()
	if s := room.Snapshot(); s.Starting != 0 {
		t.Errorf("%d idle sessions did not expire", s.Starting)
	}
	for i := range 5 {
		if last := newParticipant(t, ts.URL, room.Code()).AnswerAll(b, Asked(b, false), firstOption(b)); !strings.HasSuffix(last.Path, "/result") {
			t.Fatalf("real participant %d after the flood ended on %s", i, last.Path)
		}
	}
}
