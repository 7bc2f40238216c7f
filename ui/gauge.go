package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"guidepost/questions"
)

// leanGauge draws how the answers so far lean, as a marker on a track
// between coaching and mentoring with both scores beside it, so it reads
// the same without colour:
//
//	Lean so far: coaching 4.5 ◀────●──────▶ 2 mentoring
func leanGauge(score questions.Pair, w int, s *Styles) string {
	c, m := max(score[0], 0), max(score[1], 0)
	left, right := "Lean so far: coaching "+points(c)+" ◀", "▶ "+points(m)+" mentoring"
	if w < 60 {
		left, right = "coaching "+points(c)+" ◀", "▶ "+points(m)+" mentoring"
	}
	track := max(w-ansi.StringWidth(left)-ansi.StringWidth(right), 5)
	pos := track / 2
	if c+m > 0 {
		pos = int((float64(m)/float64(c+m))*float64(track-1) + 0.5)
	}
	bar := s.Track.Render(strings.Repeat("─", pos)) + s.Cursor.Render("●") +
		s.Track.Render(strings.Repeat("─", track-pos-1))
	return s.Coaching.Render(left) + bar + s.Mentoring.Render(right)
}

// points formats a score held in half points.
func points(half int32) string {
	if half%2 == 0 {
		return fmt.Sprint(half / 2)
	}
	return fmt.Sprintf("%.1f", float64(half)/2)
}
