package workshop

import (
	"crypto/subtle"
	"embed"
	"guidepost/questions"
	"html/template"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed templates
var templateFS embed.FS

// pages are parsed when a page is first served: every start of guidepost
// links this package in, and most never serve one.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templateFS, "templates/*.html"))
})

var stylesheet = mustRead("templates/style.css")

func mustRead(name string) []byte {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

// Bounds of the HTTP side. Phones on a busy Wi-Fi are slow, so the
// timeouts are generous; they still end a client that dribbles bytes.
const (
	maxFormBytes      = 8 << 10 // a question form is under 200 bytes
	maxHeaderBytes    = 16 << 10
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 20 * time.Second
	writeTimeout      = 20 * time.Second
	idleTimeout       = 90 * time.Second
	sessionMaxAge     = 12 * time.Hour
)

// cookieName is the session cookie's name.
const cookieName = "guidepost_session"

// csp allows the page its own stylesheet and nothing else: no scripts,
// no images, no fonts, no frames, forms only to this server.
const csp = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// Server is the participants' side of a room: plain HTML forms, one
// question a page.
type Server struct {
	room       *Room
	startToken string
}

// NewServer returns the HTTP side of room.
func NewServer(room *Room) *Server {
	return &Server{room: room, startToken: randomToken(32)}
}

// HTTPServer returns an http.Server for s with every bound set: header,
// read, write and idle timeouts, the header size, and no error log (it
// would hold the clients' addresses).
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
}

// Handler routes the participants' requests.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.askCode)
	mux.HandleFunc("GET /join", s.join)
	mux.HandleFunc("GET /style.css", serveStyle)
	mux.HandleFunc("GET /{code}", s.inRoom(s.entry))
	mux.HandleFunc("GET /{code}/{$}", s.inRoom(s.entry))
	mux.HandleFunc("POST /{code}/start", s.inRoom(s.start))
	mux.HandleFunc("GET /{code}/q/{n}", s.inRoom(s.withSession(s.showQuestion)))
	mux.HandleFunc("POST /{code}/q/{n}", s.inRoom(s.withSession(s.answer)))
	mux.HandleFunc("GET /{code}/review", s.inRoom(s.withSession(s.showReview)))
	mux.HandleFunc("POST /{code}/finish", s.inRoom(s.withSession(s.finish)))
	mux.HandleFunc("GET /{code}/result", s.inRoom(s.withSession(s.showResult)))
	return secure(mux)
}

// secure sets the headers every response carries and turns a panic into a
// 500 page for that one request, logging nothing (no client address).
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin") // no-referrer would make browsers send Origin: null
		h.Set("Cache-Control", "no-store")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				message(w, http.StatusInternalServerError, "Something went wrong", "This page failed. Your earlier answers are kept: go back and try again.", "", "")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func serveStyle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	w.Write(stylesheet)
}

// askCode is the page that asks for the room code.
func (s *Server) askCode(w http.ResponseWriter, r *http.Request) {
	render(w, http.StatusOK, "code.html", page{Title: "Join"})
}

// join takes the code typed on the code page.
func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	code := normalCode(r.URL.Query().Get("code"))
	if !s.codeMatches(code) {
		wrongCode(w)
		return
	}
	http.Redirect(w, r, "/"+s.room.code, http.StatusSeeOther)
}

// wrongCode answers a request with a wrong or missing room code: the code
// page again, with no question on it.
func wrongCode(w http.ResponseWriter) {
	render(w, http.StatusNotFound, "code.html", page{Title: "Join", Error: "That is not the code of this room. Check the code on the facilitator's screen and type it again."})
}

// normalCode upper-cases a typed code and drops spaces and dashes.
func normalCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}

func (s *Server) codeMatches(code string) bool {
	return subtle.ConstantTimeCompare([]byte(code), []byte(s.room.code)) == 1
}

// inRoom runs h only for requests that carry the room's code in their
// path; any other gets the code page.
func (s *Server) inRoom(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.codeMatches(normalCode(r.PathValue("code"))) {
			wrongCode(w)
			return
		}
		if r.PathValue("code") != s.room.code {
			http.Redirect(w, r, "/"+s.room.code, http.StatusSeeOther)
			return
		}
		h(w, r)
	}
}

// current returns the request's session, or nil.
func (s *Server) current(r *http.Request) *session {
	c, err := r.Cookie(cookieName)
	if err != nil || len(c.Value) > 128 {
		return nil
	}
	return s.room.session(c.Value)
}

// entry is the join address: a new participant gets the welcome page; a
// returning one (a refresh, a lost connection) goes back to where they
// were.
func (s *Server) entry(w http.ResponseWriter, r *http.Request) {
	if ss := s.current(r); ss != nil {
		ss.mu.Lock()
		to := s.where(ss)
		ss.mu.Unlock()
		http.Redirect(w, r, to, http.StatusSeeOther)
		return
	}
	render(w, http.StatusOK, "welcome.html", page{
		Title: "Welcome", Code: s.room.code, CSRF: s.startToken,
		Total: len(s.room.asked), MinGroup: s.room.minGroup,
	})
}

// where is the page a session is on. The caller holds ss.mu.
func (s *Server) where(ss *session) string {
	switch {
	case ss.finished:
		return "/" + s.room.code + "/result"
	case ss.pos >= len(s.room.asked):
		return "/" + s.room.code + "/review"
	}
	return "/" + s.room.code + "/q/" + strconv.Itoa(ss.pos+1)
}

