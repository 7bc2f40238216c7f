package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"guidepost/questions"
)

// Batch scoring (CONTRACT §6) streams: one record is read, scored and
// written before the next is read, so memory stays flat however long the
// file is. The header is resolved once into a plan (which input column
// feeds which question, and a per-question option lookup), so a row costs
// a few string comparisons, one Decide and one append into a reused line
// buffer. With Summary, only counters are kept (per group with By).

// Options selects what Score writes.
type Options struct {
	Format   string // "csv" (default) or "jsonl"; with Summary: "text" (default) or "markdown"
	Summary  bool   // write a group summary instead of one row per input row
	By       string // with Summary: group by this input column
	Warn     io.Writer
	Progress func(bytesRead int64) // called now and then; may be nil
	// Name names the input in messages ("data.csv", "stdin"); default
	// "input".
	Name string
}

// Stats counts what Score did.
type Stats struct {
	Rows   int
	Failed int
}

// ErrEmpty is returned (wrapped, with the input's name) for an input
// with no header row.
var ErrEmpty = errors.New("expected a header row of question ids")

// progressEvery is how many rows pass between two calls of
// Options.Progress.
const progressEvery = 4096

// Score reads answers from CSV r, one person a row (CONTRACT §6), and
// writes results to w. A row that cannot be scored keeps its place with the
// reason in its error column; err is only for the file as a whole.
//
// The input may start with a UTF-8 byte order mark and use CRLF line ends;
// lines that are empty or hold only separators and spaces are skipped
// wherever they are, and are not counted as rows. Header names are matched
// to question ids trimmed and case-insensitively; a cell matches an option
// id, or, trimmed and case-insensitively, an option id or label. An empty
// cell is unsure. Columns that are neither questions, nor "id", nor the By
// column are ignored, with one warning on opt.Warn.
//
// The CSV output has the contract's columns, then "cautions" (the raised
// caution ids, separated by ";"); a failed row has only its id and error.
// JSONL output has the same fields, one object a line: strings are "" and
// numbers null when a row failed. With Summary, only the summary is written
// (see summary.go).
//
// In CSV output, cells echoed from the input (the id and error texts) are
// cleaned of control characters and, when they start with = + - @ tab or
// carriage return, prefixed with ' so that a spreadsheet does not run them
// as formulas (CWE-1236): an id of -5 comes out as '-5.
func Score(b *questions.Bank, r io.Reader, w io.Writer, opt Options) (Stats, error) {
	if err := opt.check(); err != nil {
		return Stats{}, err
	}
	in := newCSVInput(r)
	header, err := in.header(opt.name())
	if err != nil {
		return Stats{}, err
	}
	p, err := newPlan(b, header, opt)
	if err != nil {
		return Stats{}, err
	}
	p.warnIgnored(opt.Warn)
	bw := bufio.NewWriterSize(w, 64<<10)
	s := newSink(b, p, bw, opt)
	stats, err := scoreRows(in, p, s, opt.Progress)
	if err == nil {
		err = s.finish()
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return stats, err
}

func (opt Options) name() string {
	if opt.Name == "" {
		return "input"
	}
	return questions.Clean(opt.Name)
}

func (opt Options) check() error {
	if opt.Summary {
		switch opt.Format {
		case "", "text", "markdown":
			return nil
		}
		return fmt.Errorf("unknown summary format %q: use text or markdown", questions.Clean(opt.Format))
	}
	if opt.By != "" {
		return errors.New("grouping by a column needs the summary")
	}
	switch opt.Format {
	case "", "csv", "jsonl":
		return nil
	}
	return fmt.Errorf("unknown format %q for CSV scoring: use csv or jsonl", questions.Clean(opt.Format))
}

// sink receives every row in order and, at the end, finishes the output.
type sink interface {
	row(r *rowResult) error
	finish() error
}

func newSink(b *questions.Bank, p *plan, w *bufio.Writer, opt Options) sink {
	switch {
	case opt.Summary:
		return newSummary(b, p, w, opt.Format == "markdown")
	case opt.Format == "jsonl":
		return &jsonlSink{b: b, w: w}
	}
	return newCSVSink(b, w)
}

// scoreRows reads, scores and hands on every data row.
func scoreRows(in *csvInput, p *plan, s sink, progress func(int64)) (Stats, error) {
	var st Stats
	var res rowResult
	for {
		rec, err := in.cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil && !isParseError(err) {
			return st, fmt.Errorf("read %s: %w", p.name, err)
		}
		if err == nil && blank(rec) {
			continue
		}
		st.Rows++
		p.score(rec, err, st.Rows, &res)
		if res.err != "" {
			st.Failed++
		}
		if err := s.row(&res); err != nil {
			return st, err
		}
		if progress != nil && st.Rows%progressEvery == 0 {
			progress(in.n.n)
		}
	}
	if progress != nil {
		progress(in.n.n)
	}
	return st, nil
}

// blank reports whether every cell of rec is empty or spaces: a blank line
// of a spreadsheet export (",,,").
func blank(rec []string) bool {
	for _, c := range rec {
		for i := 0; i < len(c); i++ {
			if c[i] != ' ' && c[i] != '\t' {
				return false
			}
		}
	}
	return true
}
