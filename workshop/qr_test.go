package workshop

import (
	"testing"
	"unicode/utf8"

	"rsc.io/qr"
)

// TestQRLines: every character cell draws its two modules exactly, with a
// light quiet zone around the code, in both inks.
func TestQRLines(t *testing.T) {
	url := "http://192.168.100.200:8765/ABCDEF"
	c, err := qr.Encode(url, qr.L)
	if err != nil {
		t.Fatal(err)
	}
	for _, darkInk := range []bool{true, false} {
		lines, err := qrLines(url, darkInk)
		if err != nil {
			t.Fatal(err)
		}
		n := c.Size + 2*qrQuiet
		if len(lines) != (n+1)/2 {
			t.Fatalf("%d lines for %d modules", len(lines), n)
		}
		dark := func(x, y int) bool { return c.Black(x-qrQuiet, y-qrQuiet) }
		for row, l := range lines {
			if utf8.RuneCountInString(l) != n {
				t.Fatalf("line %d is %d cells, want %d", row, utf8.RuneCountInString(l), n)
			}
			for x, r := range []rune(l) {
				top, bottom := dark(x, 2*row), dark(x, 2*row+1)
				if !darkInk {
					top, bottom = !top, !bottom
					if 2*row+1 >= n {
						bottom = true
					}
				}
				want := map[[2]bool]rune{{true, true}: '█', {true, false}: '▀', {false, true}: '▄', {false, false}: ' '}[[2]bool{top, bottom}]
				if r != want {
					t.Fatalf("ink %v: cell (%d,%d) is %q, want %q", darkInk, x, row, r, want)
				}
			}
		}
	}
}
