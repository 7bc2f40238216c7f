package workshop

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestBadRequests: every bad request gets its status and a page, records
// nothing, and leaves the other participants' runs as they were.
func TestBadRequests(t *testing.T) {
	room, _ := newTestRoom(t, 3, 3)
	ts := newTestServer(t, room)
	b := testBank(t)
	asked := Asked(b, false)
	code := room.Code()
	bystander := newParticipant(t, ts.URL, code)
	bq := bystander.Start() // on question 1, undisturbed throughout

	p := newParticipant(t, ts.URL, code)
	first := p.Start()
	token := csrf(t, first.Body)
	q1 := "/" + code + "/q/1"
	q0 := &b.Questions[asked[0]]

	wrong := "ZZZZZZ"
	if wrong == code {
		wrong = "YYYYYY"
	}
	big := strings.Repeat("a", 2<<20)
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		ctype  string
		status int
		want   string
	}{
		{"wrong code", "GET", "/" + wrong, "", "", 404, "not the code of this room"},
		{"wrong code, question path", "GET", "/" + wrong + "/q/1", "", "", 404, "not the code of this room"},
		{"wrong code typed", "GET", "/join?code=" + wrong, "", "", 404, "not the code of this room"},
		{"wrong code, post", "POST", "/" + wrong + "/q/1", form(token, q0.Options[0].ID), "", 404, "not the code of this room"},
		{"missing form token", "POST", q1, url.Values{"option": {q0.Options[0].ID}, "go": {"next"}}.Encode(), "", 403, "did not come from your current page"},
		{"bad form token", "POST", q1, form("0123", q0.Options[0].ID), "", 403, "did not come from your current page"},
		{"another session's token", "POST", q1, form(csrf(t, bq.Body), q0.Options[0].ID), "", 403, "did not come from your current page"},
		{"2 MB body", "POST", q1, "csrf=" + token + "&option=" + big, "", 413, "larger than any answer"},
		{"2 MB body, no length", "POST", q1, "csrf=" + token + "&option=" + big, "chunked", 413, "larger than any answer"},
		{"unknown option", "POST", q1, form(token, "no_such_option"), "", 400, "not one of this question"},
		{"option of another question", "POST", q1, form(token, b.Questions[asked[len(asked)-1]].Options[0].ID+"_x"), "", 400, "nothing was recorded"},
		{"no option", "POST", q1, form(token, ""), "", 422, "Choose one answer"},
		{"question out of range", "GET", "/" + code + "/q/99", "", "", 404, "no question with that number"},
		{"question not reached", "POST", "/" + code + "/q/5", form(token, "unsure"), "", 400, "not reached"},
		{"bad method", "PUT", q1, "", "", 405, ""},
		{"bad method on start", "DELETE", "/" + code + "/start", "", "", 405, ""},
		{"post from another site", "POST", q1, form(token, q0.Options[0].ID), "origin", 403, "another site"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.ctype == "chunked" {
				req.ContentLength = -1 // sent chunked: only the MaxBytesReader stops it
			}
			if tc.ctype == "origin" {
				req.Header.Set("Origin", "http://evil.example")
			}
			got := p.Do(req)
			if got.Status != tc.status {
				t.Fatalf("status %d, want %d\n%s", got.Status, tc.status, got.Body)
			}
			if tc.want != "" && !strings.Contains(got.Body, tc.want) {
				t.Errorf("page lacks %q:\n%s", tc.want, got.Body)
			}
			if strings.HasPrefix(tc.name, "wrong code") {
				for _, q := range b.Questions {
					if strings.Contains(got.Body, htmlEscape(q.Prompt.Self)) {
						t.Errorf("a wrong code shows the question %s", q.ID)
					}
				}
				if strings.Contains(got.Body, `type="radio"`) {
					t.Error("a wrong code shows options")
				}
			}
		})
	}
	// Nothing was recorded: question 1 still has no answer, the room
	// file has only its header, and no one has finished.
	if again := p.Get(q1); strings.Contains(again.Body, " checked") {
		t.Error("a bad request recorded an answer")
	}
	if rows := roomRows(t, room.Path()); len(rows) != 1 {
		t.Errorf("room file: %v", rows)
	}
	// The bystander goes on as if nothing happened.
	next := bystander.Post(bq.Path, url.Values{"csrf": {csrf(t, bq.Body)}, "option": {q0.Options[0].ID}, "go": {"next"}})
	if next.Status != 200 || next.Path != "/"+code+"/q/2" {
		t.Errorf("the other participant was disturbed: %d %s", next.Status, next.Path)
	}
}

