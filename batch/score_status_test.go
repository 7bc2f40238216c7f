package batch

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"guidepost/advisor"
)

// TestScoreStatus: every status reaches the status column of CSV and
// JSONL rows, as Decide says it (CONTRACT §5 and §6).
func TestScoreStatus(t *testing.T) {
	tests := []struct{ answers, status string }{
		{"need=behaviour horizon=short", "clear"},
		{"need=career horizon=long budget=external", "close_call"},
		{"need=behaviour horizon=long", "mixed_signals"},
		{"need=behaviour", "too_few_answers"},
		{"need=behaviour horizon=short wellbeing=yes", "wellbeing_first"},
	}
	// CONTRACT §6: columns are added after the last, never moved.
	if want := "id,recommendation,confidence,coaching,mentoring,error,cautions,status\n"; csvHeader != want {
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
