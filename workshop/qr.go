package workshop

import (
	"strings"

	"rsc.io/qr"
)

// The QR code is drawn with half blocks, two modules a character cell,
// so a join address fits in about 15 rows. rsc.io/qr is a small encoder
// with no dependencies (Russ Cox's, the one behind rsc.io/2fa); the other
// Go QR libraries either pull in image writers or have been left
// unmaintained longer.

// qrQuiet is the quiet zone drawn around the code, in modules.
const qrQuiet = 2

// qrLines draws text as a QR code. With dark, dark modules are drawn as
// ink (█▀▄) and the caller paints the block black on white; without (no
// colours allowed), the light modules are drawn as ink instead, for the
// usual light-on-dark terminal.
func qrLines(text string, darkInk bool) ([]string, error) {
	c, err := qr.Encode(text, qr.L)
	if err != nil {
		return nil, err
	}
	n := c.Size + 2*qrQuiet
	ink := func(x, y int) bool {
		black := c.Black(x-qrQuiet, y-qrQuiet) // false outside the code: the quiet zone is light
		return black == darkInk
	}
	var lines []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := 0; x < n; x++ {
			top, bottom := ink(x, y), y+1 < n && ink(x, y+1)
			if y+1 >= n {
				bottom = !darkInk // below the last row: light
			}
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines, nil
}