func form(token, option string) string {
	v := url.Values{"go": {"next"}}
	if token != "" {
		v.Set("csrf", token)
	}
	if option != "" {
		v.Set("option", option)
	}
	return v.Encode()
}

// TestParticipantLimit: past --max-participants a newcomer gets 503 and
// no session; those in the room carry on.
func TestParticipantLimit(t *testing.T) {
	room, _ := newTestRoom(t, 3, 2)
	ts := newTestServer(t, room)
	a, b := newParticipant(t, ts.URL, room.Code()), newParticipant(t, ts.URL, room.Code())
	bk := testBank(t)
	first := bk.Questions[room.asked[0]].Options[0].ID
	// A third may start (starting counts for nothing), but its first
	// answer finds the room full, and the facilitator sees it turned away.
	c := newParticipant(t, ts.URL, room.Code())
	q := c.Start()
	if q.Status != 200 {
		t.Fatalf("third participant's start: %d", q.Status)
	}
	for _, p := range []*participant{a, b} {
		q := p.Start()
		p.Post(q.Path, url.Values{"csrf": {csrf(t, q.Body)}, "option": {first}})
	}
	got := c.Post(q.Path, url.Values{"csrf": {csrf(t, q.Body)}, "option": {first}})
	if got.Status != http.StatusServiceUnavailable || !strings.Contains(got.Body, "The room is full") {
		t.Fatalf("third participant: %d\n%s", got.Status, got.Body)
	}
	if s := room.Snapshot(); s.Joined != 2 || s.TurnedAway != 1 || s.Starting != 1 {
		t.Errorf("snapshot %+v, want 2 joined, 1 starting, 1 turned away", s)
	}
	if again := a.Get("/" + room.Code()); again.Status != 200 || !strings.Contains(again.Body, "Question 2 of") {
		t.Errorf("a participant already in was turned away: %d", again.Status)
	}
}

// TestStartToken: the start form needs the welcome page's token, and the
// join address asks for nothing else.
func TestStartToken(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	got := p.Post("/"+room.Code()+"/start", url.Values{"csrf": {"forged"}})
	if got.Status != 403 {
		t.Fatalf("forged start: %d", got.Status)
	}
	if s := room.Snapshot(); s.Joined != 0 {
		t.Errorf("a forged start joined")
	}
}

// TestSessionLimit: one session refreshing in a loop is slowed down with
// 429; another session is not.
func TestSessionLimit(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	p.Start()
	limited := 0
	for i := 0; i < 2*sessionBurst; i++ {
		if p.Get("/"+room.Code()+"/q/1").Status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Fatalf("%d requests in a burst were never limited", 2*sessionBurst)
	}
	other := newParticipant(t, ts.URL, room.Code())
	if got := other.Start(); got.Status != 200 {
		t.Errorf("another session was limited too: %d", got.Status)
	}
}

// TestCodeForms: the code page takes a typed code in any case, with
// spaces, and the join address needs nothing else.
func TestCodeForms(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	if home := p.Get("/"); home.Status != 200 || !strings.Contains(home.Body, `name="code"`) {
		t.Fatalf("home: %d", home.Status)
	}
	typed := strings.ToLower(room.Code()[:3]) + " " + strings.ToLower(room.Code()[3:])
	got := p.Get("/join?code=" + url.QueryEscape(typed))
	if got.Path != "/"+room.Code() || !strings.Contains(got.Body, "Start") {
		t.Errorf("typed %q: %s %d", typed, got.Path, got.Status)
	}
	if lower := p.Get("/" + strings.ToLower(room.Code())); lower.Path != "/"+room.Code() {
		t.Errorf("lower-case code: %s", lower.Path)
	}
}

// TestHeaders: every response carries the CSP and friends; pages are not
// cached.
func TestHeaders(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	for _, path := range []string{"/", "/" + room.Code(), "/style.css", "/nope/q/1"} {
		got := p.Get(path)
		h := got.Header
		want := map[string]string{
			"Content-Security-Policy": csp,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		}
		for k, v := range want {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
		if strings.Contains(got.Body, "http://") || strings.Contains(got.Body, "https://") {
			t.Errorf("%s refers to another site", path)
		}
	}
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q allows more than the stylesheet", csp)
	}
}
