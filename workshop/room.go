package workshop

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
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

// Starting sessions is limited for the room as a whole (one venue is one
// address, so there is no limit per address): a burst a large room fills
// at once, then startRate a second. A session counts toward
// --max-participants only once it has answered; one that has not expires
// after idleNew, one half-way after idleAnswered, and at most maxWaiting
// sessions wait for their first answer (past that the oldest goes).
const (
	startBurst   = 150
	startRate    = 20
	idleNew      = 10 * time.Minute
	idleAnswered = 45 * time.Minute
	maxWaiting   = 3000
	sweepEvery   = 5 * time.Second
)

// ErrTooFew is returned by Reveal while fewer than the minimum group have
// finished.
var ErrTooFew = errors.New("too few have finished")

// ErrFull is returned when the room has as many participants as allowed.
var ErrFull = errors.New("the room is full")

// ErrBusy is returned when sessions are being started faster than the
// room allows: the participant tries again in a moment.
var ErrBusy = errors.New("the room is busy")

// ErrClosed is returned once the facilitator has closed answering.
var ErrClosed = errors.New("answering is closed")

// bucket is a token bucket: burst requests at once, then rate a second.
type bucket struct {
	tokens float64
	last   time.Time
}

// allow spends one token.
func (b *bucket) allow(now time.Time, burst, rate float64) bool {
	if b.last.IsZero() {
		b.tokens = burst
	} else {
		b.tokens = min(burst, b.tokens+now.Sub(b.last).Seconds()*rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// session is one participant's browser: its cookie, form token, answers
// and where it is. Its own lock serialises its requests, so one slow or
// broken participant never holds up another.
type session struct {
	mu       sync.Mutex
	key      string // sessionKey of the cookie
	csrf     string
	token    string // the participant's id in the room file
	choices  questions.Choices
	pos      int // index into the asked questions of the page to show; len(asked) is the review page
	reached  int // furthest index reached
	answered bool
	finished bool
	result   *advisor.Explanation // explained once, in the participant's voice
	limit    bucket

	// Read by the room without the session's lock.
	seen    atomic.Int64 // unix nanoseconds of the last request
	at      atomic.Int32 // the question it is on, for the facilitator's "where people are"
	started time.Time
	counted bool // counts toward the cap (guarded by the room's lock)
}

// allow spends one request from the session's bucket.
func (s *session) allow(now time.Time) bool {
	s.seen.Store(now.UnixNano())
	return s.limit.allow(now, sessionBurst, sessionRate)
}

// Room is one workshop: its code, participants, the finished answers and
// what the projector shows. It is safe for concurrent use.
type Room struct {
	bank  *questions.Bank
	asked []int
	code  string
	file  *roomFile
	log   *journal

	minGroup, maxParticipants int
	now                       func() time.Time

	mu         sync.Mutex
	sessions   map[string]*session
	waiting    []*session // sessions without an answer yet, oldest first
	counted    int        // sessions that have answered (finished ones too)
	rows       []finishedRow
	gate       gate
	revealed   bool
	hidden     bool
	closed     bool
	turnedAway int
	starts     bucket
	swept      time.Time
	problem    string // the last failure to write the room file, for the facilitator
}

// RoomConfig configures a room.
type RoomConfig struct {
	Bank            *questions.Bank
	StateDir        string // the guidepost state folder; rooms go in StateDir/rooms
	MinGroup        int
	MaxParticipants int
	Quick           bool   // ask the core questions only
	Resume          bool   // reopen a room instead of starting one
	Which           string // with Resume: a room file's path, a room code, or "" for the newest
	Now             func() time.Time
}

// OpenRoom starts a new room, or with Resume reopens one with everyone
// who had finished. The notice, when not empty, is for the facilitator (a
// repaired room file).
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
		bank: cfg.Bank, asked: Asked(cfg.Bank, cfg.Quick),
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
		if r.log, err = openJournal(journalPath(f.path()), r.bank, nil); err != nil {
			f.close()
			return nil, "", err
		}
		return r, "", nil
	}
	path, err := findRoom(dir, cfg.Which)
	if err != nil {
		return nil, "", err
	}
	f, rows, notice, err := openRoomFile(path, cfg.Bank)
	if err != nil {
		return nil, "", err
	}
	r.file = f
	if code, ok := codeFromName(path); ok {
		r.code = code
	} else {
		r.code = newCode()
	}
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
	jp := journalPath(r.file.path())
	sessions, err := replayJournal(jp, r.bank, r.asked)
	if err != nil {
		return err
	}
	inFile := map[string]questions.Choices{}
	for _, row := range rows {
		r.rows = append(r.rows, row)
		inFile[row.token] = row.choices
	}
	now := r.now()
	known := 0
	for key, s := range sessions {
		if ch, ok := inFile[s.token]; ok {
			s.choices, s.finished = append(questions.Choices(nil), ch...), true
			e := advisor.ExplainAnswers(r.bank, s.choices, selfAudience)
			s.result = &e
			known++
		} else {
			s.finished = false // not in the room file: let them finish again
		}
		s.seen.Store(now.UnixNano())
		s.started = now
		s.at.Store(int32(s.pos))
		if s.answered || s.finished {
			s.counted = true
			r.counted++
		} else {
			r.waiting = append(r.waiting, s)
		}
		r.sessions[key] = s
	}
	r.counted += len(rows) - known
	if r.log, err = openJournal(jp, r.bank, sessions); err != nil {
		return err
	}
	return nil
}

// roomDir is the folder of the room files.
func roomDir(stateDir string) string { return filepath.Join(stateDir, roomsDir) }

// Code is the room code.
func (r *Room) Code() string { return r.code }

// Path is the room file's path.
func (r *Room) Path() string { return r.file.path() }

// MinGroup is the number who must finish before the picture can be shown.
func (r *Room) MinGroup() int { return r.minGroup }

// Close ends the room: the room file is rewritten with its rows in a
// random order and the journal compacted the same way, so neither keeps
// who finished when; then both are closed.
func (r *Room) Close() error {
	r.mu.Lock()
	rows := append([]finishedRow(nil), r.rows...)
	r.closed = true
	r.mu.Unlock()
	var err error
	if len(rows) > 1 {
		err = r.file.rewriteShuffled(rows)
	}
	if cerr := r.file.close(); err == nil {
		err = cerr
	}
	if r.log != nil {
		if jerr := r.log.close(); err == nil {
			err = jerr
		}
	}
	return err
}

// Asked returns the questions a room asks, in order: the bank's (the core
// ones when quick), less those with no point when each participant
// answers on their own phone (not_when_own_phone: who gave the answers).
func Asked(b *questions.Bank, quick bool) []int { return b.OwnPhone(quick) }
