package advisor

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

const (
	managerView = "need=performance_dip wellbeing=no goal_shape=specific awareness=self_awareness driver=current_role horizon=short agenda=agreed_objectives style=practice expertise=not_needed"
	personView  = "need=performance_dip wellbeing=no goal_shape=broad awareness=experience_transfer driver=current_role horizon=long agenda=person_led expertise=not_needed"
)

func views(t *testing.T) (*questions.Bank, View, View) {
	b := testbank.Shipped(t)
	return b, View{Name: "manager.toml", Audience: "manager", Choices: testbank.Answers(t, b, managerView)},
		View{Name: "sam.toml", Audience: "self", Choices: testbank.Answers(t, b, personView)}
}

// TestCompareNamesEveryDifference: every question answered differently,
// and no other, is a difference, with both answers in words.
func TestCompareNamesEveryDifference(t *testing.T) {
	b, m, p := views(t)
	v := CompareViews(b, m, p)
	var got, want []string
	for _, d := range v.Differences {
		got = append(got, d.Question)
		if d.ALabel == "" || d.BLabel == "" || d.Why == "" || d.Matters == "" {
			t.Errorf("%s is not described: %+v", d.Question, d)
		}
	}
	for q := range b.Questions {
		if m.Choices[q] != p.Choices[q] {
			want = append(want, b.Questions[q].ID)
		}
	}
	if !slices.Equal(got, want) || len(want) != 5 {
		t.Errorf("differences %v; want %v", got, want)
	}
	if d := v.Differences[slices.Index(got, "style")]; d.B != "" || d.BLabel != "not answered" {
		t.Errorf("a question only one view answered: %+v", d)
	}
}

// TestMergedTakesThePersonsOwn: the merged view takes the questions the
// rule set marks as best asked of the person from the person's answers
// (the self view, whichever side it is on) and every other from the
// manager's; one the person left open keeps the manager's answer.
func TestMergedTakesThePersonsOwn(t *testing.T) {
	b, m, p := views(t)
	for _, swap := range []bool{false, true} {
		a, bv, person := m, p, "b"
		if swap {
			a, bv, person = p, m, "a"
		}
		v := CompareViews(b, a, bv)
		if v.Person != person || len(v.Notes) != 0 {
			t.Fatalf("swap %v: person view %q, notes %v", swap, v.Person, v.Notes)
		}
		merged := b.NewChoices()
		for _, x := range v.Merged.Section(SectionAnswers).Points {
			q := b.Question(x.Question)
			merged[q] = int8(b.Option(q, x.Option))
		}
		owned := b.PersonOwned()
		for q := range b.Questions {
			want := m.Choices[q]
			if slices.Contains(owned, q) && p.Choices[q] != questions.NoAnswer {
				want = p.Choices[q]
			}
			if merged[q] != want {
				t.Errorf("swap %v: merged %s = %d, want %d (owned by the person: %v)", swap, b.Questions[q].ID, merged[q], want, slices.Contains(owned, q))
			}
		}
		for _, d := range v.Differences {
			if d.Question == "style" && d.Merged == person {
				t.Errorf("the merged view took the person's open style")
			}
			if d.Question == "awareness" && d.Merged != person {
				t.Errorf("the merged view did not take the person's awareness")
			}
		}
		if v.Merged.Audience != "manager" || len(v.Guide) < 2 {
			t.Errorf("merged audience %q, guide %v", v.Merged.Audience, v.Guide)
		}
	}
}

// TestCompareSaysWhatItCompared: two views of one audience are compared,
// with a note saying which is taken as the person's own.
func TestCompareSaysWhatItCompared(t *testing.T) {
	b, m, _ := views(t)
	other := m
	other.Choices = testbank.Answers(t, b, personView)
	v := CompareViews(b, m, other)
	if v.Person != "b" || len(v.Notes) == 0 || !strings.Contains(v.Notes[0], "B is taken as the person's own view") {
		t.Errorf("two managers' views: person %q, notes %v", v.Person, v.Notes)
	}
	same := CompareViews(b, m, m)
	if len(same.Differences) != 0 || !strings.Contains(same.Guide[0], "answer every question alike") {
		t.Errorf("one view twice: %+v", same.Differences)
	}
}

func TestCompareGuideOrder(t *testing.T) {
	b, m, p := views(t)
	p.Choices[b.Question("wellbeing")] = int8(b.Option(b.Question("wellbeing"), "yes"))
	v := CompareViews(b, m, p)
	if !strings.HasPrefix(v.Guide[1], b.Questions[b.Question("wellbeing")].Topic) || !strings.Contains(v.Guide[1], "first") {
		t.Errorf("a wellbeing difference is not talked about first: %q", v.Guide[:2])
	}
	if last := v.Guide[len(v.Guide)-1]; !strings.Contains(last, "Guidepost's suggestion") {
		t.Errorf("the guide does not say it is ours: %q", last)
	}
}

// TestCompareJSONShape: {"a", "b", "differences": [{question, a, b, ...}],
// "merged"}, each result in score's JSON shape with its answers.
func TestCompareJSONShape(t *testing.T) {
	b, m, p := views(t)
	var buf bytes.Buffer
	if err := WriteViewsJSON(&buf, m, p, CompareViews(b, m, p)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		A, B, Merged struct {
			Recommendation string           `json:"recommendation"`
			Status         string           `json:"status"`
			Answers        []map[string]any `json:"answers"`
		}
		Differences []map[string]any  `json:"differences"`
		Compared    map[string]string `json:"compared"`
		Guide       []string          `json:"guide"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.A.Recommendation == "" || got.B.Status == "" || len(got.Merged.Answers) == 0 || got.Compared["b"] != "sam.toml" || len(got.Guide) == 0 {
		t.Errorf("compare JSON: %s", buf.String()[:400])
	}
	for _, d := range got.Differences {
		for _, k := range []string{"question", "a", "b", "a_label", "b_label", "asked_of_person", "merged", "why", "matters"} {
			if _, ok := d[k]; !ok {
				t.Errorf("a difference lacks %q: %v", k, d)
			}
		}
	}
	for n, w := range []func(*bytes.Buffer) error{
		func(o *bytes.Buffer) error { return WriteViewsText(o, m, p, CompareViews(b, m, p), 0) },
		func(o *bytes.Buffer) error { return WriteViewsMarkdown(o, m, p, CompareViews(b, m, p)) },
	} {
		var o bytes.Buffer
		if err := w(&o); err != nil || !strings.Contains(o.String(), "Awareness or experience") || !strings.Contains(o.String(), "Merged view") {
			t.Errorf("report: %v\n%s", err, o.String())
		}
		for i, line := range strings.Split(o.String(), "\n") {
			if n == 0 && utf8.RuneCountInString(line) > ReportWidth { // the text report wraps; Markdown leaves it to the reader
				t.Errorf("line %d is %d wide: %q", i+1, utf8.RuneCountInString(line), line)
			}
		}
	}
}
