// Package testroom is a workshop participant as the tests see one (the
// workshop's own tests and e2e's): a browser's cookie jar sending the
// pages' forms over real HTTP, the way a phone does. It is for tests only.
package testroom

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"guidepost/questions"
)

// Participant is one browser: a cookie jar and the server's address.
type Participant struct {
	t    testing.TB
	c    *http.Client
	base string
	code string
}

// NewParticipant is a browser with an empty cookie jar, for the room
// with code served at base.
func NewParticipant(t testing.TB, base, code string) *Participant {
	jar, _ := cookiejar.New(nil)
	return &Participant{t: t, c: &http.Client{Jar: jar}, base: base, code: code}
}

// URL is the room's address as the participant opens it.
func (p *Participant) URL() string { return p.base + "/" + p.code }

// MoveTo points the participant at a server now at base (a room resumed
// on another port); the cookies stay, as a phone's would.
func (p *Participant) MoveTo(base string) { p.base = base }

// Cookies are the participant's cookies for u.
func (p *Participant) Cookies(u *url.URL) []*http.Cookie { return p.c.Jar.Cookies(u) }

// Page is a fetched page: its status, final path, body and headers.
type Page struct {
	Status int
	Path   string
	Body   string
	Header http.Header
}

// Do sends req and reads the page; a page that carries a script is an
// error (the pages work without JavaScript).
func (p *Participant) Do(req *http.Request) Page {
	p.t.Helper()
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	ReadAll(res, &b)
	if strings.Contains(strings.ToLower(b.String()), "<script") {
		p.t.Errorf("%s carries a script: the pages must work without JavaScript", res.Request.URL.Path)
	}
	return Page{Status: res.StatusCode, Path: res.Request.URL.Path, Body: b.String(), Header: res.Header}
}

// ReadAll reads res's body into b and closes it.
func ReadAll(res *http.Response, b *strings.Builder) {
	defer res.Body.Close()
	buf := make([]byte, 8192)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return
		}
	}
}

// Get fetches path.
func (p *Participant) Get(path string) Page {
	p.t.Helper()
	req, _ := http.NewRequest("GET", p.base+path, nil)
	return p.Do(req)
}

// Post sends form to path.
func (p *Participant) Post(path string, form url.Values) Page {
	p.t.Helper()
	req, _ := http.NewRequest("POST", p.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.Do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// CSRF returns the form token on a page.
func CSRF(t testing.TB, body string) string {
	t.Helper()
	token, ok := FindCSRF(body)
	if !ok {
		t.Fatalf("no form token on the page:\n%s", body)
	}
	return token
}

// FindCSRF returns the form token on a page, if it has one.
func FindCSRF(body string) (string, bool) {
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// Start joins the room and returns the first question's page.
func (p *Participant) Start() Page {
	p.t.Helper()
	w := p.Get("/" + p.code)
	if w.Status != 200 || !strings.Contains(w.Body, "Start") {
		p.t.Fatalf("welcome page: %d %s", w.Status, w.Body)
	}
	return p.Post("/"+p.code+"/start", url.Values{"csrf": {CSRF(p.t, w.Body)}})
}

// AnswerAll answers the room's questions asked (workshop.Asked) with
// pick(q) (an option id), sends the review and returns the result page.
func (p *Participant) AnswerAll(b *questions.Bank, asked []int, pick func(q int) string) Page {
	p.t.Helper()
	page := p.Start()
	for n, q := range asked {
		if page.Status != 200 {
			p.t.Fatalf("question %d: status %d\n%s", n+1, page.Status, page.Body)
		}
		page = p.Post(page.Path, url.Values{"csrf": {CSRF(p.t, page.Body)}, "option": {pick(q)}, "go": {"next"}})
	}
	return p.Finish(page)
}

// Finish sends the review page's See my result.
func (p *Participant) Finish(review Page) Page {
	p.t.Helper()
	if review.Status != 200 || !strings.HasSuffix(review.Path, "/review") {
		p.t.Fatalf("expected the review page, got %d %s\n%s", review.Status, review.Path, review.Body)
	}
	return p.Post("/"+p.code+"/finish", url.Values{"csrf": {CSRF(p.t, review.Body)}})
}

// RoomRows reads the room file's lines.
func RoomRows(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}
