//go:build unix

package e2e

// Drafts per person in a real terminal: the welcome screen's list, and
// two windows on one draft.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"guidepost/internal/store"
	"guidepost/questions"
)

// personDraft returns the path of name's draft in the pane's state.
func (tm *pane) personDraft(name string) string {
	tm.t.Helper()
	p, err := store.PersonDraftPath(func(k string) string {
		if k == "XDG_STATE_HOME" {
			return tm.state
		}
		return ""
	}, name)
	if err != nil {
		tm.t.Fatal(err)
	}
	return p
}

// answersIn returns how many answers the draft at path holds (-1: none).
func answersIn(t *testing.T, b *questions.Bank, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return -1
	}
	d, err := questions.ReadDraftOf(b, path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	n := 0
	for _, c := range d.Choices {
		if c != questions.NoAnswer {
			n++
		}
	}
	return n
}

// second opens another session on the pane's tmux server, with the same
// folders: a second terminal window on the same drafts.
func (tm *pane) second() *pane {
	w := *tm
	w.name = tm.name + "-b"
	tm.run("new-session", "-d", "-s", w.name, "-x", "100", "-y", "30",
		"-e", "TERM=xterm-256color", "-e", "XDG_STATE_HOME="+tm.state,
		"-e", "XDG_CONFIG_HOME="+tm.t.TempDir(), "-e", "NO_COLOR=", "-e", "COLORTERM=truecolor")
	tm.run("set-option", "-t", w.name, "remain-on-exit", "on")
	tm.t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-session", "-t", w.name).Run() })
	return &w
}

// startAnswering starts guidepost with args, answers the first k of n
// questions with option 1 and waits for the next.
func (tm *pane) startAnswering(k, n int, args ...string) {
	tm.t.Helper()
	tm.start(args...)
	tm.answer(1, k, n)
	tm.waitFor(fmt.Sprintf(markQuestion, k+1, n))
}

// TestE2EWelcomeListsDrafts walks the welcome screen's list: two people's
// drafts (and their audiences) listed, one removed with x and y, the other
// continued where it stopped and written to its own file only.
func TestE2EWelcomeListsDrafts(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.startAnswering(2, n, "--for", "manager", "--person", "'Sam Okafor'")
	tm.keys("C-c")
	tm.exitCode()
	tm.startAnswering(1, n, "--for", "self", "--person", "Ana")
	tm.keys("C-c")
	tm.exitCode()
	sam, ana := tm.personDraft("Sam Okafor"), tm.personDraft("Ana")
	if answersIn(t, b, sam) != 2 || answersIn(t, b, ana) != 1 {
		t.Fatalf("Sam's draft holds %d answers, Ana's %d; want 2 and 1", answersIn(t, b, sam), answersIn(t, b, ana))
	}
	tm.start()
	s := tm.waitFor("Continue: Sam Okafor")
	if !strings.Contains(s, "4. Continue: Ana") || !strings.Contains(s, "5. Continue: Sam Okafor") || !strings.Contains(s, "Or continue a draft") {
		t.Fatalf("the welcome does not list both drafts, the latest first:\n%s", s)
	}
	tm.keys("Down", "Down", "Down")
	tm.waitFor("1 of " + fmt.Sprint(n) + " questions answered, about yourself")
	tm.keys("x")
	tm.waitFor("Remove this draft (Continue: Ana)?")
	tm.keys("y")
	tm.waitFor("✓ Removed (Continue: Ana)")
	tm.waitUntil("Ana's draft removed", func(string) bool { return answersIn(t, b, ana) == -1 })
	s = tm.screen()
	if strings.Contains(s, "Continue: Ana") && !strings.Contains(s, "Removed (Continue: Ana)") {
		t.Errorf("Ana's draft is still listed:\n%s", s)
	}
	tm.waitFor("2 of " + fmt.Sprint(n) + " questions answered, about someone you manage")
	tm.keys("Enter")
	s = tm.waitFor(fmt.Sprintf(markQuestion, 3, n))
	if !strings.Contains(s, "this person") {
		t.Errorf("Sam's draft is not continued in the manager's words:\n%s", s)
	}
	tm.keys("1")
	tm.waitFor(fmt.Sprintf(markQuestion, 4, n))
	tm.waitUntil("Sam's draft saved", func(string) bool { return answersIn(t, b, sam) == 3 })
	tm.keys("C-c")
	if code := tm.exitCode(); code != exitAborted {
		t.Errorf("ctrl+c: exit %d", code)
	}
	if s := strings.Join(strings.Fields(tm.screen("-S", "-")), " "); !strings.Contains(s, "guidepost --person 'Sam Okafor' --resume") {
		t.Errorf("the quit message does not say how to continue Sam's draft:\n%s", s)
	}
	if _, err := os.Stat(tm.draft()); err == nil {
		t.Error("continuing Sam's draft wrote the unnamed draft")
	}
}

