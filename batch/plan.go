package batch

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"guidepost/advisor"
	"guidepost/questions"
)

// plan is what a CSV header means, resolved once: which cell feeds which
// question, where the id and group cells are, and how to read each
// question's cells.
type plan struct {
	bank    *questions.Bank
	name    string   // the input, for messages
	width   int      // cells in the header: every row must have as many
	names   []string // header names, cleaned, for messages
	cols    []column // the question columns, in input order
	idCol   int      // -1 when there is no id column
	byCol   int      // -1 unless grouping
	idSlot  int      // the id cell's slot in the reader, or -1
	bySlot  int      // the group cell's slot in the reader, or -1
	keep    []int    // cell index → reader slot, or -1 (see reader.setKeep)
	ignored []string // the columns that are ignored, for the warning
	lookup  []optionIndex
	blank   questions.Choices // nothing answered, copied into each row's choices
}

// column is a question column: cell index in the record, its slot in the
// reader, and question index in the bank.
type column struct {
	cell, slot, q int
}

// rowResult is one scored (or failed) row, as the sinks see it.
type rowResult struct {
	num   int    // 1-based data row number
	line  int    // the line the row starts on
	id    string // the id cell, raw; "" when absent or empty
	group string // the By cell, raw
	// grouped says the By cell was read (it was not when the row is
	// malformed, or the row or the cell too long)
	grouped bool
	err     string // why the row could not be scored; "" when scored
	v       advisor.Verdict
	ch      questions.Choices // valid while the row is handled
}

func newPlan(b *questions.Bank, header []string, opt Options) (*plan, error) {
	p := &plan{bank: b, name: opt.name(), width: len(header), idCol: -1, byCol: -1}
	by := normalName(opt.By)
	seen := map[string]int{}
	for i, h := range header {
		key := normalName(h)
		p.names = append(p.names, columnName(h, i))
		if opt.By != "" && key == by {
			p.byCol = i
		}
		if err := p.place(key, i, seen); err != nil {
			return nil, err
		}
	}
	if err := p.complete(opt); err != nil {
		return nil, err
	}
	p.lookup = buildLookup(b)
	p.blank = b.NewChoices()
	p.slots()
	return p, nil
}

// slots gives each cell that is read (question cells, the id, the group)
// a slot in the reader; the By column may be the id or a question column
// and then shares its slot.
func (p *plan) slots() {
	p.keep = make([]int, p.width)
	for i := range p.keep {
		p.keep[i] = -1
	}
	n := 0
	slot := func(cell int) int {
		if cell < 0 {
			return -1
		}
		if p.keep[cell] < 0 {
			p.keep[cell] = n
			n++
		}
		return p.keep[cell]
	}
	for i := range p.cols {
		p.cols[i].slot = slot(p.cols[i].cell)
	}
	p.idSlot, p.bySlot = slot(p.idCol), slot(p.byCol)
}

// place records what header cell i (normalised to key) is.
func (p *plan) place(key string, i int, seen map[string]int) error {
	q := p.bank.Question(key)
	if key != "id" && q < 0 {
		if i != p.byCol {
			p.ignored = append(p.ignored, p.names[i])
		}
		return nil
	}
	if j, dup := seen[key]; dup {
		return fmt.Errorf("%s: column %q appears twice (columns %d and %d): keep one", p.name, key, j+1, i+1)
	}
	seen[key] = i
	if key == "id" && q < 0 {
		p.idCol = i
		return nil
	}
	p.cols = append(p.cols, column{cell: i, q: q})
	return nil
}

// complete checks that the header names at least one question and the By
// column.
func (p *plan) complete(opt Options) error {
	if len(p.cols) == 0 {
		return fmt.Errorf("%s: no column is a question of %s (found: %s; question ids: %s)%s",
			p.name, p.bank.Name, strings.Join(p.names, ", "), strings.Join(p.bank.QuestionIDs(), ", "), separatorHint(p.names))
	}
	if opt.By != "" && p.byCol < 0 {
		return fmt.Errorf("%s: no column %q to group by (columns: %s)", p.name, questions.Clean(opt.By), strings.Join(p.names, ", "))
	}
	return nil
}

// separatorHint explains a header that is one cell holding semicolons or
// tabs: a spreadsheet saved with another separator than the one asked for
// (Options.Delimiter; left unset, the header's own is used).
func separatorHint(names []string) string {
	if len(names) != 1 {
		return ""
	}
	for _, sep := range []string{";", "\t"} {
		if strings.Contains(names[0], sep) {
			return fmt.Sprintf("; the columns seem to be separated by %q: choose that delimiter, or let it be read from the header", sep)
		}
	}
	return ""
}

// maxIgnoredNamed is how many ignored columns the warning names before it
// gives only the count of the rest.
const maxIgnoredNamed = 5

// warnIgnored writes one warning naming the ignored columns: the first
// maxIgnoredNamed, then how many more.
func (p *plan) warnIgnored(w io.Writer) {
	if w == nil || len(p.ignored) == 0 {
		return
	}
	names := strings.Join(p.ignored[:min(len(p.ignored), maxIgnoredNamed)], ", ")
	if more := len(p.ignored) - maxIgnoredNamed; more > 0 {
		names += " and " + strconv.Itoa(more) + " more"
	}
	fmt.Fprintf(w, "%s: warning: ignoring %d column(s) that are not questions of %s: %s\n",
		p.name, len(p.ignored), p.bank.Name, names)
}

