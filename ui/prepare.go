package ui

import (
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
)

// RunPrepared is Run for a configuration that takes a moment to make
// (parsing the rule set): prepare runs at once, alongside the terminal's
// set-up, instead of before it. Bubble Tea draws its first frame at its
// first tick, a sixtieth of a second after it starts, and a prepare that is
// done by then costs the first frame nothing. Until it is done the program
// draws nothing and keeps what arrives (the window's size, keys typed), to
// give it in order to the model once it exists. If prepare fails, the
// program ends before drawing anything and RunPrepared returns the error
// as it is, with an Ending that quit before any answer.
func RunPrepared(prepare func() (Config, error), in io.Reader, out io.Writer) (Ending, error) {
	ready := make(chan preparedMsg, 1)
	go func() {
		cfg, err := prepare()
		if err == nil {
			err = checkConfig(cfg)
		}
		ready <- preparedMsg{cfg, err}
	}()
	p := tea.NewProgram(&preparing{ready: ready}, tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(TeaEnviron()))
	final, err := p.Run()
	o := Ending{Quit: true}
	pr, _ := final.(*preparing)
	switch {
	case pr == nil || !pr.got:
		// Ended before prepare was done (ctrl+c at once): wait for it, so
		// that nothing it does outlives the call.
		if msg := <-ready; msg.err != nil {
			return o, msg.err
		}
	case pr.err != nil:
		return o, pr.err
	case pr.m != nil:
		o = pr.m.Ending()
	}
	if err != nil {
		// As Run: the answers are the final model's, never the start-up ones.
		o.Result, o.Quit = nil, true
		return o, fmt.Errorf("run the interface: %w", err)
	}
	return o, nil
}

// preparedMsg is prepare's outcome.
type preparedMsg struct {
	cfg Config
	err error
}

// maxEarly bounds what preparing keeps before the model exists.
const maxEarly = 1024

// preparing is the program's model while prepare runs, and then the root
// Model's holder.
type preparing struct {
	ready chan preparedMsg
	m     *Model
	early []tea.Msg // what came before the model, in order
	got   bool      // prepare's outcome arrived
	err   error
}

func (p *preparing) Init() tea.Cmd {
	return func() tea.Msg { return <-p.ready }
}

func (p *preparing) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p.m != nil {
		next, cmd := p.m.Update(msg)
		m := next.(Model)
		p.m = &m
		return p, cmd
	}
	switch msg := msg.(type) {
	case preparedMsg:
		p.got = true
		if msg.err != nil {
			p.err = msg.err
			return p, tea.Quit
		}
		m := New(msg.cfg)
		p.m = &m
		cmds := []tea.Cmd{m.Init()}
		for _, e := range p.early {
			_, cmd := p.Update(e)
			cmds = append(cmds, cmd)
		}
		p.early = nil
		return p, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" { // the one key that need not wait
			return p, tea.Quit
		}
	}
	if len(p.early) < maxEarly {
		p.early = append(p.early, msg)
	}
	return p, nil
}

func (p *preparing) View() tea.View {
	if p.m == nil {
		return tea.NewView("")
	}
	return p.m.View()
}
