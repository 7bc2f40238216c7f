//go:build linux

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"guidepost/internal/testbank"
)

// BenchmarkFirstFrame times exec to the first frame of Guidepost and of
// the bare Bubble Tea program (internal/bare), alternately in one loop,
// each on a new 120×40 pseudo-terminal that never answers a terminal
// query (a silent pty, as a terminal that does not know a query stays
// silent), with an empty HOME. The first frame has come when the pty has
// received its marker ("Yourself" on Guidepost's welcome, "Kappa", the
// last item, on the bare list); the program is then killed. It reports
// the medians and the ratio to the bare program (the goal is at most
// 1.15); with GUIDEPOST_BENCH_OTHER naming an older guidepost binary, that
// one is timed in the same loop too (other-ms, other-ratio).
//
//	go test ./e2e -run '^$' -bench FirstFrame -benchtime 40x
//	GUIDEPOST_BENCH_OTHER=/tmp/old-guidepost go test ./e2e -run '^$' -bench FirstFrame -benchtime 40x
func BenchmarkFirstFrame(b *testing.B) {
	bare := filepath.Join(b.TempDir(), "bare")
	if out, err := exec.Command("go", "build", "-o", bare, filepath.Join(testbank.Root(), "internal", "bare")).CombinedOutput(); err != nil {
		b.Fatalf("go build internal/bare: %v\n%s", err, out)
	}
	progs := []struct {
		name, bin, marker string
		times             []time.Duration
	}{{"guidepost", guidepostBin(b), "Yourself", nil}, {"bare", bare, "Kappa", nil}}
	if other := os.Getenv("GUIDEPOST_BENCH_OTHER"); other != "" {
		progs = append(progs, struct {
			name, bin, marker string
			times             []time.Duration
		}{"other", other, "Yourself", nil})
	}
	home := b.TempDir()
	for i := 0; b.Loop(); i++ {
		for j := range progs {
			p := &progs[(i+j)%len(progs)] // alternate which goes first
			p.times = append(p.times, firstFrame(b, p.bin, p.marker, home))
		}
	}
	floor := median(progs[1].times)
	for _, p := range progs {
		m := median(p.times)
		b.ReportMetric(float64(m.Microseconds())/1000, p.name+"-ms")
		if p.name != "bare" {
			b.ReportMetric(float64(m)/float64(floor), p.name+"-ratio")
		}
	}
}

// firstFrame starts bin on a new silent pty and returns the time from
// exec until marker has arrived.
func firstFrame(b *testing.B, bin, marker, home string) time.Duration {
	master, slave := openPTY(b, 120, 40)
	defer master.Close()
	cmd := exec.Command(bin)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = []string{"HOME=" + home, "TERM=xterm-256color", "COLORTERM=truecolor", "PATH=/usr/bin:/bin",
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_STATE_HOME=" + filepath.Join(home, ".state")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	found := make(chan time.Time, 1)
	go func() { // read everything, never answer
		var got []byte
		buf := make([]byte, 64<<10)
		for sent := false; ; {
			k, err := master.Read(buf)
			got = append(got, buf[:k]...)
			if !sent && bytes.Contains(got, []byte(marker)) {
				found <- time.Now()
				sent = true
			}
			if err != nil {
				return
			}
		}
	}()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	slave.Close()
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	select {
	case t := <-found:
		return t.Sub(start)
	case <-time.After(10 * time.Second):
		b.Fatal(fmt.Errorf("%s: no first frame (%q) within 10 s", filepath.Base(bin), marker))
		return 0
	}
}
