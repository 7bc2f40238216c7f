package e2e

// A workshop participant as the tests see one: a browser's cookie jar
// sending the pages' forms over real HTTP, the way a phone does.

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

// participant is one browser: a cookie jar and the server's address.
type participant struct {
	t    testing.TB
	c    *http.Client
	base string
	code string
}

func newParticipant(t testing.TB, base, code string) *participant {
	jar, _ := cookiejar.New(nil)
	return &participant{t: t, c: &http.Client{Jar: jar}, base: base, code: code}
}

// fetched is a fetched page: its status, final path and body.
type fetched struct {
	status int
	path   string
	body   string
}

func (p *participant) do(req *http.Request) fetched {
	p.t.Helper()
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	readAll(res, &b)
	if strings.Contains(strings.ToLower(b.String()), "<script") {
		p.t.Errorf("%s carries a script: the pages must work without JavaScript", res.Request.URL.Path)
	}
	return fetched{status: res.StatusCode, path: res.Request.URL.Path, body: b.String()}
}

// readAll reads res's body into b and closes it.
func readAll(res *http.Response, b *strings.Builder) {
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

func (p *participant) get(path string) fetched {
	p.t.Helper()
	req, _ := http.NewRequest("GET", p.base+path, nil)
	return p.do(req)
}

func (p *participant) post(path string, form url.Values) fetched {
	p.t.Helper()
	req, _ := http.NewRequest("POST", p.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf returns the form token on a page.
func csrf(t testing.TB, body string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form token on the page:\n%s", body)
	}
	return m[1]
}

// start joins the room and returns the first question's page.
func (p *participant) start() fetched {
	p.t.Helper()
	w := p.get("/" + p.code)
	if w.status != 200 || !strings.Contains(w.body, "Start") {
		p.t.Fatalf("welcome page: %d %s", w.status, w.body)
	}
	return p.post("/"+p.code+"/start", url.Values{"csrf": {csrf(p.t, w.body)}})
}

// answerAll answers every question with pick(q) (an option id) and returns
// the last page.
func (p *participant) answerAll(b *questions.Bank, pick func(q int) string) fetched {
	p.t.Helper()
	page := p.start()
	for n, q := range b.Asked(false) {
		if page.status != 200 {
			p.t.Fatalf("question %d: status %d\n%s", n+1, page.status, page.body)
		}
		page = p.post(page.path, url.Values{"csrf": {csrf(p.t, page.body)}, "option": {pick(q)}, "go": {"next"}})
	}
	return p.finish(page)
}

// finish sends the review page's See my result.
func (p *participant) finish(review fetched) fetched {
	p.t.Helper()
	if review.status != 200 || !strings.HasSuffix(review.path, "/review") {
		p.t.Fatalf("expected the review page, got %d %s\n%s", review.status, review.path, review.body)
	}
	return p.post("/"+p.code+"/finish", url.Values{"csrf": {csrf(p.t, review.body)}})
}

// roomRows reads the room file's lines.
func roomRows(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}
