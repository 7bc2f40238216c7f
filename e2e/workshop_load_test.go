//go:build unix

package e2e

import (
	"fmt"
	"guidepost/internal/testroom"
	"guidepost/workshop"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
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
				if last := p.AnswerAll(b, workshop.Asked(b, false), pick); !strings.HasSuffix(last.Path, "/result") || last.Status != 200 {
					errs <- fmt.Sprintf("participant %d ended on %s (%d)", i, last.Path, last.Status)
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

// TestLoadWithFlood: 300 participants at once while a script floods the
// start form (3,000 starts from one address, none answering), against a
// server in its own process. Every real participant finishes (a start the
// room turns away as busy is tried again after its Retry-After, as the
// page asks); the server's peak memory is logged and held under 60 MB;
// then kill -9 and --resume keep every finished row exactly once.
func TestLoadWithFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	b := testBank(t)
	dir := t.TempDir()
	srv := startServer(t, dir, false)
	const real, flood = 300, 3000
	var wg sync.WaitGroup
	var floodBusy, retries atomic.Int64
	start := time.Now()
	for w := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &http.Client{}
			for i := w; i < flood; i += 20 {
				res, err := c.Get(srv.url + "/" + srv.code)
				if err != nil {
					continue
				}
				var buf strings.Builder
				buf.Grow(4096)
				testroom.ReadAll(res, &buf)
				token, ok := testroom.FindCSRF(buf.String())
				if !ok {
					continue
				}
				res, err = c.PostForm(srv.url+"/"+srv.code+"/start", url.Values{"csrf": {token}})
				if err == nil {
					if res.StatusCode == 503 {
						floodBusy.Add(1)
					}
					res.Body.Close()
				}
			}
		}()
	}
	errs := make(chan string, real)
	for i := range real {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newParticipant(t, srv.url, srv.code)
			var page fetched
			for try := 0; ; try++ {
				page = p.Start()
				if page.Status != 503 || try > 120 {
					break
				}
				retries.Add(1)
				time.Sleep(time.Second)
			}
			for _, q := range workshop.Asked(b, false) {
				opts := b.Questions[q].Options
				page = p.Post(page.Path, url.Values{"csrf": {csrf(t, page.Body)}, "option": {opts[(i+q)%len(opts)].ID}})
			}
			if last := p.Finish(page); !strings.HasSuffix(last.Path, "/result") {
				errs <- fmt.Sprintf("participant %d ended on %s (%d)", i, last.Path, last.Status)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	took := time.Since(start)
	kb, ok := peakRSS(srv.cmd.Process.Pid)
	t.Logf("%d participants finished with a %d-start flood in %v; %d of the flood's starts turned away as busy, %d retries by real phones; server peak memory %d KiB",
		real, flood, took.Round(time.Millisecond), floodBusy.Load(), retries.Load(), kb)
	if ok && kb > 60<<10 {
		t.Errorf("server peak memory %d KiB, over 60 MB", kb)
	}
	srv.kill()
	resumed := startServer(t, dir, true)
	resumed.kill()
	rows := roomRows(t, srv.path)
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		id := r[:strings.IndexByte(r, ',')]
		if seen[id] {
			t.Errorf("row %s twice", id)
		}
		seen[id] = true
	}
	if len(rows)-1 != real {
		t.Errorf("after kill -9 and --resume: %d rows, want %d", len(rows)-1, real)
	}
	t.Logf("after kill -9 and --resume: %d rows, %d distinct", len(rows)-1, len(seen))
	os.Stdout.Sync()
}
