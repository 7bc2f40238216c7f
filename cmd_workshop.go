package main

// The workshop command. Temporary flag parsing on the current dispatch:
// the cobra port only needs to define the same flags and call
// a.runWorkshop(workshopOptions{...}).

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"guidepost/workshop"
)

// workshopOptions are the flags of `guidepost workshop`.
type workshopOptions struct {
	addr            string
	minGroup        int
	maxParticipants int
	resume          bool
}

// workshop parses the workshop command's flags and runs it.
func (a *app) workshop(args []string) error {
	o := workshopOptions{minGroup: workshop.DefaultMinGroup, maxParticipants: workshop.DefaultMaxParticipants}
	fs := a.flagSet("workshop")
	fs.StringVar(&o.addr, "addr", "", "listen on HOST:PORT (default: this computer's network address)")
	fs.IntVar(&o.minGroup, "min-group", o.minGroup, "finished participants needed before the room's picture can be revealed (at least 3)")
	fs.IntVar(&o.maxParticipants, "max-participants", o.maxParticipants, "most participants who can join")
	fs.BoolVar(&o.resume, "resume", a.opt.resume, "reopen the last room with everyone who had finished")
	fs.StringVar(&a.opt.rules, "rules", a.opt.rules, "rule set file")
	fs.StringVar(&a.opt.theme, "theme", a.opt.theme, "colours: auto, dark, light or high-contrast")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if err := noArgs("workshop", fs); err != nil {
		return err
	}
	if err := a.opt.validate(); err != nil {
		return err
	}
	return a.runWorkshop(o)
}

// runWorkshop checks the parsed options and runs the workshop: the room's
// server and the facilitator's screen on the terminal; quitting prints the
// room file and summary on stdout.
func (a *app) runWorkshop(o workshopOptions) error {
	if o.minGroup < workshop.MinGroupFloor {
		return usagef("--min-group %d: at least %d, so that the room's picture never tells people apart", o.minGroup, workshop.MinGroupFloor)
	}
	if o.maxParticipants < 1 || o.maxParticipants > workshop.MaxParticipantsCeiling {
		return usagef("--max-participants %d: from 1 to %d", o.maxParticipants, workshop.MaxParticipantsCeiling)
	}
	if !isTerminal(a.in) || !isTerminal(a.out) {
		return usagef("workshop needs a terminal for the facilitator's screen")
	}
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	state, err := xdgDir("XDG_STATE_HOME", filepath.Join(".local", "state"))
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err = workshop.Run(ctx, workshop.Options{
		Bank: b, Addr: o.addr, MinGroup: o.minGroup, MaxParticipants: o.maxParticipants,
		Resume: o.resume, StateDir: filepath.Join(state, "guidepost"),
		Theme: a.opt.theme, NoColor: os.Getenv("NO_COLOR") != "",
		In: a.in, Out: a.out,
	})
	if errors.Is(err, workshop.ErrInterrupted) {
		return errAborted
	}
	return err
}
