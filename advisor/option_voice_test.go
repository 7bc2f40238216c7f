package advisor

import (
	"guidepost/questions"
	"strings"
	"testing"
)

// TestOptionTextsSpeakToTheReader: every option label and description of
// the shipped rule set, read by a self-assessor, says "you" rather than
// naming "the person" or "the manager", and read by a manager never names
// the manager in the third person.
func TestOptionTextsSpeakToTheReader(t *testing.T) {
	b := load(t, "../rules.toml")
	wrong := map[string][]string{
		"self":    {"the person", "the manager", "themself", "their own", "they ", "this person"},
		"manager": {"the manager", "your manager"},
	}
	for _, q := range b.Questions {
		for _, o := range q.Options {
			for audience, words := range wrong {
				for _, text := range []string{o.LabelFor(questions.Audience(audience)), o.DescriptionFor(questions.Audience(audience))} {
					low := strings.ToLower(text)
					for _, w := range words {
						if strings.HasPrefix(low, w) || strings.Contains(low, " "+w) {
							t.Errorf("%s.%s for %s: %q says %q", q.ID, o.ID, audience, text, w)
						}
					}
				}
			}
		}
	}
}
