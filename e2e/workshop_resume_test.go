//go:build unix

package e2e

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"guidepost/questions"
	"guidepost/workshop"
)

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
	var done []*participant
	for i := 0; i < 3; i++ {
		p := newParticipant(t, srv.url, srv.code)
		if last := p.AnswerAll(b, workshop.Asked(b, false), firstOption(b)); !strings.HasSuffix(last.Path, "/result") {
			t.Fatalf("participant %d ended on %s", i, last.Path)
		}
		done = append(done, p)
	}
	// One participant is half-way: three questions answered.
	asked := workshop.Asked(b, false)
	halfway := newParticipant(t, srv.url, srv.code)
	page := halfway.Start()
	second := func(q int) string { return b.Questions[q].Options[1].ID }
	for n := 1; n <= 3; n++ {
		page = halfway.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {second(asked[n-1])}, "go": {"next"}})
	}
	srv.kill()

	rows := roomRows(t, srv.path)
	if len(rows) != 4 {
		t.Fatalf("after the kill the room file has %d lines, want a header and 3 rows", len(rows))
	}
	resumed := startServer(t, state, true)
	if resumed.code != srv.code || resumed.path != srv.path {
		t.Fatalf("resume opened %s %s, want %s %s", resumed.code, resumed.path, srv.code, srv.path)
	}
	// The phones keep their cookies (a cookie ignores the port): a
	// finished one sees its result, the half-way one continues at
	// question 4 with its answers kept, and the page it had still posts.
	done[0].MoveTo(resumed.url)
	if got := done[0].Get("/" + resumed.code); !strings.HasSuffix(got.Path, "/result") {
		t.Errorf("a finished participant's phone after the resume: %s", got.Path)
	}
	halfway.MoveTo(resumed.url)
	if got := halfway.Get("/" + resumed.code); got.Path != "/"+resumed.code+"/q/4" {
		t.Fatalf("the half-way participant resumed at %s, want question 4", got.Path)
	}
	if got := halfway.Get("/" + resumed.code + "/q/2"); !strings.Contains(got.Body, `value="`+second(asked[1])+`" checked`) {
		t.Error("the half-way participant's answer to question 2 was lost")
	}
	page = halfway.Post("/"+resumed.code+"/q/4", url.Values{"csrf": {csrf(t, page.Body)}, "option": {second(asked[3])}, "go": {"next"}})
	for n := 5; n <= len(asked); n++ {
		if page.Status != 200 {
			t.Fatalf("question %d after the resume: %d %s", n, page.Status, page.Body)
		}
		page = halfway.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {second(asked[n-1])}, "go": {"next"}})
	}
	page = halfway.Finish(page)
	if !strings.HasSuffix(page.Path, "/result") {
		t.Fatalf("the half-way participant ended on %s", page.Path)
	}
	p := newParticipant(t, resumed.url, resumed.code)
	p.AnswerAll(b, workshop.Asked(b, false), second)
	resumed.kill()
	rows = roomRows(t, srv.path)
	if len(rows) != 6 {
		t.Fatalf("after resuming, %d lines, want a header and 5 rows", len(rows))
	}
	tokens := map[string]bool{}
	for _, r := range rows[1:] {
		tokens[strings.SplitN(r, ",", 2)[0]] = true
	}
	if len(tokens) != 5 {
		t.Errorf("participant ids are not unique: %v", rows)
	}
	if want := strings.Join(append([]string{""}, ids(b, second)...), ","); !strings.HasSuffix(rows[4], want) {
		t.Errorf("the half-way participant's row %q, want its answers %q", rows[4], want)
	}
	room, _, err := workshop.OpenRoom(workshop.RoomConfig{Bank: b, StateDir: state, MinGroup: 3, MaxParticipants: 10, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	if s := room.Snapshot(); s.Finished != 5 || s.Joined != 5 {
		t.Errorf("resumed room: %+v, want 5 joined and finished", s)
	}
	if err := room.Reveal(); err != nil {
		t.Errorf("a resumed room with 5 finished cannot reveal: %v", err)
	}
	if st, err := os.Stat(progressPath(srv.path)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("progress file: %v %v", st, err)
	}
	data, _ := os.ReadFile(progressPath(srv.path))
	for _, p := range append(done, halfway) {
		for _, c := range p.Cookies(mustURL(t, resumed.url)) {
			if strings.Contains(string(data), c.Value) {
				t.Error("the progress file holds a session cookie")
			}
		}
	}
}

// ids lists the option ids pick chooses, in bank order.
// ids is the room file's cells for a participant who answered every
// question the room asks with pick: empty for a question it never asks.
func ids(b *questions.Bank, pick func(int) string) []string {
	out := make([]string, len(b.Questions))
	for _, q := range workshop.Asked(b, false) {
		out[q] = pick(q)
	}
	return out
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// progressPath is the progress journal beside the room file at roomPath
// (ROOM.progress in place of ROOM.csv).
func progressPath(roomPath string) string {
	return strings.TrimSuffix(roomPath, ".csv") + ".progress"
}

// firstOption picks each question's first option.
func firstOption(b *questions.Bank) func(int) string {
	return func(q int) string { return b.Questions[q].Options[0].ID }
}
