package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

// TestScoreStatus: every status reaches the status column of CSV and
// JSONL rows, as Decide says it (CONTRACT §5 and §6).
func TestScoreStatus(t *testing.T) {
	tests := []struct{ answers, status string }{
		{"need=behaviour horizon=short", "clear"},
		// No close call: in this bank only the budget answer (feasibility)
		// made one, and feasibility no longer turns a clear need into a
		// close call (advisor, choose). The column is written the same way.
		{"need=behaviour horizon=long", "mixed_signals"},
		{"need=behaviour", "too_few_answers"},
		{"need=behaviour horizon=short wellbeing=yes", "wellbeing_first"},
	}
	// CONTRACT §6: columns are added after the last, never moved.
	if want := "id,recommendation,confidence,coaching,mentoring,error,cautions,status,route\n"; csvHeader != want {
		t.Errorf("header %q, want %q", csvHeader, want)
	}
	var in strings.Builder
	in.WriteString("need,horizon,budget,wellbeing\n")
	for _, tt := range tests {
		cells := map[string]string{}
		for _, a := range strings.Fields(tt.answers) {
			q, o, _ := strings.Cut(a, "=")
			cells[q] = o
		}
		in.WriteString(cells["need"] + "," + cells["horizon"] + "," + cells["budget"] + "," + cells["wellbeing"] + "\n")
		if got := string(decideAnswers(t, tt.answers).Status); got != tt.status {
			t.Fatalf("fixture: %s decides %s, want %s", tt.answers, got, tt.status)
		}
	}
	rows := outputRows(t, runScore(t, in.String(), Options{}).out)
	jsonl := strings.Split(strings.TrimSuffix(runScore(t, in.String(), Options{Format: "jsonl"}).out, "\n"), "\n")
	if len(rows) != len(tests) || len(jsonl) != len(tests) {
		t.Fatalf("%d CSV rows, %d JSONL lines, want %d", len(rows), len(jsonl), len(tests))
	}
	for i, tt := range tests {
		if rows[i][7] != tt.status {
			t.Errorf("CSV row %d (%s): status %q, want %q", i+1, tt.answers, rows[i][7], tt.status)
		}
		var row struct{ Status string }
		if err := json.Unmarshal([]byte(jsonl[i]), &row); err != nil || row.Status != tt.status {
			t.Errorf("JSONL line %d (%s): status %q (%v), want %q", i+1, tt.answers, row.Status, err, tt.status)
		}
	}
}

// routeBank is the CSV test bank with two other routes: wellbeing support
// (with wellbeing first) and training (need=career with horizon=both).
func routeBank(t *testing.T) *questions.Bank {
	t.Helper()
	data, err := os.ReadFile("testdata/csv/bank.toml")
	if err != nil {
		t.Fatal(err)
	}
	const routes = `
[[route]]
id = "wellbeing_support"
label = "Wellbeing support"
when.all = [ { question = "wellbeing", in = ["yes"] } ]
summary = "Support first."
sources = ["src_a"]
next_steps = [ { id = "support", text = "Find support.", sources = ["src_a"] } ]

[[route]]
id = "training"
label = "Training"
when.all = [ { question = "need", in = ["career"] }, { question = "horizon", in = ["both"] } ]
summary = "Train first."
sources = ["src_a"]
next_steps = [ { id = "train", text = "Train.", sources = ["src_a"] } ]
`
	b, err := questions.Parse("bank.toml", append(data, routes...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScoreRoute: the route reaches the route column of CSV rows, the
// route field of JSONL rows and the summary (CONTRACT §6), with the status
// another_route, or wellbeing_first for the wellbeing route.
func TestScoreRoute(t *testing.T) {
	b := routeBank(t)
	in := "need,horizon,wellbeing\nbehaviour,short,no\ncareer,both,no\nbehaviour,short,yes\n"
	want := []struct{ status, route string }{{"clear", ""}, {"another_route", "training"}, {"wellbeing_first", "wellbeing_support"}}
	var out bytes.Buffer
	if _, err := Score(b, strings.NewReader(in), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	rows := outputRows(t, out.String())
	out.Reset()
	if _, err := Score(b, strings.NewReader(in), &out, Options{Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	jsonl := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for i, w := range want {
		if rows[i][7] != w.status || rows[i][8] != w.route {
			t.Errorf("CSV row %d: status %q route %q, want %q %q", i+1, rows[i][7], rows[i][8], w.status, w.route)
		}
		var row struct{ Status, Route string }
		if err := json.Unmarshal([]byte(jsonl[i]), &row); err != nil || row.Status != w.status || row.Route != w.route {
			t.Errorf("JSONL line %d: %+v (%v), want %q %q", i+1, row, err, w.status, w.route)
		}
	}
	out.Reset()
	if _, err := Score(b, strings.NewReader(in), &out, Options{Summary: true}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Another route first", "Training (training) ", "Wellbeing support (wellbeing_support) "} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("summary lacks %q:\n%s", s, out.String())
		}
	}
}

// TestRowsDoNotAllocate: writing a row, scored or failed, in CSV or JSONL,
// allocates nothing once the line buffer has grown.
func TestRowsDoNotAllocate(t *testing.T) {
	b := csvBank(t)
	ch := b.NewChoices()
	ch[b.Question("need")] = int8(b.Option(b.Question("need"), "career"))
	ch[b.Question("wellbeing")] = int8(b.Option(b.Question("wellbeing"), "yes"))
	rows := []rowResult{
		{num: 1, line: 2, id: "p1", ch: ch, v: advisor.Decide(b, ch)},
		{num: 2, line: 3, id: "=p2,x", err: `column "need": "x" is not an option`},
		{num: 3, line: 4, ch: ch, v: advisor.Decide(b, ch)},
	}
	w := bufio.NewWriterSize(io.Discard, 1<<16)
	for name, s := range map[string]sink{"csv": newCSVSink(b, w), "jsonl": &jsonlSink{b: b, w: w}} {
		for i := range rows {
			if n := testing.AllocsPerRun(100, func() { s.row(&rows[i]) }); n != 0 {
				t.Errorf("%s row %d: %v allocations", name, i+1, n)
			}
		}
	}
}
