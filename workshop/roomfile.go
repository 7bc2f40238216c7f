package workshop

import (
	"bytes"
	"crypto/rand"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"guidepost/internal/store"
	"guidepost/questions"
)

// roomsDir is the folder, under the state folder, holding the room files.
const roomsDir = "rooms"

// roomFile is a room's answers on disk: a CSV in the `score --csv` input
// format (CONTRACT §6), one row per finished participant, a random token as
// its id. Each row is appended with one write and synced before the
// participant sees their result, so a participant who saw a result is in
// the file even if the machine loses power the next moment. The file
// itself (locking, repair, a full disk) is internal/store's RoomFile.
type roomFile struct {
	mu   sync.Mutex
	rf   *store.RoomFile
	bank *questions.Bank
}

// roomName is the file name of a new room: sortable by time, with the
// room code so that --resume keeps the address the phones know.
func roomName(now time.Time, code string) string {
	return "room-" + now.Format("2006-01-02-150405") + "-" + code + ".csv"
}

// codeFromName returns the room code in a room file's name.
func codeFromName(name string) (string, bool) {
	base, ok := strings.CutSuffix(filepath.Base(name), ".csv")
	if !ok || !strings.HasPrefix(base, "room-") {
		return "", false
	}
	i := strings.LastIndexByte(base, '-')
	code := base[i+1:]
	return code, validCode(code)
}

// header is the room file's header row: id, then every question id.
func header(b *questions.Bank) []string {
	return append([]string{"id"}, b.QuestionIDs()...)
}

// csvLine encodes one record as a CSV line.
func csvLine(rec []string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(rec)
	w.Flush()
	return buf.Bytes()
}

// createRoomFile creates a new room file in dir and writes its header.
func createRoomFile(dir string, b *questions.Bank, now time.Time, code string) (*roomFile, error) {
	rf, err := store.CreateRoom(dir, roomName(now, code), csvLine(header(b)))
	if err != nil {
		return nil, err
	}
	return &roomFile{rf: rf, bank: b}, nil
}

// path is the room file's path.
func (f *roomFile) path() string { return f.rf.Path() }

// rowLine is one finished participant's row.
func rowLine(b *questions.Bank, token string, ch questions.Choices) []byte {
	rec := make([]string, 0, len(ch)+1)
	rec = append(rec, token)
	for q, o := range ch {
		cell := ""
		if o != questions.NoAnswer {
			cell = b.Questions[q].Options[o].ID
		}
		rec = append(rec, cell)
	}
	return csvLine(rec)
}

// appendRow writes one finished participant's answers and syncs the file.
func (f *roomFile) appendRow(token string, ch questions.Choices) error {
	line := rowLine(f.bank, token, ch)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rf.Append(line)
}

// rewriteShuffled replaces the file with its header and rows in a random
// order, so that the file no longer tells who finished when.
func (f *roomFile) rewriteShuffled(rows []finishedRow) error {
	data := csvLine(header(f.bank))
	for _, i := range shuffled(len(rows)) {
		data = append(data, rowLine(f.bank, rows[i].token, rows[i].choices)...)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rf.Rewrite(data)
}

// shuffled returns 0..n-1 in a uniformly random order (crypto/rand).
func shuffled(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j, _ := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		k := int(j.Int64())
		out[i], out[k] = out[k], out[i]
	}
	return out
}

// close closes the file; later appends fail.
func (f *roomFile) close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rf.Close()
}

