package workshop

import (
	"bytes"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestPanicContained: a handler that panics answers its own request with
// a 500 page and takes nothing else down; the server logs nothing (a log
// line would hold the client's address).
func TestPanicContained(t *testing.T) {
	h := secure(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("boom")
		}
		w.Write([]byte("fine"))
	}))
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	ts := httptest.NewUnstartedServer(h)
	ts.Config = (&Server{}).HTTPServer()
	ts.Config.Handler = h
	ts.Start()
	defer ts.Close()
	res, err := http.Get(ts.URL + "/boom")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 500 || res.Header.Get("Content-Security-Policy") != csp {
		t.Errorf("panic: %d", res.StatusCode)
	}
	res, err = http.Get(ts.URL + "/ok")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("after a panic: %v", err)
	}
	res.Body.Close()
	if strings.Contains(logged.String(), "127.0.0.1") {
		t.Errorf("a client address was logged: %s", logged.String())
	}
}

// TestServerBounds: the http.Server has every timeout and the header cap.
func TestServerBounds(t *testing.T) {
	s := (&Server{}).HTTPServer()
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes != maxHeaderBytes || s.ErrorLog == nil {
		t.Errorf("unbounded server: %+v", s)
	}
}
