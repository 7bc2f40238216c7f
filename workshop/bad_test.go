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
	asked := b.Asked(false)
	code := room.Code()
	bystander := newParticipant(t, ts.URL, code)
	bq := bystander.start() // on question 1, undisturbed throughout

	p := newParticipant(t, ts.URL, code)
	first := p.start()
	token := csrf(t, first.body)
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
		{"another session's token", "POST", q1, form(csrf(t, bq.body), q0.Options[0].ID), "", 403, "did not come from your current page"},
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
			got := p.do(req)
			if got.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", got.status, tc.status, got.body)
			}
			if tc.want != "" && !strings.Contains(got.body, tc.want) {
				t.Errorf("page lacks %q:\n%s", tc.want, got.body)
			}
			if strings.HasPrefix(tc.name, "wrong code") {
				for _, q := range b.Questions {
					if strings.Contains(got.body, htmlEscape(q.Prompt.Self)) {
						t.Errorf("a wrong code shows the question %s", q.ID)
					}
				}
				if strings.Contains(got.body, `type="radio"`) {
					t.Error("a wrong code shows options")
				}
			}
		})
	}
	// Nothing was recorded: question 1 still has no answer, the room
	// file has only its header, and no one has finished.
	if again := p.get(q1); strings.Contains(again.body, " checked") {
		t.Error("a bad request recorded an answer")
	}
	if rows := roomRows(t, room.Path()); len(rows) != 1 {
		t.Errorf("room file: %v", rows)
	}
	// The bystander goes on as if nothing happened.
	next := bystander.post(bq.path, url.Values{"csrf": {csrf(t, bq.body)}, "option": {q0.Options[0].ID}, "go": {"next"}})
	if next.status != 200 || next.path != "/"+code+"/q/2" {
		t.Errorf("the other participant was disturbed: %d %s", next.status, next.path)
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
	q := c.start()
	if q.status != 200 {
		t.Fatalf("third participant's start: %d", q.status)
	}
	for _, p := range []*participant{a, b} {
		q := p.start()
		p.post(q.path, url.Values{"csrf": {csrf(t, q.body)}, "option": {first}})
	}
	got := c.post(q.path, url.Values{"csrf": {csrf(t, q.body)}, "option": {first}})
	if got.status != http.StatusServiceUnavailable || !strings.Contains(got.body, "The room is full") {
		t.Fatalf("third participant: %d\n%s", got.status, got.body)
	}
	if s := room.Snapshot(); s.Joined != 2 || s.TurnedAway != 1 || s.Starting != 1 {
		t.Errorf("snapshot %+v, want 2 joined, 1 starting, 1 turned away", s)
	}
	if again := a.get("/" + room.Code()); again.status != 200 || !strings.Contains(again.body, "Question 2 of") {
		t.Errorf("a participant already in was turned away: %d", again.status)
	}
}

// TestStartToken: the start form needs the welcome page's token, and the
// join address asks for nothing else.
func TestStartToken(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	got := p.post("/"+room.Code()+"/start", url.Values{"csrf": {"forged"}})
	if got.status != 403 {
		t.Fatalf("forged start: %d", got.status)
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
	p.start()
	limited := 0
	for i := 0; i < 2*sessionBurst; i++ {
		if p.get("/"+room.Code()+"/q/1").status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Fatalf("%d requests in a burst were never limited", 2*sessionBurst)
	}
	other := newParticipant(t, ts.URL, room.Code())
	if got := other.start(); got.status != 200 {
		t.Errorf("another session was limited too: %d", got.status)
	}
}

// TestCodeForms: the code page takes a typed code in any case, with
// spaces, and the join address needs nothing else.
func TestCodeForms(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	if home := p.get("/"); home.status != 200 || !strings.Contains(home.body, `name="code"`) {
		t.Fatalf("home: %d", home.status)
	}
	typed := strings.ToLower(room.Code()[:3]) + " " + strings.ToLower(room.Code()[3:])
	got := p.get("/join?code=" + url.QueryEscape(typed))
	if got.path != "/"+room.Code() || !strings.Contains(got.body, "Start") {
		t.Errorf("typed %q: %s %d", typed, got.path, got.status)
	}
	if lower := p.get("/" + strings.ToLower(room.Code())); lower.path != "/"+room.Code() {
		t.Errorf("lower-case code: %s", lower.path)
	}
}

// TestHeaders: every response carries the CSP and friends; pages are not
// cached.
func TestHeaders(t *testing.T) {
	room, _ := newTestRoom(t, 3, 5)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	for _, path := range []string{"/", "/" + room.Code(), "/style.css", "/nope/q/1"} {
		got := p.get(path)
		h := got.header
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
		if strings.Contains(got.body, "http://") || strings.Contains(got.body, "https://") {
			t.Errorf("%s refers to another site", path)
		}
	}
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q allows more than the stylesheet", csp)
	}
}
