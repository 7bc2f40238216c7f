//go:build unix

package e2e

// A real browser test: headless Chromium (cdp_test.go) completes a
// participant run on a 390×844 phone viewport by tapping the labels and
// buttons, as a person would, with axe-core checking every page it
// reaches (axe_test.go).

import (
	"bytes"
	"encoding/base64"
	"flag"
	"fmt"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidepost/workshop"
)

var update = flag.Bool("update", false, "rewrite the workshop's browser screenshots in testdata")

// TestBrowserRun: a participant run in headless Chromium at phone size,
// axe-core checking each page on the way: the welcome, every question
// (the first also with its error, sent without an answer), the review, a
// question changed from the review, and the result.
func TestBrowserRun(t *testing.T) {
	bin := findChromium(t)
	axe := axeScript(t)
	b := testBank(t)
	room, ts := browserRoom(t, 10)
	c := startChromium(t, bin)
	c.openPhone()
	path := c.visit(ts.URL + "/" + room.Code())
	if path != "/"+room.Code() {
		t.Fatalf("the join address opened %s", path)
	}
	c.axe(axe, "the welcome page")
	c.tap("button.primary") // Start
	path = c.waitFor(path)

	asked := workshop.Asked(b, false)
	ch := b.NewChoices()
	for n := 1; n <= len(asked); n++ {
		if path != fmt.Sprintf("/%s/q/%d", room.Code(), n) {
			var text string
			c.eval(`document.Body.innerText`, &text)
			t.Fatalf("question %d: at %s:\n%s", n, path, text)
		}
		if n == 1 {
			// Next without an answer: the question again, saying why.
			if again := c.load(func() { c.tap("button.primary") }); again != path || !strings.Contains(c.text(`[role="alert"]`), "Choose one answer") {
				t.Errorf("Next without an answer: at %s, alert %q", again, c.text(`[role="alert"]`))
			}
			c.axe(axe, "question 1 with its error")
		}
		c.axe(axe, fmt.Sprintf("question %d", n))
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
			c.viewport(320, 568)
			c.eval(`document.documentElement.style.fontSize = "200%"`, nil)
			buttonsFit(t, c, 320, "question 3")
			c.eval(`document.querySelector(".nav").scrollIntoView()`, nil)
			screenshot(t, c, 320, 568, "workshop-question-200.png")
			c.eval(`document.documentElement.style.fontSize = ""`, nil)
			c.viewport(phoneW, phoneH)
		}
		c.tap("button.primary") // Next, or Check my answers
		path = c.waitFor(path)
	}
	if path != "/"+room.Code()+"/review" {
		t.Fatalf("after the last question: %s", path)
	}
	c.axe(axe, "the review page")
	c.viewport(320, 568)
	c.eval(`document.documentElement.style.fontSize = "200%"`, nil)
	buttonsFit(t, c, 320, "the review page")
	c.eval(`document.documentElement.style.fontSize = ""`, nil)
	c.viewport(phoneW, phoneH)
	// A change from the review: the question says where it goes back to.
	c.tap(`ol.review a[href$="/q/1"]`)
	path = c.waitFor(path)
	if save := c.text("button.primary"); path != "/"+room.Code()+"/q/1" || save != "Save and go back to the review" {
		t.Errorf("Change on the review: at %s, button %q", path, save)
	}
	c.axe(axe, "question 1 changed from the review")
	c.tap("button.primary") // Save and go back to the review, the answer kept
	path = c.waitFor(path)
	if path != "/"+room.Code()+"/review" {
		t.Fatalf("after saving a change: %s", path)
	}
	c.tap("button.primary") // See my result
	path = c.waitFor(path)
	if path != "/"+room.Code()+"/result" {
		t.Fatalf("after the last question: %s", path)
	}
	var h1 string
	c.eval(`document.querySelector("h1").textContent`, &h1)
	if want := workshop.ResultHeading(b, ch); h1 != want {
		t.Errorf("result heading %q, want %q", h1, want)
	}
	c.axe(axe, "the result page")
	if rows := roomRows(t, room.Path()); len(rows) != 2 {
		t.Errorf("room file: %d lines", len(rows))
	}
	// The result page, the longest, fits a 360-pixel phone too.
	c.viewport(360, 740)
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
	if h1 != workshop.ResultHeading(b, ch) {
		t.Errorf("after a reload: %q", h1)
	}
}

// browserRoom opens a room of at most maxParticipants (a minimum group of
// 3) in a private state folder and serves it on loopback.
func browserRoom(t *testing.T, maxParticipants int) (*workshop.Room, *httptest.Server) {
	t.Helper()
	room, _, err := workshop.OpenRoom(workshop.RoomConfig{Bank: testBank(t), StateDir: t.TempDir(), MinGroup: 3, MaxParticipants: maxParticipants})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { room.Close() })
	ts := httptest.NewServer(workshop.NewServer(room).Handler())
	t.Cleanup(ts.Close)
	return room, ts
}

// screenshot captures the page at w×h and checks it; with -update it is
// kept as testdata/NAME (the README shows both).
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
