package workshop

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"guidepost/questions"
	"guidepost/ui"
)

// Options are what `guidepost workshop` is run with.
type Options struct {
	Bank            *questions.Bank
	Addr            string // HOST:PORT; "" listens on the LAN address
	MinGroup        int
	MaxParticipants int
	Resume          bool
	Which           string // with Resume: a room file, a room code, or "" for the newest
	Quick           bool   // the core questions only
	StateDir        string // the guidepost state folder ($XDG_STATE_HOME/guidepost)
	Theme           string
	NoColor         bool
	In              io.Reader
	Out             io.Writer
}

// ErrInterrupted is returned when the facilitator pressed ctrl+c; the room
// file and summary are printed all the same.
var ErrInterrupted = errors.New("interrupted")

// Run opens the room, serves it and runs the facilitator's screen until
// the facilitator quits; then it prints the room file's path and the
// room's summary on o.Out.
func Run(ctx context.Context, o Options) error {
	room, notice, err := OpenRoom(RoomConfig{
		Bank: o.Bank, StateDir: o.StateDir, MinGroup: o.MinGroup,
		MaxParticipants: o.MaxParticipants, Resume: o.Resume, Which: o.Which, Quick: o.Quick,
	})
	if err != nil {
		return err
	}
	defer room.Close()
	ln, shown, note, err := Listen(o.Addr)
	if err != nil {
		return err
	}
	srv := NewServer(room).HTTPServer()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()

	if o.Resume {
		n := room.Snapshot().Finished
		notice = joinNotice(fmt.Sprintf("Resumed the room %s with the %d who had finished.", room.Code(), n), notice)
	}
	base := "http://" + shown
	scr := NewScreen(ScreenConfig{
		Room: room, JoinURL: base + "/" + room.Code(), Base: base,
		Notice: joinNotice(notice, note), Theme: o.Theme, NoColor: o.NoColor,
	})
	p := tea.NewProgram(scr, tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithContext(ctx), tea.WithEnvironment(ui.TeaEnviron()))
	final, err := p.Run()
	select {
	case serr := <-served:
		if serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = fmt.Errorf("the room's server stopped: %w", serr)
		}
	default:
	}
	if perr := PrintClosing(o.Out, room); perr != nil && err == nil {
		err = perr
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("run the facilitator's screen: %w", err)
	}
	if s, ok := final.(Screen); (ok && s.interrupted) || err != nil {
		return ErrInterrupted
	}
	return nil
}

func joinNotice(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// PrintClosing writes, once the facilitator's screen has closed, the room
// file's path, the counts and how to score the room. It prints no
// summary: the facilitator's terminal is the projector, and a summary
// counts the wellbeing answers and, below the minimum group, would tell
// people apart. The facilitator runs the command it names on a screen of
// their own.
func PrintClosing(w io.Writer, room *Room) error {
	snap := room.Snapshot()
	path := questions.Clean(room.Path())
	fmt.Fprintf(w, "Room file: %s\n%d joined, %d finished.\n", path, snap.Joined, snap.Finished)
	if snap.Finished < snap.MinGroup {
		fmt.Fprintf(w, "Fewer than %d finished: the answers are kept in the room file, and a summary of so few could tell people apart.\n", snap.MinGroup)
		return nil
	}
	_, err := fmt.Fprintf(w, "The summary is not shown here, where the room can see it (it counts wellbeing answers). On your own screen, run:\n  guidepost score --csv %s --summary\n", shellQuote(path))
	return err
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
