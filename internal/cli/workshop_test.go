package cli

import (
	"errors"
	"io"
	"strings"
	"testing"

	"guidepost/workshop"
)

// TestWorkshopFlags: the workshop command's flag errors are usage errors
// (exit 2) that say what is allowed; without a terminal it says it needs
// one rather than starting a server nobody can stop.
func TestWorkshopFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"workshop", "--min-group", "2"}, "--min-group 2: at least 3"},
		{[]string{"workshop", "--max-participants", "0"}, "--max-participants 0: from 1 to"},
		{[]string{"workshop", "--max-participants", "999999"}, "--max-participants 999999"},
		{[]string{"workshop", "--colour"}, "unknown flag: --colour"},
		{[]string{"workshop", "--theme", "neon"}, `--theme "neon"`},
		{[]string{"workshop", "extra"}, `workshop: unexpected argument "extra"`},
		{[]string{"workshop"}, "workshop needs a terminal"},
		{[]string{"workshop", "--addr", "bogus"}, `--addr "bogus": use HOST:PORT`},
		{[]string{"workshop", "--addr", "127.0.0.1:99999"}, `--addr "127.0.0.1:99999"`},
		{[]string{"workshop", "--addr", "127.0.0.1:http"}, `--addr "127.0.0.1:http"`},
	}
	for _, tc := range tests {
		r := runCLI(t, "", tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// TestWorkshopEnd: a workshop ended by a signal exits 130 even when
// Bubble Tea took the SIGTERM for a quit and returned no error; a quit is
// 0 and a failure keeps its error.
func TestWorkshopEnd(t *testing.T) {
	failed := errors.New("cannot listen")
	for _, tc := range []struct {
		err       error
		signalled bool
		want      int
	}{
		{nil, false, exitOK},
		{nil, true, exitAborted},
		{workshop.ErrInterrupted, false, exitAborted},
		{workshop.ErrInterrupted, true, exitAborted},
		{failed, true, exitInvalid},
	} {
		if got := exitCode(io.Discard, workshopEnd(tc.err, tc.signalled)); got != tc.want {
			t.Errorf("workshopEnd(%v, signalled %v): exit %d; want %d", tc.err, tc.signalled, got, tc.want)
		}
	}
}
