package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"guidepost/advisor"
	"guidepost/questions"
)

func TestSummaryGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/csv/summary_in.csv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		golden string
		opt    Options
		warn   string
	}{
		{"summary.txt", Options{Summary: true}, "2 column(s) that are not questions of bank.toml: team, comment"},
		{"summary.md", Options{Summary: true, Format: "markdown"}, "team, comment"},
		{"summary_by_team.txt", Options{Summary: true, By: "team"}, "1 column(s) that are not questions of bank.toml: comment"},
		{"summary_by_team.md", Options{Summary: true, By: " TEAM", Format: "markdown"}, ": comment"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			run := runScore(t, string(in), tt.opt)
			if run.err != nil {
				t.Fatal(run.err)
			}
			if run.stats != (Stats{Rows: 20, Failed: 3}) {
				t.Errorf("stats %+v, want 20 rows, 3 failed", run.stats)
			}
			checkWarning(t, run.warn, tt.warn)
			checkGolden(t, filepath.Join("testdata/csv", tt.golden), run.out)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./advisor/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./advisor/ -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestSummaryHeaderOnly(t *testing.T) {
	run := runScore(t, "need,team\n", Options{Summary: true, By: "team"})
	if run.err != nil {
		t.Fatal(run.err)
	}
	for _, want := range []string{"Rows: 0 (0 scored, 0 failed)", "too few scored rows (0)"} {
		if !strings.Contains(run.out, want) {
			t.Errorf("summary lacks %q:\n%s", want, run.out)
		}
	}
}

func TestSummaryGroupNamesCleaned(t *testing.T) {
	run := runScore(t, "team,need\n"+strings.Repeat("\"Ops\x1b]0;pwned\x07\",career\n", MinGroupFloor), Options{Summary: true, By: "team", MinGroup: MinGroupFloor})
	if run.err != nil {
		t.Fatal(run.err)
	}
	if strings.ContainsAny(run.out, "\x1b\x07") || !strings.Contains(run.out, "team: Ops\n") {
		t.Errorf("group name not cleaned:\n%q", run.out)
	}
}

func TestSummaryCapsGroups(t *testing.T) {
	var in strings.Builder
	in.WriteString("id,need\n")
	for i := range maxGroups + 50 {
		for range MinGroupFloor { // each group big enough to be shown
			in.WriteString("g" + strings.Repeat("0", 4) + string(rune('a'+i%26)) + itoa(i) + ",career\n")
		}
	}
	run := runScore(t, in.String(), Options{Summary: true, By: "id", MinGroup: MinGroupFloor})
	if run.err != nil {
		t.Fatal(run.err)
	}
	if n := strings.Count(run.out, "\nid: "); n != maxGroups+1 {
		t.Errorf("%d group sections, want %d", n, maxGroups+1)
	}
	if !strings.Contains(run.out, "id: "+otherGroups+"\n") || !strings.Contains(run.out, "Rows: 150 (150 scored") {
		t.Errorf("no %q section of 50 rows", otherGroups)
	}
}

func itoa(i int) string { return string(appendHalves(nil, int32(2*i))) }

func TestSuggest(t *testing.T) {
	b := csvBank(t)
	s := &summary{b: b, need: -1}
	c, m, k := b.Outcome("coaching"), b.Outcome("mentoring"), b.Outcome("combined")
	tests := []struct {
		name   string
		counts map[int]int            // rows with enough answers, by recommendation
		status map[advisor.Status]int // how many of them have this status; the rest are clear
		few    int                    // rows with too few answers, all leaning coaching
		failed int
		conf   float64 // average confidence
		advice string  // a part of the advice
		notes  []string
	}{
		{"too few", map[int]int{c: 4}, nil, 0, 0, 0.8, "too few scored rows (4)", nil},
		{"mostly coaching", map[int]int{c: 7, m: 2, k: 1}, nil, 0, 0, 0.8, adviceCoaching, nil},
		{"mostly mentoring", map[int]int{c: 1, m: 7, k: 2}, nil, 0, 0, 0.8, adviceMentoring, nil},
		{"mostly combined", map[int]int{c: 2, m: 1, k: 7}, nil, 0, 0, 0.8, adviceCombined, nil},
		{"both common", map[int]int{c: 4, m: 4, k: 2}, nil, 0, 0, 0.8, adviceBoth, nil},
		{"60/40 is both", map[int]int{c: 6, m: 4}, nil, 0, 0, 0.8, adviceBoth, nil},
		{"both common through combined", map[int]int{c: 5, m: 1, k: 4}, nil, 0, 0, 0.8, adviceBoth, nil},
		{"leaning coaching", map[int]int{c: 13, m: 7}, nil, 0, 0, 0.8, adviceLeanC, nil},
		{"leaning mentoring", map[int]int{c: 7, m: 13}, nil, 0, 0, 0.8, adviceLeanM, nil},
		{"failed rows", map[int]int{c: 9}, nil, 0, 1, 0.8, adviceCoaching, []string{"1 of 10 rows could not be scored"}},
		{"low confidence", map[int]int{m: 9}, nil, 0, 0, 0.3, adviceMentoring, []string{"the average confidence is low"}},
		// Statuses: wellbeing first leads when common, else is a note.
		{"wellbeing first leads", map[int]int{m: 8, c: 2}, map[advisor.Status]int{advisor.StatusWellbeing: 2}, 0, 0, 0.8,
			"wellbeing first for 2 of 10 people: help each of them find the right professional support before anything else (coaches and mentors are not therapists); then " + adviceMentoring, nil},
		{"one wellbeing row is a note", map[int]int{m: 10}, map[advisor.Status]int{advisor.StatusWellbeing: 1}, 0, 0, 0.8, adviceMentoring,
			[]string{"1 row puts wellbeing first: help that person find the right professional support"}},
		// Too few answers is no recommendation: 7 of 10 mentoring is
		// mostly mentoring, whatever the 2 rows with too few answers lean to.
		{"too few answers left out of the shares", map[int]int{m: 7, c: 3}, nil, 2, 0, 0.8, adviceMentoring + " (from the 10 of 12 rows with enough answers)", nil},
		{"mixed signals make it tentative", map[int]int{c: 10}, map[advisor.Status]int{advisor.StatusMixed: 3}, 0, 0, 0.8, adviceTentative + adviceCoaching,
			[]string{"3 of 10 rows are only a leaning (0 too few answers, 3 mixed signals)"}},
		{"the leaning note replaces low confidence", map[int]int{m: 9}, map[advisor.Status]int{advisor.StatusMixed: 2}, 0, 0, 0.3, adviceTentative + adviceMentoring,
			[]string{"2 of 9 rows are only a leaning"}},
		{"not settled", map[int]int{c: 6}, map[advisor.Status]int{advisor.StatusMixed: 2}, 3, 0, 0.8, "not settled: 5 of 9 rows have too few answers or mixed signals, so no programme is suggested",
			[]string{"5 of 9 rows are only a leaning (3 too few answers, 2 mixed signals)"}},
		{"too few rows with enough answers", map[int]int{c: 3}, nil, 4, 0, 0.8, "too few rows with enough answers (3 of 7)",
			[]string{"4 of 7 rows are only a leaning"}},
		{"close calls are recommendations", map[int]int{c: 8, m: 2}, map[advisor.Status]int{advisor.StatusClose: 5}, 0, 0, 0.8, adviceCoaching, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := s.newTally("x")
			for o, n := range tt.counts {
				tl.outcomes[o] += n
				tl.based[o] += n
				tl.rows += n
			}
			clear := tl.rows
			for st, n := range tt.status {
				tl.statuses[statusIndex(st)] = n
				clear -= n
			}
			tl.statuses[statusIndex(advisor.StatusClear)] = clear
			tl.statuses[statusIndex(advisor.StatusTooFew)] = tt.few
			tl.outcomes[c] += tt.few
			tl.rows += tt.few
			tl.conf = tt.conf * float64(tl.rows)
			tl.rows += tt.failed
			tl.failed = tt.failed
			advice, notes := s.suggest(tl)
			if !strings.Contains(advice, tt.advice) {
				t.Errorf("advice %q, want %q", advice, tt.advice)
			}
			if tt.status[advisor.StatusWellbeing] > 1 && !strings.HasPrefix(advice, "wellbeing first") {
				t.Errorf("advice %q does not start with wellbeing first", advice)
			}
			if len(notes) != len(tt.notes) {
				t.Fatalf("notes %q, want %q", notes, tt.notes)
			}
			for i, n := range tt.notes {
				if !strings.HasPrefix(notes[i], n) {
					t.Errorf("note %q, want %q", notes[i], n)
				}
			}
		})
	}
}

func TestBar(t *testing.T) {
	tests := []struct{ n, total, full int }{{0, 0, 0}, {0, 10, 0}, {10, 10, barWidth}, {5, 10, barWidth / 2}, {1, 1000, 1}}
	for _, tt := range tests {
		got := bar(tt.n, tt.total, barWidth)
		if strings.Count(got, "█") != tt.full || strings.Count(got, "█")+strings.Count(got, "░") != barWidth {
			t.Errorf("bar(%d, %d) = %q, want %d full of %d", tt.n, tt.total, got, tt.full, barWidth)
		}
	}
}

// TestSummaryNamesFailedRows: the summary said "see the error column",
// which summary mode does not print. It now names the failed rows (their
// ids, else their numbers, with their lines), at most maxFailedListed,
// then their count.
func TestSummaryNamesFailedRows(t *testing.T) {
	var in strings.Builder
	in.WriteString("id,need\n")
	for i := range 15 {
		in.WriteString("bad" + itoa(i) + ",nope\n")
	}
	in.WriteString(",nope\nok,career\n")
	for _, md := range []bool{false, true} {
		opt := Options{Summary: true}
		if md {
			opt.Format = "markdown"
		}
		run := runScore(t, in.String(), opt)
		if run.err != nil {
			t.Fatal(run.err)
		}
		want := "bad0 (line 2), bad1 (line 3), bad2 (line 4), bad3 (line 5), bad4 (line 6), bad5 (line 7), bad6 (line 8), bad7 (line 9), bad8 (line 10), bad9 (line 11) and 6 more"
		got := strings.Join(strings.Fields(run.out), " ")
		if !strings.Contains(got, want) || strings.Contains(got, "see the error column") {
			t.Errorf("markdown %v: summary does not name the failed rows as %q:\n%s", md, want, run.out)
		}
	}
	run := runScore(t, "id,need\n,nope\n", Options{Summary: true})
	if !strings.Contains(run.out, "Failed: row 1 (line 2)\n") {
		t.Errorf("a row with no id is not named by its number:\n%s", run.out)
	}
}

// TestSummaryShippedCautionsWhole: with the shipped rule set, every caution
// raised is given whole (it was cut at 70 characters: "it is easy to
// drift from as…"), in the bank's words for no particular reader (as an
// explanation for none shows it), and every line fits 80 columns.
func TestSummaryShippedCautionsWhole(t *testing.T) {
	bank := defaultBank(t)
	var out bytes.Buffer
	if _, err := Score(bank, bytes.NewReader(generatedCSV(bank, 2000)), &out, Options{Summary: true}); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(out.String()), " ")
	raised := 0
	for _, c := range bank.Cautions {
		if strings.Contains(out.String(), "  "+c.ID+" (") {
			raised++
			if !strings.Contains(flat, strings.Join(strings.Fields(c.Voice.For(questions.NoAudience)), " ")) {
				t.Errorf("caution %s is not given whole", c.ID)
			}
		}
	}
	if raised < 3 || strings.Contains(out.String(), "…") {
		t.Errorf("%d cautions raised, want several; output:\n%s", raised, out.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if utf8.RuneCountInString(line) > summaryWidth {
			t.Errorf("line of %d runes: %q", utf8.RuneCountInString(line), line)
		}
	}
}

// TestSummaryStatusCounts: the summary's status counts, in words and in
// advisor.Statuses order before the recommendations, are the counts of the
// rows' status column.
func TestSummaryStatusCounts(t *testing.T) {
	bank := defaultBank(t)
	data := generatedCSV(bank, 500)
	var rows, sum bytes.Buffer
	if _, err := Score(bank, bytes.NewReader(data), &rows, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Score(bank, bytes.NewReader(data), &sum, Options{Summary: true}); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, r := range outputRows(t, rows.String()) {
		count[r[7]]++
	}
	out := sum.String()
	at := strings.Index(out, "\nStatus\n")
	if at < 0 || at > strings.Index(out, "\nRecommendations\n") {
		t.Fatalf("no status section before the recommendations:\n%s", out)
	}
	lines := strings.Split(out[at+len("\nStatus\n"):], "\n")
	seen := 0
	for i, st := range advisor.Statuses {
		f := strings.Fields(strings.TrimPrefix(lines[i], "  "+st.Text()))
		if !strings.HasPrefix(lines[i], "  "+st.Text()+" ") || len(f) != 2 || f[0] != itoa(count[string(st)]) {
			t.Errorf("line %q, want %s with %d rows", lines[i], st.Text(), count[string(st)])
		}
		seen += count[string(st)]
	}
	if seen != 500 || len(count) < 3 {
		t.Errorf("statuses %v: want several, covering all 500 rows", count)
	}
}

// TestSummaryMarkdownEscaped: the Markdown summary escapes what it echoes
// (the grouping column, group names, failed rows' ids) with
// advisor.Markdown, the one Markdown escaper, so no name becomes a link,
// image, HTML, emphasis or table cell.
func TestSummaryMarkdownEscaped(t *testing.T) {
	group := "![i](http://e/x.png) <b>&amp; *y*|~z~"
	run := runScore(t, "id,need,t_e[am]\n\"[p](u)\",nope,\""+group+"\"\n", Options{Summary: true, By: "T_E[AM]", Format: "markdown"})
	if run.err != nil {
		t.Fatal(run.err)
	}
	for _, want := range []string{
		"# Guidepost batch summary, by " + advisor.Markdown("t_e[am]") + "\n",
		"## " + advisor.Markdown("t_e[am]: "+group) + "\n",
		"Failed: " + advisor.Markdown("[p](u) (line 2)") + ".",
	} {
		if !strings.Contains(run.out, want) {
			t.Errorf("summary lacks %q:\n%s", want, run.out)
		}
	}
	for _, raw := range []string{"](", "<b", "&amp;", "*y", "|~"} {
		if strings.Count(run.out, raw) != strings.Count(run.out, `\`+raw) {
			t.Errorf("summary holds %q unescaped:\n%s", raw, run.out)
		}
	}
}
