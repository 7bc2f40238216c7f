// Package e2e holds every test that starts a process, a terminal or a
// browser; the other packages' tests start none (the layout test holds
// that). It has no code of its own; go test ./... runs it, and .ci/run
// installs what it needs (tmux, chromium, axe-core from npm).
//
//   - The real binary, built once (guidepostBin), in a real terminal: tmux
//     on a private socket per test (tmux_test.go's pane, the one harness),
//     and a pseudo-terminal (pty_test.go); signals and kill -9.
//   - The workshop: the facilitator's screen in tmux, the participants'
//     pages in headless Chromium over DevTools (cdp_test.go) with
//     axe-core on every kind of page (axe_test.go), kill -9 and --resume
//     of a room server, and the load tests.
//   - Child processes: the test binary started again with
//     GUIDEPOST_WORKSHOP_SERVE (a room server) or GUIDEPOST_HELPER_DRAFT (a
//     draft writer to kill) is that helper; TestMain (main_test.go)
//     dispatches them.
//
// A test whose tool is missing is skipped, except in CI (CI=true), where
// it fails.
package e2e

import (
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// Exit codes (CONTRACT §2).
const (
	exitOK      = 0
	exitInvalid = 1
	exitAborted = 130
)

// fileMode is the mode of every file Guidepost saves.
const fileMode = 0o600

// testBank is the shipped rule set, the one the binary embeds.
func testBank(t testing.TB) *questions.Bank { return testbank.Shipped(t) }
