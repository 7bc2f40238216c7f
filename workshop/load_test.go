package workshop

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Load: 100 participants, 10 at a time, each answering every question,
// against a server in its own process on loopback; all 100 must land in
// the room file. The benchmark reports the time for the whole room and
// the server's peak memory (VmHWM).

const (
	loadParticipants = 100
	loadConcurrent   = 10
)

// runLoad drives a full room against srv and returns its duration.
func runLoad(t testing.TB, srv *server) time.Duration {
	b := testBank(t)
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	errs := make(chan string, loadParticipants)
	for w := 0; w < loadConcurrent; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := newParticipant(t, srv.url, srv.code)
				pick := func(q int) string {
					opts := b.Questions[q].Options
					return opts[(i+q)%len(opts)].ID
				}
				if last := p.answerAll(b, pick); !strings.HasSuffix(last.path, "/result") || last.status != 200 {
					errs <- fmt.Sprintf("participant %d ended on %s (%d)", i, last.path, last.status)
				}
			}
		}()
	}
	for i := 0; i < loadParticipants; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	return time.Since(start)
}

// peakRSS reads a process's peak resident memory in KiB from /proc.
func peakRSS(pid int) (int, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return n, err == nil
		}
	}
	return 0, false
}

// TestLoad100: every one of the 100 participants is in the room file, once.
func TestLoad100(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	srv := startServer(t, t.TempDir(), false)
	d := runLoad(t, srv)
	rows := roomRows(t, srv.path)
	if len(rows) != loadParticipants+1 {
		t.Fatalf("room file has %d rows, want %d", len(rows)-1, loadParticipants)
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		ids[strings.SplitN(r, ",", 2)[0]] = true
	}
	if len(ids) != loadParticipants {
		t.Errorf("%d distinct participant ids, want %d", len(ids), loadParticipants)
	}
	if kb, ok := peakRSS(srv.cmd.Process.Pid); ok {
		t.Logf("%d participants, %d at a time: %v; server peak RSS %.1f MiB", loadParticipants, loadConcurrent, d.Round(time.Millisecond), float64(kb)/1024)
	}
}

// BenchmarkRoom100 times a room of 100 (10 at a time) per iteration and
// reports the server's peak RSS. Run with -benchtime=3x -parallel 1.
func BenchmarkRoom100(b *testing.B) {
	srv := startServer(b, b.TempDir(), false)
	for b.Loop() {
		runLoad(b, srv)
	}
	if kb, ok := peakRSS(srv.cmd.Process.Pid); ok {
		b.ReportMetric(float64(kb)/1024, "server-peak-MiB")
	}
}

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
			p.answerAll(b, func(q int) string { opts := b.Questions[q].Options; return opts[(i*7+q)%len(opts)].ID })
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
