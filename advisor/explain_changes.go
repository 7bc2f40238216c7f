package advisor

import (
	"slices"
	"strings"

	"guidepost/questions"
)

// changeGroup is the changes to one question, by the call each leads to.
type changeGroup struct {
	c    Alternative // the first change to the question
	alts []changeAlt
}

// changeAlt is the answers to a question that lead to one call.
type changeAlt struct {
	call   string
	labels []string
	unsure bool // leaving the question unanswered does it too
}

// changes groups the answer changes by question, in the order of the first
// change of each, in plain words.
func (x *explainer) changes(list []Alternative) []Point {
	out := []Point{}
	for _, g := range x.changeGroups(list) {
		out = append(out, Point{Lead: g.c.Topic, Text: g.text(), Question: g.c.Question})
	}
	return out
}

func (x *explainer) changeGroups(list []Alternative) []*changeGroup {
	var groups []*changeGroup
	byQ := map[string]*changeGroup{}
	for _, c := range list {
		g := byQ[c.Question]
		if g == nil {
			g = &changeGroup{c: c}
			byQ[c.Question] = g
			groups = append(groups, g)
		}
		g.add(c, x.changeCall(c))
	}
	return groups
}

// changeCall is the call change c leads to, in words.
func (x *explainer) changeCall(c Alternative) string {
	call := clean(x.label(c.Recommendation))
	if x.r.Status == StatusWellbeing && c.Status != StatusWellbeing {
		call += " now, rather than professional support first"
	}
	return call
}

func (g *changeGroup) add(c Alternative, call string) {
	i := slices.IndexFunc(g.alts, func(a changeAlt) bool { return a.call == call })
	if i < 0 {
		g.alts = append(g.alts, changeAlt{call: call})
		i = len(g.alts) - 1
	}
	if c.To == questions.UnsureID {
		g.alts[i].unsure = true
	} else {
		g.alts[i].labels = append(g.alts[i].labels, "“"+c.ToLabel+"”")
	}
}

// text says the group's changes in one sentence.
func (g *changeGroup) text() string {
	answered := g.c.From != questions.UnsureID
	var parts []string
	for i, a := range g.alts {
		cond := a.condition(answered)
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
	return text
}

// condition is "if it were …" for the answers of a, to a question
// answered or not.
func (a changeAlt) condition(answered bool) string {
	switch {
	case len(a.labels) == 0:
		return "if it were left unanswered"
	case a.unsure:
		return "if it were " + joinOr(a.labels) + " (or left unanswered)"
	case !answered:
		return "if it were answered " + joinOr(a.labels)
	}
	return "if it were " + joinOr(a.labels)
}

func joinOr(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
