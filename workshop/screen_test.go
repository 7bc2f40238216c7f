package workshop

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"rsc.io/qr"
)

// smallScreen is the facilitator's screen at 80×24 on a room with n
// finished participants.
func smallScreen(t *testing.T, theme string, n int) (Screen, *Room) {
	t.Helper()
	b := testBank(t)
	room, _ := newTestRoom(t, 3, 50)
	for _, ch := range randomSheets(b, n, 11) {
		finishOne(t, room, ch)
	}
	scr := NewScreen(ScreenConfig{Room: room, JoinURL: "http://192.168.100.200:8765/" + room.Code(), Base: "http://192.168.100.200:8765", Theme: theme})
	return sendMsg(sendMsg(scr, tea.WindowSizeMsg{Width: 80, Height: 24}), tickMsg{}), room
}

// checkFits holds that the view fits 80×24 and ends with the key line.
func checkFits(t *testing.T, what string, s Screen, keys ...string) string {
	t.Helper()
	text := screenText(s)
	ls := strings.Split(text, "\n")
	if len(ls) > 24 {
		t.Errorf("%s: %d lines on 24 rows:\n%s", what, len(ls), text)
	}
	for _, l := range ls {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("%s: a line %d wide: %q", what, w, l)
		}
	}
	last := ls[len(ls)-1]
	for _, k := range keys {
		if !strings.Contains(last, k) {
			t.Errorf("%s: the key line %q lacks %q:\n%s", what, last, k, text)
		}
	}
	return text
}

// TestScreenFits: at 80×24 the screen shows the QR code and the address
// before the reveal, the picture after, and the key line always; c brings
// the QR code back after the reveal, h hides the picture, a closes
// answering.
func TestScreenFits(t *testing.T) {
	s, room := smallScreen(t, "dark", 6)
	text := checkFits(t, "join", s, "r reveal", "c hide QR", "q quit")
	if !strings.Contains(text, s.qr[0]) || !strings.Contains(text, s.qr[len(s.qr)-1]) || !strings.Contains(text, room.Code()) {
		t.Errorf("80x24 before the reveal lacks the QR code or the address:\n%s", text)
	}
	s = pressKey(s, "r")
	text = checkFits(t, "revealed", s, "h hide picture", "c QR code", "↑/↓ scroll", "q quit")
	if !strings.Contains(text, markPicture+" (6 finished)") || !strings.Contains(text, "%") {
		t.Errorf("after r:\n%s", text)
	}
	s = pressKey(s, "c")
	if text = checkFits(t, "QR after the reveal", s, "r picture", "q quit"); !strings.Contains(text, s.qr[0]) {
		t.Errorf("c after the reveal does not show the QR code:\n%s", text)
	}
	s = pressKey(s, "r")
	s = pressKey(s, "h")
	text = checkFits(t, "hidden", s, "r show picture")
	if strings.Contains(text, markPicture+" (") || !room.Snapshot().Hidden {
		t.Errorf("h did not hide the picture:\n%s", text)
	}
	s = pressKey(s, "a")
	text = checkFits(t, "closed", s, "a reopen answering")
	if !strings.Contains(text, "Answering is closed") || !room.Snapshot().Closed {
		t.Errorf("a did not close answering:\n%s", text)
	}
	s = pressKey(s, "q")
	checkFits(t, "confirm", s, "y quit", "n keep going")
	// A long way down and back stays within the picture.
	s, _ = smallScreen(t, "light", 6)
	s = pressKey(s, "r")
	s = pressKey(s, "end")
	if text := checkFits(t, "end", s); strings.Contains(text, "more lines") {
		t.Errorf("end does not reach the last line:\n%s", text)
	}
}

// qrModules reads a drawn QR code back as the modules a camera sees:
// true where the cell looks dark. ink is the colour of the glyphs' ink
// (dark or light), ground the colour of a blank cell.
func qrModules(lines []string, inkDark, groundDark bool) [][]bool {
	var out [][]bool
	for _, l := range lines {
		top, bottom := []bool{}, []bool{}
		for _, r := range l {
			t, b := r == '█' || r == '▀', r == '█' || r == '▄'
			top = append(top, map[bool]bool{true: inkDark, false: groundDark}[t])
			bottom = append(bottom, map[bool]bool{true: inkDark, false: groundDark}[b])
		}
		out = append(out, top, bottom)
	}
	return out
}

// TestQRDecodes: in every theme the QR code reads as the code of the
// join address, dark modules dark: painted black on white with colours,
// and without colours drawn in the terminal's own text colour, which is
// dark on a light terminal and light on a dark one.
func TestQRDecodes(t *testing.T) {
	url := "http://192.168.100.200:8765/ABCDEF"
	code, err := qr.Encode(url, qr.L)
	if err != nil {
		t.Fatal(err)
	}
	room, _ := newTestRoom(t, 3, 10)
	for _, c := range []struct {
		theme   string
		noColor bool
		darkBg  bool
	}{{"dark", false, true}, {"light", false, false}, {"high-contrast", false, true}, {"auto", false, false},
		{"auto", true, true}, {"auto", true, false}} {
		s := NewScreen(ScreenConfig{Room: room, JoinURL: url, Base: "http://192.168.100.200:8765", Theme: c.theme, NoColor: c.noColor})
		s = sendMsg(s, tea.BackgroundColorMsg{Color: map[bool]color.Color{true: color.Black, false: color.White}[c.darkBg]})
		s = sendMsg(s, tea.WindowSizeMsg{Width: 100, Height: 40})
		view := s.View().Content
		inkDark, groundDark := true, false // painted black on white
		if c.noColor {
			inkDark, groundDark = !c.darkBg, c.darkBg
			if strings.Contains(view, "\x1b[") {
				t.Errorf("NO_COLOR: escape sequences in the view")
			}
		} else if !strings.Contains(view, "38;2;0;0;0") || !strings.Contains(view, "48;2;255;255;255") {
			t.Errorf("%s: the QR code is not painted black on white", c.theme)
		}
		got := qrModules(s.qr, inkDark, groundDark)
		for y := range got {
			for x := range got[y] {
				want := code.Black(x-qrQuiet, y-qrQuiet)
				if y >= code.Size+2*qrQuiet {
					want = false // the padding row under an odd size
				}
				if got[y][x] != want {
					t.Fatalf("%s (no colour %v, dark %v): module %d,%d reads %v", c.theme, c.noColor, c.darkBg, x, y, got[y][x])
				}
			}
		}
	}
}
