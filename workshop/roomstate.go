package workshop

import (
	"fmt"
	"time"

	"guidepost/advisor"
	"guidepost/questions"
)

// Snapshot is what the facilitator's screen shows: counts, and the frozen
// picture once revealed (unless hidden again). Nothing in it is per
// person.
type Snapshot struct {
	Joined     int // sessions that have answered at least once, finished ones too
	Starting   int // sessions that have not answered yet
	Finished   int
	TurnedAway int // start or first answer refused: room full, busy or closed
	MinGroup   int
	Revealed   bool
	Hidden     bool     // revealed, then hidden by the facilitator
	Closed     bool     // answering closed
	Picture    *Picture // nil until revealed, and while hidden
	// Covered is how many the picture counts; Waiting how many more have
	// finished since (the picture moves on once Waiting reaches MinGroup).
	Covered, Waiting int
	// At counts the unfinished participants by the question they are on
	// (index into the asked questions; the last is the review page).
	At      []int
	Problem string // a failure to write the room file, if any
}

// Snapshot returns the room as the facilitator may see it now.
func (r *Room) Snapshot() Snapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	s := Snapshot{
		Joined: r.counted, Starting: len(r.waiting), Finished: len(r.rows), TurnedAway: r.turnedAway,
		MinGroup: r.minGroup, Revealed: r.revealed, Hidden: r.hidden, Closed: r.closed, Problem: r.problem,
		At: make([]int, len(r.asked)+1),
	}
	if r.revealed && r.gate.pic != nil {
		s.Covered, s.Waiting = r.gate.covered, len(r.rows)-r.gate.covered
		if !r.hidden {
			s.Picture = r.gate.pic
		}
	}
	for _, ss := range r.sessions {
		if ss.counted && !ss.finished {
			s.At[min(int(ss.at.Load()), len(r.asked))]++
		}
	}
	return s
}

// Reveal shows the room's picture (again, after Hide); it refuses with
// ErrTooFew while fewer than the minimum group have finished. The picture
// is frozen: it covers who had finished, and moves on only once at least
// the minimum group more have.
func (r *Room) Reveal() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.rows) < r.minGroup {
		return fmt.Errorf("%w: %d of the %d needed", ErrTooFew, len(r.rows), r.minGroup)
	}
	if !r.revealed {
		r.revealed = true
		r.advance()
	}
	r.hidden = false
	return nil
}

// Hide takes the picture off the screen until Reveal.
func (r *Room) Hide() {
	r.mu.Lock()
	r.hidden = r.revealed
	r.mu.Unlock()
}

// SetClosed closes answering (no one starts, answers or finishes) or opens
// it again.
func (r *Room) SetClosed(closed bool) {
	r.mu.Lock()
	r.closed = closed
	r.mu.Unlock()
}

// advance moves the picture on when enough more have finished. The caller
// holds r.mu.
func (r *Room) advance() {
	if !r.revealed || len(r.rows)-r.gate.covered < r.minGroup {
		return
	}
	all := make([]questions.Choices, len(r.rows))
	for i, row := range r.rows {
		all[i] = row.choices
	}
	r.gate.advance(r.bank, all, r.minGroup)
}

// join creates a session for a new participant, unless starts come too
// fast for the room, or answering is closed. The session counts toward
// the cap only when it first answers.
func (r *Room) join() (string, *session, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	switch {
	case r.closed:
		r.turnedAway++
		return "", nil, ErrClosed
	case r.counted >= r.maxParticipants:
		r.turnedAway++
		return "", nil, ErrFull
	case !r.starts.allow(now, startBurst, startRate):
		r.turnedAway++
		return "", nil, ErrBusy
	}
	r.sweep()
	if len(r.waiting) >= maxWaiting {
		r.drop(r.waiting[0])
	}
	id := randomToken(32)
	s := &session{key: sessionKey(id), csrf: randomToken(32), token: randomToken(8), choices: r.bank.NewChoices(), started: now}
	s.seen.Store(now.UnixNano())
	r.sessions[s.key] = s
	r.waiting = append(r.waiting, s)
	r.note(r.log.join(s.key, s.csrf, s.token))
	return id, s, nil
}

