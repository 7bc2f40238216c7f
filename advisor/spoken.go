package advisor

import (
	"io"
	"strings"
)

// WriteSpokenText writes e as WriteText does, for a screen reader and the
// accessible prompts: the scores are one sentence in words ("Coaching 13
// points, Mentoring 0 points") instead of bars, whose glyphs a screen
// reader reads out one by one ("full block, full block, ...").
// width is as in WriteTextWidth.
func WriteSpokenText(w io.Writer, e Explanation, width int) error {
	p := newReport(w, width)
	p.spoken = true
	return p.text(e)
}

// spokenScores is the scores as one sentence.
func (p *report) spokenScores(e Explanation) {
	parts := make([]string, len(e.Scores))
	for i, s := range e.Scores {
		parts[i] = s.Label + " " + s.Text
	}
	p.printf("%s\n\n", Wrap("Scores: "+strings.Join(parts, ", ")+".", p.width, 0))
}
