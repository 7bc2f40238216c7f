package advisor

import (
	"regexp"
	"strings"
	"testing"

	"guidepost/questions"
)

// developerWords are phrases that speak about how the product was made
// rather than to its reader (notes about our copy of a source, the
// engine's own names), or text that was never finished.
var developerWords = regexp.MustCompile(`(?i)our copy|heading is lost|lost the (first|second|two)|` +
	`\banswers together\b|\bTODO\b|FIXME|\bXXX\b|\{[a-z]+\}|` +
	// an outcome's label as the subject of a clause mid-sentence
	`, (Coaching|Mentoring|Coaching and mentoring) (is|are) `)

// wrongVoice lists, per reader, phrases that address someone else in any
// text: a self-assessor is "you", never "this person" or a telegraphic
// third person ("finds own answers"); a manager is "you", never "the
// manager" or "your manager".
var wrongVoice = map[string][]string{
	"self":    {"this person", "the line manager would", "the manager would", "finds own", "find own", "you wants", "you needs", "you has", "you does", "you is", "you was"},
	"manager": {"the manager would", "the line manager would", "your manager"},
}

// wrongVoiceAddressed adds, for the texts that speak to the reader about
// themself (prompts, option labels and descriptions), the third person a
// self-assessor must never read there; texts about coaching in general
// ("mentors ... from their own careers") may use it.
var wrongVoiceAddressed = map[string][]string{
	"self": {"the person", "the manager", "themself", "their own", "they "},
}

// addressed reports whether the text at where speaks to the reader about
// themself.
func addressed(where string) bool {
	for _, suffix := range []string{".prompt", ".label", ".description"} {
		if strings.HasSuffix(where, suffix) {
			return true
		}
	}
	return false
}

// TestUserTextsWording scans every text a reader of the shipped rule set
// can see, in every audience: the questions, their options and reasons,
// the rules, cautions, outcomes and next steps, the comparison, and the
// whole text report of every scenario.
func TestUserTextsWording(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, aud := range readers {
		for where, text := range userTexts(t, b, aud) {
			if m := developerWords.FindString(text); m != "" {
				t.Errorf("%s (%q): %q reads as a developer's note or an unfinished text:\n%s", where, aud, m, text)
			}
			low := strings.ToLower(text)
			words := wrongVoice[aud]
			if addressed(where) {
				words = append(words[:len(words):len(words)], wrongVoiceAddressed[aud]...)
			}
			for _, w := range words {
				if strings.HasPrefix(low, w) || strings.Contains(low, " "+w) {
					t.Errorf("%s to %s says %q: %q", where, aud, w, text)
				}
			}
		}
	}
}

// userTexts returns every text a reader in audience aud sees, by where it
// comes from.
func userTexts(t *testing.T, b *questions.Bank, reader string) map[string]string {
	aud := questions.Audience(reader)
	texts := map[string]string{}
	add := func(where, s string) { texts[where] = s }
	for _, q := range b.Questions {
		add(q.ID+".prompt", q.Prompt.For(aud))
		add(q.ID+".why", q.Why)
		add(q.ID+".topic", q.Topic)
		for _, o := range q.Options {
			p := q.ID + "." + o.ID
			add(p+".label", o.LabelFor(aud))
			add(p+".description", o.DescriptionFor(aud))
			add(p+".rationale", say(o.RationaleVoice, o.Rationale, aud))
		}
	}
	for _, r := range b.Rules {
		add("rule "+r.ID, say(r.ReasonVoice, r.Reason, aud))
	}
	for _, c := range b.Cautions {
		add("caution "+c.ID, say(c.Voice, c.Text, aud))
	}
	for _, o := range b.Outcomes {
		add("outcome "+o.ID, say(o.SummaryVoice, o.Summary, aud))
		for _, s := range o.NextSteps {
			add("outcome "+o.ID+" step "+s.ID, say(s.Voice, s.Text, aud))
		}
	}
	var learn strings.Builder
	if err := Learn(&learn, b, false); err != nil {
		t.Fatal(err)
	}
	add("learn", learn.String())
	for _, sc := range loadAllScenarios(t) {
		var report strings.Builder
		if err := WriteText(&report, ExplainAnswers(b, scenarioChoices(t, b, sc), aud)); err != nil {
			t.Fatal(err)
		}
		add("the report of "+sc.ID, report.String())
	}
	return texts
}
