package advisor

// The two views and their merge as text, Markdown and JSON.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// viewNames names A and B for the reports: the file and whose answers.
func viewNames(a, b View) [2]string {
	return [2]string{clean(a.Name) + ", " + audienceWords(a.Audience), clean(b.Name) + ", " + audienceWords(b.Audience)}
}

// firstSteps are the engine's own steps for a call not ready to act on
// (what to ask next, settle the clash), which the Detail points to: a
// comparison shows them for the merged view, and no programme.
func (e Explanation) firstSteps() []Point {
	var out []Point
	for _, pt := range e.Section(SectionSteps).Points {
		if pt.ID == StepAskNext || pt.ID == StepSettleClash {
			out = append(out, pt)
		}
	}
	return out
}

// mergedTitle says what the merged view is made of.
func (v Views) mergedTitle() string {
	person, other := "B", "A"
	if v.Person == "a" {
		person, other = "A", "B"
	}
	return fmt.Sprintf("Merged view: %s's answers to the questions best asked of the person, the rest from %s", person, other)
}

// WriteViewsText writes the comparison as plain text.
// width is the terminal's width in cells (0: ReportWidth).
func WriteViewsText(w io.Writer, a, b View, v Views, width int) error {
	p := newReport(w, width)
	names := viewNames(a, b)
	p.printf("Compared\n  A: %s\n  B: %s\n", Wrap(names[0], p.width, 5), Wrap(names[1], p.width, 5))
	for _, n := range v.Notes {
		p.printf("  Note: %s\n", Wrap(n, p.width, 8))
	}
	p.printf("\nThe two calls\n")
	for i, e := range []Explanation{v.A, v.B} {
		p.printf("  %c: %s\n     %s\n", 'A'+i, Wrap(e.Headline, p.width, 5), Wrap(ConfidenceLabel+": "+e.ConfidenceText+".", p.width, 5))
	}
	p.printf("\nWhere they differ (%s)\n", countWord(len(v.Differences), "question"))
	if len(v.Differences) == 0 {
		p.printf("  Nowhere: both views give the same answer to every question.\n")
	}
	for i, d := range v.Differences {
		mark := ""
		if d.AskedOfPerson {
			mark = " (best asked of the person)"
		}
		lead := fmt.Sprintf("  %d. ", i+1)
		p.printf("%s%s\n", lead, Wrap(clean(d.Topic)+mark, p.width, len(lead)))
		p.printf("     A: %s\n     B: %s\n", Wrap(d.ALabel, p.width, 8), Wrap(d.BLabel, p.width, 8))
		p.printf("     %s\n", Wrap("Why it matters: "+d.Matters+" "+clean(d.Why), p.width, 5))
		p.printf("     The merged view takes %s's answer.\n", strings.ToUpper(d.Merged))
	}
	e := v.Merged
	p.printf("\n%s\n  %s\n", Wrap(v.mergedTitle(), p.width, 0), Wrap(e.Headline, p.width, 2))
	if e.Detail != "" { // what the kind of call means here, e.g. why a full set is still too few
		p.printf("  %s\n", Wrap(e.Detail, p.width, 2))
	}
	for _, pt := range e.firstSteps() {
		p.printf("  %s\n", Wrap("Next: "+pt.Text, p.width, 2))
	}
	p.printf("  %s\n", Wrap(ConfidenceLabel+": "+e.ConfidenceText+". "+e.Basis, p.width, 2))
	ch := e.Section(SectionChanges)
	p.printf("  %s:\n", ch.Title)
	if len(ch.Points) == 0 {
		p.printf("    %s\n", Wrap(ch.Empty, p.width, 4))
	}
	for _, pt := range ch.Points {
		p.printf("    - %s\n", Wrap(pt.Line(), p.width, 6))
	}
	p.printf("\nWhat to talk about first\n")
	for i, g := range v.Guide {
		lead := fmt.Sprintf("  %d. ", i+1)
		p.printf("%s%s\n", lead, Wrap(clean(g), p.width, len(lead)))
	}
	return p.w.Flush()
}

