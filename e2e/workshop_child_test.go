//go:build unix

package e2e

// A workshop room server in a child process (the test binary started
// again with serveEnv set), for the tests that kill it with SIGKILL and
// resume it, and for the load tests, which measure its memory.

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"guidepost/workshop"
)

// serveHelper serves a room from state folder dir on loopback (resuming
// the last one there if resume) and prints "serving URL CODE PATH" once
// it listens. It serves until it is killed.
func serveHelper(dir string, resume bool) int {
	b, err := helperBank()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	room, _, err := workshop.OpenRoom(workshop.RoomConfig{Bank: b, StateDir: dir, MinGroup: 3, MaxParticipants: 1000, Resume: resume})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, shown, _, err := workshop.Listen("127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("serving http://%s %s %s\n", shown, room.Code(), room.Path())
	err = workshop.NewServer(room).HTTPServer().Serve(ln)
	fmt.Fprintln(os.Stderr, err)
	return 1
}

// server is a room server in a child process.
type server struct {
	cmd       *exec.Cmd
	url, code string
	path      string
	stderr    strings.Builder
}

// startServer runs the helper server on state folder dir.
func startServer(t testing.TB, dir string, resume bool) *server {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: exec.Command(exe, "-test.run=^$")}
	s.cmd.Env = append(os.Environ(), serveEnv+"="+dir)
	if resume {
		s.cmd.Env = append(s.cmd.Env, resumeEnv+"=1")
	}
	s.cmd.Stderr = &s.stderr
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.kill() })
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- l
	}()
	select {
	case l := <-line:
		f := strings.Fields(l)
		if len(f) != 4 || f[0] != "serving" {
			t.Fatalf("the server did not start: %q %s", l, s.stderr.String())
		}
		s.url, s.code, s.path = f[1], f[2], f[3]
	case <-time.After(20 * time.Second):
		t.Fatalf("the server did not start in 20 s: %s", s.stderr.String())
	}
	return s
}

// kill ends the server with SIGKILL, as a crash or a closed laptop lid
// with a dead battery would.
func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
	}
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