// sweep ends idle sessions: without an answer after idleNew, half-way
// after idleAnswered. It runs at most every sweepEvery. The caller holds
// r.mu.
func (r *Room) sweep() {
	now := r.now()
	if now.Sub(r.swept) < sweepEvery {
		return
	}
	r.swept = now
	for _, s := range r.sessions {
		idle := now.Sub(timeOf(s.seen.Load()))
		if !s.counted && idle > idleNew || s.counted && !s.finishedNow() && idle > idleAnswered {
			r.drop(s)
		}
	}
}

// finishedNow reads whether s has finished without its lock: finish sets
// it under the room's lock too, which the caller holds.
func (s *session) finishedNow() bool { return s.finished }

// drop ends session s. The caller holds r.mu.
func (r *Room) drop(s *session) {
	if _, ok := r.sessions[s.key]; !ok {
		return
	}
	delete(r.sessions, s.key)
	if s.counted {
		r.counted--
	} else {
		r.unwait(s)
	}
	r.note(r.log.forget(s.key))
}

// unwait takes s off the waiting list. The caller holds r.mu.
func (r *Room) unwait(s *session) {
	for i, w := range r.waiting {
		if w == s {
			r.waiting = append(r.waiting[:i], r.waiting[i+1:]...)
			return
		}
	}
}

// note keeps a failure to write the journal for the facilitator's screen;
// the participant carries on (the journal only helps a resume). The caller
// holds r.mu.
func (r *Room) note(err error) {
	if err != nil {
		r.problem = diskProblem(err)
	}
}

// diskProblem says what a write failure means for the facilitator.
func diskProblem(err error) string {
	if diskFull(err) {
		return "the disk is full. Free some space on this computer: participants who could not be saved keep their answers and are saved when they press the button again. " + err.Error()
	}
	return err.Error()
}

// session returns the session with cookie value id.
func (r *Room) session(id string) *session {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sessions[sessionKey(id)]
}

// answer records s's answer o to question q. A session's first answer
// makes it count toward the cap, and is refused when the room is full or
// answering is closed. The caller holds s.mu.
func (r *Room) answer(s *session, q, o int) error {
	r.mu.Lock()
	switch {
	case r.closed:
		r.mu.Unlock()
		return ErrClosed
	case !s.counted && r.counted >= r.maxParticipants:
		r.turnedAway++
		r.mu.Unlock()
		return ErrFull
	case !s.counted:
		if _, live := r.sessions[s.key]; !live {
			r.mu.Unlock()
			return ErrClosed
		}
		s.counted, s.answered = true, true
		r.counted++
		r.unwait(s)
	}
	r.mu.Unlock()
	s.choices[q] = int8(o)
	err := r.log.answer(s.key, q, o)
	r.mu.Lock()
	r.note(err)
	r.mu.Unlock()
	return nil
}

// finish records s's answers: appended and synced to the room file first,
// then counted. The caller holds s.mu. On a write error nothing is
// counted and the participant can try again.
func (r *Room) finish(s *session) error {
	if s.finished {
		return nil
	}
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return ErrClosed
	}
	e := advisor.ExplainAnswers(r.bank, s.choices, selfAudience)
	if err := r.file.appendRow(s.token, s.choices); err != nil {
		r.mu.Lock()
		r.problem = diskProblem(err)
		r.mu.Unlock()
		return err
	}
	s.result = &e
	err := r.log.finish(s.key)
	r.mu.Lock()
	s.finished = true
	if !s.counted {
		s.counted = true
		r.counted++
		r.unwait(s)
	}
	r.rows = append(r.rows, finishedRow{token: s.token, choices: append(questions.Choices(nil), s.choices...)})
	r.advance()
	r.problem = ""
	r.note(err)
	r.mu.Unlock()
	return nil
}

// timeOf turns unix nanoseconds back into a time.
func timeOf(ns int64) time.Time { return time.Unix(0, ns) }
