//go:build linux

// Command startbench measures the time from exec to the first frame of
// Guidepost and of the bare Bubble Tea program (internal/bare), in the
// same run, on a silent pseudo-terminal: one that never answers a terminal
// query, as a terminal that does not know a query stays silent. It builds
// both binaries, starts them alternately n times each, each on a new
// 120×40 pty with an empty HOME, and prints the medians and their ratio.
//
//	go run ./internal/startbench -n 40
//	go run ./internal/startbench -n 40 -other /tmp/guidepost-before
//
// The first frame has come when the pty has received the frame's marker
// (a word only the first screen draws: "Yourself" on Guidepost's welcome,
// "Kappa", the last item, on the bare list); the program is then killed.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

type program struct {
	name, pkg, marker string
	args              []string
	bin               string
	times             []time.Duration
}

func main() {
	n := flag.Int("n", 30, "runs of each program")
	timeout := flag.Duration("timeout", 10*time.Second, "longest wait for a first frame")
	other := flag.String("other", "", "also time this guidepost binary (e.g. one built from an earlier commit), in the same run")
	flag.Parse()
	dir, err := os.MkdirTemp("", "startbench")
	check(err)
	defer os.RemoveAll(dir)
	progs := []*program{
		{name: "guidepost", pkg: ".", marker: "Yourself"},
		{name: "bare", pkg: "./internal/bare", marker: "Kappa"},
	}
	if *other != "" {
		progs = append(progs, &program{name: "other", bin: *other, marker: "Yourself"})
	}
	for _, p := range progs {
		if p.bin != "" {
			continue
		}
		p.bin = filepath.Join(dir, p.name)
		build := exec.Command("go", "build", "-o", p.bin, p.pkg)
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		check(build.Run())
	}
	home := filepath.Join(dir, "home")
	check(os.Mkdir(home, 0o700))
	for i := range *n + 1 {
		for j := range progs {
			p := progs[(i+j)%len(progs)] // alternate which goes first
			d, err := firstFrame(p, home, *timeout)
			check(err)
			if i > 0 { // the first round warms the page cache
				p.times = append(p.times, d)
			}
		}
	}
	floor := median(progs[1].times)
	for _, p := range progs {
		m := median(p.times)
		fmt.Printf("%-10s median %6.2f ms  min %6.2f ms  max %6.2f ms  %.2f× bare  (n=%d)\n",
			p.name, ms(m), ms(slices.Min(p.times)), ms(slices.Max(p.times)), float64(m)/float64(floor), len(p.times))
	}
}

// firstFrame starts p on a new silent pty and returns the time from exec
// until its marker has arrived.
func firstFrame(p *program, home string, timeout time.Duration) (time.Duration, error) {
	master, slave, err := openPTY(120, 40)
	if err != nil {
		return 0, err
	}
	defer master.Close()
	cmd := exec.Command(p.bin, p.args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = []string{"HOME=" + home, "TERM=xterm-256color", "COLORTERM=truecolor", "PATH=/usr/bin:/bin",
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_STATE_HOME=" + filepath.Join(home, ".state")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	found := make(chan time.Time, 1)
	go func() { // read everything, never answer
		var got []byte
		buf := make([]byte, 64<<10)
		sent := false
		for {
			k, err := master.Read(buf)
			got = append(got, buf[:k]...)
			if !sent && bytes.Contains(got, []byte(p.marker)) {
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
		slave.Close()
		return 0, err
	}
	slave.Close()
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	select {
	case t := <-found:
		return t.Sub(start), nil
	case <-time.After(timeout):
		return 0, fmt.Errorf("%s: no first frame (%q) within %v", p.name, p.marker, timeout)
	}
}

// openPTY returns the two ends of a new pseudo-terminal of w×h cells.
func openPTY(w, h int) (master, slave *os.File, err error) {
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (*os.File, *os.File, error) { m.Close(); return nil, nil, err }
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		return fail(err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		return fail(err)
	}
	if err := unix.IoctlSetWinsize(int(m.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(w), Row: uint16(h)}); err != nil {
		return fail(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return fail(err)
	}
	return m, s, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "startbench:", err)
		os.Exit(1)
	}
}
