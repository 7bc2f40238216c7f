package workshop

// A real browser test: headless Chromium, driven over its DevTools pipe
// (file descriptors 3 and 4, NUL-separated JSON: no WebSocket, no port),
// completes a participant run on a 390×844 phone viewport by tapping the
// labels and buttons, as a person would; the page itself runs no script.

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"guidepost/advisor"
	"guidepost/questions"
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
// DevTools: the page allows no script) and decodes its value.
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
	c.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r)
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

// TestBrowserRun: a participant run in headless Chromium at phone size.
func TestBrowserRun(t *testing.T) {
	bin := findChromium(t)
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 10)
	ts := newTestServer(t, room)
	c := startChromium(t, bin)

	var target struct{ TargetID string }
	c.call("Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var att struct{ SessionID string }
	c.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att)
	c.session = att.SessionID
	c.call("Page.enable", map[string]any{}, nil)
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": phoneW, "height": phoneH, "deviceScaleFactor": 1, "mobile": true}, nil)
	c.call("Page.navigate", map[string]any{"url": ts.URL + "/" + room.Code()}, nil)
	path := c.waitFor("about:blank")
	if path != "/"+room.Code() {
		t.Fatalf("the join address opened %s", path)
	}
	c.tap("button.primary") // Start
	path = c.waitFor(path)

	asked := b.Asked(false)
	ch := b.NewChoices()
	for n := 1; n <= len(asked); n++ {
		if path != fmt.Sprintf("/%s/q/%d", room.Code(), n) {
			var text string
			c.eval(`document.body.innerText`, &text)
			t.Fatalf("question %d: at %s:\n%s", n, path, text)
		}
		var progress string
		c.eval(`document.querySelector(".progress").textContent`, &progress)
		if !strings.Contains(progress, fmt.Sprintf("%d of %d", n, len(asked))) {
			t.Errorf("progress %q on question %d", progress, n)
		}
		var wide int
		c.eval(`document.documentElement.scrollWidth`, &wide)
		if wide > phoneW {
			t.Errorf("question %d is %d px wide on a %d px phone: it scrolls sideways", n, wide, phoneW)
		}
		q := asked[n-1]
		o := (n + 1) % len(b.Questions[q].Options)
		opt := b.Questions[q].Options[o].ID
		c.tap(`label[for="o-` + opt + `"]`)
		var checked bool
		c.eval(fmt.Sprintf(`document.getElementById(%q).checked`, "o-"+opt), &checked)
		if !checked {
			t.Fatalf("tapping the label of %s did not check it", opt)
		}
		ch[q] = int8(o)
		if n == 3 {
			screenshot(t, c, phoneW, phoneH, "workshop-question.png")
			// A small phone with text at 200%: the buttons wrap and stay
			// on the screen.
			c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 320, "height": 568, "deviceScaleFactor": 1, "mobile": true}, nil)
			c.eval(`document.documentElement.style.fontSize = "200%"`, nil)
			buttonsFit(t, c, 320, "question 3")
			c.eval(`document.querySelector(".nav").scrollIntoView()`, nil)
			screenshot(t, c, 320, 568, "workshop-question-200.png")
			c.eval(`document.documentElement.style.fontSize = ""`, nil)
			c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": phoneW, "height": phoneH, "deviceScaleFactor": 1, "mobile": true}, nil)
		}
		c.tap("button.primary") // Next, or Check my answers
		path = c.waitFor(path)
	}
	if path != "/"+room.Code()+"/review" {
		t.Fatalf("after the last question: %s", path)
	}
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 320, "height": 568, "deviceScaleFactor": 1, "mobile": true}, nil)
	c.eval(`document.documentElement.style.fontSize = "200%"`, nil)
	buttonsFit(t, c, 320, "the review page")
	c.eval(`document.documentElement.style.fontSize = ""`, nil)
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": phoneW, "height": phoneH, "deviceScaleFactor": 1, "mobile": true}, nil)
	c.tap("button.primary") // See my result
	path = c.waitFor(path)
	if path != "/"+room.Code()+"/result" {
		t.Fatalf("after the last question: %s", path)
	}
	var h1 string
	c.eval(`document.querySelector("h1").textContent`, &h1)
	if want := leadOf(b, ch); h1 != want {
		t.Errorf("result heading %q, want %q", h1, want)
	}
	if rows := roomRows(t, room.Path()); len(rows) != 2 {
		t.Errorf("room file: %d lines", len(rows))
	}
	// The result page, the longest, fits a 360-pixel phone too.
	c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": true}, nil)
	var wide int
	c.eval(`document.documentElement.scrollWidth`, &wide)
	if wide > 360 {
		t.Errorf("the result page is %d px wide on a 360 px phone", wide)
	}
	// A reload (a phone that lost the connection) shows the result again.
	c.eval(`window.beforeReload = true`, nil)
	c.call("Page.reload", map[string]any{}, nil)
	deadline := time.Now().Add(cdpTimeout)
	for reloaded := false; !reloaded; {
		if time.Now().After(deadline) {
			t.Fatal("the page did not reload")
		}
		time.Sleep(50 * time.Millisecond)
		c.eval(`window.beforeReload === undefined && document.readyState === "complete"`, &reloaded)
	}
	c.eval(`document.querySelector("h1").textContent`, &h1)
	if h1 != leadOf(b, ch) {
		t.Errorf("after a reload: %q", h1)
	}
}

// screenshot captures the question page at 390×844 and checks it; with
// -update it is kept as testdata/workshop-question.png.
func screenshot(t *testing.T, c *cdp, w, h int, name string) {
	t.Helper()
	var shot struct{ Data string }
	c.call("Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != w || s.Y != h {
		t.Errorf("screenshot is %v, want %dx%d", s, w, h)
	}
	colours := map[uint32]bool{}
	for y := 0; y < phoneH; y += 7 {
		for x := 0; x < phoneW; x += 7 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[r>>12<<8|g>>12<<4|b>>12] = true
		}
	}
	if len(colours) < 4 {
		t.Errorf("the screenshot looks blank (%d colours)", len(colours))
	}
	out := filepath.Join(t.TempDir(), name)
	if *update {
		out = filepath.Join("testdata", name)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("question page screenshot: %s", out)
}

// leadOf is the result page's heading for answers ch.
func leadOf(b *questions.Bank, ch questions.Choices) string {
	return resultView(advisor.ExplainAnswers(b, ch, selfAudience)).Lead
}

// buttonsFit holds that every button and button link on the page lies
// within the viewport's width (the row wraps instead of pushing one off).
func buttonsFit(t *testing.T, c *cdp, width int, where string) {
	t.Helper()
	var right float64
	c.eval(`Math.max(...[...document.querySelectorAll("button, a.button")].map(e => e.getBoundingClientRect().right))`, &right)
	if right > float64(width) {
		t.Errorf("%s at 200%% text: a button reaches %.0f px on a %d px phone", where, right, width)
	}
	var wide int
	c.eval(`document.documentElement.scrollWidth`, &wide)
	if wide > width {
		var who string
		c.eval(`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > `+fmt.Sprint(width)+` || e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + "." + e.className + ": " + e.textContent.trim().slice(0, 40)).join(" | ")`, &who)
		t.Errorf("%s at 200%% text is %d px wide on a %d px phone; too wide: %s", where, wide, width, who)
	}
}
