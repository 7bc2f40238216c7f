//go:build unix

package cli

import (
	"os"
	"os/signal"
	"syscall"
)

// relayHangup turns a SIGHUP during the TUI into a SIGTERM, until stop is
// called. Bubble Tea quits cleanly on SIGTERM (it restores the terminal:
// no alternate screen, no raw mode) and the advisor then keeps the answers
// in the draft, as for ctrl+c; a SIGHUP it does not handle would kill the
// process on the spot and leave the terminal unusable.
func relayHangup() (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-hup:
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}
