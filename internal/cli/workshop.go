package cli

// guidepost workshop: a live room served from this computer.

import (
	"context"
	"errors"
	"net"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"guidepost/internal/store"
	"guidepost/workshop"
)

// workshopOptions are the flags of `guidepost workshop`.
type workshopOptions struct {
	addr            string
	minGroup        int
	maxParticipants int
	resume          bool
	quick           bool
}

func (a *app) workshopCommand() *cobra.Command {
	o := workshopOptions{minGroup: workshop.DefaultMinGroup, maxParticipants: workshop.DefaultMaxParticipants}
	c := &cobra.Command{
		Use:   "workshop",
		Short: "Run a live room: people answer on their phones",
		Long: "Workshop serves the questions to a room from this computer: participants open the " +
			"address (or scan the code) on their own phone or laptop, answer in the self-assessment " +
			"wording and see their own result. The facilitator's screen shows how many have joined " +
			"and finished, and the room's picture once at least --min-group have finished and you " +
			"press r. Nothing is shown per person. Every finished participant is appended at once to " +
			"a room file (a CSV for `guidepost score --csv`) in the state folder. Answers travel " +
			"unencrypted over the local network: multiple-choice answers, no names.",
		Example: `
guidepost workshop
guidepost --theme high-contrast workshop --min-group 8
guidepost workshop --addr 127.0.0.1:8765
guidepost workshop --resume
guidepost workshop --resume ABC234
guidepost workshop --resume rooms/room-2026-05-04-091500-ABC234.csv
guidepost workshop --quick`,
		RunE: a.action(1, func(_ *cobra.Command, args []string) error {
			which := ""
			if len(args) == 1 {
				if !o.resume {
					return usagef("workshop: unexpected argument %q (a room file or code is given only after --resume)", args[0])
				}
				which = args[0]
			}
			return a.runWorkshop(o, which)
		}),
	}
	f := c.Flags()
	f.StringVar(&o.addr, "addr", "", "listen on HOST:PORT (default: this computer's address)")
	f.IntVar(&o.minGroup, "min-group", o.minGroup, "finished needed to reveal the room (at least 3)")
	f.IntVar(&o.maxParticipants, "max-participants", o.maxParticipants, "most participants who can join")
	f.BoolVar(&o.resume, "resume", false, "reopen the newest room, or a ROOMFILE or code after it")
	f.BoolVar(&o.quick, "quick", false, "ask the core questions only")
	f.StringVar(&a.opt.theme, "theme", "auto", "colours: auto, dark, light or high-contrast")
	c.RegisterFlagCompletionFunc("theme", completeList(themes))
	return c
}

// runWorkshop checks the parsed options and runs the workshop: the room's
// server and the facilitator's screen on the terminal; quitting prints the
// room file and summary on stdout.
func (a *app) runWorkshop(o workshopOptions, which string) error {
	if o.minGroup < workshop.MinGroupFloor {
		return usagef("--min-group %d: at least %d, so that the room's picture never tells people apart", o.minGroup, workshop.MinGroupFloor)
	}
	if o.maxParticipants < 1 || o.maxParticipants > workshop.MaxParticipantsCeiling {
		return usagef("--max-participants %d: from 1 to %d", o.maxParticipants, workshop.MaxParticipantsCeiling)
	}
	if err := checkAddr(o.addr); err != nil {
		return err
	}
	if !isTerminal(a.in) || !isTerminal(a.out) {
		return usagef("workshop needs a terminal for the facilitator's screen")
	}
	b, _, err := a.loadBank()
	if err != nil {
		return err
	}
	state, err := store.XDGDir(a.getenv, "XDG_STATE_HOME", filepath.Join(".local", "state"))
	if err != nil {
		return err
	}
	// SIGTERM and SIGHUP end the session early, as ctrl+c (SIGINT) does:
	// the room file and summary are printed and the exit code is 130
	// (CONTRACT §2). Bubble Tea also quits on SIGTERM as on q, so the
	// signal is read from ctx, not from how the screen ended.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err = workshop.Run(ctx, workshop.Options{
		Bank: b, Addr: o.addr, MinGroup: o.minGroup, MaxParticipants: o.maxParticipants,
		Resume: o.resume, Which: which, Quick: o.quick || a.opt.quick, StateDir: filepath.Join(state, "guidepost"),
		Theme: a.opt.theme, NoColor: a.noColor(),
		In: a.in, Out: a.out,
	})
	return workshopEnd(err, ctx.Err() != nil)
}

// workshopEnd maps how the workshop ended to the command's error: a quit
// (q, confirmed) is a success, and an interruption (ctrl+c, or signalled:
// a SIGTERM or SIGHUP arrived, even if Bubble Tea took the SIGTERM for a
// quit) is errAborted, exit 130.
func workshopEnd(err error, signalled bool) error {
	if errors.Is(err, workshop.ErrInterrupted) || err == nil && signalled {
		return errAborted
	}
	return err
}

// checkAddr refuses an --addr that is not HOST:PORT with a port from 0 to
// 65535: a mistake on the command line (exit 2), found before the room
// opens. An address that cannot be listened on is the machine's (exit 1).
func checkAddr(addr string) error {
	if addr == "" {
		return nil
	}
	_, port, err := net.SplitHostPort(addr)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return usagef("--addr %q: use HOST:PORT, such as 0.0.0.0:8765 or 127.0.0.1:0", addr)
	}
	return nil
}
