package workshop

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

// randomSheets returns n answer sheets, every question answered at
// random (unsure included), from a fixed seed.
func randomSheets(b *questions.Bank, n int, seed uint64) []questions.Choices {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]questions.Choices, n)
	for i := range out {
		ch := b.NewChoices()
		for q := range b.Questions {
			ch[q] = int8(rng.IntN(len(b.Questions[q].Options)))
		}
		out[i] = ch
	}
	return out
}

// cells flattens a picture's shown counts (hidden ones as -1).
func cells(p *Picture) []int {
	var out []int
	add := func(cs []Count) {
		for _, c := range cs {
			if c.Hidden {
				out = append(out, -1)
			} else {
				out = append(out, c.N)
			}
		}
	}
	add(p.Outcomes)
	add(p.Statuses)
	for _, q := range p.Questions {
		add(q.Options)
	}
	return out
}

// isolates reports whether the difference of two pictures is exactly one
// participant's sheet: every count of after less before equals that
// participant's own picture, as a projector compared before and after
// would show it.
func isolates(b *questions.Bank, before, after *Picture, one questions.Choices) bool {
	own := cells(picture(b, []questions.Choices{one}, 1))
	x, y := cells(before), cells(after)
	for i := range own {
		if x[i] < 0 || y[i] < 0 || y[i]-x[i] != own[i] {
			return false
		}
	}
	return true
}

// checkShown holds the rule for one picture: no count from 1 to min-1 is
// shown, and the hidden counts of a chart together are 0 or at least min
// (worked out against the unsuppressed counts).
func checkShown(t *testing.T, b *questions.Bank, p *Picture, who []questions.Choices, min int) {
	t.Helper()
	raw := picture(b, who, 1)
	charts := func(p *Picture) [][]Count {
		cs := [][]Count{p.Outcomes, p.Statuses}
		for _, q := range p.Questions {
			cs = append(cs, q.Options)
		}
		return cs
	}
	rc := charts(raw)
	for ci, c := range charts(p) {
		hidden := 0
		for i, cell := range c {
			if !cell.Hidden && cell.N > 0 && cell.N < min {
				t.Fatalf("chart %d row %s shows %d, below %d", ci, cell.ID, cell.N, min)
			}
			if cell.Hidden {
				hidden += rc[ci][i].N
			} else if cell.N != rc[ci][i].N {
				t.Fatalf("chart %d row %s shows %d, counted %d", ci, cell.ID, cell.N, rc[ci][i].N)
			}
		}
		if hidden > 0 && hidden < min {
			t.Fatalf("chart %d: the hidden rows add to %d, which total less the rest gives away", ci, hidden)
		}
	}
}

