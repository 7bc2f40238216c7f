package advisor

import (
	"slices"
	"strings"

	"guidepost/questions"
)

// changes groups the answer changes by question, in the order of the first
// change of each, in plain words.
func (x *explainer) changes(list []Alternative) []Point {
	type alt struct {
		call   string
		labels []string
		unsure bool // leaving the question unanswered does it too
	}
	type group struct {
		c    Alternative
		alts []alt
	}
	var groups []*group
	byQ := map[string]*group{}
	for _, c := range list {
		g := byQ[c.Question]
		if g == nil {
			g = &group{c: c}
			byQ[c.Question] = g
			groups = append(groups, g)
		}
		call := clean(x.label(c.Recommendation))
		if x.r.Status == StatusWellbeing && c.Status != StatusWellbeing {
			call += " now, rather than professional support first"
		}
		i := slices.IndexFunc(g.alts, func(a alt) bool { return a.call == call })
		if i < 0 {
			g.alts = append(g.alts, alt{call: call})
			i = len(g.alts) - 1
		}
		if c.To == questions.UnsureID {
			g.alts[i].unsure = true
		} else {
			g.alts[i].labels = append(g.alts[i].labels, "“"+c.ToLabel+"”")
		}
	}
	out := []Point{}
	for _, g := range groups {
		answered := g.c.From != questions.UnsureID
		var parts []string
		for i, a := range g.alts {
			cond := "if it were " + joinOr(a.labels)
			switch {
			case len(a.labels) == 0:
				cond = "if it were left unanswered"
			case a.unsure:
				cond += " (or left unanswered)"
			case !answered:
				cond = "if it were answered " + joinOr(a.labels)
			}
			switch {
			case i > 0:
				parts = append(parts, cond+", "+a.call)
			case answered:
				parts = append(parts, cond+" instead of “"+g.c.FromLabel+"”, the call would be "+a.call)
			default:
				parts = append(parts, cond+", the call would be "+a.call)
			}
		}
		text := strings.Join(parts, "; ") + "."
		if g.c.Feasibility {
			text += " This is about what can be offered, not about the need: it changes how support is delivered."
		}
		out = append(out, Point{Lead: g.c.Topic, Text: text, Question: g.c.Question})
	}
	return out
}

func joinOr(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
