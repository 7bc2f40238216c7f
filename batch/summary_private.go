package batch

import (
	"fmt"
	"slices"
)

// A summary by group is shown to the group: no number in it may let a
// reader work out one person's answers. So a group's breakdown (statuses,
// recommendations, needs, cautions, suggestion) is shown only when it has
// at least MinGroup scored rows; a smaller group is counted in All rows,
// and one line says how many people are in groups not shown, never which
// group holds how many. A group with no scored row is shown: it has only
// failed rows to list.
//
// All rows minus the groups shown is the withheld groups together, so
// that remainder must itself be none or at least MinGroup people: when the
// small groups hold fewer, the smallest shown groups are withheld with
// them until it is. All rows is withheld too when it has fewer than
// MinGroup scored rows. Without --by there are no groups: the summary is
// of the whole file, for whoever holds it.

const (
	// DefaultMinGroup is Options.MinGroup's default: the fewest scored
	// rows a group needs for its breakdown to be shown (the workshop's
	// --min-group default is the same).
	DefaultMinGroup = 5
	// MinGroupFloor is the smallest MinGroup accepted: below three, a
	// breakdown can tell people apart.
	MinGroupFloor = 3
)

// privacy is what a summary by group withholds.
type privacy struct {
	min      int
	hidden   map[*tally]bool
	small    int // groups withheld for being under min
	held     int // larger groups withheld with them
	people   int // scored rows in withheld groups
	allShown bool
}

// withhold decides which breakdowns are shown (see above).
func (s *summary) withhold() privacy {
	p := privacy{min: s.minGroup, hidden: map[*tally]bool{}, allShown: true}
	if s.by == "" {
		return p
	}
	var shown []*tally
	for _, t := range s.sections() {
		switch {
		case t == s.all || t.scored() == 0:
			// A group with no scored row (the unreadable rows' among
			// them) has no breakdown to give away: its section only
			// lists its failed rows, for fixing.
		case t.scored() < p.min:
			p.hidden[t] = true
			p.small++
			p.people += t.scored()
		default:
			shown = append(shown, t)
		}
	}
	// Smallest first; ties in the order written, so the choice is stable.
	slices.SortStableFunc(shown, func(a, b *tally) int { return a.scored() - b.scored() })
	for _, t := range shown {
		if p.people == 0 || p.people >= p.min {
			break
		}
		p.hidden[t] = true
		p.held++
		p.people += t.scored()
	}
	if n := s.all.scored(); n > 0 && n < p.min {
		p.hidden[s.all] = true
		p.allShown = false
	}
	return p
}

// withheldLine says how many people are in groups not shown, or "".
func (p privacy) withheldLine() string {
	if p.small+p.held == 0 {
		return ""
	}
	line := fmt.Sprintf("Not shown: %d %s with fewer than %d scored rows", p.small, plural(p.small, "group", "groups"), p.min)
	if p.held > 0 {
		line += fmt.Sprintf(", and %d larger %s withheld with them so that All rows cannot give them away", p.held, plural(p.held, "group", "groups"))
	}
	return line + fmt.Sprintf(": %d %s, counted in All rows only.", p.people, plural(p.people, "person", "people"))
}

// allLine says why All rows shows no breakdown.
func (p privacy) allLine(t *tally) string {
	return fmt.Sprintf("No breakdown: %d scored %s, fewer than the %d a summary by group needs, so that no one's answers can be told apart.",
		t.scored(), plural(t.scored(), "row", "rows"), p.min)
}