// start creates the participant's session.
func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	if ss := s.current(r); ss != nil {
		ss.mu.Lock()
		to := s.where(ss)
		ss.mu.Unlock()
		http.Redirect(w, r, to, http.StatusSeeOther)
		return
	}
	if !tokenMatches(r.PostForm.Get("csrf"), s.startToken) {
		badToken(w, "/"+s.room.code)
		return
	}
	id, _, err := s.room.join()
	if err != nil {
		refused(w, err, "/"+s.room.code)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: id, Path: "/" + s.room.code,
		MaxAge: int(sessionMaxAge / time.Second), HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
	http.Redirect(w, r, "/"+s.room.code+"/q/1", http.StatusSeeOther)
}

// withSession runs h with the request's session, locked; a request
// without one goes to the welcome page, and a session over its request
// limit gets 429.
func (s *Server) withSession(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ss := s.current(r)
		if ss == nil {
			if r.Method == http.MethodPost {
				message(w, http.StatusForbidden, "Start first",
					"This browser has not joined the room yet (or its cookie was removed). Start from the welcome page; cookies must be allowed.", "/"+s.room.code, "Go to the welcome page")
				return
			}
			http.Redirect(w, r, "/"+s.room.code, http.StatusSeeOther)
			return
		}
		ss.mu.Lock()
		defer ss.mu.Unlock()
		if !ss.allow(s.room.now()) {
			w.Header().Set("Retry-After", "2")
			message(w, http.StatusTooManyRequests, "Slow down", "Too many requests from this browser in a short time. Wait a moment, then reload the page.", s.where(ss), "Continue")
			return
		}
		h(w, r, ss)
	}
}

// questionNumber parses the question number in the path: 1 to the number
// of questions.
func (s *Server) questionNumber(r *http.Request) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("n"))
	return n, err == nil && n >= 1 && n <= len(s.room.asked) && r.PathValue("n") == strconv.Itoa(n)
}

// showQuestion draws question n, with the answer given earlier checked.
func (s *Server) showQuestion(w http.ResponseWriter, r *http.Request, ss *session) {
	n, ok := s.questionNumber(r)
	switch {
	case ss.finished:
		alreadyFinished(w, s.where(ss))
		return
	case !ok:
		message(w, http.StatusNotFound, "No such question", "This room has no question with that number.", s.where(ss), "Go to your question")
		return
	case n-1 > ss.reached:
		ss.pos = min(ss.reached, len(s.room.asked))
		http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
		return
	}
	ss.pos = n - 1
	s.renderQuestion(w, http.StatusOK, ss, n, "")
}

func (s *Server) renderQuestion(w http.ResponseWriter, status int, ss *session, n int, errMsg string) {
	b := s.room.bank
	q := &b.Questions[s.room.asked[n-1]]
	p := page{
		Title: "Question " + strconv.Itoa(n), Progress: strconv.Itoa(n) + " of " + strconv.Itoa(len(s.room.asked)),
		Code: s.room.code, CSRF: ss.csrf, Error: errMsg, Total: len(s.room.asked),
		Number: n, Last: n == len(s.room.asked), Change: ss.reached >= len(s.room.asked), Topic: q.Topic, Prompt: q.Prompt.For(questions.Self),
	}
	if n > 1 {
		p.Back = n - 1
	}
	chosen := int(ss.choices[s.room.asked[n-1]])
	for i, o := range q.Options {
		p.Options = append(p.Options, optionView{ID: o.ID, Label: o.LabelFor(questions.Self), Description: o.DescriptionFor(questions.Self), Checked: i == chosen})
	}
	render(w, status, "question.html", p)
}

// sessionForm reads a session's form and checks its token; on false the
// reply has been written.
func (s *Server) sessionForm(w http.ResponseWriter, r *http.Request, ss *session) bool {
	if !s.readForm(w, r) {
		return false
	}
	if !tokenMatches(r.PostForm.Get("csrf"), ss.csrf) {
		badToken(w, s.where(ss))
		return false
	}
	return true
}

// answer records the answer to question n and moves on: the next
// question, or after the last the result, once the answers are in the
// room file.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, ss *session) {
	if !s.sessionForm(w, r, ss) {
		return
	}
	n, ok := s.questionNumber(r)
	switch {
	case ss.finished:
		alreadyFinished(w, s.where(ss))
		return
	case !ok || n-1 > ss.reached:
		message(w, http.StatusBadRequest, "Not this question", "That answer is for a question you have not reached. Nothing was recorded.", s.where(ss), "Go to your question")
		return
	}
	qi := s.room.asked[n-1]
	id := r.PostForm.Get("option")
	if id == "" {
		ss.pos = n - 1
		s.renderQuestion(w, http.StatusUnprocessableEntity, ss, n, "Choose one answer to go on. “Not sure” is a fine answer.")
		return
	}
	o := s.room.bank.Option(qi, id)
	if o < 0 {
		message(w, http.StatusBadRequest, "Unknown answer",
			"That answer is not one of this question's options, so nothing was recorded. Go back to the question and choose again.", s.where(ss), "Back to the question")
		return
	}
	if err := s.room.answer(ss, qi, o); err != nil {
		refused(w, err, s.where(ss))
		return
	}
	switch {
	case ss.reached >= len(s.room.asked) || n == len(s.room.asked):
		ss.pos, ss.reached = len(s.room.asked), len(s.room.asked) // on to (back to) the review
	default:
		ss.pos = n
		ss.reached = max(ss.reached, n)
	}
	ss.at.Store(int32(ss.pos))
	http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
}

// showResult draws the participant's own result.
func (s *Server) showResult(w http.ResponseWriter, r *http.Request, ss *session) {
	if !ss.finished {
		http.Redirect(w, r, s.where(ss), http.StatusSeeOther)
		return
	}
	d := resultView(*ss.result)
	render(w, http.StatusOK, "result.html", page{Title: "Your result", Code: s.room.code, Result: &d})
}
