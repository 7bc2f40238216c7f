package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

var (
	bankOnce sync.Once
	testBank *questions.Bank
	bankErr  error
)

// csvBank is the rule set of testdata/csv/bank.toml: need, horizon, budget
// and wellbeing.
func csvBank(tb testing.TB) *questions.Bank {
	tb.Helper()
	bankOnce.Do(func() {
		data, err := os.ReadFile("testdata/csv/bank.toml")
		if err != nil {
			bankErr = err
			return
		}
		testBank, bankErr = questions.Parse("bank.toml", data)
	})
	if bankErr != nil {
		tb.Fatal(bankErr)
	}
	return testBank
}

type csvRun struct {
	out   string
	warn  string
	stats Stats
	err   error
}

func runScore(tb testing.TB, in string, opt Options) csvRun {
	tb.Helper()
	var out, warn bytes.Buffer
	opt.Warn = &warn
	st, err := Score(csvBank(tb), strings.NewReader(in), &out, opt)
	return csvRun{out: out.String(), warn: warn.String(), stats: st, err: err}
}

// outputRows parses CSV output, checks its header and returns the data rows.
func outputRows(tb testing.TB, out string) [][]string {
	tb.Helper()
	cr := csv.NewReader(strings.NewReader(out))
	recs, err := cr.ReadAll()
	if err != nil {
		tb.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",")+"\n" != csvHeader {
		tb.Fatalf("output header: got %q", recs)
	}
	return recs[1:]
}

// expected returns the recommendation for answers written "need=career
// horizon=both", as Decide makes it.
func expected(tb testing.TB, answers string) string {
	tb.Helper()
	return csvBank(tb).Outcomes[decideAnswers(tb, answers).Outcome].ID
}

// decideAnswers is Decide's verdict for answers written as for expected.
func decideAnswers(tb testing.TB, answers string) advisor.Verdict {
	tb.Helper()
	b := csvBank(tb)
	ch := b.NewChoices()
	for _, a := range strings.Fields(answers) {
		qid, oid, _ := strings.Cut(a, "=")
		q := b.Question(qid)
		o := b.Option(q, oid)
		if q < 0 || o < 0 {
			tb.Fatalf("bad answer %q", a)
		}
		ch[q] = int8(o)
	}
	return advisor.Decide(b, ch)
}

// wantRow is one expected output row: its id, and either the answers it
// is scored from or a part of its error.
type wantRow struct {
	id, answers, err string
}

func checkRows(t *testing.T, rows [][]string, want []wantRow) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i, w := range want {
		r := rows[i]
		if r[0] != w.id {
			t.Errorf("row %d: id %q, want %q", i+1, r[0], w.id)
		}
		if w.err != "" {
			if r[1] != "" || !strings.Contains(r[5], w.err) || r[7] != "" {
				t.Errorf("row %d: got recommendation %q, error %q, status %q; want error with %q and no status", i+1, r[1], r[5], r[7], w.err)
			}
			continue
		}
		if r[5] != "" || r[1] != expected(t, w.answers) {
			t.Errorf("row %d: got %q (error %q), want %q for %s", i+1, r[1], r[5], expected(t, w.answers), w.answers)
		}
		if want := string(decideAnswers(t, w.answers).Status); r[7] != want {
			t.Errorf("row %d: status %q, want %q for %s", i+1, r[7], want, w.answers)
		}
	}
}

func TestScoreFileShapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantRow
		warn string // part of the one warning; "" for none
	}{
		{"plain", "id,need,horizon\na,behaviour,short\nb,networking,long\n",
			[]wantRow{{"a", "need=behaviour horizon=short", ""}, {"b", "need=networking horizon=long", ""}}, ""},
		{"byte order mark", "\ufeffid,need\nx,career\n",
			[]wantRow{{"x", "need=career", ""}}, ""},
		{"CRLF", "id,need,horizon\r\na,career,both\r\nb,,long\r\n",
			[]wantRow{{"a", "need=career horizon=both", ""}, {"b", "horizon=long", ""}}, ""},
		{"quoted commas and newlines", "id,need,note\n\"Lee, Sam\",career,\"likes\nlong, walks\"\n\"multi\nline\",networking,x\n",
			[]wantRow{{"Lee, Sam", "need=career", ""}, {"multi\nline", "need=networking", ""}}, "note"},
		{"header only", "need,horizon\n", nil, ""},
		{"header only without newline", "need,horizon", nil, ""},
		{"trailing blank lines", "need,horizon\ncareer,short\n\n,\n \t, \n\n",
			[]wantRow{{"1", "need=career horizon=short", ""}}, ""},
		{"blank line between rows is not a row", "need\ncareer\n,\n\nnetworking\n",
			[]wantRow{{"1", "need=career", ""}, {"2", "need=networking", ""}}, ""},
		{"labels instead of ids", "need,horizon\n  meet PEOPLE ,A year or more\nChange a behaviour,weeks to months\n",
			[]wantRow{{"1", "need=networking horizon=long", ""}, {"2", "need=behaviour horizon=short", ""}}, ""},
		{"ids in another case", "need\n Networking \n",
			[]wantRow{{"1", "need=networking", ""}}, ""},
		{"header names trimmed and in any case", " NEED , Horizon ,ID\ncareer,long,p7\n",
			[]wantRow{{"p7", "need=career horizon=long", ""}}, ""},
		{"unknown columns warned once", "Timestamp,need,comment\n2024,career,hi\n2025,networking,ho\n",
			[]wantRow{{"1", "need=career", ""}, {"2", "need=networking", ""}}, "ignoring 2 column(s) that are not questions of bank.toml: Timestamp, comment"},
		{"unknown option names column and value", "id,need\na,netwrking\nb,career\n",
			[]wantRow{{"a", "", `column "need": "netwrking" is not an option (valid: behaviour, networking, career, unsure`}, {"b", "need=career", ""}}, ""},
		{"too few cells", "id,need,horizon\na,career\nb,career,long\n",
			[]wantRow{{"a", "", "the row has 2 cells; the header has 3"}, {"b", "need=career horizon=long", ""}}, ""},
		{"too many cells", "need\ncareer,long\n",
			[]wantRow{{"1", "", "the row has 2 cells; the header has 1"}}, ""},
		{"not UTF-8", "id,need\na,care\xffer\nb,career\n",
			[]wantRow{{"a", "", `column "need": the cell is not valid UTF-8`}, {"b", "need=career", ""}}, ""},
		{"malformed quotes", "id,need\na,ca\"reer\nb,career\n",
			[]wantRow{{"1", "", "malformed CSV"}, {"b", "need=career", ""}}, ""},
		{"formula-like ids are neutralised", "id,need\n=1+1,career\n+x,career\n-5,career\n@SUM(A1),career\n\"\tx\",career\n",
			[]wantRow{{"'=1+1", "need=career", ""}, {"'+x", "need=career", ""}, {"'-5", "need=career", ""}, {"'@SUM(A1)", "need=career", ""}, {"x", "need=career", ""}}, ""},
		{"control characters in ids are removed", "id,need\n\"a\x1b[31mb\",career\n",
			[]wantRow{{"ab", "need=career", ""}}, ""},
		// Issue 11, item 2: an old spreadsheet export ends lines with a lone
		// CR; it scored zero rows with exit 0.
		{"CR-only line ends", "id,need,horizon\ra,career,long\rb,networking,short\r",
			[]wantRow{{"a", "need=career horizon=long", ""}, {"b", "need=networking horizon=short", ""}}, ""},
		{"CR-only with a quoted line break", "id,need\r\"Lee\rSam\",career\r\r,\rc,networking",
			[]wantRow{{"Lee\nSam", "need=career", ""}, {"c", "need=networking", ""}}, ""},
		{"mixed line ends", "id,need\na,career\r\nb,networking\rc,behaviour\n",
			[]wantRow{{"a", "need=career", ""}, {"b", "need=networking", ""}, {"c", "need=behaviour", ""}}, ""},
		// Issue 11, item 8: a second byte order mark hid the id column.
		{"double byte order mark", "\ufeff\ufeffid,need\nx,career\n",
			[]wantRow{{"x", "need=career", ""}}, ""},
		{"malformed rows name their line", "id,need\na,career\n\"b\nc\"x,career\nd,career\n",
			[]wantRow{{"a", "need=career", ""}, {"2", "", "malformed CSV on line 4: text after the closing quote"}, {"d", "need=career", ""}}, ""},
		{"a long cell is a row error naming its column", "id,need\n" + strings.Repeat("x", maxCell+1) + ",career\nb," + strings.Repeat("y", maxCell+1) + "\nc,career\n",
			[]wantRow{{"1", "", `column "id": the cell is longer than 1024 bytes`}, {"b", "", `column "need": the cell is longer than 1024 bytes`}, {"c", "need=career", ""}}, ""},
		{"a header name over maxCell is an ignored column", "id,need," + strings.Repeat("q", 5000) + "\na,career,x\n",
			[]wantRow{{"a", "need=career", ""}}, "ignoring 1 column(s) that are not questions of bank.toml: " + strings.Repeat("q", maxEcho-1) + "…"},
		{"a cell of maxCell bytes is read", "id,need\n" + strings.Repeat("x", maxCell) + ",career\n",
			[]wantRow{{strings.Repeat("x", maxCell), "need=career", ""}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := runScore(t, tt.in, Options{Name: "in.csv"})
			if run.err != nil {
				t.Fatal(run.err)
			}
			checkRows(t, outputRows(t, run.out), tt.want)
			checkWarning(t, run.warn, tt.warn)
			failed := 0
			for _, w := range tt.want {
				if w.err != "" {
					failed++
				}
			}
			if run.stats != (Stats{Rows: len(tt.want), Failed: failed}) {
				t.Errorf("stats %+v, want %d rows, %d failed", run.stats, len(tt.want), failed)
			}
		})
	}
}

