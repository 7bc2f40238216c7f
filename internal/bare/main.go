// Command bare is the floor that Guidepost's start-up is measured against
// (see BENCHMARKS.md and e2e's BenchmarkFirstFrame): a bare Bubble Tea v2 program
// that shows a list of ten items on the alternate screen, with a cursor
// that up and down move, and quits on q or ctrl+c. It does nothing else.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

var items = []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"}

type model struct{ cursor int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "up", "k":
			m.cursor = (m.cursor + len(items) - 1) % len(items)
		case "down", "j":
			m.cursor = (m.cursor + 1) % len(items)
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	b.WriteString("Pick one:\n\n")
	for i, it := range items {
		cursor := "  "
		if i == m.cursor {
			cursor = "> "
		}
		fmt.Fprintf(&b, "%s%d. %s\n", cursor, i+1, it)
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
