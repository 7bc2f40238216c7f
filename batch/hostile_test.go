package batch

import (
	"bytes"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// Issue 11, items 3 and 4: hostile CSV files. Each test here failed on the
// code before package batch had its own reader.

// TestLongRowIsARowError: one over-long line became an error for the whole
// file, the rows after it were never scored, and the message named no
// line. Now that row alone fails, naming its line.
func TestLongRowIsARowError(t *testing.T) {
	in := "id,need,note\na,career,x\nb,career," + strings.Repeat("x", maxRow) + "\nc,networking,x\n"
	run := runScore(t, in, Options{})
	if run.err != nil {
		t.Fatal(run.err)
	}
	checkRows(t, outputRows(t, run.out), []wantRow{
		{"a", "need=career", ""},
		{"2", "", "line 3: the row is longer than 1 MiB"},
		{"c", "need=networking", ""},
	})
	if run.stats != (Stats{Rows: 3, Failed: 1}) {
		t.Errorf("stats %+v", run.stats)
	}
}

// TestRowLimitIsExact: a row of exactly maxRow bytes is read, one byte
// more is refused, however the input arrives: in one piece, a byte at a
// time, or in 64 KiB reads (the old check ran only at read boundaries).
func TestRowLimitIsExact(t *testing.T) {
	for _, extra := range []int{0, 1} {
		for _, quoted := range []bool{false, true} {
			row := "p,career,"
			note := strings.Repeat("x", maxRow-len(row)+extra)
			if quoted { // the same length, with line breaks inside quotes
				note = "\"" + strings.Repeat("y\n", (len(note)-2)/2) + strings.Repeat("y", len(note)%2) + "\""
			}
			row += note
			if len(row) != maxRow+extra {
				t.Fatalf("test row of %d bytes, want %d", len(row), maxRow+extra)
			}
			in := "id,need,note\n" + row + "\r\nq,networking,\n"
			readers := map[string]func(string) io.Reader{
				"whole":       func(s string) io.Reader { return strings.NewReader(s) },
				"byte a time": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
				"64 KiB":      func(s string) io.Reader { return &chunkReader{s: s, n: 64 << 10} },
				"odd chunks":  func(s string) io.Reader { return &chunkReader{s: s, n: 65_521} },
			}
			for name, mk := range readers {
				var out bytes.Buffer
				st, err := Score(csvBank(t), mk(in), &out, Options{})
				if err != nil {
					t.Fatal(err)
				}
				want := []wantRow{{"p", "need=career", ""}, {"q", "need=networking", ""}}
				if extra > 0 {
					want[0] = wantRow{"1", "", "line 2: the row is longer than 1 MiB"}
				}
				t.Run(name, func(t *testing.T) {
					checkRows(t, outputRows(t, out.String()), want)
					if st.Rows != 2 {
						t.Errorf("%d rows", st.Rows)
					}
				})
			}
		}
	}
}

// chunkReader returns s n bytes at a time.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}

// streamReader streams parts[i] reps[i] times, in order, without holding
// the result.
type streamReader struct {
	parts []string
	reps  []int
	off   int // bytes of parts[0] already read
}

func (s *streamReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && len(s.parts) > 0 {
		if s.reps[0] == 0 {
			s.parts, s.reps = s.parts[1:], s.reps[1:]
			continue
		}
		k := copy(p[n:], s.parts[0][s.off:])
		n += k
		if s.off += k; s.off == len(s.parts[0]) {
			s.off = 0
			s.reps[0]--
		}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugeQuotedCellIsNotHeld: a 200 MB quoted cell with line breaks took
// 1.3 GB and was copied whole into the output. Here 32 MB: the row fails,
// the rows around it are scored, and the reader allocates only its buffers
// (batch/testdata/hostile-mem.sh measures the 200 MB case's peak RSS).
func TestHugeQuotedCellIsNotHeld(t *testing.T) {
	line := strings.Repeat("x", 99) + "\n"
	in := &streamReader{
		parts: []string{"id,need\nfirst,career\n\"", line, "\",career\nlast,networking\n"},
		reps:  []int{1, 32 << 20 / len(line), 1},
	}
	var out bytes.Buffer
	var st Stats
	var err error
	alloc := allocated(func() { st, err = Score(csvBank(t), in, &out, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, outputRows(t, out.String()), []wantRow{
		{"first", "need=career", ""},
		{"2", "", "line 3: the row is longer than 1 MiB"},
		{"last", "need=networking", ""},
	})
	if st.Rows != 3 || out.Len() > 1000 || alloc > 4<<20 {
		t.Errorf("%+v, %d bytes out, %d bytes allocated: want 3 rows, a short output, under 4 MiB allocated", st, out.Len(), alloc)
	}
}

// TestLongGroupValuesAreNotKept: --summary --by over 1,000 distinct 1 MB
// group values took 1.75 GB (each value cloned into its tally). A group
// cell longer than maxCell is now a row error and keeps no tally. Here 40
// values of 1 MB.
func TestLongGroupValuesAreNotKept(t *testing.T) {
	var parts []string
	var reps []int
	parts, reps = append(parts, "id,team,need\n", "ok,Sales,career\n"), append(reps, 1, DefaultMinGroup)
	for i := range 40 {
		parts = append(parts, "p,"+strconv.Itoa(i), "g", ",career\n")
		reps = append(reps, 1, 1_000_000, 1)
	}
	in := &streamReader{parts: parts, reps: reps}
	var out bytes.Buffer
	var st Stats
	var err error
	alloc := allocated(func() { st, err = Score(csvBank(t), in, &out, Options{Summary: true, By: "team"}) })
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Rows: 40 + DefaultMinGroup, Failed: 40}) || alloc > 4<<20 || out.Len() > 20_000 {
		t.Errorf("%+v, %d bytes allocated, %d bytes out", st, alloc, out.Len())
	}
	if !strings.Contains(out.String(), "team: Sales\n") || !strings.Contains(out.String(), "team: "+unreadableGroup+"\n") || strings.Count(out.String(), "\nteam: ") != 2 {
		t.Errorf("want the Sales group and one for the unreadable rows:\n%s", out.String())
	}
}