// normalName is a header name or a cell as it is matched: trimmed of
// spaces and byte order marks, in lower case.
func normalName(s string) string {
	return strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }))
}

// columnName is header cell h (column i) as messages show it.
func columnName(h string, i int) string {
	if strings.TrimSpace(h) == "" {
		return "(column " + strconv.Itoa(i+1) + ", no name)"
	}
	return echo(strings.TrimSpace(h))
}

// fill makes row number n of batch bt from the reader's current row:
// its id and group copied into the batch, its answers looked up into
// ch, or why it cannot be scored.
func (p *plan) fill(rd *reader, bt *rowBatch, n int, ch questions.Choices) {
	row := bt.add(n, rd.start)
	if rd.problem != "" {
		row.err = rd.problem
		return
	}
	if rd.ncell != p.width {
		row.err = "the row has " + strconv.Itoa(rd.ncell) + " cells; the header has " + strconv.Itoa(p.width)
	}
	for _, c := range []struct {
		slot int
		dst  *span
	}{{p.idSlot, &row.id}, {p.bySlot, &row.group}} {
		if c.slot < 0 {
			continue
		}
		cell := rd.cell(c.slot)
		switch {
		case rd.long[c.slot]:
			row.err = cmp.Or(row.err, p.tooLong(c.slot))
		case !utf8.Valid(cell):
			row.err = cmp.Or(row.err, "the id or group cell is not valid UTF-8: save the file as CSV UTF-8")
		default:
			*c.dst = bt.keep(cell)
			row.grouped = row.grouped || c.slot == p.bySlot
		}
	}
	if row.err != "" {
		return
	}
	copy(ch, p.blank)
	for _, c := range p.cols {
		if rd.long[c.slot] {
			row.err = p.tooLong(c.slot)
			return
		}
		cell := rd.cell(c.slot)
		o, ok := p.lookup[c.q].find(cell)
		if !ok {
			row.err = p.badCell(c, string(cell))
			return
		}
		ch[c.q] = o
	}
	row.scored = true
}

// tooLong explains that the cell in slot s is longer than maxCell.
func (p *plan) tooLong(s int) string {
	for cell, slot := range p.keep {
		if slot == s {
			return fmt.Sprintf("column %s: the cell is longer than %d bytes", strconv.Quote(p.names[cell]), maxCell)
		}
	}
	return fmt.Sprintf("a cell is longer than %d bytes", maxCell)
}

// badCell explains why a question cell matches no option.
func (p *plan) badCell(c column, cell string) string {
	col := "column " + strconv.Quote(p.bank.Questions[c.q].ID) + ": "
	if !utf8.ValidString(cell) {
		return col + "the cell is not valid UTF-8: save the file as CSV UTF-8"
	}
	return col + `"` + echo(cell) + `" is not an option (valid: ` + p.lookup[c.q].valid + `, or their labels)`
}

// echo makes an input value fit to quote in a message: cleaned, on one
// line, and at most maxEcho runes.
func echo(s string) string {
	s = strings.ReplaceAll(questions.Clean(s), "\n", " ")
	if utf8.RuneCountInString(s) <= maxEcho {
		return s
	}
	return string([]rune(s)[:maxEcho-1]) + "…"
}

// optionIndex finds a question's option from a cell.
type optionIndex struct {
	ids   []string        // option ids by index
	slots [64]int8        // by idHash: option index + 1; 0 for none, -1 for several
	loose map[string]int8 // lower-case ids, then labels
	valid string          // the option ids, for messages
}

// idHash spreads a question's option ids over 64 slots, so that an exact
// id usually costs one string comparison.
func idHash[S string | []byte](s S) int {
	return (len(s)*7 + int(s[0])*3 + int(s[len(s)-1])) & 63
}

func buildLookup(b *questions.Bank) []optionIndex {
	out := make([]optionIndex, len(b.Questions))
	for q, qu := range b.Questions {
		x := &out[q]
		x.ids, x.loose = b.OptionIDs(q), map[string]int8{}
		for i, id := range x.ids {
			x.loose[strings.ToLower(id)] = int8(i)
			h := idHash(id)
			if x.slots[h] == 0 {
				x.slots[h] = int8(i + 1)
			} else {
				x.slots[h] = -1
			}
		}
		for i, o := range qu.Options {
			if k := normalName(o.Label); k != "" {
				if _, taken := x.loose[k]; !taken {
					x.loose[k] = int8(i)
				}
			}
		}
		x.valid = strings.Join(x.ids, ", ")
	}
	return out
}

// find returns the option index for cell: NoAnswer for an empty cell, and
// false when nothing matches.
func (x *optionIndex) find(cell []byte) (int8, bool) {
	if len(cell) == 0 {
		return questions.NoAnswer, true
	}
	switch o := x.slots[idHash(cell)]; {
	case o > 0 && x.ids[o-1] == string(cell):
		return o - 1, true
	case o < 0:
		for i, id := range x.ids {
			if id == string(cell) {
				return int8(i), true
			}
		}
	}
	key := normalName(string(cell))
	if key == "" {
		return questions.NoAnswer, true
	}
	o, ok := x.loose[key]
	return o, ok
}
