package advisor

import (
	"io"

	"guidepost/questions"
)

// STUBS: replaced by the real engine shortly. Signatures are fixed.

// Evaluate scores answers against b and explains the recommendation.
func Evaluate(b *questions.Bank, ch questions.Choices) Result { return Result{} }

// Decide is the allocation-free core of Evaluate.
func Decide(b *questions.Bank, ch questions.Choices) Verdict { return Verdict{} }

// WriteText writes r as a plain-text report.
func WriteText(w io.Writer, b *questions.Bank, r Result) error { return nil }

// WriteMarkdown writes r as a Markdown report.
func WriteMarkdown(w io.Writer, b *questions.Bank, r Result) error { return nil }

// WriteJSON writes r as CONTRACT §5 JSON.
func WriteJSON(w io.Writer, r Result) error { return nil }

// Learn writes the comparison of coaching and mentoring.
func Learn(w io.Writer, b *questions.Bank, markdown bool) error { return nil }

// Check runs the decision-level checks on b (reachability of every outcome,
// feasibility swing, ties): errors make the bank unusable, warnings are
// shown by "guidepost check".
func Check(b *questions.Bank) (warnings []string, err error) { return nil, nil }
