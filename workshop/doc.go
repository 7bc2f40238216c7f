// Package workshop is `guidepost workshop`: a live room served from the
// facilitator's laptop. Participants answer the self-assessment on their
// own phones; the facilitator's terminal shows the join address (as text
// and a QR code), how many have joined and finished, and, once revealed,
// the room's picture. Nothing leaves the room's network.
//
// The pieces:
//
//   - Room (room.go) holds the code, the sessions, the finished answers and
//     the reveal rule: the picture exists only after Reveal, which refuses
//     while fewer than the minimum group have finished. Snapshot is the only
//     view the screen has of it, and it holds counts, never a person.
//   - The room file (roomfile.go) is the record: the `score --csv` input
//     format, one row per finished participant under a random id, each row
//     written and synced before the participant sees their result. The
//     progress journal (journal.go) beside it lets --resume continue those
//     who were half-way through.
//   - Server (server.go) is the participants' side: html/template pages,
//     one question a page, no script; the room code on every request,
//     HttpOnly SameSite=Strict session cookies, a form token, a strict
//     content security policy, bounded bodies, headers and timeouts, and a
//     per-session request limit. No address is stored or logged.
//   - The result page (result.go, templates/result.html) maps the advisor's
//     result to view data in one function, resultView.
//   - Screen (screen.go) is the facilitator's Bubble Tea model, drawn with
//     package ui's styles so every theme is projector-ready.
//   - Run (run.go) ties them together and prints the room file's path and
//     summary when the facilitator quits.
//
// This package's tests start no process: they serve rooms with httptest
// in the test's own process. The tests that do (the facilitator's screen
// in tmux, the pages in headless Chromium with axe-core, kill -9 and
// --resume of a room server, the load tests) are in e2e/, and use only
// what this package exports (OpenRoom, Listen, NewServer, ResultHeading).
package workshop
