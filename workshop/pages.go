package workshop

// Pages: what every template is given, and how a page is written.

import (
	"bytes"
	"net/http"
)

// page is the data every template gets.
type page struct {
	Title    string
	Progress string
	Code     string
	CSRF     string
	Error    string
	Total    int
	MinGroup int

	// question
	Number, Back int
	Last, Change bool
	Topic        string
	Prompt       string
	Options      []optionView

	// message
	Heading, Message, Link, LinkText string
	Alert                            bool

	// review
	Review []reviewItem
	Unsure int

	// result
	Result *resultData
}

// optionView is one radio button.
type optionView struct {
	ID, Label, Description string
	Checked                bool
}

// render executes template name into a buffer first, so a failure never
// sends half a page.
func render(w http.ResponseWriter, status int, name string, p page) {
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, "the page could not be drawn", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message renders a page with one message and an optional link.
func message(w http.ResponseWriter, status int, heading, msg, link, linkText string) {
	render(w, status, "message.html", page{Title: heading, Heading: heading, Message: msg, Link: link, LinkText: linkText, Alert: status >= 400})
}