// TestE2ETwoWindowsOneDraft: window A is told its answers are saved; B,
// on the same person's draft, then cannot replace them: its save is
// refused with a notice, and at quit its answers are kept apart, said so.
func TestE2ETwoWindowsOneDraft(t *testing.T) {
	tm := newPane(t, false)
	b, n := e2eBank(t)
	tm.startAnswering(2, n, "--for", "manager", "--person", "Sam")
	sam := tm.personDraft("Sam")
	tm.waitUntil("A's second answer saved", func(string) bool { return answersIn(t, b, sam) == 2 })
	w := tm.second()
	w.start("--person", "Sam", "--resume")
	w.waitFor(fmt.Sprintf(markQuestion, 3, n))
	tm.answer(3, 4, n) // A goes on, then quits: saved
	tm.waitFor(fmt.Sprintf(markQuestion, 5, n))
	tm.keys("C-c")
	tm.exitCode()
	if s := strings.Join(strings.Fields(tm.screen("-S", "-")), " "); !strings.Contains(s, "Your answers are saved") {
		t.Fatalf("A is not told its answers are saved:\n%s", s)
	}
	saved, _ := os.ReadFile(sam)
	w.keys("2") // B answers question 3 differently
	w.waitFor("Could not save the draft")
	if s := strings.Join(strings.Fields(w.screen()), " "); !strings.Contains(s, "was changed by another Guidepost") {
		t.Errorf("B is not told why:\n%s", s)
	}
	w.keys("C-c")
	w.exitCode()
	s := strings.Join(strings.Fields(w.screen("-S", "-")), " ")
	if !strings.Contains(s, "was changed by another Guidepost while this one ran") || !strings.Contains(s, "saved apart in") {
		t.Errorf("B is not told where its answers went:\n%s", s)
	}
	if now, _ := os.ReadFile(sam); string(now) != string(saved) {
		t.Errorf("B replaced A's answers:\n%s\nwas\n%s", now, saved)
	}
	apart, _ := filepath.Glob(filepath.Join(filepath.Dir(sam), "draft-*.toml"))
	if len(apart) != 1 || answersIn(t, b, apart[0]) != 3 {
		t.Errorf("B's answers apart: %v", apart)
	}
}

// TestE2EAskThemToo: a manager's result, "ask them too", the person's
// answers through --resume FILE in accessible mode, and compare on the
// manager's saved result and the person's file.
func TestE2EAskThemToo(t *testing.T) {
	tm := newPane(t, false)
	b := testBank(t)
	core := len(b.Asked(true))
	tm.start("--for", "manager", "--person", "Sam", "--quick")
	tm.answer(1, core, core)
	tm.waitFor(markReview)
	tm.keys(keyResult)
	tm.waitFor("a ask them too")
	tm.keys("a")
	ask := tm.waitForFiles("guidepost-ask-sam-*.toml", 1)[0]
	tm.waitFor("guidepost --resume")
	tm.keys(keySave)
	saved := tm.waitForFiles("guidepost-result-sam-manager-*.json", 1)[0]
	tm.keys("q")
	tm.exitCode()
	cmd := exec.Command(guidepostBin(t), "--resume", ask, "--accessible")
	cmd.Dir, cmd.Env = tm.folder, append(os.Environ(), "XDG_STATE_HOME="+tm.state)
	cmd.Stdin = strings.NewReader(strings.Repeat("2\n", core))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), markReport) {
		t.Fatalf("the person's run: %v\n%s", err, out)
	}
	cmp := exec.Command(guidepostBin(t), "compare", saved, ask)
	cmp.Dir, cmp.Env = tm.folder, append(os.Environ(), "XDG_STATE_HOME="+tm.state)
	out, err = cmp.CombinedOutput()
	s := string(out)
	if err != nil || !strings.Contains(s, "the person's own answers") || !strings.Contains(s, "Merged view") || !strings.Contains(s, "(best asked of the person)") {
		t.Errorf("compare of the manager's result and the person's file: %v\n%s", err, s)
	}
}
