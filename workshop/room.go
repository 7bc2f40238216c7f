package workshop

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"guidepost/advisor"
	"guidepost/questions"
)

// Limits of a room.
const (
	// MinGroupFloor is the smallest --min-group allowed: below three, the
	// room's picture would tell people's answers apart.
	MinGroupFloor = 3
	// DefaultMinGroup is --min-group's default.
	DefaultMinGroup = 5
	// DefaultMaxParticipants is --max-participants' default: a large
	// workshop, with room for people who join twice.
	DefaultMaxParticipants = 100
	// MaxParticipantsCeiling bounds --max-participants, and with it the
	// memory the room holds (a session is well under a kilobyte).
	MaxParticipantsCeiling = 5000
)

// Per-session request limit: a token bucket. A whole run is about 35
// requests; a burst of 60 covers it at any speed, and a page refreshed in
// a loop is slowed to sessionRate requests a second. There is no per-IP
// limit: a whole room often shares one address behind the venue's NAT.
const (
	sessionBurst = 60
	sessionRate  = 5 // requests a second, refilled
)

// ErrTooFew is returned by Reveal while fewer than the minimum group have
// finished.
var ErrTooFew = errors.New("too few have finished")

// ErrFull is returned when the room has as many participants as allowed.
var ErrFull = errors.New("the room is full")

// session is one participant's browser: its cookie, form token, answers
// and where it is. Its own lock serialises its requests, so one slow or
// broken participant never holds up another.
type session struct {
	mu       sync.Mutex
	key      string // sessionKey of the cookie
	csrf     string
	token    string // the participant's id in the room file
	choices  questions.Choices
	pos      int // index into the asked questions of the page to show
	reached  int // furthest index reached
	finished bool
	result   *advisor.Result

	tokens float64
	last   time.Time
}

// allow spends one request from the session's bucket.
func (s *session) allow(now time.Time) bool {
	if s.last.IsZero() {
		s.tokens = sessionBurst
	} else {
		s.tokens = min(sessionBurst, s.tokens+now.Sub(s.last).Seconds()*sessionRate)
	}
	s.last = now
	if s.tokens < 1 {
		return false
	}
	s.tokens--
	return true
}

// Room is one workshop: its code, participants, the finished answers and
// whether the facilitator has revealed the picture. It is safe for
// concurrent use.
type Room struct {
	bank  *questions.Bank
	asked []int
	code  string
	file  *roomFile
	log   *journal

	minGroup, maxParticipants int
	now                       func() time.Time

	mu       sync.Mutex
	sessions map[string]*session
	joined   int
	finished []questions.Choices
	revealed bool
	problem  string // the last failure to write the room file, for the facilitator
}

// RoomConfig configures a room.
type RoomConfig struct {
	Bank            *questions.Bank
	StateDir        string // the guidepost state folder; rooms go in StateDir/rooms
	MinGroup        int
	MaxParticipants int
	Resume          bool // reopen the newest room file instead of starting one
	Now             func() time.Time
}

