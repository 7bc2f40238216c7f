package batch

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"guidepost/advisor"
)

// privRows are answers for csvBank: a clear call, too few answers, and
// wellbeing first.
var privRows = []string{"behaviour,short,external,no", "career,both,external,no", "networking,long,none,no", ",,,no", "networking,long,none,yes"}

// TestSummaryOnePersonTeam: a one-person team's breakdown is never shown,
// not on its own ("Wellbeing first 1 (100%)") and not as All rows minus
// the one other team: that team is withheld with it.
func TestSummaryOnePersonTeam(t *testing.T) {
	in := "id,team,need,horizon,budget,wellbeing\n"
	for i := range 6 {
		in += fmt.Sprintf("s%d,Sales,%s\n", i, privRows[i%3])
	}
	in += "solo,Solo,networking,long,none,yes\n"
	for _, format := range []string{"text", "markdown"} {
		run := runScore(t, in, Options{Summary: true, By: "team", Format: format})
		if run.err != nil {
			t.Fatal(run.err)
		}
		for _, bad := range []string{"team: Solo", "team: Sales", "100%"} {
			if strings.Contains(run.out, bad) {
				t.Errorf("%s: summary shows %q:\n%s", format, bad, run.out)
			}
		}
		want := "Not shown: 1 group with fewer than 5 scored rows, and 1 larger group withheld with them so that All rows cannot give them away: 7 people, counted in All rows only."
		if strings.Join(strings.Fields(strings.ReplaceAll(run.out, `\`, "")), " ") == "" ||
			!strings.Contains(strings.Join(strings.Fields(run.out), " "), want) {
			t.Errorf("%s: no line saying what is withheld:\n%s", format, run.out)
		}
	}
}

var sectionRows = regexp.MustCompile(`(?m)^(team: .*|All rows)\n=+\nRows: \d+ \((\d+) scored`)

// TestSummaryNoDifferencing: whatever the teams' sizes, every group shown
// has at least MinGroup scored rows, and All rows minus the groups shown
// is none or at least MinGroup people, so no subtraction singles anyone
// out; All rows itself is a breakdown only from MinGroup scored rows on.
func TestSummaryNoDifferencing(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	for trial := range 300 {
		min := []int{0, MinGroupFloor, 5, 8}[trial%4]
		floor := min
		if min == 0 {
			floor = DefaultMinGroup
		}
		var in strings.Builder
		in.WriteString("team,need,horizon,budget,wellbeing\n")
		for g := range 1 + rng.IntN(6) {
			for range rng.IntN(13) {
				fmt.Fprintf(&in, "T%d,%s\n", g, privRows[rng.IntN(len(privRows))])
			}
			if rng.IntN(4) == 0 {
				fmt.Fprintf(&in, "T%d,nope\n", g) // a failed row
			}
		}
		run := runScore(t, in.String(), Options{Summary: true, By: "team", MinGroup: min})
		if run.err != nil {
			t.Fatal(run.err)
		}
		shown, all := 0, -1
		for _, m := range sectionRows.FindAllStringSubmatch(run.out, -1) {
			n, _ := strconv.Atoi(m[2])
			if m[1] == "All rows" {
				all = n
				continue
			}
			if n > 0 && n < floor {
				t.Fatalf("min %d: %s shown with %d scored rows:\n%s", min, m[1], n, run.out)
			}
			shown += n
		}
		if rest := all - shown; all < 0 || all >= floor && rest > 0 && rest < floor {
			t.Fatalf("min %d: All rows (%d) minus the groups shown (%d) singles out %d:\n%s", min, all, shown, rest, run.out)
		}
		if all > 0 && all < floor && strings.Contains(run.out, "\nStatus\n") {
			t.Fatalf("min %d: All rows of %d has a breakdown:\n%s", min, all, run.out)
		}
	}
}

// TestSummaryMinGroupOption: MinGroup sets the minimum; under the floor
// it is refused.
func TestSummaryMinGroupOption(t *testing.T) {
	in := "team,need,horizon,budget,wellbeing\n" + strings.Repeat("A,"+privRows[0]+"\n", 6) + strings.Repeat("B,"+privRows[1]+"\n", 9)
	for _, tt := range []struct {
		min   int
		shown []string
	}{{0, []string{"team: A", "team: B"}}, {6, []string{"team: A", "team: B"}}, {7, nil}, {MinGroupFloor, []string{"team: A", "team: B"}}} {
		run := runScore(t, in, Options{Summary: true, By: "team", MinGroup: tt.min})
		if run.err != nil {
			t.Fatal(run.err)
		}
		if got := regexp.MustCompile(`(?m)^team: \w`).FindAllString(run.out, -1); strings.Join(got, ",") != strings.Join(tt.shown, ",") {
			t.Errorf("min %d: sections %q, want %q", tt.min, got, tt.shown)
		}
	}
	run := runScore(t, in, Options{Summary: true, By: "team", MinGroup: MinGroupFloor - 1})
	if run.err == nil || !strings.Contains(run.err.Error(), "at least 3") {
		t.Errorf("min %d: err %v", MinGroupFloor-1, run.err)
	}
}

// TestSummaryBarsCountCallsOnly: rows with too few answers or wellbeing
// first are not a call, so the bars leave them out and say so.
func TestSummaryBarsCountCallsOnly(t *testing.T) {
	in := "need,horizon,budget,wellbeing\n" + privRows[0] + "\n" + strings.Repeat(privRows[3]+"\n", 2) + strings.Repeat(privRows[4]+"\n", 3)
	run := runScore(t, in, Options{Summary: true})
	if run.err != nil {
		t.Fatal(run.err)
	}
	for _, want := range []string{"  coaching  ████████████████████████ 1 (100%)\n", " 0 (0%)\n", "Not a call, so not in the bars: 5 rows (2 too few answers, 3 wellbeing first)."} {
		if !strings.Contains(run.out, want) {
			t.Errorf("summary lacks %q:\n%s", want, run.out)
		}
	}
}

// TestSummaryCells: the summary measures in terminal cells: a heading's
// underline is as wide as a CJK team name, and text wraps to the width
// asked for (80 by default).
func TestSummaryCells(t *testing.T) {
	in := "team,need,horizon,budget,wellbeing\n" + strings.Repeat("営業チーム,"+privRows[0]+"\n", 5) + strings.Repeat("営業チーム,"+privRows[4]+"\n", 2)
	for _, width := range []int{0, 44, 120} {
		run := runScore(t, in, Options{Summary: true, By: "team", Width: width})
		if run.err != nil {
			t.Fatal(run.err)
		}
		if !strings.Contains(run.out, "team: 営業チーム\n================\n") {
			t.Errorf("width %d: heading not underlined to its 16 cells:\n%s", width, run.out)
		}
		limit := map[int]int{0: 80, 44: 44, 120: 120}[width]
		widest := 0
		for _, l := range strings.Split(run.out, "\n") {
			widest = max(widest, advisor.Width(l))
		}
		if widest > limit || width == 120 && widest <= 80 {
			t.Errorf("width %d: widest line %d cells:\n%s", width, widest, run.out)
		}
	}
}
