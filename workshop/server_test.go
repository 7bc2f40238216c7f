package workshop

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/internal/testbank"
)

// TestParticipantRun goes through a whole run: welcome, every question
// with progress and radio buttons, back keeps the answer, a refresh
// continues where the participant was, and the result page shows the
// advisor's result; the answers land in the room file.
func TestParticipantRun(t *testing.T) {
	room, _ := newTestRoom(t, 3, 10)
	ts := newTestServer(t, room)
	b := testBank(t)
	asked := Asked(b, false)
	p := newParticipant(t, ts.URL, room.Code())

	page := p.Start()
	if page.Path != "/"+room.Code()+"/q/1" {
		t.Fatalf("start went to %s", page.Path)
	}
	q0 := &b.Questions[asked[0]]
	for _, want := range []string{fmt.Sprintf("Question 1 of %d", len(asked)), q0.Prompt.Self, `type="radio"`, `<label for="o-` + q0.Options[0].ID + `"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("question page lacks %q", want)
		}
	}
	if got := page.Header.Get("Content-Security-Policy"); !strings.HasPrefix(got, "default-src 'none'") {
		t.Errorf("CSP = %q", got)
	}
	// Answer the first question, go back: the answer is checked.
	pick := func(q int) string { return b.Questions[q].Options[1].ID }
	page = p.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {pick(asked[0])}, "go": {"next"}})
	if page.Path != "/"+room.Code()+"/q/2" || !strings.Contains(page.Body, fmt.Sprintf("Question 2 of %d", len(asked))) {
		t.Fatalf("after question 1: %s", page.Path)
	}
	back := p.Get("/" + room.Code() + "/q/1")
	if !strings.Contains(back.Body, `value="`+pick(asked[0])+`" checked`) {
		t.Errorf("going back does not show the answer given")
	}
	// Skipping ahead is not possible; a refresh of the join address
	// continues at the question reached.
	if ahead := p.Get("/" + room.Code() + "/q/9"); ahead.Path != "/"+room.Code()+"/q/1" && ahead.Path != "/"+room.Code()+"/q/2" {
		t.Errorf("jumping ahead reached %s", ahead.Path)
	}
	page = p.Get("/" + room.Code() + "/q/2")
	for n := 2; n <= len(asked); n++ {
		page = p.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {pick(asked[n-1])}, "go": {"next"}})
		if n == 5 {
			again := p.Get("/" + room.Code())
			if again.Path != fmt.Sprintf("/%s/q/%d", room.Code(), n+1) {
				t.Fatalf("a refresh after question %d went to %s", n, again.Path)
			}
		}
	}
	page = p.Finish(page)
	if page.Path != "/"+room.Code()+"/result" {
		t.Fatalf("after the last question: %s %d\n%s", page.Path, page.Status, page.Body)
	}
	ch := b.NewChoices()
	for _, q := range asked {
		ch[q] = int8(b.Option(q, pick(q)))
	}
	e := advisor.ExplainAnswers(b, ch, "self")
	// The page renders the one explanation, in the participant's voice:
	// its headline, confidence and every point of every section.
	// It leads with the status in words, then the call, then the summary;
	// the rest is behind a "more" section (no script: <details>).
	lead := []string{"<h1 class=\"status status-" + strings.ReplaceAll(string(e.Status), "_", "-") + "\">" + e.StatusText + "</h1>",
		"Recommendation: <strong>" + htmlEscape(e.Label) + "</strong>. Confidence: " + e.ConfidenceText, htmlEscape(e.Summary), "<details>"}
	at := 0
	for _, l := range lead {
		i := strings.Index(page.Body[at:], l)
		if i < 0 {
			t.Fatalf("result page lacks %q after the earlier parts:\n%s", l, page.Body)
		}
		at += i
	}
	want := []string{e.ConfidenceText, advisor.TitleAgainst, advisor.TitleSteps, advisor.TitleChanges}
	for _, sec := range e.Sections {
		if sec.ID == advisor.SectionAnswers {
			continue
		}
		for _, p := range sec.Points {
			want = append(want, p.Sentence())
		}
	}
	for _, w := range want {
		if !strings.Contains(page.Body, htmlEscape(w)) {
			t.Errorf("result page lacks %q", w)
		}
	}
	// After the result, the questions are closed and the join address
	// shows the result again.
	if again := p.Get("/" + room.Code()); again.Path != "/"+room.Code()+"/result" {
		t.Errorf("a finished participant's refresh went to %s", again.Path)
	}
	rows := roomRows(t, room.Path())
	if len(rows) != 2 {
		t.Fatalf("room file has %d lines, want header and one row:\n%v", len(rows), rows)
	}
	if rows[0] != "id,"+strings.Join(b.QuestionIDs(), ",") {
		t.Errorf("header = %q", rows[0])
	}
	cells := strings.Split(rows[1], ",")
	if len(cells[0]) != 16 {
		t.Errorf("participant id %q is not a 16-hex-digit token", cells[0])
	}
	for i := range b.Questions {
		want := pick(i)
		if !slices.Contains(asked, i) {
			want = "" // not asked in a room (answered_by)
		}
		if cells[i+1] != want {
			t.Errorf("room file %s = %q, want %q", b.Questions[i].ID, cells[i+1], want)
		}
	}
	if data, _ := os.ReadFile(room.Path()); strings.Contains(string(data), "127.0.0.1") {
		t.Error("the room file holds a client address")
	}
	if s := room.Snapshot(); s.Joined != 1 || s.Finished != 1 {
		t.Errorf("snapshot %+v", s)
	}
	st, err := os.Stat(room.Path())
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("room file mode %v, %v", st.Mode(), err)
	}
}

// TestCookie checks the session cookie's attributes.
func TestCookie(t *testing.T) {
	room, _ := newTestRoom(t, 3, 10)
	ts := newTestServer(t, room)
	p := newParticipant(t, ts.URL, room.Code())
	w := p.Get("/" + room.Code())
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(ts.URL+"/"+room.Code()+"/start", url.Values{"csrf": {csrf(t, w.Body)}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cs := res.Cookies()
	if len(cs) != 1 {
		t.Fatalf("cookies: %v", cs)
	}
	ck := cs[0]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || len(ck.Value) < 32 || ck.Path != "/"+room.Code() {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, a long random value, the room's path", ck)
	}
	raw := res.Header.Get("Set-Cookie")
	if !strings.Contains(raw, "HttpOnly") || !strings.Contains(raw, "SameSite=Strict") {
		t.Errorf("Set-Cookie %q", raw)
	}
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

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

// TestMixedSignalsAdviceFitsTheRoom: a participant's answers are final
// once sent, so the phone's mixed-signals note names the clash and never
// says to answer again.
func TestMixedSignalsAdviceFitsTheRoom(t *testing.T) {
	b := testBank(t)
	ch := testbank.Answers(t, b, "need=performance_dip wellbeing=no readiness=wants_it awareness=experience_transfer horizon=long goal_shape=broad style=advice network=no assessment=yes manager_involvement=partner")
	e := advisor.ExplainAnswers(b, ch, selfAudience)
	if e.Status != advisor.StatusMixed || e.Clash == "" {
		t.Fatalf("fixture: status %s, clash %q; want mixed signals", e.Status, e.Clash)
	}
	d := resultView(e)
	if !strings.HasPrefix(d.Note, e.Clash) || strings.Contains(d.Note, "again") || !strings.Contains(d.Note, "facilitator") {
		t.Errorf("the note %q: want the clash, no answering again, and who to talk to", d.Note)
	}
}
