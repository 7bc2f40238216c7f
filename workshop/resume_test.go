package workshop

import (
	"os"
	"strings"
	"testing"

	"guidepost/questions"
)

func parseBank(data []byte) (*questions.Bank, error) { return questions.Parse("rules.toml", data) }

// TestKillAndResume: participants finish against a server in its own
// process, which is then killed with SIGKILL; every finished participant
// is in the room file, --resume reopens the room with the same code and
// all of them, and the next participant is appended after them.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	b := testBank(t)
	state := t.TempDir()
	srv := startServer(t, state, false)
	for i := 0; i < 3; i++ {
		p := newParticipant(t, srv.url, srv.code)
		if last := p.answerAll(b, firstOption(b)); !strings.HasSuffix(last.path, "/result") {
			t.Fatalf("participant %d ended on %s", i, last.path)
		}
	}
	halfway := newParticipant(t, srv.url, srv.code)
	halfway.start()
	srv.kill()

	rows := roomRows(t, srv.path)
	if len(rows) != 4 {
		t.Fatalf("after the kill the room file has %d lines, want a header and 3 rows", len(rows))
	}
	resumed := startServer(t, state, true)
	if resumed.code != srv.code || resumed.path != srv.path {
		t.Fatalf("resume opened %s %s, want %s %s", resumed.code, resumed.path, srv.code, srv.path)
	}
	p := newParticipant(t, resumed.url, resumed.code)
	p.answerAll(b, func(q int) string { return b.Questions[q].Options[1].ID })
	resumed.kill()
	rows = roomRows(t, srv.path)
	if len(rows) != 5 {
		t.Fatalf("after resuming, %d lines, want a header and 4 rows", len(rows))
	}
	tokens := map[string]bool{}
	for _, r := range rows[1:] {
		tokens[strings.SplitN(r, ",", 2)[0]] = true
	}
	if len(tokens) != 4 {
		t.Errorf("participant ids are not unique: %v", rows)
	}
	room, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	if s := room.Snapshot(); s.Finished != 4 || s.Joined != 4 {
		t.Errorf("resumed room: %+v, want 4 finished", s)
	}
	if err := room.Reveal(); err != nil {
		t.Errorf("a resumed room with 4 finished cannot reveal: %v", err)
	}
}

// TestResumeTornLine: a last line cut short by a crash is dropped, the
// file repaired, and the facilitator told.
func TestResumeTornLine(t *testing.T) {
	b := testBank(t)
	room, state := newTestRoom(t, 3, 10)
	finishOne(t, room, answersOf(t, b, coachingAnswers))
	room.Close()
	f, err := os.OpenFile(room.Path(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("abcdef0123456789,networ")
	f.Close()
	again, notice, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if !strings.Contains(notice, "cut short") || again.Snapshot().Finished != 1 {
		t.Errorf("notice %q, finished %d", notice, again.Snapshot().Finished)
	}
	finishOne(t, again, answersOf(t, b, mentoringAnswers))
	rows := roomRows(t, room.Path())
	if len(rows) != 3 || strings.Contains(strings.Join(rows, "\n"), "networ\n") {
		t.Errorf("repaired file:\n%s", strings.Join(rows, "\n"))
	}
}

// TestResumeErrors: no room, or a file from another rule set, is a clear
// error.
func TestResumeErrors(t *testing.T) {
	b := testBank(t)
	_, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: t.TempDir(), MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err == nil || !strings.Contains(err.Error(), "no room to resume") {
		t.Errorf("no room: %v", err)
	}
	state := t.TempDir()
	os.MkdirAll(state+"/rooms", 0o700)
	os.WriteFile(state+"/rooms/room-2026-01-01-000000-ABCDEF.csv", []byte("id,colour\nx,red\n"), 0o600)
	_, _, err = OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("another rule set: %v", err)
	}
	os.WriteFile(state+"/rooms/room-2026-01-02-000000-ABCDEF.csv", []byte("id,need\nx,flying\n"), 0o600)
	_, _, err = OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err == nil || !strings.Contains(err.Error(), ":2:") || !strings.Contains(err.Error(), "flying") {
		t.Errorf("bad option: %v", err)
	}
}