// findRoom picks the room file to resume in dir: which is a room file's
// path, a room code (the newest room with that code), or "" for the
// newest room.
func findRoom(dir, which string) (string, error) {
	if strings.ContainsAny(which, `/\`) || strings.HasSuffix(which, ".csv") {
		return which, nil
	}
	names, err := store.RoomFiles(dir)
	if err != nil {
		return "", err
	}
	want := normalCode(which)
	var rooms []string
	for _, n := range names {
		if code, ok := codeFromName(n); ok && (want == "" || code == want) {
			rooms = append(rooms, n)
		}
	}
	if len(rooms) == 0 {
		if want != "" {
			return "", fmt.Errorf("no room with the code %s in %s", questions.Clean(want), dir)
		}
		return "", fmt.Errorf("there is no room to resume (no room files in %s)", dir)
	}
	sort.Strings(rooms)
	return filepath.Join(dir, rooms[len(rooms)-1]), nil
}

// finishedRow is one finished participant: in the room file, and in the
// room's memory.
type finishedRow struct {
	token   string
	choices questions.Choices
}

// openRoomFile reopens the room file at path for appending (locked) and
// returns every participant in it, and a notice for the facilitator when
// the file was repaired or had damaged rows.
func openRoomFile(path string, b *questions.Bank) (*roomFile, []finishedRow, string, error) {
	complete := func(data []byte, last int) bool {
		head, err := csv.NewReader(bytes.NewReader(stripBOM(data))).Read()
		if err != nil {
			return false
		}
		rec, ok := parseRow(b, head, data[last:])
		return ok && rec != nil
	}
	rf, data, notice, err := store.OpenRoom(path, complete)
	if err != nil {
		return nil, nil, "", err
	}
	rows, skipped, err := parseRoom(path, b, data)
	if err != nil {
		rf.Close()
		return nil, nil, "", err
	}
	if len(skipped) > 0 {
		notice = joinNotice(notice, fmt.Sprintf("Damaged rows were left out (a write that failed part way): line %s.", strings.Join(skipped, ", ")))
	}
	return &roomFile{rf: rf, bank: b}, rows, notice, nil
}

// stripBOM drops a UTF-8 byte-order mark (a spreadsheet's save).
func stripBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

// parseRow reads one line against the header head: nil, false when the
// line is not a whole row of this room (a damaged line).
func parseRow(b *questions.Bank, head []string, line []byte) (*finishedRow, bool) {
	r := csv.NewReader(bytes.NewReader(line))
	rec, err := r.Read()
	if err != nil || len(rec) != len(head) || rec[0] == "" {
		return nil, false
	}
	ch := b.NewChoices()
	for i, cell := range rec[1:] {
		if cell == "" {
			continue
		}
		q := b.Question(head[i+1])
		o := b.Option(q, cell)
		if o < 0 {
			return nil, false
		}
		ch[q] = int8(o)
	}
	return &finishedRow{token: rec[0], choices: ch}, true
}

// parseRoom reads a room file's rows against b. The header must name an id
// column and only b's questions (the room file was written with this rule
// set); a row that is not whole (a failed write isolated on its line) is
// left out and its line number returned; a row whose id was seen before
// is the same participant and counted once.
func parseRoom(path string, b *questions.Bank, data []byte) ([]finishedRow, []string, error) {
	data = stripBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("%s is empty: not a room file", path)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	head, err := csv.NewReader(bytes.NewReader(lines[0])).Read()
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s:1: %w", path, err)
	}
	if len(head) == 0 || head[0] != "id" {
		return nil, nil, fmt.Errorf("%s:1: the first column must be id: not a room file", path)
	}
	for _, h := range head[1:] {
		if b.Question(h) < 0 {
			return nil, nil, fmt.Errorf("%s:1: column %q is not a question of the rule set in use (the room was run with another rule set?)", path, questions.Clean(h))
		}
	}
	var rows []finishedRow
	var skipped []string
	seen := map[string]bool{}
	for i, l := range lines[1:] {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		row, ok := parseRow(b, head, l)
		if !ok {
			skipped = append(skipped, fmt.Sprint(i+2))
			continue
		}
		if !seen[row.token] {
			seen[row.token] = true
			rows = append(rows, *row)
		}
	}
	return rows, skipped, nil
}

// randomToken returns n random bytes as lowercase hex.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand)
	const hex = "0123456789abcdef"
	out := make([]byte, 2*n)
	for i, c := range b {
		out[2*i], out[2*i+1] = hex[c>>4], hex[c&15]
	}
	return string(out)
}

// codeAlphabet has no 0/O, 1/I/L: easy to read off a projector and type.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// codeLen is the room code's length: 31^6, about 887 million codes.
const codeLen = 6

// newCode returns a random room code.
func newCode() string {
	out := make([]byte, 0, codeLen)
	buf := make([]byte, 1)
	for len(out) < codeLen {
		rand.Read(buf)
		// Rejection keeps every letter equally likely: 248 is 8 × 31.
		if int(buf[0]) < 8*len(codeAlphabet) {
			out = append(out, codeAlphabet[int(buf[0])%len(codeAlphabet)])
		}
	}
	return string(out)
}

// validCode reports whether s has a room code's shape.
func validCode(s string) bool {
	if len(s) != codeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(codeAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}