// OpenRoom starts a new room, or with Resume reopens the last one with
// everyone who had finished. The notice, when not empty, is for the
// facilitator (a repaired room file).
func OpenRoom(cfg RoomConfig) (*Room, string, error) {
	if cfg.Bank == nil {
		return nil, "", errors.New("workshop: no question bank")
	}
	if cfg.MinGroup < MinGroupFloor {
		return nil, "", fmt.Errorf("the minimum group is at least %d (got %d)", MinGroupFloor, cfg.MinGroup)
	}
	if cfg.MaxParticipants < 1 || cfg.MaxParticipants > MaxParticipantsCeiling {
		return nil, "", fmt.Errorf("the participant limit is from 1 to %d (got %d)", MaxParticipantsCeiling, cfg.MaxParticipants)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &Room{
		bank: cfg.Bank, asked: cfg.Bank.Asked(false),
		minGroup: cfg.MinGroup, maxParticipants: cfg.MaxParticipants, now: cfg.Now,
		sessions: map[string]*session{},
	}
	dir := roomDir(cfg.StateDir)
	if !cfg.Resume {
		r.code = newCode()
		f, err := createRoomFile(dir, cfg.Bank, cfg.Now(), r.code)
		if err != nil {
			return nil, "", err
		}
		r.file = f
		if r.log, err = openJournal(journalPath(f.path)); err != nil {
			f.close()
			return nil, "", err
		}
		return r, "", nil
	}
	path, err := lastRoom(dir)
	if err != nil {
		return nil, "", err
	}
	code, _ := codeFromName(path)
	f, rows, notice, err := openRoomFile(path, cfg.Bank)
	if err != nil {
		return nil, "", err
	}
	r.code, r.file = code, f
	if err := r.restore(rows); err != nil {
		f.close()
		return nil, "", err
	}
	return r, notice, nil
}

// restore brings back the finished participants from the room file and
// every session from the progress journal, so that phones half-way
// through continue where they were and finished ones see their result.
func (r *Room) restore(rows []finishedRow) error {
	jp := journalPath(r.file.path)
	sessions, order, err := replayJournal(jp, r.bank, r.asked)
	if err != nil {
		return err
	}
	if r.log, err = openJournal(jp); err != nil {
		return err
	}
	inFile := map[string]questions.Choices{}
	for _, row := range rows {
		r.finished = append(r.finished, row.choices)
		inFile[row.token] = row.choices
	}
	known := 0
	for _, key := range order {
		s := sessions[key]
		s.key = key
		if ch, ok := inFile[s.token]; ok {
			s.choices, s.finished = append(questions.Choices(nil), ch...), true
			known++
		} else {
			s.finished = false // not in the room file: let them finish again
		}
		if s.finished {
			res := advisor.Evaluate(r.bank, s.choices)
			s.result = &res
		}
		r.sessions[key] = s
	}
	r.joined = len(order) + len(rows) - known
	return nil
}

// roomDir is the folder of the room files.
func roomDir(stateDir string) string { return filepath.Join(stateDir, roomsDir) }

// Code is the room code.
func (r *Room) Code() string { return r.code }

// Path is the room file's path.
func (r *Room) Path() string { return r.file.path }

// MinGroup is the number who must finish before the picture can be shown.
func (r *Room) MinGroup() int { return r.minGroup }

// Close closes the room file and the progress journal.
func (r *Room) Close() error {
	err := r.file.close()
	if r.log != nil {
		if jerr := r.log.close(); err == nil {
			err = jerr
		}
	}
	return err
}

// Snapshot is what the facilitator's screen shows: counts, and the picture
// only once revealed. Nothing in it is per person.
type Snapshot struct {
	Joined, Finished int
	MinGroup         int
	Revealed         bool
	Picture          *Picture // nil until revealed
	Problem          string   // a failure to write the room file, if any
}

// Snapshot returns the room as the facilitator may see it now.
func (r *Room) Snapshot() Snapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := Snapshot{Joined: r.joined, Finished: len(r.finished), MinGroup: r.minGroup, Revealed: r.revealed, Problem: r.problem}
	if r.revealed {
		s.Picture = picture(r.bank, r.finished)
	}
	return s
}

// Reveal shows the room's picture from now on; it refuses with ErrTooFew
// while fewer than the minimum group have finished.
func (r *Room) Reveal() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.finished) < r.minGroup {
		return fmt.Errorf("%w: %d of the %d needed", ErrTooFew, len(r.finished), r.minGroup)
	}
	r.revealed = true
	return nil
}

// join creates a session for a new participant, unless the room is full.
func (r *Room) join() (string, *session, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.joined >= r.maxParticipants {
		return "", nil, ErrFull
	}
	id := randomToken(32)
	s := &session{key: sessionKey(id), csrf: randomToken(32), token: randomToken(8), choices: r.bank.NewChoices()}
	r.sessions[s.key] = s
	r.joined++
	r.note(r.log.add("j", s.key, s.csrf, s.token))
	return id, s, nil
}

// note keeps a failure to write the journal for the facilitator's screen;
// the participant carries on (the journal only helps a resume). The caller
// holds r.mu.
func (r *Room) note(err error) {
	if err != nil {
		r.problem = err.Error()
	}
}

// session returns the session with cookie value id.
func (r *Room) session(id string) *session {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sessions[sessionKey(id)]
}

// answer records s's answer o to question q. The caller holds s.mu.
func (r *Room) answer(s *session, q, o int) {
	s.choices[q] = int8(o)
	err := r.log.add("a", s.key, r.bank.Questions[q].ID, r.bank.Questions[q].Options[o].ID)
	r.mu.Lock()
	r.note(err)
	r.mu.Unlock()
}

// finish records s's answers: appended and synced to the room file first,
// then counted. The caller holds s.mu. On a write error nothing is
// counted and the participant can try again.
func (r *Room) finish(s *session) error {
	if s.finished {
		return nil
	}
	res := advisor.Evaluate(r.bank, s.choices)
	if err := r.file.appendRow(s.token, s.choices); err != nil {
		r.mu.Lock()
		r.problem = err.Error()
		r.mu.Unlock()
		return err
	}
	s.finished, s.result = true, &res
	err := r.log.add("f", s.key)
	r.mu.Lock()
	r.finished = append(r.finished, append(questions.Choices(nil), s.choices...))
	r.problem = ""
	r.note(err)
	r.mu.Unlock()
	return nil
}
