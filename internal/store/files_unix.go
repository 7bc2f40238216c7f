//go:build unix

package store

import (
	"errors"
	"syscall"
)

// Open flags for input files: never block on a named pipe or a device
// (the file is checked and refused before anything is read), and, for the
// draft, never follow a symbolic link.
const (
	openNonblock = syscall.O_NONBLOCK
	openNofollow = syscall.O_NOFOLLOW
)

// isLink reports whether err is the refusal of O_NOFOLLOW to open a link.
func isLink(err error) bool { return errors.Is(err, syscall.ELOOP) }
