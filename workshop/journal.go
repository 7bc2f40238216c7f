package workshop

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"guidepost/questions"
)

// The progress journal sits beside the room file (ROOM.progress) so that
// --resume also brings back the participants who were half-way through:
// their phones keep their cookie, and after the restart they continue at
// the question they were on, their earlier answers kept. One line is
// appended per event:
//
//	j,SESSION,FORMTOKEN,PARTICIPANT   a browser joined
//	a,SESSION,QUESTION,OPTION         an answer (the latest counts)
//	f,SESSION                         finished: the row is in the room file
//
// SESSION is the SHA-256 of the cookie, never the cookie itself. Lines are
// written at once, so a crash of the program loses none; only the room
// file is synced line by line (a power cut may lose the last unfinished
// answers, never a finished participant).

// journalSuffix replaces the room file's .csv.
const journalSuffix = ".progress"

type journal struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

// journalPath is the journal of the room file at roomPath.
func journalPath(roomPath string) string {
	return strings.TrimSuffix(roomPath, ".csv") + journalSuffix
}

// sessionKey is the key a cookie value is kept under.
func sessionKey(cookie string) string {
	sum := sha256.Sum256([]byte(cookie))
	return hex.EncodeToString(sum[:])
}

// openJournal opens (creating it, private) the journal for appending.
func openJournal(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, fileMode)
	if err != nil {
		return nil, fmt.Errorf("open the progress file: %w", err)
	}
	if err := f.Chmod(fileMode); err != nil {
		f.Close()
		return nil, fmt.Errorf("make the progress file private: %w", err)
	}
	return &journal{f: f, path: path}, nil
}

// add appends one event in a single write.
func (j *journal) add(rec ...string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(rec)
	w.Flush()
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return errors.New("the progress file is closed")
	}
	if _, err := j.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the progress file %s: %w", j.path, err)
	}
	return nil
}

func (j *journal) close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

// replayJournal rebuilds the sessions recorded at path for bank b, in the
// order they joined. A missing journal is no sessions; a torn last line is
// cut off; an event that does not fit (a question or option the rule set
// lacks, an unknown session) is skipped: the room file, not the journal,
// is the record of who finished.
func replayJournal(path string, b *questions.Bank, asked []int) (map[string]*session, []string, error) {
	data, err := readLimited(path, maxRoomFile)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]*session{}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	if n := len(data); n > 0 && data[n-1] != '\n' {
		cut := bytes.LastIndexByte(data, '\n') + 1
		data = data[:cut]
		if err := os.Truncate(path, int64(cut)); err != nil {
			return nil, nil, fmt.Errorf("repair the progress file %s: %w", path, err)
		}
	}
	pos := make(map[int]int, len(asked)) // question index → position asked
	for i, q := range asked {
		pos[q] = i
	}
	sessions := map[string]*session{}
	var order []string
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return sessions, order, nil
		}
		if err != nil {
			continue // a damaged line: skip it
		}
		switch {
		case rec[0] == "j" && len(rec) == 4:
			if _, dup := sessions[rec[1]]; !dup {
				sessions[rec[1]] = &session{csrf: rec[2], token: rec[3], choices: b.NewChoices()}
				order = append(order, rec[1])
			}
		case rec[0] == "a" && len(rec) == 4:
			s, q := sessions[rec[1]], b.Question(rec[2])
			if s == nil || q < 0 || b.Option(q, rec[3]) < 0 {
				continue
			}
			if i, ok := pos[q]; ok {
				s.choices[q] = int8(b.Option(q, rec[3]))
				s.pos = min(i+1, len(asked)-1)
				s.reached = max(s.reached, s.pos)
			}
		case rec[0] == "f" && len(rec) == 2:
			if s := sessions[rec[1]]; s != nil {
				s.finished = true
			}
		}
	}
}
