// Package batch scores many people at once: a CSV file of answers, one
// person a row (CONTRACT §6), written back as CSV, JSON lines or a summary
// for the whole group.
//
// It builds on package advisor (advisor.Decide scores each row) and package
// questions (the rule set), and, like them, imports no Charm package and
// touches no terminal: it reads the io.Reader and writes the io.Writer it
// is given. Progress is reported through Options.Progress, a callback that
// the command layer turns into a progress bar.
//
// Memory stays flat however long or hostile the input: rows are streamed,
// a summary keeps counters only, and every limit on what is held (a row, a
// cell, a group name, the number of groups) is a named constant in
// limits.go.
package batch
