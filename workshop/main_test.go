package workshop

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// helperEnv makes the test binary run a room server instead of the tests:
// the kill-and-resume and load tests need the server in its own process.
const helperEnv = "GUIDEPOST_WORKSHOP_SERVE"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(serveHelper(dir))
	}
	os.Exit(m.Run())
}

// serveHelper serves a room from state folder dir on loopback and prints
// "serving URL CODE PATH" once it listens.
func serveHelper(dir string) int {
	data, err := os.ReadFile("../rules.toml")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	b, err := parseBank(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	room, _, err := OpenRoom(RoomConfig{Bank: b, StateDir: dir, MinGroup: 3, MaxParticipants: 1000, Resume: os.Getenv("GUIDEPOST_WORKSHOP_RESUME") != ""})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, shown, _, err := Listen("127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("serving http://%s %s %s\n", shown, room.Code(), room.Path())
	err = NewServer(room).HTTPServer().Serve(ln)
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
	s.cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	if resume {
		s.cmd.Env = append(s.cmd.Env, "GUIDEPOST_WORKSHOP_RESUME=1")
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
