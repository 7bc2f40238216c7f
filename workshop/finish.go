package workshop

// The end of a run: the review page (every answer, each with a link to
// change it, and what the result will be), finishing, and the pages for a
// participant the room cannot take.

import (
	"errors"
	"net/http"
	"syscall"

	"guidepost/advisor"
)

// diskFull reports whether err is a full disk.
func diskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }

// reviewItem is one answer on the review page.
type reviewItem struct {
	Number        int
	Topic, Answer string
	Unsure        bool
}

// showReview lists the answers before finishing.
func (s *Server) showReview(w http.ResponseWriter, r *http.Request, ss *session) {
	switch {
	case ss.finished:
		http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
		return
	case ss.reached < len(s.room.asked):
		http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
		return
	}
	ss.pos = len(s.room.asked)
	ss.at.Store(int32(ss.pos))
	s.renderReview(w, http.StatusOK, ss, "")
}

func (s *Server) renderReview(w http.ResponseWriter, status int, ss *session, errMsg string) {
	b := s.room.bank
	p := page{Title: "Check your answers", Code: s.room.code, CSRF: ss.csrf, Error: errMsg, Total: len(s.room.asked)}
	unsure := 0
	for i, q := range s.room.asked {
		o := int(ss.choices[q])
		item := reviewItem{Number: i + 1, Topic: b.Questions[q].Topic, Unsure: o < 0 || o == b.Unsure(q)}
		if o >= 0 {
			item.Answer = b.Questions[q].Options[o].LabelFor(selfAudience)
		}
		if item.Unsure {
			unsure++
		}
		p.Review = append(p.Review, item)
	}
	e := advisor.ExplainAnswers(b, ss.choices, selfAudience)
	p.Heading = leadText(e)
	p.Message = e.Detail
	p.Unsure = unsure
	render(w, status, "review.html", p)
}

// finish saves the answers from the review page.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, ss *session) {
	if !s.sessionForm(w, r, ss) {
		return
	}
	switch {
	case ss.finished:
		alreadyFinished(w, s.where(ss))
		return
	case ss.reached < len(s.room.asked):
		http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
		return
	}
	if err := s.room.finish(ss); err != nil {
		if errors.Is(err, ErrClosed) {
			refused(w, err, s.where(ss))
			return
		}
		msg := "Your answers could not be saved on the facilitator's laptop. Tell the facilitator, then press See my result again: your answers are kept."
		if diskFull(err) {
			msg = "The facilitator's laptop is out of disk space, so your answers could not be saved yet. Tell the facilitator; once there is space, press See my result again: your answers are kept."
		}
		s.renderReview(w, http.StatusServiceUnavailable, ss, msg)
		return
	}
	http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
}

// alreadyFinished is the page for a change after finishing (the browser's
// Back shows an old question): nothing is changed, and it says so.
func alreadyFinished(w http.ResponseWriter, result string) {
	message(w, http.StatusConflict, "Your answers are already saved",
		"You have finished, so your answers can no longer be changed here and nothing was recorded from this page. Your result is as it was.", result, "See my result")
}

// refused is the page for a start or answer the room cannot take.
func refused(w http.ResponseWriter, err error, back string) {
	switch {
	case errors.Is(err, ErrBusy):
		w.Header().Set("Retry-After", "3")
		message(w, http.StatusServiceUnavailable, "Many people are joining",
			"Many phones are joining at the same moment. Wait a few seconds, then try again.", back, "Try again")
	case errors.Is(err, ErrClosed):
		message(w, http.StatusForbidden, "Answering is closed",
			"The facilitator has closed answering for this room. Answers already saved are kept.", "", "")
	default:
		message(w, http.StatusServiceUnavailable, "The room is full",
			"This room has as many participants as the facilitator allowed. Tell the facilitator, who can restart it with a higher --max-participants.", "", "")
	}
}

// leadText is how a result is named first: its status in words, and the
// call, or that there is no leaning yet.
func leadText(e advisor.Explanation) string {
	if e.Status == advisor.StatusTooFew {
		return NoLeaningLabel
	}
	return e.StatusText + ": " + e.Label
}
