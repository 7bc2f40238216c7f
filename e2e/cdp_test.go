//go:build unix

package e2e

// Headless Chromium, driven over its DevTools pipe (file descriptors 3
// and 4, NUL-separated JSON: no WebSocket, no port), for the workshop's
// browser tests. The pages themselves run no script: what runs in them
// (the taps' coordinates, axe-core) is the test's, through DevTools.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	phoneW, phoneH = 390, 844
	cdpTimeout     = 20 * time.Second
)

// findChromium returns the browser's path; without one the test is
// skipped, except in CI (CI=true), where it fails.
func findChromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is required in CI for the browser test (.ci/run installs Debian's chromium)")
	}
	t.Skip("Chromium is not installed")
	return ""
}

// cdp is a DevTools protocol client over Chromium's pipe.
type cdp struct {
	t       *testing.T
	w       io.Writer
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpReply
	session string
}

type cdpReply struct {
	ID     int             `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

func startChromium(t *testing.T, bin string) *cdp {
	toBrowserR, toBrowserW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromBrowserR, fromBrowserW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin,
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--remote-debugging-pipe", "--user-data-dir="+t.TempDir(),
		"--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--disable-background-networking", "--disable-sync", "--disable-component-update",
		"--hide-scrollbars", "--mute-audio", "about:blank")
	cmd.ExtraFiles = []*os.File{toBrowserR, fromBrowserW} // fd 3: commands in, fd 4: replies out
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toBrowserR.Close()
	fromBrowserW.Close()
	t.Cleanup(func() {
		toBrowserW.Close()
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", lastLines(stderr.String(), 20))
		}
	})
	c := &cdp{t: t, w: toBrowserW, pending: map[int]chan cdpReply{}}
	go c.read(fromBrowserR)
	return c
}

func lastLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	return strings.Join(ls[max(len(ls)-n, 0):], "\n")
}

func (c *cdp) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var rep cdpReply
		if json.Unmarshal(msg[:len(msg)-1], &rep) != nil || rep.ID == 0 {
			continue // an event
		}
		c.mu.Lock()
		ch := c.pending[rep.ID]
		delete(c.pending, rep.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- rep
		}
	}
}

// call sends a command (to the attached page once there is one) and
// decodes its result into out.
func (c *cdp) call(method string, params any, out any) {
	c.t.Helper()
	c.mu.Lock()
	c.next++
	id := c.next
	ch := make(chan cdpReply, 1)
	c.pending[id] = ch
	msg := map[string]any{"id": id, "method": method, "params": params}
	if c.session != "" {
		msg["sessionId"] = c.session
	}
	data, _ := json.Marshal(msg)
	_, err := c.w.Write(append(data, 0))
	c.mu.Unlock()
	if err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	select {
	case rep := <-ch:
		if rep.Error != nil {
			c.t.Fatalf("%s: %s", method, rep.Error.Message)
		}
		if out != nil {
			if err := json.Unmarshal(rep.Result, out); err != nil {
				c.t.Fatalf("%s: %v", method, err)
			}
		}
	case <-time.After(cdpTimeout):
		c.t.Fatalf("%s: no reply in %v", method, cdpTimeout)
	}
}

// eval evaluates a JavaScript expression in the page (the test's, through
// DevTools: the page allows no script) and decodes its value, a promise's
// once it settles.
func (c *cdp) eval(expr string, out any) {
	c.t.Helper()
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	c.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if r.Exception != nil {
		c.t.Fatalf("eval %s: %s", expr, r.Exception.Text)
	}
	if out != nil {
		if err := json.Unmarshal(r.Result.Value, out); err != nil {
			c.t.Fatalf("eval %s: %v (%s)", expr, err, r.Result.Value)
		}
	}
}

// waitFor polls until the page has finished loading a path other than
// from and returns it.
func (c *cdp) waitFor(from string) string {
	c.t.Helper()
	deadline := time.Now().Add(cdpTimeout)
	for time.Now().Before(deadline) {
		var s string
		c.eval(`document.readyState + " " + location.pathname`, &s)
		state, path, _ := strings.Cut(s, " ")
		if state == "complete" && path != from {
			return path
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.t.Fatalf("the page did not leave %s", from)
	return ""
}

// tap scrolls the element matching selector into view and taps its
// centre with a real mouse press and release.
func (c *cdp) tap(selector string) {
	c.t.Helper()
	var rect struct{ X, Y float64 }
	c.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return null;
		e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, selector), &rect)
	if rect.X <= 0 || rect.Y <= 0 || rect.X >= phoneW || rect.Y >= phoneH {
		c.t.Fatalf("%s is not on the screen (%v)", selector, rect)
	}
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		c.call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": rect.X, "y": rect.Y, "button": "left", "clickCount": 1}, nil)
	}
}

// openPhone opens a page in the browser, attaches to it and sets a
// 390×844 phone viewport; every later call goes to that page.
func (c *cdp) openPhone() {
	c.t.Helper()
	var target struct{ TargetID string }
	c.call("Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var att struct{ SessionID string }
	c.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att)
	c.session = att.SessionID
	c.call("Page.enable", map[string]any{}, nil)
	c.viewport(phoneW, phoneH)
}

// viewport sets a phone viewport of w×h pixels.
func (c *cdp) viewport(w, h int) {
	c.t.Helper()
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": w, "height": h, "deviceScaleFactor": 1, "mobile": true}, nil)
}

// load runs act (a navigation, a tap that sends a form) and waits until
// a new document has finished loading, even one at the same address (a
// form shown again with its error), and returns its path.
func (c *cdp) load(act func()) string {
	c.t.Helper()
	c.eval(`window.beforeLoad = true`, nil)
	act()
	deadline := time.Now().Add(cdpTimeout)
	for {
		var s string
		c.eval(`(window.beforeLoad === undefined ? document.readyState : "old") + " " + location.pathname`, &s)
		if state, path, _ := strings.Cut(s, " "); state == "complete" {
			return path
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no new page loaded (%s)", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// visit opens url in the page and returns the path it lands on.
func (c *cdp) visit(url string) string {
	c.t.Helper()
	return c.load(func() { c.call("Page.navigate", map[string]any{"url": url}, nil) })
}

// text returns the text of the first element matching selector ("" for
// none).
func (c *cdp) text(selector string) string {
	c.t.Helper()
	var s string
	c.eval(fmt.Sprintf(`(document.querySelector(%q) || {textContent: ""}).textContent`, selector), &s)
	return s
}
