//go:build unix

package store

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the folder dir for a short check and
// write; the system releases it if the process dies.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}
