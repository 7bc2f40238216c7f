package workshop

import (
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"guidepost/internal/testroom"
	"guidepost/questions"
)

var (
	bankOnce sync.Once
	bank     *questions.Bank
	bankErr  error
)

// testBank is the shipped rule set.
func testBank(t testing.TB) *questions.Bank {
	t.Helper()
	bankOnce.Do(func() {
		data, err := os.ReadFile("../rules.toml")
		if err != nil {
			bankErr = err
			return
		}
		bank, bankErr = questions.Parse("rules.toml", data)
	})
	if bankErr != nil {
		t.Fatal(bankErr)
	}
	return bank
}

// newTestRoom opens a room in a private state folder.
func newTestRoom(t testing.TB, minGroup, maxParticipants int) (*Room, string) {
	t.Helper()
	state := t.TempDir()
	r, _, err := OpenRoom(RoomConfig{Bank: testBank(t), StateDir: state, MinGroup: minGroup, MaxParticipants: maxParticipants})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r, state
}

// newTestServer serves room with httptest.
func newTestServer(t testing.TB, room *Room) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(NewServer(room).Handler())
	t.Cleanup(ts.Close)
	return ts
}

// The participant client is internal/testroom's, shared with e2e.
type participant = testroom.Participant

var (
	newParticipant = testroom.NewParticipant
	csrf           = testroom.CSRF
)

func firstOption(b *questions.Bank) func(int) string {
	return func(q int) string { return b.Questions[q].Options[0].ID }
}
