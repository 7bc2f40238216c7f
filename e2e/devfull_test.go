//go:build linux

package e2e

import (
	"bytes"
	"guidepost/internal/testbank"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestE2EResultToDevFullKeepsDraft: the accessible advisor with stdout on
// /dev/full cannot print its result; the answers stay in the draft and the
// exit code is 1.
func TestE2EResultToDevFullKeepsDraft(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer full.Close()
	draft := testbank.Isolate(t)
	n := len(testBank(t).Asked(true))
	cmd := exec.Command(guidepostBin(t), "--for", "manager", "--quick")
	cmd.Dir = t.TempDir()
	cmd.Stdin = strings.NewReader(strings.Repeat("1\n", n))
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitInvalid {
		t.Errorf("exit %d (%v); want 1; stderr:\n%s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "no space left") {
		t.Errorf("stderr does not say why:\n%s", stderr.String())
	}
	if _, err := os.Stat(draft); err != nil {
		t.Errorf("the draft is gone: %v", err)
	}
}
