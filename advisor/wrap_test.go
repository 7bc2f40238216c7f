package advisor

import (
	"strings"
	"testing"
)

// TestWidth: the cells of plain text.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{
		"": 0, "plain": 5, "日本語": 6, "👍": 2, "e\u0301": 1, "👩‍💻": 2, "🇫🇷": 2,
		"한국어": 6, "ｶﾀｶﾅ": 4, "✔\ufe0f": 2, "\u200b": 0, "·×–…": 4,
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWriteTextWidth: the text report wraps to the width it is given, in
// cells, with 78 by default and MinReportWidth at the least.
func TestWriteTextWidth(t *testing.T) {
	b := statusBank(t)
	e := ExplainAnswers(b, choices(t, b, "need=behaviour", "horizon=long", "goal=broad", "style=advice"), "")
	lines := func(width int) []string {
		var buf strings.Builder
		if err := WriteTextWidth(&buf, e, width); err != nil {
			t.Fatal(err)
		}
		return strings.Split(buf.String(), "\n")
	}
	widest := func(ls []string) int {
		n := 0
		for _, l := range ls {
			n = max(n, Width(l))
		}
		return n
	}
	var def strings.Builder
	WriteText(&def, e)
	if got := strings.Join(lines(0), "\n"); got != def.String() {
		t.Error("width 0 is not the default report")
	}
	if w := widest(lines(ReportWidth)); w > ReportWidth || w < ReportWidth-15 {
		t.Errorf("default report's widest line is %d cells", w)
	}
	narrow, wide := lines(40), lines(140)
	if w := widest(narrow); w > 40 {
		t.Errorf("width 40: a line of %d cells", w)
	}
	if len(wide) >= len(lines(ReportWidth)) || widest(wide) <= ReportWidth {
		t.Errorf("width 140: %d lines, widest %d: not wrapped wider", len(wide), widest(wide))
	}
	if got := widest(lines(5)); got > 50 {
		t.Errorf("width 5 is taken as %d: a line of %d cells", MinReportWidth, got)
	}
	var learn strings.Builder
	if err := LearnWidth(&learn, b, false, 40); err != nil {
		t.Fatal(err)
	}
	if w := widest(strings.Split(learn.String(), "\n")); w > 40 {
		t.Errorf("learn at width 40: a line of %d cells", w)
	}
}
