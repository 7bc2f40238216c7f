//go:build unix

package e2e

// The test binary is also the child process some tests need: started
// again with one of the helper variables set, it is that helper instead
// of the tests (a workshop room server, a draft writer to kill).

import (
	"fmt"
	"os"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// Child-process modes of the test binary: each names what its helper
// works on.
const (
	serveEnv  = "GUIDEPOST_WORKSHOP_SERVE"  // a state folder: serve a room from it (workshop_child_test.go)
	resumeEnv = "GUIDEPOST_WORKSHOP_RESUME" // with serveEnv: resume the room there
	writerEnv = "GUIDEPOST_HELPER_DRAFT"    // a draft's path: write it until killed (store_kill_test.go)
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(serveEnv); dir != "" {
		os.Exit(serveHelper(dir, os.Getenv(resumeEnv) != ""))
	}
	if path := os.Getenv(writerEnv); path != "" {
		os.Exit(writerHelper(path))
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// helperBank is the shipped rule set for a helper process, which has no
// test to fail: an error is printed and the helper exits 1.
func helperBank() (*questions.Bank, error) {
	data, err := os.ReadFile(testbank.Path("rules.toml"))
	if err != nil {
		return nil, err
	}
	b, err := questions.Parse("rules.toml", data)
	if err != nil {
		return nil, fmt.Errorf("the shipped rules.toml: %w", err)
	}
	return b, nil
}
