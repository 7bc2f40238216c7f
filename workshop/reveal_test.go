package workshop

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/questions"
)

var update = flag.Bool("update", false, "rewrite the golden files and the browser screenshot")

// finishOne records a finished participant with the given answers, as the
// HTTP side does.
func finishOne(t testing.TB, room *Room, ch questions.Choices) {
	t.Helper()
	_, s, err := room.join()
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	copy(s.choices, ch)
	if err := room.finish(s); err != nil {
		t.Fatal(err)
	}
}

// answersOf builds choices from question id → option id.
func answersOf(t testing.TB, b *questions.Bank, m map[string]string) questions.Choices {
	t.Helper()
	ch := b.NewChoices()
	for q, o := range m {
		qi := b.Question(q)
		if qi < 0 || b.Option(qi, o) < 0 {
			t.Fatalf("no %s=%s", q, o)
		}
		ch[qi] = int8(b.Option(qi, o))
	}
	return ch
}

var (
	coachingAnswers  = map[string]string{"need": "performance_dip", "awareness": "self_awareness", "driver": "current_role", "horizon": "short", "goal_shape": "specific", "style": "questions", "expertise": "not_needed", "wellbeing": "no"}
	mentoringAnswers = map[string]string{"need": "networking", "awareness": "experience_transfer", "driver": "future", "horizon": "long", "goal_shape": "broad", "style": "advice", "expertise": "essential", "network": "yes", "wellbeing": "no"}
)

// TestMinGroupFloor: a room never reveals to fewer than three.
func TestMinGroupFloor(t *testing.T) {
	_, _, err := OpenRoom(RoomConfig{Bank: testBank(t), StateDir: t.TempDir(), MinGroup: 2, MaxParticipants: 10})
	if err == nil {
		t.Fatal("a minimum group of 2 was accepted")
	}
}

// TestQuitConfirm: q asks first; n keeps the workshop going; y quits.
func TestQuitConfirm(t *testing.T) {
	room, _ := newTestRoom(t, 3, 10)
	scr := NewScreen(ScreenConfig{Room: room, JoinURL: "http://192.0.2.10:8765/" + room.Code(), Base: "http://192.0.2.10:8765", Theme: "dark"})
	next, cmd := scr.Update(keyPress("q"))
	scr = next.(Screen)
	if cmd != nil || scr.Quit() || !strings.Contains(screenText(scr), markConfirm) {
		t.Fatal("q quit without asking")
	}
	scr = pressKey(scr, "n")
	if scr.Quit() || strings.Contains(screenText(scr), markConfirm) {
		t.Fatal("n did not keep the workshop going")
	}
	scr = pressKey(scr, "q")
	next, cmd = scr.Update(keyPress("y"))
	if !next.(Screen).Quit() || cmd == nil {
		t.Fatal("y did not quit")
	}
}

// TestScreenGolden compares the facilitator's screen before and after the
// reveal with golden files (go test -update rewrites them), in every theme.
func TestScreenGolden(t *testing.T) {
	b := testBank(t)
	for _, theme := range []string{"dark", "light", "high-contrast", "nocolor"} {
		room, _ := newTestRoom(t, 3, 10)
		cfg := ScreenConfig{Room: room, JoinURL: "http://192.0.2.10:8765/ROOMCD", Base: "http://192.0.2.10:8765", Theme: theme}
		if theme == "nocolor" {
			cfg.NoColor, cfg.Theme = true, "auto"
		}
		scr := sendMsg(NewScreen(cfg), tea.WindowSizeMsg{Width: 100, Height: 40})
		for i, a := range []map[string]string{coachingAnswers, mentoringAnswers, coachingAnswers} {
			_ = i
			finishOne(t, room, answersOf(t, b, a))
		}
		scr = sendMsg(scr, tickMsg{})
		golden(t, "screen-join-"+theme, normalise(screenText(scr), room))
		scr = pressKey(scr, "r")
		golden(t, "screen-revealed-"+theme, normalise(screenText(scr), room))
		if theme != "nocolor" && !strings.Contains(scr.View().Content, "\x1b[") {
			t.Errorf("%s: no colour at all", theme)
		}
		if theme == "nocolor" && strings.Contains(scr.View().Content, "\x1b[") {
			t.Errorf("NO_COLOR: escape sequences in the view")
		}
	}
}

// normalise replaces the random room code and the temporary path.
func normalise(s string, room *Room) string {
	s = strings.ReplaceAll(s, room.Path(), "ROOMFILE")
	return strings.ReplaceAll(s, room.Code(), "ROOMCD")
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func sendMsg(s Screen, msg tea.Msg) Screen {
	next, _ := s.Update(msg)
	return next.(Screen)
}

func pressKey(s Screen, k string) Screen { return sendMsg(s, keyPress(k)) }

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// screenText is the view without escape sequences or trailing spaces.
func screenText(s Screen) string {
	ls := strings.Split(ansi.Strip(s.View().Content), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(ls, "\n")
}
