package workshop

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"guidepost/questions"
)

// Permissions of what the room file store creates: answers describe
// people, so only the facilitator's account may read them.
const (
	dirMode  = 0o700
	fileMode = 0o600
)

// roomsDir is the folder, under the state folder, holding the room files.
const roomsDir = "rooms"

// maxRoomFile bounds the room file read on resume (a room of a thousand
// participants is about 100 KB).
const maxRoomFile = 16 << 20

// roomFile is a room's answers on disk: a CSV in the `score --csv` input
// format (CONTRACT §6), one row per finished participant, a random token as
// its id. Each row is appended with one write and synced before the
// participant sees their result, so a participant who saw a result is in
// the file even if the machine loses power the next moment.
type roomFile struct {
	mu   sync.Mutex
	path string
	f    *os.File
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

// createRoomFile creates a new room file in dir (made private if needed)
// and writes its header, synced.
func createRoomFile(dir string, b *questions.Bank, now time.Time, code string) (*roomFile, error) {
	if err := ensureDir(dir); err != nil {
		return nil, fmt.Errorf("create the room folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, roomName(now, code))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, fileMode)
	if err != nil {
		return nil, fmt.Errorf("create the room file: %w", err)
	}
	rf := &roomFile{path: path, f: f, bank: b}
	if err := rf.appendLine(header(b)); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	return rf, nil
}

// appendRow writes one finished participant's answers and syncs the file.
func (rf *roomFile) appendRow(token string, ch questions.Choices) error {
	rec := make([]string, 0, len(ch)+1)
	rec = append(rec, token)
	for q, o := range ch {
		cell := ""
		if o != questions.NoAnswer {
			cell = rf.bank.Questions[q].Options[o].ID
		}
		rec = append(rec, cell)
	}
	return rf.appendLine(rec)
}

// appendLine writes rec as one CSV line in a single write, then syncs.
func (rf *roomFile) appendLine(rec []string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(rec)
	w.Flush()
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.f == nil {
		return errors.New("the room file is closed")
	}
	if _, err := rf.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the room file %s: %w", rf.path, err)
	}
	if err := rf.f.Sync(); err != nil {
		return fmt.Errorf("sync the room file %s: %w", rf.path, err)
	}
	return nil
}

// close closes the file; later appends fail.
func (rf *roomFile) close() error {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.f == nil {
		return nil
	}
	err := rf.f.Close()
	rf.f = nil
	return err
}

// lastRoom returns the newest room file in dir.
func lastRoom(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("there is no room to resume (no room files in %s)", dir)
	}
	if err != nil {
		return "", fmt.Errorf("read the room folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if _, ok := codeFromName(e.Name()); ok && e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return "", fmt.Errorf("there is no room to resume (no room files in %s)", dir)
	}
	sort.Strings(names)
	return filepath.Join(dir, names[len(names)-1]), nil
}

// finishedRow is one participant read back from a room file.
type finishedRow struct {
	token   string
	choices questions.Choices
}

// openRoomFile reopens the room file at path for appending and returns
// every participant in it. A last line without its newline (a write cut
// short by a crash) is dropped from the file and reported in notice; any
// other problem is an error naming the line.
func openRoomFile(path string, b *questions.Bank) (*roomFile, []finishedRow, string, error) {
	data, err := readLimited(path, maxRoomFile)
	if err != nil {
		return nil, nil, "", err
	}
	notice := ""
	if n := len(data); n > 0 && data[n-1] != '\n' {
		cut := bytes.LastIndexByte(data, '\n') + 1
		if cut == 0 {
			return nil, nil, "", fmt.Errorf("%s: the header row is incomplete", path)
		}
		data = data[:cut]
		if err := os.Truncate(path, int64(cut)); err != nil {
			return nil, nil, "", fmt.Errorf("repair the room file %s: %w", path, err)
		}
		notice = "The last line of the room file was cut short (the program stopped while writing it) and was dropped."
	}
	rows, err := parseRoom(path, b, data)
	if err != nil {
		return nil, nil, "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, nil, "", fmt.Errorf("open the room file: %w", err)
	}
	if err := f.Chmod(fileMode); err != nil {
		f.Close()
		return nil, nil, "", fmt.Errorf("make the room file private: %w", err)
	}
	return &roomFile{path: path, f: f, bank: b}, rows, notice, nil
}

// parseRoom reads a room file's rows against b. The header must name an id
// column and only b's questions (the room file was written with this rule
// set); every cell must be one of its question's options or empty.
func parseRoom(path string, b *questions.Bank, data []byte) ([]finishedRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s is empty: not a room file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(head) == 0 || head[0] != "id" {
		return nil, fmt.Errorf("%s:1: the first column must be id: not a room file", path)
	}
	cols := make([]int, len(head)) // column → question index
	for i, h := range head[1:] {
		q := b.Question(h)
		if q < 0 {
			return nil, fmt.Errorf("%s:1: column %q is not a question of the rule set in use (the room was run with another rule set?)", path, questions.Clean(h))
		}
		cols[i+1] = q
	}
	var rows []finishedRow
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) != len(head) {
			return nil, fmt.Errorf("%s:%d: %d cells, the header has %d", path, line, len(rec), len(head))
		}
		ch := b.NewChoices()
		for i, cell := range rec[1:] {
			if cell == "" {
				continue
			}
			q := cols[i+1]
			o := b.Option(q, cell)
			if o < 0 {
				return nil, fmt.Errorf("%s:%d: %q is not an option of %s", path, line, questions.Clean(cell), b.Questions[q].ID)
			}
			ch[q] = int8(o)
		}
		rows = append(rows, finishedRow{token: rec[0], choices: ch})
	}
}

// readLimited reads path, refusing a file larger than limit.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open the room file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(bufio.NewReader(io.LimitReader(f, limit+1)))
	if err != nil {
		return nil, fmt.Errorf("read the room file %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MiB: not a room file", path, limit>>20)
	}
	return data, nil
}

// ensureDir creates dir private to the user, and narrows an existing dir
// that others can read.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return os.Chmod(dir, dirMode)
	}
	return nil
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
