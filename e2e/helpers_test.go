// Package e2e holds the tests that start processes: the real binary in a
// real terminal (tmux, on a private socket per test), signals, kill -9 and
// the workshop in a browser. It has no code of its own; go test ./... runs
// it, and .ci/run installs what it needs (tmux, chromium).
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
