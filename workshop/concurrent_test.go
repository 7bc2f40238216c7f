package workshop

// The room's locking, in this process: goroutines, no child process. The
// load tests (100 and 300 participants against a server in its own
// process) are in e2e/workshop_load_test.go.

import (
	"sync"
	"testing"
)

// TestConcurrentRoom: participants finishing at once while the screen
// reads snapshots and reveals: every one is counted and written once (run
// with -race to check the locking).
func TestConcurrentRoom(t *testing.T) {
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 50)
	ts := newTestServer(t, room)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				room.Snapshot()
				room.Reveal()
			}
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newParticipant(t, ts.URL, room.Code())
			p.AnswerAll(b, Asked(b, false), func(q int) string { opts := b.Questions[q].Options; return opts[(i*7+q)%len(opts)].ID })
		}()
	}
	wg.Wait()
	close(stop)
	<-done
	if s := room.Snapshot(); s.Finished != 20 || s.Picture == nil || s.Picture.Total < 18 || s.Waiting != 20-s.Picture.Total {
		t.Errorf("snapshot after 20: %+v", s)
	}
	if rows := roomRows(t, room.Path()); len(rows) != 21 {
		t.Errorf("room file has %d rows", len(rows)-1)
	}
}
