package advisor

import (
	"io"
	"strings"

	"guidepost/questions"
)

// spoken marks the writer of a report meant for a screen reader.
type spoken struct{ io.Writer }

// WriteSpokenText writes r as WriteText does, for a screen reader and the
// accessible prompts: the scores are one sentence in words ("Coaching 13
// points, Mentoring 0 points") instead of bars, whose glyphs a screen
// reader reads out one by one ("full block, full block, ...").
func WriteSpokenText(w io.Writer, b *questions.Bank, r Result) error {
	return WriteText(spoken{w}, b, r)
}

// spokenScores is the scores as one sentence.
func (p *report) spokenScores(e Explanation) {
	parts := make([]string, len(e.Scores))
	for i, s := range e.Scores {
		parts[i] = s.Label + " " + s.Text
	}
	p.printf("%s\n\n", Wrap("Scores: "+strings.Join(parts, ", ")+".", reportWidth, 0))
}
