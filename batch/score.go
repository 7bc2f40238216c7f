package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"guidepost/advisor"
	"guidepost/questions"
)

// Batch scoring (CONTRACT §6) streams in two stages that overlap on two
// cores: one goroutine reads rows and looks up their answers, handing them
// on in batches of batchRows; the caller's goroutine scores each row with
// advisor.Decide and writes it. At most batchesInFlight batches exist, so
// memory stays flat however long the file is, and rows come out in input
// order. The header is resolved once into a plan (which input column feeds
// which question, and a per-question option lookup), so a row costs a few
// string comparisons, one Decide and one append into a reused line buffer.
// With Summary, only counters are kept (per group with By).

// Options selects what Score writes.
type Options struct {
	Format  string // "csv" (default) or "jsonl"; with Summary: "text" (default) or "markdown"
	Summary bool   // write a group summary instead of one row per input row
	By      string // with Summary: group by this input column
	// MinGroup, with By: the fewest scored rows a group needs for its
	// breakdown to be shown (see summary_private.go); 0 means
	// DefaultMinGroup, and less than MinGroupFloor is refused.
	MinGroup int
	// Width, with Summary: the terminal cells text wraps to; 0 means 80.
	// The command layer passes the terminal's width when stdout is one.
	Width int
	// Delimiter separates the cells: ',', ';' or '\t'. 0 detects it from
	// the header row (the one of the three it holds most of outside
	// quotes, comma on a tie or when none), with a warning on Warn when
	// it is not a comma.
	Delimiter rune
	Warn      io.Writer
	// Progress, when set, is called now and then with the number of input
	// bytes read so far, and once at the end, from the goroutine that
	// called Score: the command layer draws its progress bar from it.
	Progress func(bytesRead int64)
	// Name names the input in messages ("data.csv", "stdin"); default
	// "input".
	Name string
}

// Stats counts what Score did.
type Stats struct {
	Rows   int
	Failed int
}

// ErrEmpty is returned (wrapped, with the input's name) for an input with
// no header row.
var ErrEmpty = errors.New("expected a header row of question ids")

// Score reads answers from CSV r, one person a row (CONTRACT §6), and
// writes results to w. A row that cannot be scored keeps its place with the
// reason in its error column, and every other row is still scored; err is
// only for the file as a whole (no usable header, a read or write error).
//
// The input may start with UTF-8 byte order marks (one, or several when a
// tool added its own) and may end its lines with \n, \r\n or a lone \r;
// lines that are empty or hold only separators and spaces are skipped
// wherever they are, and are not counted as rows. A row longer than 1 MiB
// (maxRow), or with a cell that is read (id, group, question) longer than
// maxCell, is a row error naming its line or column and is not held in
// memory. Header names are matched to question ids trimmed and
// case-insensitively; a cell matches an option id, or, trimmed and
// case-insensitively, an option id or label. An empty cell is unsure.
// Columns that are neither questions, nor "id", nor the By column are
// ignored, with one warning on opt.Warn.
//
// The CSV output has the contract's columns, then "cautions" (the raised
// caution ids, separated by ";"), then "status" (what kind of call it is:
// clear, close_call, mixed_signals, too_few_answers or wellbeing_first, as
// advisor.Decide says); a failed row has only its id and error. JSONL
// output has the same fields, one object a line: strings are "" and
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
	rd := newReader(r)
	header, err := readHeader(rd, opt)
	if err != nil {
		return Stats{}, err
	}
	p, err := newPlan(b, header, opt)
	if err != nil {
		return Stats{}, err
	}
	p.warnIgnored(opt.Warn)
	rd.setKeep(p.keep)
	bw := bufio.NewWriterSize(w, 64<<10)
	s := newSink(b, p, bw, opt)
	stats, err := p.run(rd, s, opt.Progress)
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

func (opt Options) minGroup() int {
	if opt.MinGroup == 0 {
		return DefaultMinGroup
	}
	return opt.MinGroup
}

func (opt Options) summaryWidth() int {
	if opt.Width <= 0 {
		return summaryWidth
	}
	return max(opt.Width, advisor.MinReportWidth)
}

func (opt Options) check() error {
	if opt.MinGroup != 0 && opt.MinGroup < MinGroupFloor {
		return fmt.Errorf("minimum group %d: at least %d, so that a summary by group never tells people apart", opt.MinGroup, MinGroupFloor)
	}
	switch opt.Delimiter {
	case 0, ',', ';', '\t':
	default:
		return fmt.Errorf("delimiter %q: use a comma, a semicolon or a tab", opt.Delimiter)
	}
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
		return newSummary(b, p, w, opt)
	case opt.Format == "jsonl":
		return &jsonlSink{b: b, w: w}
	}
	return newCSVSink(b, w)
}

