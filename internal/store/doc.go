// Package store is the only code that touches the user's disk: the XDG
// paths (DraftPath, UserRulesPath, XDGDir), the one policy for reading a
// file (OpenFile and ReadFile: a regular file only, never a named pipe or
// a device, the draft never through a symbolic link, a size limit), atomic
// private writes (WriteAtomic: 0600 files, 0700 folders, a state folder
// that is a symbolic link refused), the drafts (Drafts: one per person,
// never replacing what another window saved), saved results (SaveResult,
// never overwriting) and the workshop's room files, journals and lock.
package store
