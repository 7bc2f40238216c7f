package advisor

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONStatusAndAgainst: status and against are in the JSON, against in
// the shape of reasons.
func TestJSONStatusAndAgainst(t *testing.T) {
	b := statusBank(t)
	e := ExplainAnswers(b, choices(t, b, "need=behaviour", "horizon=long", "goal=broad", "style=advice"), "")
	var buf strings.Builder
	if err := WriteJSON(&buf, e); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Status  string `json:"status"`
		Against []struct {
			Question, Option, Text string
			Sources                []string
		} `json:"against"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != string(StatusMixed) || len(got.Against) != 1 || got.Against[0].Question != "need" || got.Against[0].Option != "behaviour" || len(got.Against[0].Sources) != 2 || got.Against[0].Text == "" {
		t.Fatalf("json: %+v\n%s", got, buf.String())
	}
}

// TestWrap: Wrap breaks at spaces, in terminal cells, and breaks only a
// word wider than a line.
func TestWrap(t *testing.T) {
	tests := []struct {
		text          string
		width, indent int
		want          string
	}{
		{"a bb ccc", 4, 0, "a bb\nccc"},
		{"weight 1.5 points [1,2]", 12, 2, "weight 1.5\n  points\n  [1,2]"},
		{"see /a/very/long/path", 8, 0, "see\n/a/very/\nlong/pat\nh"},
		{"one\ntwo", 10, 2, "one\n  two"},
		// Measured in terminal cells, not characters: a CJK letter or an
		// emoji takes two, a combining accent none, and a joined emoji
		// sequence or a flag is never split.
		{"日本語 日本語 日本語", 14, 0, "日本語 日本語\n日本語"},
		{"👍👍👍👍", 4, 0, "👍👍\n👍👍"},
		{"ab 日本", 6, 0, "ab\n日本"},
		{"café café", 9, 0, "café café"},
		{"cafe\u0301 cafe\u0301", 9, 0, "cafe\u0301 cafe\u0301"},
		{"👩‍💻👩‍💻", 3, 0, "👩‍💻\n👩‍💻"},
		{"🇫🇷🇩🇪 x", 4, 2, "🇫🇷\n  🇩🇪\n  x"},
		{"日", 1, 0, "日"}, // wider than the line: kept whole, not looped on
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width, tt.indent); got != tt.want {
			t.Errorf("Wrap(%q, %d, %d) = %q, want %q", tt.text, tt.width, tt.indent, got, tt.want)
		}
	}
}
