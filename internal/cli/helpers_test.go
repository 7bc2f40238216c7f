package cli

import (
	"testing"

	"guidepost/advisor"
	"guidepost/internal/testbank"
	"guidepost/questions"
)

// testBank is the shipped rule set, the one main embeds.
func testBank(t *testing.T) *questions.Bank { return testbank.Shipped(t) }

// Markers of the outputs these tests read.
const (
	markReport    = "Confidence in this call: " // in the plain-text report
	markAccPrompt = "Choose 1-"                 // an accessible prompt
)

// expectedHeadline returns the headline the report leads with for ch.
func expectedHeadline(b *questions.Bank, audience questions.Audience, ch questions.Choices) string {
	return advisor.ExplainAnswers(b, ch, audience).Headline
}