func checkWarning(t *testing.T, got, want string) {
	t.Helper()
	if want == "" && got != "" || !strings.Contains(got, want) || strings.Count(got, "\n") > 1 {
		t.Errorf("warning %q, want one with %q", got, want)
	}
}

func TestScoreFileErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		want string
	}{
		{"empty", "", Options{}, "in.csv is empty: expected a header row of question ids"},
		{"only blank lines", "\n\n\r\n", Options{}, "in.csv is empty"},
		{"only a byte order mark", "\ufeff", Options{}, "in.csv is empty"},
		{"no known column", "name,team\nSam,x\n", Options{}, "in.csv: no column is a question of bank.toml (found: name, team; question ids: need, horizon, budget, wellbeing)"},
		{"semicolons, with a comma asked for", "id;need\na;career\n", Options{Delimiter: ','}, `separated by ";"`},
		{"UTF-16", "\xff\xfei\x00d\x00", Options{}, "UTF-16"},
		{"duplicate question column", "need,horizon,Need\n", Options{}, `column "need" appears twice (columns 1 and 3)`},
		{"unknown by column", "need,team\n", Options{Summary: true, By: "site"}, `no column "site" to group by (columns: need, team)`},
		{"by without summary", "need,team\n", Options{By: "team"}, "needs the summary"},
		{"unknown format", "need\n", Options{Format: "xml"}, `unknown format "xml"`},
		{"unknown summary format", "need\n", Options{Summary: true, Format: "jsonl"}, `unknown summary format "jsonl"`},
		{"malformed header", "need,\"hor\nizon\n", Options{}, "the header row is not valid CSV"},
		{"no line breaks", "need" + strings.Repeat(",x", maxRow), Options{}, "the header row is longer than 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Name = "in.csv"
			run := runScore(t, tt.in, tt.opt)
			if run.err == nil || !strings.Contains(run.err.Error(), tt.want) {
				t.Fatalf("error %v, want one with %q", run.err, tt.want)
			}
			if run.out != "" {
				t.Errorf("wrote %q on error", run.out)
			}
		})
	}
	if run := runScore(t, "", Options{}); !errors.Is(run.err, ErrEmpty) {
		t.Errorf("empty input: %v is not ErrEmpty", run.err)
	}
}

// TestScoreKeepsEveryRow checks rows out = rows in, in order, when many
// rows are bad.
func TestScoreKeepsEveryRow(t *testing.T) {
	var in strings.Builder
	in.WriteString("id,need,horizon\n")
	var want []wantRow
	for i := range 300 {
		id := "p" + strings.Repeat("x", i%3) + string(rune('a'+i%26))
		switch i % 5 {
		case 0:
			in.WriteString(id + ",nope,short\n")
			want = append(want, wantRow{id, "", `"nope" is not an option`})
		case 1:
			in.WriteString(id + ",career\n")
			want = append(want, wantRow{id, "", "cells"})
		case 2:
			in.WriteString(",,\n") // blank: not a row
		default:
			in.WriteString(id + ",career,long\n")
			want = append(want, wantRow{id, "need=career horizon=long", ""})
		}
	}
	run := runScore(t, in.String(), Options{})
	if run.err != nil {
		t.Fatal(run.err)
	}
	checkRows(t, outputRows(t, run.out), want)
	if run.stats.Rows != len(want) || run.stats.Failed != 120 {
		t.Errorf("stats %+v, want %d rows and 120 failed", run.stats, len(want))
	}
}

