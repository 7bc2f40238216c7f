package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"guidepost/advisor"
)

// FuzzScoreCSV checks that no input makes Score panic, that a valid
// header gives one output row per input row (counted here with
// encoding/csv alone), that no echoed cell starts a formula, that every
// scored row has one of advisor's statuses and every failed row none, and
// that the JSONL lines say what the CSV rows say.
func FuzzScoreCSV(f *testing.F) {
	for _, seed := range []string{
		"id,need,horizon\na,career,long\nb,,\n",
		"\ufeffid,need\r\n\"x, y\",Meet people\r\n",
		"need\nnope\n\n,\ncareer,extra\n",
		"id,need\n=1+1,career\n\"multi\nline\",career\n",
		"id,need\na,ca\"reer\nb,\"unterminated\n",
		"team,need,wellbeing\nA,career,yes\nB,networking,no\n",
		"",
		"need",
		"name\nx\n",
		"id,need\n\x1b[31m,\xff\xfe\n",
		"id,need\ra,career\rb,\"x\ry\"\r",
		"\ufeff\ufeffid,need\r\nz,Career\r\n",
		"id;need;horizon\na;career;long\n\"b;c\";\"Meet; people\";\n",
		"\ufeffid;need\r\n\"x, y\";career\r\n",
		"id\tneed\twellbeing\na\tcareer\tno\n\t\t\nb\t\"x\ty\"\n",
		"\"a;b\",need;x\n1,career;2\n",
	} {
		f.Add([]byte(seed))
	}
	bank := csvBank(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		st, err := Score(bank, bytes.NewReader(data), &out, Options{})
		if err != nil {
			if out.Len() > 0 {
				t.Fatalf("wrote %q with error %v", out.String(), err)
			}
			return
		}
		if want := countRows(data); st.Rows != want {
			t.Fatalf("stats say %d rows; the input has %d", st.Rows, want)
		}
		rows := outputRows(t, out.String())
		if len(rows) != st.Rows {
			t.Fatalf("%d output rows for %d input rows", len(rows), st.Rows)
		}
		for _, r := range rows {
			if len(r) != 9 || r[0] == "" || r[0] != "" && strings.ContainsRune("=+-@\t\r", rune(r[0][0])) {
				t.Fatalf("bad output row %q", r)
			}
			if r[5] != "" && strings.ContainsRune("=+-@\t\r", rune(r[5][0])) {
				t.Fatalf("error cell %q starts a formula", r[5])
			}
			// A scored row has a recommendation and one of the statuses;
			// a failed row has an error and neither.
			if scored := r[5] == ""; scored != (r[1] != "") || scored != isStatus(r[7]) || !scored && r[7] != "" {
				t.Fatalf("row %q: recommendation %q, error %q, status %q", r, r[1], r[5], r[7])
			}
		}
		var jsonl bytes.Buffer
		if js, err := Score(bank, bytes.NewReader(data), &jsonl, Options{Format: "jsonl"}); err != nil || js != st || strings.Count(jsonl.String(), "\n") != st.Rows {
			t.Fatalf("jsonl: %v, %+v, %d lines; csv: %+v", err, js, strings.Count(jsonl.String(), "\n"), st)
		}
		dec := json.NewDecoder(&jsonl)
		for i := 0; dec.More(); i++ {
			var obj struct{ Recommendation, Status string }
			if err := dec.Decode(&obj); err != nil || i >= len(rows) {
				t.Fatalf("jsonl line %d: %v", i+1, err)
			}
			if obj.Recommendation != rows[i][1] || obj.Status != rows[i][7] {
				t.Fatalf("jsonl line %d: %+v; csv row %q", i+1, obj, rows[i])
			}
		}
		if st.Rows > 0 {
			var sum bytes.Buffer
			ss, err := Score(bank, bytes.NewReader(data), &sum, Options{Summary: true, By: "id"})
			if err != nil && !strings.Contains(err.Error(), "group by") {
				t.Fatal(err)
			}
			if err == nil && (ss != st || !strings.Contains(sum.String(), fmt.Sprintf("All rows\n========\nRows: %d (%d scored, %d failed)\n", st.Rows, st.Rows-st.Failed, st.Failed))) {
				t.Fatalf("summary %+v, csv %+v:\n%s", ss, st, sum.String())
			}
		}
	})
}

// countRows counts the data rows of a CSV input as CONTRACT §6 defines
// them, with encoding/csv: records after the header, skipping blank ones,
// each malformed record counting as one. Byte order marks are skipped and
// lone carriage returns read as line ends, as Score reads them, and cells
// are separated by the header's separator, as Score detects it.
func countRows(data []byte) int {
	for bytes.HasPrefix(data, bomUTF8) {
		data = data[len(bomUTF8):]
	}
	cr := csv.NewReader(bytes.NewReader(loneCRToLF(data)))
	cr.Comma = rune(detectSeparator(data[:min(len(data), readBuffer)]))
	cr.FieldsPerRecord = -1
	n := -1 // the header
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return max(n, 0)
		}
		if err == nil && blankRecord(rec) && n >= 0 {
			continue
		}
		n++
	}
}

// blankRecord reports whether every cell of rec is empty or spaces: a
// blank line of a spreadsheet export (",,,").
func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.Trim(c, " \t") != "" {
			return false
		}
	}
	return true
}

// isStatus reports whether s is one of advisor's statuses.
func isStatus(s string) bool {
	for _, st := range advisor.Statuses {
		if s == string(st) {
			return true
		}
	}
	return false
}