// WriteViewsMarkdown writes the comparison as Markdown.
func WriteViewsMarkdown(w io.Writer, a, b View, v Views) error {
	p := newReport(w, 0)
	names := viewNames(a, b)
	p.printf("# Two views compared\n\n- **A:** %s\n- **B:** %s\n", Markdown(names[0]), Markdown(names[1]))
	for _, n := range v.Notes {
		p.printf("- **Note:** %s\n", Markdown(n))
	}
	p.printf("\n## The two calls\n\n")
	for i, e := range []Explanation{v.A, v.B} {
		p.printf("- **%c:** %s %s: %s.\n", 'A'+i, Markdown(e.Headline), ConfidenceLabel, Markdown(e.ConfidenceText))
	}
	p.printf("\n## Where they differ (%s)\n\n", countWord(len(v.Differences), "question"))
	if len(v.Differences) > 0 {
		p.printf("| Question | A | B | Merged takes |\n|---|---|---|---|\n")
	}
	for _, d := range v.Differences {
		topic := Markdown(d.Topic)
		if d.AskedOfPerson {
			topic += " (best asked of the person)"
		}
		p.printf("| %s | %s | %s | %s |\n", cell(topic), cell(Markdown(d.ALabel)), cell(Markdown(d.BLabel)), strings.ToUpper(d.Merged))
	}
	for _, d := range v.Differences {
		p.printf("\n**%s.** %s %s\n", Markdown(d.Topic), Markdown(d.Matters), Markdown(d.Why))
	}
	e := v.Merged
	p.printf("\n## %s\n\n%s\n\n", Markdown(v.mergedTitle()), Markdown(e.Headline))
	if e.Detail != "" {
		p.printf("%s\n\n", Markdown(e.Detail))
	}
	for _, pt := range e.firstSteps() {
		p.printf("**Next:** %s\n\n", Markdown(pt.Text))
	}
	p.printf("**%s:** %s. %s\n\n", ConfidenceLabel, Markdown(e.ConfidenceText), Markdown(e.Basis))
	ch := e.Section(SectionChanges)
	p.printf("### %s\n\n", Markdown(ch.Title))
	if len(ch.Points) == 0 {
		p.printf("%s\n", Markdown(ch.Empty))
	}
	for _, pt := range ch.Points {
		p.printf("- %s\n", Markdown(pt.Line()))
	}
	p.printf("\n## What to talk about first\n\n")
	for i, g := range v.Guide {
		p.printf("%d. %s\n", i+1, Markdown(g))
	}
	return p.w.Flush()
}

// cell keeps a Markdown table cell on its row.
func cell(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }

// viewsJSON is the JSON shape of compare (CONTRACT §2, compare).
type viewsJSON struct {
	Compared    map[string]string `json:"compared"`
	PersonView  string            `json:"person_view"`
	Notes       []string          `json:"notes"`
	A           json.RawMessage   `json:"a"`
	B           json.RawMessage   `json:"b"`
	Differences []Difference      `json:"differences"`
	Merged      json.RawMessage   `json:"merged"`
	Guide       []string          `json:"guide"`
}

// WriteViewsJSON writes the comparison as one JSON object: each result in
// the shape of score --format json (with its answers), the differences,
// the merged result and the guide.
func WriteViewsJSON(w io.Writer, a, b View, v Views) error {
	raw := func(e Explanation) (json.RawMessage, error) {
		var buf bytes.Buffer
		err := WriteJSON(&buf, e)
		return bytes.TrimSpace(buf.Bytes()), err
	}
	j := viewsJSON{Compared: map[string]string{"a": clean(a.Name), "b": clean(b.Name)}, PersonView: v.Person,
		Notes: append([]string{}, v.Notes...), Differences: append([]Difference{}, v.Differences...), Guide: v.Guide}
	var err error
	if j.A, err = raw(v.A); err == nil {
		if j.B, err = raw(v.B); err == nil {
			j.Merged, err = raw(v.Merged)
		}
	}
	if err != nil {
		return err
	}
	for i := range j.Differences {
		d := &j.Differences[i]
		d.Topic, d.ALabel, d.BLabel, d.Why = clean(d.Topic), clean(d.ALabel), clean(d.BLabel), clean(d.Why)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}
