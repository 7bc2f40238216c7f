package batch

// Every limit on what batch scoring holds in memory or prints, in one
// place. Whatever the input, memory stays within a few of these: one read
// buffer, the kept cells of the rows in flight, and the summary's tallies.
const (
	// maxRow is the longest row accepted, in bytes from its first byte to
	// its line end (a quoted cell may hold line breaks, so a row may span
	// lines). A longer data row is a row error, skipped without being
	// held; a longer header row ends the run. 1 MiB, enforced to the byte.
	maxRow = 1 << 20
	// maxCell is the longest cell that is read, in bytes: the id, the
	// group and the question cells (other columns are only skipped). A
	// longer cell is a row error naming its column; it is not copied.
	maxCell = 1 << 10
	// maxGroups caps the number of group tallies of a summary; later
	// values share one tally. With maxCell this bounds the group keys
	// held to 1 MiB.
	maxGroups = 1000
	// maxEcho is how many runes of an input value a message quotes.
	maxEcho = 40
	// maxFailedListed is how many failed rows a summary names, per
	// section, before it gives only their count.
	maxFailedListed = 10

	// readBuffer is the size of the input buffer.
	readBuffer = 64 << 10
	// batchRows is how many rows the reader hands to the scorer at a time,
	// and batchesInFlight how many such batches exist at once.
	batchRows       = 1024
	batchesInFlight = 4
	// progressEvery is how many rows pass between two calls of
	// Options.Progress.
	progressEvery = 4096
)

// Summary text is wrapped at summaryWidth columns.
const summaryWidth = 80