// run reads the rows in a second goroutine (parse) and scores and writes
// them in this one, in input order.
func (p *plan) run(rd *reader, s sink, progress func(int64)) (Stats, error) {
	free := make(chan *rowBatch, batchesInFlight)
	full := make(chan *rowBatch, batchesInFlight)
	done := make(chan struct{})
	defer close(done)
	go p.parse(rd, free, full, done)
	var st Stats
	var res rowResult
	for bt := range full {
		for i := range bt.rows {
			row := &bt.rows[i]
			res = rowResult{num: row.num, line: row.line, id: bt.str(row.id), group: bt.str(row.group), grouped: row.grouped, err: row.err}
			if row.scored {
				res.ch = bt.choices(i)
				res.v = advisor.Decide(p.bank, res.ch)
				if res.v.Outcome < 0 || res.v.Outcome >= len(p.bank.Outcomes) {
					res.err = "internal error: no recommendation for this row"
				}
			}
			st.Rows++
			if res.err != "" {
				st.Failed++
			}
			if err := s.row(&res); err != nil {
				return st, err
			}
		}
		if bt.err != nil {
			return st, fmt.Errorf("read %s: %w", p.name, bt.err)
		}
		if progress != nil && (bt.last || st.Rows/progressEvery != (st.Rows-len(bt.rows))/progressEvery) {
			progress(bt.offset)
		}
		free <- bt
	}
	return st, nil
}

// parse reads rows into batches until the input ends, a read fails or
// done is closed. The last batch it sends has last (and err) set. It makes
// batches as they are needed, at most batchesInFlight, and then reuses
// the ones run hands back on free.
func (p *plan) parse(rd *reader, free <-chan *rowBatch, full chan<- *rowBatch, done <-chan struct{}) {
	defer close(full)
	n, made := 0, 0
	for {
		var bt *rowBatch
		select {
		case bt = <-free:
		default: // a new batch while there are fewer than batchesInFlight
			if made < batchesInFlight {
				bt = newRowBatch(len(p.bank.Questions))
				made++
				break
			}
			select {
			case bt = <-free:
			case <-done:
				return
			}
		}
		bt.reset()
		var err error
		for len(bt.rows) < batchRows {
			if err = rd.read(); err != nil {
				break
			}
			if rd.blank && rd.problem == "" {
				continue
			}
			n++
			p.fill(rd, bt, n, bt.next())
		}
		bt.seal(rd.offset())
		if err != nil {
			bt.last = true
			if err != io.EOF {
				bt.err = err
			}
		}
		select {
		case full <- bt:
		case <-done:
			return
		}
		if bt.last {
			return
		}
	}
}

// rowBatch is batchRows rows on their way from parse to run.
type rowBatch struct {
	rows   []batchRow
	nq     int    // questions per row
	ch     []int8 // the rows' choices, nq each
	arena  []byte // the rows' id and group cells
	text   string // arena as a string, once sealed
	offset int64  // input bytes read when the batch was sealed
	last   bool   // nothing follows
	err    error  // the read error that ended the input, if any
}

// batchRow is one row of a batch; id and group are spans of its arena.
type batchRow struct {
	num, line int
	id, group span
	err       string
	grouped   bool // the group cell was read
	scored    bool // err is "" and the choices are filled
}

func newRowBatch(nq int) *rowBatch {
	return &rowBatch{
		rows:  make([]batchRow, 0, batchRows),
		nq:    nq,
		ch:    make([]int8, 0, batchRows*nq),
		arena: make([]byte, 0, batchRows*16),
	}
}

func (bt *rowBatch) reset() {
	bt.rows, bt.ch, bt.arena, bt.text = bt.rows[:0], bt.ch[:0], bt.arena[:0], ""
	bt.offset, bt.last, bt.err = 0, false, nil
}

// add appends row n, starting on line, and returns it.
func (bt *rowBatch) add(n, line int) *batchRow {
	bt.rows = bt.rows[:len(bt.rows)+1]
	row := &bt.rows[len(bt.rows)-1]
	*row = batchRow{num: n, line: line}
	return row
}

// next returns the choices of the row about to be added.
func (bt *rowBatch) next() questions.Choices {
	i := len(bt.rows)
	bt.ch = bt.ch[:(i+1)*bt.nq]
	return questions.Choices(bt.ch[i*bt.nq : (i+1)*bt.nq])
}

// choices returns row i's choices.
func (bt *rowBatch) choices(i int) questions.Choices {
	return questions.Choices(bt.ch[i*bt.nq : (i+1)*bt.nq])
}

// keep copies cell into the arena.
func (bt *rowBatch) keep(cell []byte) span {
	from := len(bt.arena)
	bt.arena = append(bt.arena, cell...)
	return span{from, len(bt.arena)}
}

// seal makes the arena a string for the scoring side.
func (bt *rowBatch) seal(offset int64) {
	bt.text, bt.offset = string(bt.arena), offset
}

func (bt *rowBatch) str(s span) string { return bt.text[s.from:s.to] }
