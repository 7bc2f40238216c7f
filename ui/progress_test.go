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
	return newProgress(&buf, total, c.now), &buf, c
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