// TestNoSubtraction: under every order of finishing six participants, and
// a reveal after any number of them, no two pictures the projector ever
// shows differ by exactly one participant's answers, none shows a count
// below the minimum group, and pictures differ by at least the minimum
// group of people. A picture redrawn at every finish (the old behaviour)
// is caught by the same check, so the check can fail.
func TestNoSubtraction(t *testing.T) {
	b := testBank(t)
	const n, min = 6, 3
	sheets := randomSheets(b, n, 7)
	// The check catches the old, live picture: the sixth finisher is
	// subtracted out.
	if !isolates(b, picture(b, sheets[:5], 1), picture(b, sheets[:6], 1), sheets[5]) {
		t.Fatal("the attack does not find a participant in a live picture: the check cannot fail")
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	orders := 0
	var permute func(k int)
	permute = func(k int) {
		if k == n {
			orders++
			for revealAt := min; revealAt <= n; revealAt++ {
				checkOrder(t, b, sheets, perm, revealAt, min)
			}
			return
		}
		for i := k; i < n; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			permute(k + 1)
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	permute(0)
	if orders != 720 {
		t.Fatalf("%d orders", orders)
	}
}

// checkOrder finishes sheets in order perm, revealing after revealAt, and
// checks every picture shown.
func checkOrder(t *testing.T, b *questions.Bank, sheets []questions.Choices, perm []int, revealAt, min int) {
	var g gate
	var done []questions.Choices
	var shown []*Picture
	var covered []int
	for i, idx := range perm {
		done = append(done, sheets[idx])
		if i+1 >= revealAt && g.advance(b, done, min) {
			shown = append(shown, g.pic)
			covered = append(covered, g.covered)
			checkShown(t, b, g.pic, done, min)
		}
	}
	for i := range shown {
		for j := i + 1; j < len(shown); j++ {
			if d := covered[j] - covered[i]; d < min {
				t.Fatalf("order %v: pictures %d apart", perm, d)
			}
			for _, idx := range perm[covered[i]:covered[j]] {
				if isolates(b, shown[i], shown[j], sheets[idx]) {
					t.Fatalf("order %v reveal at %d: participant %d subtracted out", perm, revealAt, idx)
				}
			}
		}
	}
}

// TestPictureFrozen: after r the picture stays as it was while fewer than
// the minimum group more finish, then moves on; hiding and showing again
// keeps it; the screen's snapshot says how many wait.
func TestPictureFrozen(t *testing.T) {
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 20)
	sheets := randomSheets(b, 8, 3)
	for _, ch := range sheets[:2] {
		finishOne(t, room, ch)
	}
	if err := room.Reveal(); !errors.Is(err, ErrTooFew) {
		t.Fatalf("Reveal with 2 of 3: %v", err)
	}
	finishOne(t, room, sheets[2])
	if s := room.Snapshot(); s.Picture != nil {
		t.Fatal("a picture before r")
	}
	if err := room.Reveal(); err != nil {
		t.Fatal(err)
	}
	first := room.Snapshot().Picture
	if first == nil || first.Total != 3 {
		t.Fatalf("picture after r: %+v", first)
	}
	for i, ch := range sheets[3:5] {
		finishOne(t, room, ch)
		s := room.Snapshot()
		if !reflect.DeepEqual(s.Picture, first) || s.Waiting != i+1 {
			t.Fatalf("the picture changed after %d more finished (waiting %d)", i+1, s.Waiting)
		}
	}
	room.Hide()
	if s := room.Snapshot(); s.Picture != nil || !s.Hidden {
		t.Fatal("hidden, the picture is still in the snapshot")
	}
	finishOne(t, room, sheets[5])
	room.Reveal()
	if s := room.Snapshot(); s.Picture == nil || s.Picture.Total != 6 || s.Waiting != 0 {
		t.Fatalf("after 3 more: %+v", s)
	}
}

// TestWellbeingNeverProjected: the wellbeing question has no chart, no
// status says wellbeing first, and a sheet counts the same whatever its
// wellbeing answer.
func TestWellbeingNeverProjected(t *testing.T) {
	b := testBank(t)
	yes, no := map[string]string{}, map[string]string{}
	for k, v := range coachingAnswers {
		yes[k], no[k] = v, v
	}
	yes["wellbeing"] = "yes"
	withYes := []questions.Choices{answersOf(t, b, yes), answersOf(t, b, yes), answersOf(t, b, yes)}
	withNo := []questions.Choices{answersOf(t, b, no), answersOf(t, b, no), answersOf(t, b, no)}
	if advisor.Decide(b, withYes[0]).Status != advisor.StatusWellbeing {
		t.Fatal("fixture: wellbeing yes is not wellbeing first")
	}
	p := picture(b, withYes, 3)
	if !reflect.DeepEqual(p, picture(b, withNo, 3)) {
		t.Error("the picture differs with the wellbeing answer")
	}
	for _, s := range p.Statuses {
		if s.ID == string(advisor.StatusWellbeing) {
			t.Error("the picture has a wellbeing-first row")
		}
	}
	for _, q := range p.Questions {
		if b.Questions[b.Question(q.ID)].Kind == questions.KindSafety {
			t.Errorf("the picture charts the safety question %s", q.ID)
		}
	}
}

// TestNoLeaningRow: "not sure" to everything is its own row, no call.
func TestNoLeaningRow(t *testing.T) {
	b := testBank(t)
	var all []questions.Choices
	for range 5 {
		ch := b.NewChoices()
		for q := range b.Questions {
			ch[q] = int8(b.Unsure(q))
		}
		all = append(all, ch)
	}
	p := picture(b, all, 3)
	for _, o := range p.Outcomes {
		want := map[string]int{NoLeaningID: 5}[o.ID]
		if o.N != want || o.Hidden {
			t.Errorf("%s: %d (hidden %v), want %d", o.ID, o.N, o.Hidden, want)
		}
	}
	if p.Outcomes[len(p.Outcomes)-1].Pct != 100 {
		t.Errorf("no leaning at %d%%", p.Outcomes[len(p.Outcomes)-1].Pct)
	}
}

// TestSuppress: counts below the minimum are hidden, and one more while
// the hidden ones could be worked out.
func TestSuppress(t *testing.T) {
	for _, c := range []struct{ in, hidden []int }{
		{[]int{10, 2, 0}, []int{0, 1}}, // 2 alone is 12-10: the 10 is hidden too
		{[]int{6, 3, 3}, []int{1, 2}},  // 3+3 is at least 5: enough
		{[]int{5, 5, 0}, nil},
		{[]int{7, 1, 1, 6}, []int{1, 2, 3}}, // 1+1 is below 5: the smallest shown (6) too
	} {
		cs := make([]Count, len(c.in))
		for i, n := range c.in {
			cs[i].N = n
		}
		suppress(cs, 5)
		percentages(cs, 12)
		var got []int
		for i, x := range cs {
			if x.Hidden {
				got = append(got, i)
			}
		}
		if !reflect.DeepEqual(got, c.hidden) {
			t.Errorf("%v: hidden %v, want %v", c.in, got, c.hidden)
		}
		for _, x := range cs {
			if x.Hidden && (x.N != 0 || x.Pct != 0) {
				t.Errorf("%v: a hidden row keeps its count", c.in)
			}
		}
	}
}

// TestQuitPrintsNoSummary: what the terminal shows at quit (on the
// projector) names the room file and the command to score it, and holds no
// summary: no wellbeing count, no call counts.
func TestQuitPrintsNoSummary(t *testing.T) {
	b := testBank(t)
	yes := map[string]string{}
	for k, v := range coachingAnswers {
		yes[k] = v
	}
	yes["wellbeing"] = "yes"
	for _, n := range []int{2, 3} {
		room, _ := newTestRoom(t, 3, 10)
		for range n {
			finishOne(t, room, answersOf(t, b, yes))
		}
		var out strings.Builder
		if err := PrintClosing(&out, room); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if !strings.Contains(got, room.Path()) || !strings.Contains(got, fmt.Sprintf("%d finished", n)) {
			t.Errorf("%d finished: %q lacks the room file or the counts", n, got)
		}
		if n >= 3 && !strings.Contains(got, "guidepost score --csv "+room.Path()+" --summary") {
			t.Errorf("%d finished: %q lacks the command that scores the room", n, got)
		}
		for _, leak := range []string{"ellbeing first", "Coaching", "coaching", "Recommendations", "%"} {
			if strings.Contains(got, leak) {
				t.Errorf("%d finished: the quit message shows %q to the room:\n%s", n, leak, got)
			}
		}
	}
}

// TestRoomNeverAsksWhoAnswered: each participant answers on their own
// phone, so the room neither asks who gave the answers nor charts it.
func TestRoomNeverAsksWhoAnswered(t *testing.T) {
	b := testBank(t)
	for _, quick := range []bool{false, true} {
		for _, q := range Asked(b, quick) {
			if b.Questions[q].ID == "answered_by" {
				t.Errorf("quick=%v: the room asks answered_by", quick)
			}
		}
	}
	if n, want := len(Asked(b, false)), len(b.Asked(false))-1; n != want {
		t.Errorf("the room asks %d questions, want the bank's %d less one", n, want)
	}
	for _, qp := range picture(b, nil, 3).Questions {
		if qp.ID == "answered_by" {
			t.Error("the picture charts who gave the answers")
		}
	}
}
