package batch

import (
	"bufio"
	"math/bits"
	"strconv"
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// A summary keeps counters only: one tally for the whole file and, when
// grouping, one per group value (at most maxGroups; later values share the
// tally otherGroups), so memory stays flat however many rows there are.

const (
	// otherGroups names the tally of group values past maxGroups.
	otherGroups = "(other groups)"
	// blankGroup names the group of rows whose group cell is empty.
	blankGroup = "(blank)"
	// unreadableGroup names the group of rows whose group cell could not
	// be read: a malformed row, a row or group cell over its limit.
	unreadableGroup = "(group not readable)"
)

// tally counts the rows of one group.
type tally struct {
	name     string
	rows     int
	failed   int
	statuses []int    // rows per status, in the order of advisor.Statuses
	outcomes []int    // rows per recommendation, by outcome index
	based    []int    // the same, of rows with enough answers (not too_few_answers)
	calls    []int    // the same, of rows that are a call (neither too few answers nor wellbeing first)
	conf     float64  // sum of the scored rows' confidence
	needs    []int    // rows per option of the need question
	cautions []int    // rows per caution raised
	routes   []int    // rows per other route that comes first
	failures []string // the first maxFailedListed failed rows, named
}

// summary is the sink of --summary: it counts rows and writes the report at
// the end.
type summary struct {
	b        *questions.Bank
	w        *bufio.Writer
	markdown bool
	width    int    // the cells text wraps to
	minGroup int    // the fewest scored rows a group's breakdown needs
	by       string // the grouping column's name, "" when not grouping
	need     int    // the need question's index, or -1
	all      *tally
	groups   []*tally
	index    map[string]int
	unread   *tally // rows whose group could not be read; nil if none
}

func newSummary(b *questions.Bank, p *plan, w *bufio.Writer, opt Options) *summary {
	s := &summary{b: b, w: w, markdown: opt.Format == "markdown", width: opt.summaryWidth(), minGroup: opt.minGroup(),
		need: b.Question("need"), index: map[string]int{}}
	s.all = s.newTally("All rows")
	if p.byCol >= 0 {
		s.by = p.names[p.byCol]
	}
	return s
}

func (s *summary) newTally(name string) *tally {
	t := &tally{
		name:     name,
		statuses: make([]int, len(advisor.Statuses)),
		outcomes: make([]int, len(s.b.Outcomes)),
		based:    make([]int, len(s.b.Outcomes)),
		calls:    make([]int, len(s.b.Outcomes)),
		cautions: make([]int, len(s.b.Cautions)),
		routes:   make([]int, len(s.b.Routes)),
	}
	if s.need >= 0 {
		t.needs = make([]int, len(s.b.Questions[s.need].Options))
	}
	return t
}

func (s *summary) row(r *rowResult) error {
	s.add(s.all, r)
	switch {
	case s.by == "":
	case !r.grouped:
		if s.unread == nil {
			s.unread = s.newTally(unreadableGroup)
		}
		s.add(s.unread, r)
	default:
		s.add(s.group(r.group), r)
	}
	return nil
}

// group returns the tally of group value v, creating it on first sight.
func (s *summary) group(v string) *tally {
	key := strings.TrimSpace(v)
	if i, ok := s.index[key]; ok {
		return s.groups[i]
	}
	if len(s.groups) >= maxGroups {
		key = otherGroups
		if i, ok := s.index[key]; ok {
			return s.groups[i]
		}
	}
	key = strings.Clone(key) // the cell shares memory with its whole record
	name := blankGroup
	if key != "" {
		name = echo(key)
	}
	s.index[key] = len(s.groups)
	s.groups = append(s.groups, s.newTally(name))
	return s.groups[len(s.groups)-1]
}

func (s *summary) add(t *tally, r *rowResult) {
	t.rows++
	if r.err != "" {
		t.failed++
		if len(t.failures) < maxFailedListed {
			t.failures = append(t.failures, failedName(r))
		}
		return
	}
	t.statuses[statusIndex(r.v.Status)]++
	t.outcomes[r.v.Outcome]++
	if r.v.Status != advisor.StatusTooFew {
		t.based[r.v.Outcome]++
		if r.v.Status != advisor.StatusWellbeing {
			t.calls[r.v.Outcome]++
		}
	}
	t.conf += r.v.Confidence
	if r.v.Route >= 0 && r.v.Route < len(t.routes) {
		t.routes[r.v.Route]++
	}
	if s.need >= 0 && s.b.Answered(r.ch, s.need) {
		t.needs[r.ch[s.need]]++
	}
	for m := r.v.Cautions; m != 0; m &= m - 1 {
		if i := bits.TrailingZeros64(m); i < len(t.cautions) {
			t.cautions[i]++
		}
	}
}

func (s *summary) finish() error {
	if s.markdown {
		s.writeMarkdown()
	} else {
		s.writeText()
	}
	return s.w.Flush()
}

// failedName names a failed row in a summary: its id, else its number,
// with the line it starts on: "p7 (line 9)", "row 3 (line 4)".
func failedName(r *rowResult) string {
	id := echo(strings.TrimSpace(r.id))
	if id == "" {
		id = "row " + strconv.Itoa(r.num)
	}
	return id + " (line " + strconv.Itoa(r.line) + ")"
}

// sections returns the tallies in the order they are written: each group
// in first-seen order, the rows with no readable group, then the whole
// file.
func (s *summary) sections() []*tally {
	out := append([]*tally(nil), s.groups...)
	if s.unread != nil {
		out = append(out, s.unread)
	}
	return append(out, s.all)
}

// failedList names t's failed rows, at most maxFailedListed, then says
// how many more there are: "p7 (line 9), row 3 (line 4) and 2 more".
func (t *tally) failedList() string {
	list := strings.Join(t.failures, ", ")
	if more := t.failed - len(t.failures); more > 0 {
		list += " and " + strconv.Itoa(more) + " more"
	}
	return list
}

func (t *tally) scored() int { return t.rows - t.failed }

// called is how many of t's rows are a call: scored, with enough answers
// and not wellbeing first.
func (t *tally) called() int {
	n := 0
	for _, c := range t.calls {
		n += c
	}
	return n
}

// status is how many of t's rows have status st.
func (t *tally) status(st advisor.Status) int { return t.statuses[statusIndex(st)] }

// statusIndex is st's place in advisor.Statuses; a status it does not
// list counts as the first (clear), which cannot happen with Decide.
func statusIndex(st advisor.Status) int {
	for i, s := range advisor.Statuses {
		if s == st {
			return i
		}
	}
	return 0
}

func (t *tally) avgConfidence() float64 {
	if t.scored() == 0 {
		return 0
	}
	return t.conf / float64(t.scored())
}

// routeItems are the other routes that come first in any of t's rows, in
// the rule set's order, named "Label (id)".
func (s *summary) routeItems(t *tally) []item {
	var out []item
	for i, n := range t.routes {
		if n > 0 {
			rt := &s.b.Routes[i]
			out = append(out, item{name: questions.Clean(rt.Label) + " (" + rt.ID + ")", count: n})
		}
	}
	return out
}
