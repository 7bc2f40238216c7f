//go:build unix

package e2e

// The processes of the end-to-end tests: exit codes as tmux reports them,
// and waiting for a guidepost to be gone.

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// exitCode waits for guidepost to exit and returns its exit code.
func (tm *pane) exitCode() int {
	tm.t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for {
		out := tm.run("display", "-p", "-t", tm.name, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}")
		dead, status, signal := parseDead(out)
		if dead && signal != "" {
			tm.t.Fatalf("guidepost was killed by signal %s; the screen:\n%s", signal, tm.screen())
		}
		if code, err := strconv.Atoi(status); dead && err == nil {
			return code
		}
		if dead && signal == "" {
			tm.nudge()
		}
		if time.Now().After(deadline) {
			pid := strings.TrimSpace(tm.run("display", "-p", "-t", tm.name, "#{pane_pid}"))
			ps, _ := exec.Command("ps", "-o", "pid,ppid,stat,wchan:20,cmd", "-p", pid).CombinedOutput()
			tm.t.Fatalf("guidepost did not exit (%q)\n%s\nthe screen:\n%s", out, ps, tm.screen())
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// nudge sends SIGCHLD to the test's tmux server. Under load tmux 3.3
// sometimes marks a pane dead (its terminal closed) but misses the child's
// exit, leaving it a zombie with no status; the signal makes it reap it.
func (tm *pane) nudge() {
	pid, err := strconv.Atoi(strings.TrimSpace(tm.run("display", "-p", "#{pid}")))
	if err == nil && pid > 0 {
		syscall.Kill(pid, syscall.SIGCHLD)
	}
}

// parseDead splits "dead:status:signal" as display prints it. A pane can
// be dead before tmux has collected the status: wait for one of the two.
func parseDead(out string) (dead bool, status, signal string) {
	f := strings.Split(strings.TrimSpace(out), ":")
	if len(f) != 3 {
		return false, "", ""
	}
	return f[0] == "1", f[1], f[2]
}

// panePIDs returns the pid of the pane's process and of its children.
func (tm *pane) panePIDs() []int {
	out, _ := exec.Command("tmux", "-L", tm.socket, "display", "-p", "-t", tm.name, "#{pane_pid}").Output()
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		return nil
	}
	pids := []int{pid}
	children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, f := range strings.Fields(string(children)) {
		if c, err := strconv.Atoi(f); err == nil {
			pids = append(pids, c)
		}
	}
	return pids
}

// waitGone waits, for a few seconds at most, until no process in pids runs.
func waitGone(pids []int) {
	deadline := time.Now().Add(5 * time.Second)
	for _, pid := range pids {
		for syscall.Kill(pid, 0) == nil && !zombie(pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// zombie reports whether pid has exited and waits to be reaped.
func zombie(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	return strings.HasPrefix(rest, "Z")
}
