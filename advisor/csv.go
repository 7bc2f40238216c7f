package advisor

import (
	"io"

	"guidepost/questions"
)

// STUB: the batch work replaces this file. The signature is fixed.

// CSVOptions selects what ScoreCSV writes.
type CSVOptions struct {
	Format   string // "csv" (default) or "jsonl"; with Summary: "text" (default) or "markdown"
	Summary  bool   // write a group summary instead of one row per input row
	By       string // with Summary: group by this input column
	Warn     io.Writer
	Progress func(bytesRead int64) // called now and then; may be nil
}

// CSVStats counts what ScoreCSV did.
type CSVStats struct {
	Rows   int
	Failed int
}

// ScoreCSV reads answers from CSV r, one person a row (CONTRACT §6), and
// writes results to w. A row that cannot be scored keeps its place with the
// reason in its error column; err is only for the file as a whole.
func ScoreCSV(b *questions.Bank, r io.Reader, w io.Writer, opt CSVOptions) (CSVStats, error) {
	return CSVStats{}, nil
}
