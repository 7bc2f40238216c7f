package e2e

// A workshop participant as the tests see one: internal/testroom, shared
// with the workshop's own tests.

import "guidepost/internal/testroom"

type (
	participant = testroom.Participant
	fetched     = testroom.Page
)

var (
	newParticipant = testroom.NewParticipant
	csrf           = testroom.CSRF
	roomRows       = testroom.RoomRows
)
