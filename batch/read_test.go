package batch

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// readAll reads every row of data with the reader, keeping every cell (as
// for a header): the rows' cells, and per row its problem.
func readAll(data []byte) (rows [][]string, problems []string, err error) {
	rd := newReader(bytes.NewReader(data))
	for {
		if err := rd.read(); err != nil {
			if err == io.EOF {
				return rows, problems, nil
			}
			return rows, problems, err
		}
		rows = append(rows, rd.header())
		problem := rd.problem
		if slices.Contains(rd.long[:rd.ncell], true) {
			problem = cmp.Or(problem, "a cell is longer than maxCell")
		}
		problems = append(problems, problem)
	}
}

// loneCRToLF turns every \r not followed by \n into \n: the line ends the
// reader accepts beyond encoding/csv's.
func loneCRToLF(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// csvRecords is what encoding/csv reads from data: the records, and per
// record whether it was malformed.
func csvRecords(data []byte) (recs [][]string, bad []bool) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return recs, bad
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return recs, bad
		}
		recs = append(recs, append([]string(nil), rec...))
		bad = append(bad, err != nil)
	}
}

// FuzzReader checks the reader against encoding/csv: once lone carriage
// returns are made line feeds, and when no row or cell is over its limit,
// both read the same rows with the same cells, and find the same rows
// malformed.
func FuzzReader(f *testing.F) {
	for _, seed := range []string{
		"a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "\"x\ny\",z\n", "\"a\"\"b\",c\n",
		"a\"b,c\n", "\"ab\"c,d\nx\n", "\"open\n", "\n\n,\n \n", "a,\"\"\n\"\",b", "\"a\r\nb\"\r\n",
		"x,\"a\rb\"\r", "\r\r\n\r", "a,b\"\n", "\"\"\"\n", "a\r",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, problems, err := readAll(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			if strings.Contains(p, "longer than") {
				return // over a limit: encoding/csv would read it whole
			}
		}
		want, bad := csvRecords(loneCRToLF(data))
		if len(rows) != len(want) {
			t.Fatalf("%d rows, encoding/csv reads %d\ngot  %q %q\nwant %q %v", len(rows), len(want), rows, problems, want, bad)
		}
		for i := range want {
			if bad[i] != (problems[i] != "") {
				t.Fatalf("row %d: problem %q; encoding/csv malformed: %v\ngot  %q\nwant %q", i+1, problems[i], bad[i], rows, want)
			}
			if !bad[i] && strings.Join(rows[i], "\x00|") != strings.Join(want[i], "\x00|") {
				t.Fatalf("row %d: got %q, want %q", i+1, rows[i], want[i])
			}
		}
	})
}
