package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// progressClock is a clock the test moves by hand.
type progressClock struct{ t time.Time }

func (c *progressClock) now() time.Time          { return c.t }
func (c *progressClock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newTestProgress(total int64) (*Progress, *bytes.Buffer, *progressClock) {
	var buf bytes.Buffer
	c := &progressClock{t: time.Unix(1_700_000_000, 0)}
	return newProgress(&buf, total, NewStyles("auto", true, false), c.now), &buf, c
}

func TestProgressWaitsBeforeDrawing(t *testing.T) {
	p, buf, c := newTestProgress(1000)
	p.Update(100)
	c.advance(progressDelay - time.Millisecond)
	p.Update(200)
	p.Done()
	if buf.Len() != 0 {
		t.Errorf("a short run drew %q", buf.String())
	}
}

func TestProgressDrawsAndClears(t *testing.T) {
	p, buf, c := newTestProgress(2 << 20)
	c.advance(progressDelay)
	p.Update(1 << 20)
	line := buf.String()
	for _, want := range []string{"\rScoring ", "█", "░", " 50%", "1.0 MiB of 2.0 MiB", "\x1b[K"} {
		if !strings.Contains(line, want) {
			t.Errorf("line %q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "\x1b[3") || strings.Contains(line, "\x1b[9") {
		t.Errorf("line %q has colours on a writer that is not a terminal", line)
	}
	buf.Reset()
	p.Done()
	if buf.String() != "\r\x1b[2K" {
		t.Errorf("Done wrote %q, want a line clear", buf.String())
	}
}

func TestProgressThrottles(t *testing.T) {
	p, buf, c := newTestProgress(1000)
	c.advance(progressDelay)
	draws := 0
	for i := range 50 { // 50 updates over one second
		before := buf.Len()
		p.Update(int64(i * 20))
		if buf.Len() > before {
			draws++
		}
		c.advance(20 * time.Millisecond)
	}
	if draws < 9 || draws > 11 {
		t.Errorf("%d redraws in a second, want about 10", draws)
	}
}

func TestProgressUnknownSize(t *testing.T) {
	p, buf, c := newTestProgress(0)
	c.advance(time.Second)
	p.Update(3 << 10)
	if !strings.Contains(buf.String(), "Scoring… 3.0 KiB read") {
		t.Errorf("line %q", buf.String())
	}
}

func TestProgressCapsAtFull(t *testing.T) {
	p, buf, c := newTestProgress(100)
	c.advance(time.Second)
	p.Update(250) // the size grew while reading
	if !strings.Contains(buf.String(), "100%") {
		t.Errorf("line %q, want 100%%", buf.String())
	}
}

// TestProgressColoursFromTheme checks that the bar is drawn in the theme's
// accent and track colours, and in none with NO_COLOR.
func TestProgressColoursFromTheme(t *testing.T) {
	tests := []struct {
		theme      string
		noColor    bool
		fill, rest string // SGR colour parameters the line must hold; "" for none
	}{
		{"dark", false, "38;2;164;140;255", "38;2;74;74;74"},   // #A48CFF, #4A4A4A
		{"light", false, "38;2;90;63;192", "38;2;189;189;189"}, // #5A3FC0, #BDBDBD
		{"high-contrast", false, "38;2;255;255;0", "38;2;255;255;255"},
		{"dark", true, "", ""},
	}
	for _, tt := range tests {
		p := newProgress(new(bytes.Buffer), 100, NewStyles(tt.theme, true, tt.noColor), time.Now)
		line := p.line(50)
		if tt.fill == "" {
			if strings.Contains(line, "\x1b[") {
				t.Errorf("%s, no colour: line %q has escape sequences", tt.theme, line)
			}
			continue
		}
		for _, want := range []string{tt.fill, tt.rest} {
			if !strings.Contains(line, want) {
				t.Errorf("%s: line %q lacks colour %s", tt.theme, line, want)
			}
		}
		if strings.Contains(line, "117;113;249") { // the old hard-coded #7571F9
			t.Errorf("%s: line %q uses the hard-coded colour", tt.theme, line)
		}
	}
}
