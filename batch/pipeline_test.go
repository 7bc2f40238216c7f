package batch

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// TestPipelineOrder scores many rows of mixed kinds (scored, failed,
// blank, multi-line) through the two-stage pipeline and checks that they
// come out as a one-row-at-a-time reading gives them: in input order, the
// same ids and recommendations, whatever the read size.
func TestPipelineOrder(t *testing.T) {
	var in strings.Builder
	var want []wantRow
	in.WriteString("id,need,horizon\n")
	for i := range 5*batchRows + 17 {
		id := "p" + itoa(i)
		switch i % 7 {
		case 0:
			in.WriteString(id + ",nope,short\n")
			want = append(want, wantRow{id, "", "is not an option"})
		case 1:
			in.WriteString("\"" + id + "\",\"career\",\"long\"\r\n")
			want = append(want, wantRow{id, "need=career horizon=long", ""})
		case 2:
			in.WriteString(",,\n\n")
		case 3:
			in.WriteString(id + ",networking,both\r")
			want = append(want, wantRow{id, "need=networking horizon=both", ""})
		default:
			in.WriteString(id + ",behaviour,short\n")
			want = append(want, wantRow{id, "need=behaviour horizon=short", ""})
		}
	}
	for _, r := range []func(string) io.Reader{
		func(s string) io.Reader { return strings.NewReader(s) },
		func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		func(s string) io.Reader { return &chunkReader{s: s, n: 1000} },
	} {
		var out bytes.Buffer
		if _, err := Score(csvBank(t), r(in.String()), &out, Options{}); err != nil {
			t.Fatal(err)
		}
		checkRows(t, outputRows(t, out.String()), want)
	}
}

// failWriter fails once it has taken n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestPipelineStopsOnErrors: a write error or a read error ends the run
// with that error, and the reading goroutine ends too.
func TestPipelineStopsOnErrors(t *testing.T) {
	data := string(generatedCSV(csvBank(t), 20*batchRows))
	before := runtime.NumGoroutine()
	_, err := Score(csvBank(t), strings.NewReader(data), &failWriter{n: 100 << 10}, Options{})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("write error: got %v", err)
	}
	r := io.MultiReader(strings.NewReader(data[:len(data)/2]), iotest.ErrReader(io.ErrUnexpectedEOF))
	st, err := Score(csvBank(t), r, io.Discard, Options{Name: "in.csv"})
	if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "read in.csv") || st.Rows == 0 {
		t.Errorf("read error: got %v after %d rows", err, st.Rows)
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines left, %d before", runtime.NumGoroutine(), before)
}
