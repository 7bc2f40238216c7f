//go:build unix

package e2e

// axe-core on the workshop's pages: the browser tests inject axe.min.js
// (through DevTools: the pages allow no script of their own) into every
// kind of page a phone can reach, and any violation fails the test with
// its rule, impact and the elements it found.

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
	"guidepost/workshop"
)

// axeEnv names axe.min.js when it is not at the default place,
// e2e/node_modules/axe-core/axe.min.js (where .ci/run installs it).
const axeEnv = "GUIDEPOST_AXE"

// axeScript returns the text of axe.min.js. Without it the test is
// skipped, saying how to install it, except in CI (CI=true), where it
// fails.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv(axeEnv)
	if path == "" {
		path = testbank.Path("e2e", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(path)
	if err == nil {
		return string(data)
	}
	msg := fmt.Sprintf("axe-core is missing (%v): install it with `npm install --no-save --no-package-lock --prefix e2e axe-core@4.14.1` at the repository's root, or set %s to an axe.min.js", err, axeEnv)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target, Summary string }
}

// axe runs axe-core on the page (injecting it first), in the light and
// the dark colour scheme (the style sheet has both), and fails the test
// for every violation, naming the page (where), the rule, its impact and
// each element's target. What axe cannot decide alone (its "incomplete")
// is logged.
func (c *cdp) axe(script, where string) {
	c.t.Helper()
	for _, scheme := range []string{"light", "dark"} {
		c.call("Emulation.setEmulatedMedia", map[string]any{"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}}}, nil)
		var applied bool
		c.eval(`matchMedia("(prefers-color-scheme: `+scheme+`)").matches`, &applied)
		if !applied {
			c.t.Fatalf("%s: the page is not in the %s colour scheme", where, scheme)
		}
		c.axeOnce(script, where+" ("+scheme+")")
	}
	c.call("Emulation.setEmulatedMedia", map[string]any{"features": []map[string]string{}}, nil)
}

// axeOnce runs axe-core once; a closed <details> is checked closed and
// then open, since axe skips what is hidden.
func (c *cdp) axeOnce(script, where string) {
	c.t.Helper()
	var loaded bool
	c.eval(`typeof axe === "object"`, &loaded)
	if !loaded {
		c.eval(script+"\n;true", nil)
	}
	var found struct {
		Passes     int
		Incomplete []string
		Violations []axeViolation
	}
	c.eval(`axe.run(document).then(r => ({Passes: r.passes.length, Incomplete: r.incomplete.map(v => v.id), Violations: r.violations.map(v => ({
		ID: v.id, Impact: v.impact || "", Help: v.help,
		Nodes: v.nodes.map(n => ({Target: n.target.join(" "), Summary: n.failureSummary || ""}))}))}))`, &found)
	if found.Passes == 0 {
		c.t.Errorf("%s: axe-core passed no rule: it did not check the page", where)
	}
	c.t.Logf("%s: axe-core: %d rules passed, %d broken, left to a person: %v", where, found.Passes, len(found.Violations), found.Incomplete)
	for _, v := range found.Violations {
		var nodes strings.Builder
		for _, n := range v.Nodes {
			fmt.Fprintf(&nodes, "\n\t%s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
		c.t.Errorf("%s: axe-core rule %s (%s): %s%s", where, v.ID, v.Impact, v.Help, nodes.String())
	}
	var closed bool
	c.eval(`[...document.querySelectorAll("details:not([open])")].map(d => d.open = true).length > 0`, &closed)
	if closed {
		c.axeOnce(script, where+", details open")
		c.eval(`document.querySelectorAll("details").forEach(d => d.open = false)`, nil)
	}
}

// statuses are the kinds of call a participant's result page can be.
var statuses = []advisor.Status{advisor.StatusWellbeing, advisor.StatusRoute, advisor.StatusTooFew,
	advisor.StatusMixed, advisor.StatusClose, advisor.StatusClear}

// answersByStatus finds, for each status, answers to the questions asked
// that lead to it: random answers from a fixed seed, the first for each.
func answersByStatus(t *testing.T, b *questions.Bank) map[advisor.Status]questions.Choices {
	t.Helper()
	r := rand.New(rand.NewPCG(22, 1))
	found := map[advisor.Status]questions.Choices{}
	for i := 0; i < 10_000 && len(found) < len(statuses); i++ {
		ch := b.NewChoices()
		for _, q := range workshop.Asked(b, false) {
			ch[q] = int8(r.IntN(len(b.Questions[q].Options)))
		}
		if s := advisor.Evaluate(b, ch).Status; found[s] == nil {
			found[s] = ch
		}
	}
	for _, s := range statuses {
		if found[s] == nil {
			t.Fatalf("no answers in 10,000 tries lead to %s", s)
		}
	}
	return found
}

// become makes the browser p: only p's session cookie.
func (c *cdp) become(p *participant) {
	c.t.Helper()
	c.call("Network.clearBrowserCookies", map[string]any{}, nil)
	u, _ := url.Parse(p.URL())
	for _, k := range p.Cookies(u) {
		c.call("Network.setCookie", map[string]any{"name": k.Name, "value": k.Value, "url": u.String(),
			"httpOnly": true, "sameSite": "Strict"}, nil)
	}
}

// TestBrowserEveryPage: axe-core on the pages TestBrowserRun does not
// reach: the page asking for the code (and with a wrong one), the result
// of each status, and the messages: already saved, no such question, the
// room full, answering closed.
func TestBrowserEveryPage(t *testing.T) {
	bin := findChromium(t)
	axe := axeScript(t)
	b := testBank(t)
	byStatus := answersByStatus(t, b)
	// One participant a status and one half-way fill the room.
	room, ts := browserRoom(t, len(statuses)+1)
	code := room.Code()
	c := startChromium(t, bin)
	c.openPhone()
	page := func(url, where, wantPath, wantH1 string) {
		t.Helper()
		if path := c.visit(url); path != wantPath || !strings.Contains(c.text("h1"), wantH1) {
			t.Errorf("%s: at %s, heading %q; want %s and %q", where, path, c.text("h1"), wantPath, wantH1)
		}
		c.axe(axe, where)
	}
	page(ts.URL+"/", "the page asking for the code", "/", "Join the workshop")
	page(ts.URL+"/join?code=ZZZZZZ", "the code page with a wrong code", "/join", "Join the workshop")
	if !strings.Contains(c.text(`[role="alert"]`), "not the code of this room") {
		t.Errorf("a wrong code: alert %q", c.text(`[role="alert"]`))
	}
	var last *participant
	for _, s := range statuses {
		ch := byStatus[s]
		last = newParticipant(t, ts.URL, code)
		if end := last.AnswerAll(b, workshop.Asked(b, false), func(q int) string { return b.Questions[q].Options[ch[q]].ID }); !strings.HasSuffix(end.Path, "/result") {
			t.Fatalf("%s: the participant ended on %s", s, end.Path)
		}
		c.become(last)
		page(ts.URL+"/"+code+"/result", "the result page, "+string(s), "/"+code+"/result", workshop.ResultHeading(b, ch))
	}
	page(ts.URL+"/"+code+"/q/1", "an old question after finishing", "/"+code+"/q/1", "Your answers are already saved")
	// A participant counts toward the cap from the first answer.
	halfway := newParticipant(t, ts.URL, code)
	q1 := halfway.Start()
	first := b.Questions[workshop.Asked(b, false)[0]].Options[0].ID
	if q2 := halfway.Post(q1.Path, url.Values{"csrf": {csrf(t, q1.Body)}, "option": {first}, "go": {"next"}}); q2.Path != "/"+code+"/q/2" {
		t.Fatalf("the half-way participant's first answer led to %s", q2.Path)
	}
	c.become(halfway)
	page(ts.URL+"/"+code+"/q/99", "a question the room does not have", "/"+code+"/q/99", "No such question")
	c.call("Network.clearBrowserCookies", map[string]any{}, nil)
	page(ts.URL+"/"+code, "the welcome page", "/"+code, "Coaching, mentoring, or both?")
	if path := c.load(func() { c.tap("button.primary") }); path != "/"+code+"/start" || !strings.Contains(c.text("h1"), "The room is full") {
		t.Errorf("Start in a full room: at %s, heading %q", path, c.text("h1"))
	}
	c.axe(axe, "the room full")
	room.SetClosed(true)
	c.become(halfway)
	page(ts.URL+"/"+code+"/q/1", "question 1 of a closed room", "/"+code+"/q/1", "")
	c.tap(`label[for="o-` + first + `"]`)
	if path := c.load(func() { c.tap("button.primary") }); path != "/"+code+"/q/1" || !strings.Contains(c.text("h1"), "Answering is closed") {
		t.Errorf("an answer once the room closed: at %s, heading %q", path, c.text("h1"))
	}
	c.axe(axe, "answering closed")
}
