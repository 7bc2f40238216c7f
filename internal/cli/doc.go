// Package cli is Guidepost's command line: the cobra command tree that fang
// styles, one file a command (root.go is the interactive advisor; check,
// score, compare, drafts, learn, forget, workshop, man and version
// follow), the seam with
// the process (run.go: Run takes a Process and returns the exit code of
// CONTRACT §2) and the choice of rule set (rules.go).
//
// Commands read and write the user's files only through internal/store,
// render results only through advisor's explanation, and hand their errors
// to the app (app.fail), so that every message has one plain form.
package cli
