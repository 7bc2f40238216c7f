package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

// The -update flag rewrites the golden files under testdata/golden. teatest
// links in x/exp/golden, which defines a flag of that name already, and a
// second flag.Bool("update") would panic; so both share the one flag.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/golden")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var (
	fixtureOnce sync.Once
	fixture     *questions.Bank
	fixtureErr  error
)

// fixtureBank is the small rule set in testdata/fixture.toml, parsed once.
func fixtureBank(tb testing.TB) *questions.Bank {
	tb.Helper()
	fixtureOnce.Do(func() {
		data, err := os.ReadFile("testdata/fixture.toml")
		if err != nil {
			fixtureErr = err
			return
		}
		fixture, fixtureErr = questions.Parse("fixture.toml", data)
	})
	if fixtureErr != nil {
		tb.Fatalf("load the fixture: %v", fixtureErr)
	}
	return fixture
}

// defaultBank is the shipped rules.toml.
func defaultBank(tb testing.TB) *questions.Bank { return testbank.Shipped(tb) }

// start builds a model for cfg (on the fixture unless cfg.Bank is set) in
// a w×h window.
func start(tb testing.TB, cfg Config, w, h int) Model {
	tb.Helper()
	if cfg.Bank == nil {
		cfg.Bank = fixtureBank(tb)
	}
	if cfg.Theme == "" {
		cfg.Theme = "dark"
	}
	return send(New(cfg), tea.WindowSizeMsg{Width: w, Height: h})
}

// send passes msg to Update and returns the model.
func send(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return next.(Model)
}

// press sends key presses named as in tea.KeyPressMsg.String ("enter",
// "shift+tab", "3", "ctrl+c"); commands are not run, but a picked option's
// tick is delivered at once, as if its moment had passed (pressHeld keeps
// the highlight).
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = tick(send(m, keyPress(k)))
	}
	return m
}

// pressHeld sends one key press and leaves a pick's highlight on show.
func pressHeld(m Model, k string) Model { return send(m, keyPress(k)) }

// tick delivers the pending pick's tick, if any.
func tick(m Model) Model {
	if m.pending != nil {
		m = send(m, advanceMsg{m.pickSeq})
	}
	return m
}

// pressRun is press but also runs the command each key returns and feeds
// its message back, once: enough for SaveDraft and SaveResult.
func pressRun(m Model, k string) Model {
	next, cmd := m.Update(keyPress(k))
	m = next.(Model)
	if m.pending != nil { // a pick: its tick, then what answering it starts
		next, cmd = m.Update(advanceMsg{m.pickSeq})
		m = next.(Model)
	}
	return runCmd(m, cmd)
}

// runCmd runs cmd, a batch's commands too, and feeds their messages back,
// once; ticks are skipped.
func runCmd(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case nil, advanceMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c)
		}
	default:
		next, more := m.Update(msg)
		m = runCmd(next.(Model), more)
	}
	return m
}

var specialKeys = map[string]tea.Key{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"left":      {Code: tea.KeyLeft},
	"pgdown":    {Code: tea.KeyPgDown},
	"pgup":      {Code: tea.KeyPgUp},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"right":     {Code: tea.KeyRight},
	"space":     {Code: tea.KeySpace, Text: " "},
	"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
	"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
}

func keyPress(k string) tea.KeyPressMsg {
	if key, ok := specialKeys[k]; ok {
		return tea.KeyPressMsg(key)
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screenText is the view as plain text, trailing spaces trimmed.
func screenText(m Model) string {
	ls := strings.Split(ansi.Strip(m.View().Content), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(ls, "\n")
}

// golden compares the view with testdata/golden/name.golden, or rewrites
// it under -update.
func golden(t *testing.T, name string, m Model) {
	t.Helper()
	got := screenText(m)
	path := filepath.Join("testdata", "golden", name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/ -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s: the view differs from the golden file\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// hasKey reports whether an enabled binding of s answers to the key k.
func hasKey(s keySet, k string) bool {
	for _, b := range s.bindings() {
		for _, x := range b.Keys() {
			if x == k {
				return true
			}
		}
	}
	return false
}

// The screens' names, as screenOf gives them.
const (
	welcomeScreen  = "welcome"
	questionScreen = "question"
	reviewScreen   = "review"
	resultScreen   = "result"
	learnScreen    = "learn"
)

// screenOf names the screen on show: its type's name.
func screenOf(m Model) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", m.active), "ui.")
}

// the returns the screen on show as an S, or S's zero value when another
// screen is on show.
func the[S screen](m Model) S {
	s, _ := m.active.(S)
	return s
}
