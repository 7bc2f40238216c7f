package workshop

// Resuming a room from its files. A server killed with SIGKILL mid-room
// and resumed is e2e's TestKillAndResume (it starts processes).

import (
	"os"
	"strings"
	"testing"
)

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
	j, err := os.OpenFile(journalPath(room.Path()), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	j.WriteString("a,deadbeef,zzq")
	j.Close()
	again, notice, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if !strings.Contains(notice, "cut short") || again.Snapshot().Finished != 1 {
		t.Errorf("notice %q, finished %d", notice, again.Snapshot().Finished)
	}
	finishOne(t, again, answersOf(t, b, mentoringAnswers))
	if data, _ := os.ReadFile(journalPath(room.Path())); strings.Contains(string(data), "zzq") || !strings.HasSuffix(string(data), "\n") {
		t.Errorf("the torn journal line was not cut off:\n%s", data)
	}
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
	room, notice, err := OpenRoom(RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil || !strings.Contains(notice, "line 2") || room.Snapshot().Finished != 0 {
		t.Errorf("a damaged row is left out with a notice: %v %q", err, notice)
	}
	if room != nil {
		room.Close()
	}
}
