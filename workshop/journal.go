package workshop

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"strings"
	"sync"

	"guidepost/internal/store"
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
//	x,SESSION                         the session expired, idle
//
// SESSION is the SHA-256 of the cookie, never the cookie itself. Lines are
// written at once, so a crash of the program loses none; only the room
// file is synced line by line (a power cut may lose the last unfinished
// answers, never a finished participant).
//
// The journal keeps the state it describes in memory, and when the file
// has grown to twice that state (re-answering the same question over and
// over adds a line each time), it is replaced by the state alone: one
// join line a session, its latest answers, and for a finished session no
// answers at all (they are in the room file). The sessions are written in
// a random order, and the journal is compacted the same way when the room
// closes, so that it keeps neither joining nor finishing order.

// journalSuffix replaces the room file's .csv.
const journalSuffix = ".progress"

// journalSlack is how far the journal may grow beyond twice its state
// before it is compacted.
const journalSlack = 64 << 10

type journal struct {
	mu       sync.Mutex
	j        *store.Journal
	bank     *questions.Bank
	sessions map[string]*journalSession
}

// journalSession is what the journal knows of one session.
type journalSession struct {
	csrf, token string
	answers     map[int]int8
	finished    bool
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

// openJournal opens (creating it, private) the journal for appending,
// knowing sessions (replayed from it, or none).
func openJournal(path string, b *questions.Bank, sessions map[string]*session) (*journal, error) {
	f, err := store.OpenJournal(path)
	if err != nil {
		return nil, err
	}
	j := &journal{j: f, bank: b, sessions: map[string]*journalSession{}}
	for key, s := range sessions {
		js := &journalSession{csrf: s.csrf, token: s.token, answers: map[int]int8{}, finished: s.finished}
		for q, o := range s.choices {
			if o != questions.NoAnswer {
				js.answers[q] = o
			}
		}
		j.sessions[key] = js
	}
	return j, nil
}

// join records a new session.
func (j *journal) join(key, csrf, token string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.sessions[key] = &journalSession{csrf: csrf, token: token, answers: map[int]int8{}}
	return j.add("j", key, csrf, token)
}

// answer records session key's answer o to question q.
func (j *journal) answer(key string, q, o int) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if s := j.sessions[key]; s != nil {
		s.answers[q] = int8(o)
	}
	return j.add("a", key, j.bank.Questions[q].ID, j.bank.Questions[q].Options[o].ID)
}

// finish records that session key's row is in the room file.
func (j *journal) finish(key string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if s := j.sessions[key]; s != nil {
		s.finished, s.answers = true, map[int]int8{}
	}
	return j.add("f", key)
}

// forget records that session key expired.
func (j *journal) forget(key string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	delete(j.sessions, key)
	return j.add("x", key)
}

// add appends one event in a single write, then compacts the journal when
// it has grown past twice its state. The caller holds j.mu.
func (j *journal) add(rec ...string) error {
	if err := j.j.Append(csvLine(rec)); err != nil {
		return err
	}
	if state := j.stateSize(); j.j.Size() > 2*state+journalSlack {
		return j.compact()
	}
	return nil
}

// stateSize is about how long the compacted journal would be.
func (j *journal) stateSize() int64 {
	var n int64
	for _, s := range j.sessions {
		n += 64 + 8 + 16 + 8 + int64(len(s.answers))*100
	}
	return n
}

// compact replaces the journal with its state, sessions in a random
// order. The caller holds j.mu.
func (j *journal) compact() error {
	var data []byte
	keys := make([]string, 0, len(j.sessions))
	for k := range j.sessions {
		keys = append(keys, k)
	}
	for _, i := range shuffled(len(keys)) {
		k := keys[i]
		s := j.sessions[k]
		data = append(data, csvLine([]string{"j", k, s.csrf, s.token})...)
		for q := range j.bank.Questions {
			if o, ok := s.answers[q]; ok {
				data = append(data, csvLine([]string{"a", k, j.bank.Questions[q].ID, j.bank.Questions[q].Options[o].ID})...)
			}
		}
		if s.finished {
			data = append(data, csvLine([]string{"f", k})...)
		}
	}
	return j.j.Replace(data)
}

// close compacts the journal (so that it keeps no order) and closes it.
func (j *journal) close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	err := j.compact()
	if cerr := j.j.Close(); err == nil {
		err = cerr
	}
	return err
}

// replayJournal rebuilds the sessions recorded at path for bank b. A
// missing journal is no sessions; a torn last line is cut off; an event
// that does not fit (a question or option the rule set lacks, an unknown
// session) is skipped: the room file, not the journal, is the record of
// who finished.
func replayJournal(path string, b *questions.Bank, asked []int) (map[string]*session, error) {
	data, err := store.ReadJournal(path)
	if err != nil {
		return nil, err
	}
	pos := make(map[int]int, len(asked)) // question index → position asked
	for i, q := range asked {
		pos[q] = i
	}
	sessions := map[string]*session{}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return sessions, nil
		}
		if err != nil {
			continue // a damaged line: skip it
		}
		switch {
		case rec[0] == "j" && len(rec) == 4:
			if _, dup := sessions[rec[1]]; !dup {
				sessions[rec[1]] = &session{key: rec[1], csrf: rec[2], token: rec[3], choices: b.NewChoices()}
			}
		case rec[0] == "a" && len(rec) == 4:
			s, q := sessions[rec[1]], b.Question(rec[2])
			if s == nil || q < 0 || b.Option(q, rec[3]) < 0 {
				continue
			}
			if i, ok := pos[q]; ok {
				s.choices[q] = int8(b.Option(q, rec[3]))
				s.answered = true
				s.pos = min(i+1, len(asked)-1)
				s.reached = max(s.reached, s.pos)
			}
		case rec[0] == "f" && len(rec) == 2:
			if s := sessions[rec[1]]; s != nil {
				s.finished = true
			}
		case rec[0] == "x" && len(rec) == 2:
			delete(sessions, rec[1])
		}
	}
}