func TestScoreJSONL(t *testing.T) {
	run := runScore(t, "id,need\n\"a\"\"b\",career\nc,bad\n", Options{Format: "jsonl"})
	if run.err != nil {
		t.Fatal(run.err)
	}
	lines := strings.Split(strings.TrimSuffix(run.out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines: %q", len(lines), run.out)
	}
	type row struct {
		ID             string   `json:"id"`
		Recommendation string   `json:"recommendation"`
		Confidence     *float64 `json:"confidence"`
		Coaching       *float64 `json:"coaching"`
		Mentoring      *float64 `json:"mentoring"`
		Error          string   `json:"error"`
		Cautions       []string `json:"cautions"`
		Status         *string  `json:"status"`
	}
	var ok, bad row
	if err := json.Unmarshal([]byte(lines[0]), &ok); err != nil {
		t.Fatal(err, lines[0])
	}
	if err := json.Unmarshal([]byte(lines[1]), &bad); err != nil {
		t.Fatal(err, lines[1])
	}
	if ok.ID != `a"b` || ok.Recommendation != expected(t, "need=career") || ok.Confidence == nil || ok.Error != "" {
		t.Errorf("scored row: %+v", ok)
	}
	if ok.Status == nil || *ok.Status != string(decideAnswers(t, "need=career").Status) {
		t.Errorf("scored row: status %v, want %q", ok.Status, decideAnswers(t, "need=career").Status)
	}
	if bad.ID != "c" || bad.Recommendation != "" || bad.Coaching != nil || !strings.Contains(bad.Error, `"bad"`) {
		t.Errorf("failed row: %+v", bad)
	}
	if bad.Status == nil || *bad.Status != "" {
		t.Errorf("failed row: status %v, want \"\"", bad.Status)
	}
	// The status is added after every earlier field, which keep their
	// places and spelling (CONTRACT §6: add, never rename or move).
	for i, l := range lines {
		if got, want := jsonKeys(t, l), strings.Split(strings.TrimSuffix(csvHeader, "\n"), ","); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("line %d: fields %q, want %q", i+1, got, want)
		}
	}
}

// jsonKeys returns the keys of the JSON object line, in order.
func jsonKeys(t *testing.T, line string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			continue
		case json.Delim('}'), json.Delim(']'):
			depth--
			continue
		}
		if k, ok := tok.(string); ok && depth == 1 {
			keys = append(keys, k)
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestScoreNumbers checks the number columns against Decide.
func TestScoreNumbers(t *testing.T) {
	b := csvBank(t)
	run := runScore(t, "need,horizon,wellbeing\ncareer,both,yes\n", Options{})
	rows := outputRows(t, run.out)
	ch := b.NewChoices()
	for q, o := range map[string]string{"need": "career", "horizon": "both", "wellbeing": "yes"} {
		ch[b.Question(q)] = int8(b.Option(b.Question(q), o))
	}
	v := advisor.Decide(b, ch)
	want := []string{"1", b.Outcomes[v.Outcome].ID,
		string(appendConfidence(nil, v.Confidence)),
		string(appendHalves(nil, v.Score[0])), string(appendHalves(nil, v.Score[1])),
		"", string(appendCautions(nil, b, v.Cautions, ";")), string(v.Status), ""}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", rows[0], want)
	}
}

func TestScoreProgress(t *testing.T) {
	var in strings.Builder
	in.WriteString("need\n")
	for range 3 * progressEvery {
		in.WriteString("career\n")
	}
	var calls []int64
	var out bytes.Buffer
	_, err := Score(csvBank(t), strings.NewReader(in.String()), &out, Options{Progress: func(n int64) { calls = append(calls, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 4 || calls[len(calls)-1] != int64(in.Len()) {
		t.Errorf("progress calls %v, want 4 ending at %d", calls, in.Len())
	}
}
