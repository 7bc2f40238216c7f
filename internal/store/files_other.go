//go:build !unix

package store

// Elsewhere than on unix the flags do not exist; the file type is still
// checked before anything is read.
const (
	openNonblock = 0
	openNofollow = 0
)

func isLink(error) bool { return false }
