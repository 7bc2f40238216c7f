package batch

import (
	"bytes"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// defaultBank loads the shipped rule set (../rules.toml).
func defaultBank(tb testing.TB) *questions.Bank { return testbank.Shipped(tb) }

// rowGen writes generated answer rows for every question of a bank: an id
// column, then one random option id per question, a tenth of them empty.
type rowGen struct {
	b   *questions.Bank
	rnd *rand.Rand
	n   int // rows written so far
}

func newRowGen(b *questions.Bank) *rowGen {
	return &rowGen{b: b, rnd: rand.New(rand.NewPCG(1, 2))}
}

func (g *rowGen) header(dst []byte) []byte {
	dst = append(dst, "id"...)
	for _, q := range g.b.Questions {
		dst = append(append(dst, ','), q.ID...)
	}
	return append(dst, '\n')
}

func (g *rowGen) row(dst []byte) []byte {
	g.n++
	dst = strconv.AppendInt(append(dst, 'p'), int64(g.n), 10)
	for _, q := range g.b.Questions {
		dst = append(dst, ',')
		if g.rnd.IntN(10) > 0 {
			dst = append(dst, q.Options[g.rnd.IntN(len(q.Options))].ID...)
		}
	}
	return append(dst, '\n')
}

// generatedCSV returns a header and n generated rows.
func generatedCSV(b *questions.Bank, n int) []byte {
	g := newRowGen(b)
	data := g.header(nil)
	for range n {
		data = g.row(data)
	}
	return data
}

const benchRows = 10_000

func BenchmarkScoreCSV(b *testing.B) {
	bank := defaultBank(b)
	data := generatedCSV(bank, benchRows)
	for _, bc := range []struct {
		name string
		opt  Options
	}{
		{"csv", Options{}},
		{"jsonl", Options{Format: "jsonl"}},
		{"summary", Options{Summary: true}},
		{"summary-by", Options{Summary: true, By: "need"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Score(bank, bytes.NewReader(data), io.Discard, bc.opt); err != nil {
					b.Fatal(err)
				}
			}
			reportPerRow(b)
		})
	}
}

// BenchmarkCSVBaseline reads and writes the same rows with encoding/csv
// alone: the floor of issue 12 (scoring, in every mode, costs at most 1.5
// times this). Run both in one go to compare them on the same machine:
//
//	go test ./batch -run '^$' -bench 'ScoreCSV|CSVBaseline' -count 6
func BenchmarkCSVBaseline(b *testing.B) {
	data := generatedCSV(defaultBank(b), benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		cw := csv.NewWriter(io.Discard)
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			cw.Write(rec)
		}
		cw.Flush()
	}
	reportPerRow(b)
}

// BenchmarkRead is the reader alone, keeping every cell, beside
// BenchmarkCSVRead, encoding/csv's reader alone, on the same rows.
func BenchmarkRead(b *testing.B) {
	data := generatedCSV(defaultBank(b), benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd := newReader(bytes.NewReader(data))
		for rd.read() == nil {
		}
	}
	reportPerRow(b)
}

func BenchmarkCSVRead(b *testing.B) {
	data := generatedCSV(defaultBank(b), benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		for {
			if _, err := cr.Read(); err != nil {
				break
			}
		}
	}
	reportPerRow(b)
}

func reportPerRow(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
}

// genReader streams a header and n generated rows without holding them.
type genReader struct {
	g    *rowGen
	left int
	buf  []byte
}

func (r *genReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.left == 0 {
			return 0, io.EOF
		}
		r.left--
		r.buf = r.g.row(r.buf[:0])
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestScoreMemory scores 100,000 and 1,000,000 streamed rows and logs
// the peak heap, sampled at every progress call. It is a measurement, not
// a check of speed: run it with GUIDEPOST_CSV_MEM=1 go test -run Memory -v.
func TestScoreMemory(t *testing.T) {
	if os.Getenv("GUIDEPOST_CSV_MEM") == "" {
		t.Skip("set GUIDEPOST_CSV_MEM=1 to measure")
	}
	bank := defaultBank(t)
	for _, n := range []int{100_000, 1_000_000} {
		for _, opt := range []Options{{}, {Summary: true, By: "need"}} {
			g := newRowGen(bank)
			in := &genReader{g: g, left: n, buf: g.header(nil)}
			var peak uint64
			var ms runtime.MemStats
			opt.Progress = func(int64) {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
			runtime.GC()
			start := time.Now()
			st, err := Score(bank, in, io.Discard, opt)
			if err != nil || st.Rows != n {
				t.Fatalf("%v, %+v", err, st)
			}
			t.Logf("%9d rows, summary=%v: %v, peak heap in use %.1f MiB, %.0f ns/row",
				n, opt.Summary, time.Since(start).Round(time.Millisecond), float64(peak)/(1<<20), float64(time.Since(start).Nanoseconds())/float64(n))
		}
	}
}
