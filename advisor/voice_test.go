package advisor

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"guidepost/questions"
)

// readers are the four ways a result can be read: no audience, then the
// three audiences.
var readers = []string{"", "manager", "self", "consultant"}

func readerName(a string) string {
	if a == "" {
		return "none"
	}
	return a
}

// TestVoiceGolden writes the text report of one scenario per outcome (and
// one where wellbeing comes first) for every reader: the summary, reasons,
// cautions and next steps speak to that reader.
func TestVoiceGolden(t *testing.T) {
	b := load(t, "../rules.toml")
	picks := map[string]string{"M21": "coaching", "M08": "mentoring", "M16": "combined", "M01": "wellbeing"}
	seen := 0
	for _, sc := range loadAllScenarios(t) {
		name, ok := picks[sc.ID]
		if !ok {
			continue
		}
		seen++
		for _, a := range readers {
			e := ExplainAnswers(b, scenarioChoices(t, b, sc), questions.Audience(a))
			var text bytes.Buffer
			if err := WriteText(&text, e); err != nil {
				t.Fatal(err)
			}
			golden(t, "voice/"+name+"."+readerName(a)+".txt", text.Bytes())
		}
	}
	if seen != len(picks) {
		t.Fatalf("found %d of the %d scenarios", seen, len(picks))
	}
}

// wrongWords are what each reader must never read in a text shown with a
// result: another reader's name for the person helped,
// "the manager" for a reader who is or has the manager, and a placeholder
// left unresolved.
var wrongWords = map[string][]string{
	"":           {"this person", "the participant", "{", "}"},
	"manager":    {"the person", "the participant", "the manager", "{", "}"},
	"self":       {"the person", "this person", "the participant", "the manager", "{", "}"},
	"consultant": {"the person", "this person", "{", "}"},
}

// TestVoiceNoWrongWords reads every scenario as every reader.
func TestVoiceNoWrongWords(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadAllScenarios(t) {
		for _, a := range readers {
			e := ExplainAnswers(b, scenarioChoices(t, b, sc), questions.Audience(a))
			for name, text := range shownTexts(e) {
				for _, w := range wrongWords[a] {
					if strings.Contains(strings.ToLower(text), w) {
						t.Errorf("%s as %s: %s says %q: %s", sc.ID, readerName(a), name, w, text)
					}
				}
			}
		}
	}
}

// TestVoiceEveryText resolves every voiced text of the default rule set
// an explanation shows (but the labels) for every reader: none keeps a
// placeholder, and the self reader never reads about a third person.
func TestVoiceEveryText(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, tx := range voiced(b) {
		for _, a := range readers {
			s := tx.For(questions.Audience(a))
			for _, w := range wrongWords[a] {
				if strings.Contains(strings.ToLower(s), w) {
					t.Errorf("as %s, says %q: %s", readerName(a), w, s)
				}
			}
		}
	}
}

// TestExplainIsExact: explaining a result twice gives equal explanations,
// explaining it for one reader leaves it as it was, and an explanation for
// one reader is the same whichever readers it was explained for before.
func TestExplainIsExact(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadAllScenarios(t) {
		ch := scenarioChoices(t, b, sc)
		r := Evaluate(b, ch)
		for _, a := range readers {
			first := Explain(b, r, questions.Audience(a))
			if !reflect.DeepEqual(first, Explain(b, r, questions.Audience(a))) {
				t.Errorf("%s as %s: two explanations differ", sc.ID, readerName(a))
			}
			if !reflect.DeepEqual(r, Evaluate(b, ch)) {
				t.Errorf("%s as %s: Explain changed the result", sc.ID, readerName(a))
			}
			if first.Audience != questions.Audience(a) {
				t.Errorf("%s: explained for %q, carries %q", sc.ID, a, first.Audience)
			}
		}
	}
}

// TestReportsSpeakToTheirAudience: the text and Markdown reports render
// the explanation for its reader.
func TestReportsSpeakToTheirAudience(t *testing.T) {
	b := load(t, "../rules.toml")
	e := ExplainAnswers(b, choices(t, b, "need=networking", "horizon=long", "goal_shape=broad", "driver=future", "mentor_available=no",
		"wellbeing=no", "awareness=experience_transfer", "style=advice", "answered_by=the_person"), "self")
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(w *bytes.Buffer) error { return WriteText(w, e) },
		"markdown": func(w *bytes.Buffer) error { return WriteMarkdown(w, e) },
	} {
		var out bytes.Buffer
		if err := write(&out); err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(out.String()), " ")
		if !strings.Contains(flat, "Choose a mentor yourself") || strings.Contains(flat, "the person") {
			t.Errorf("%s report does not speak to a self-assessor:\n%s", name, out.String())
		}
	}
}

// TestSayFallsBackToPlainText: a bank built in code, without voiced texts,
// still shows its plain texts.
func TestSayFallsBackToPlainText(t *testing.T) {
	b := fixture(t)
	b.Outcomes[0].NextSteps = []questions.Step{{ID: "plain", Text: "Plain text.", Sources: []string{"src_a"}}}
	steps := ExplainAnswers(b, choices(t, b, "need=behaviour", "horizon=short"), "self").Section(SectionSteps).Points
	if len(steps) != 1 || steps[0].Text != "Plain text." {
		t.Errorf("steps %v", steps)
	}
}
