package workshop

// Forms: every post is bounded, from this room's own pages and carries the
// session's token.

import (
	"crypto/subtle"
	"errors"
	"io"
	"net/http"
	"net/url"
)

// readForm reads a bounded form body from a page of this server. A body
// over maxFormBytes gets 413, a post from another site 403.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) bool {
	if !sameOrigin(r) {
		message(w, http.StatusForbidden, "Not from this room", "This form was sent from another site, so it was refused.", "/"+s.room.code, "Go to the room")
		return false
	}
	if r.ContentLength > maxFormBytes {
		message(w, http.StatusRequestEntityTooLarge, "Too large", "That request was far larger than any answer.", "/"+s.room.code, "Go to the room")
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			message(w, http.StatusRequestEntityTooLarge, "Too large", "That request was far larger than any answer.", "/"+s.room.code, "Go to the room")
		} else {
			message(w, http.StatusBadRequest, "Bad request", "That form could not be read.", "/"+s.room.code, "Go to the room")
		}
		return false
	}
	io.Copy(io.Discard, r.Body)
	return true
}

// sameOrigin refuses a request whose Origin header names another site.
// Browsers send Origin on every POST; a missing or opaque one ("null":
// an old browser, a privacy setting, a test client) is left to the form
// token, which no other site can read.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// tokenMatches compares a form token in constant time.
func tokenMatches(got, want string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// badToken answers a form without this session's token: an old page, or
// a post from elsewhere.
func badToken(w http.ResponseWriter, back string) {
	message(w, http.StatusForbidden, "Page expired",
		"This form did not come from your current page, so nothing was recorded. Go back to your question and answer again.", back, "Go to your question")
}
