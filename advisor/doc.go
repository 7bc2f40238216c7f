// Package advisor is the engine and the explanation: it turns one person's
// answers into a recommendation (coaching, mentoring or a combined
// programme), the Result, in ids and numbers, and words it once for its
// reader as the one Explanation (reasons, cautions, next steps, changes
// that would alter the call, confidence and sources) that every output
// renders. It also proves a rule set's outcomes reachable (Check).
//
// It is pure and deterministic: it reads nothing, writes only to the
// io.Writer a report function is given, and has no clocks, no randomness
// and no dependence on map order; ties are broken by the order of the rule
// set. Scoring many people from a CSV file lives in package batch, which
// calls Decide once a row; the terminal lives in package ui.
//
// # How scoring works
//
// Every option of a question carries weights toward coaching and mentoring
// (package questions keeps them in half points, so sums are exact). The
// coaching score is the sum of the chosen options' coaching weights, and the
// mentoring score likewise; a question left out, or answered "unsure", adds
// nothing. A rule adds its weight when its conditions on the answers hold:
// rules capture reasoning no single answer carries, such as "a confidence
// need with specific agreed objectives in a set period is coaching work".
//
// The two scores then decide, in this order:
//
//  1. Combined, when both scores reach the rule set's combined_floor, the
//     weaker is at least combined_balance of the stronger, and there is
//     positive evidence of two needs: on each side, at least half the
//     combined floor comes from answers or rules that say both (an
//     either-or-both need, a "both" answer, a rule such as two_needs).
//     Opposite single-direction answers in balance are a clash, never two
//     needs.
//  2. Otherwise the higher score wins. When the difference is below the
//     margin, the recommendation is a close call and says so.
//  3. An exact tie gives the rule set's "undecided" outcome, with low
//     confidence.
//
// # Status: what kind of call it is
//
// Every result has a status, and every output leads with it in words. The
// first that applies is the result's:
//
//   - wellbeing_first: a safety question (the wellbeing question) is
//     answered with anything but "no": the person's main concern is their
//     wellbeing. The headline leads with getting the right professional
//     support; the recommendation is only what can follow. The next steps
//     are the referral and a return to the question later (the outcome's
//     own steps assume a work-focused engagement is being arranged now),
//     and the changes start with the wellbeing answer. Confidence is at
//     most 0.5.
//   - too_few_answers: fewer than three questions about the
//     need are answered, or all of them when the rule set has fewer. One or
//     two answers are opinions nothing else confirms or contradicts; the
//     third is the first that can. The headline says it is not a
//     recommendation yet and shows the leaning. Confidence is at most 0.2.
//   - mixed_signals: answers about the need that each point one way only
//     point strongly both ways: the weaker side's reach half the combined
//     floor and combined_balance of the stronger side's. The headline names
//     the answers that clash and suggests clarifying them. Confidence is at
//     most 0.5. Answers about what the organisation can offer never count
//     toward a clash.
//   - close_call: the two scores are within the margin. Confidence is at
//     most 0.55.
//   - clear: none of the above.
//
// # Confidence
//
// Confidence is a number from 0 to 0.95, never certainty: a hand-set
// weighting of answers cannot know for sure. In plain words it reflects
// three things: how much of what the questions can tell was answered (the
// main need counts for more than the meeting rhythm), how far apart the two
// scores are, and how much the evidence agrees. Answers against the call
// lower it twice, by narrowing the gap and by counting against it, and add
// nothing to how much is known for the call; an answer that agrees with the
// call never lowers it, and "unsure" never raises it. The status caps it as
// above.
//
// As a formula: coverage × (0.4 + 0.6 × separation). Coverage is the share
// of the bank's evidence that was answered without pulling away from the
// call, each question counting by its impact (the largest weight any of its
// options carries). Separation is the gap between the scores over half the
// widest gap the rule set allows, scaled down by the share of evidence that
// points the other way; for combined, how balanced the two needs are, scaled
// by how much of the weaker rests on evidence that says both. Bands: below
// 0.4 low, below 0.7 moderate, else high. With nothing answered it is 0.
//
// # Explanations
//
// Evaluate lists, by id, the reasons (answers and rules that support the
// recommendation, strongest first) and the evidence against it (answers
// that pulled the other way), with the main need's answer first in
// whichever list it falls, so it is always shown. Cautions are raised by
// the rule set's [[caution]] entries, which may depend on the
// recommendation but never change a score. WouldChange lists every single
// answer change that would change the call, found by re-scoring each
// alternative (not by estimating): the recommendation, or the status out
// of wellbeing first. A Result holds no text.
//
// Explain(b, r, audience) words a result once, for its reader, as an
// Explanation: the headline and status, the reasons for and against,
// cautions, next steps, the changes grouped by question, the confidence in
// words and figures (ConfidenceText) and the sources with citation numbers
// in ascending order; ExplainAnswers evaluates and explains in one call.
// It reads every text from the rule set by its id, in the reader's voice:
// a self-assessment reads "you", a manager reads "you" about "this
// person", a consultant reads about "the participant", and no audience
// about "the person". The text, Markdown and JSON reports here
// (WriteText, WriteMarkdown, WriteJSON: CONTRACT §5, the one JSON shape of
// a result), the TUI, the workshop's pages, saved results and compare
// only render it; none words a result on its own, and none sets an
// audience on a Result. Compare does the same for "guidepost learn". Wrap,
// FormatScore, ConfidenceText and Bar are the one wrap, score, confidence
// and bar format they share.
//
// Next steps depend on the reader: they are the recommended outcome's
// steps whose conditions hold for the answers and whose audience includes
// the reader (Steps), in the rule set's order, each with its id, chosen by
// Explain: a mentor already found, the manager's part, the budget, the
// start date and, for combined, which part carries the programme change
// what is advised.
//
// Decide is the allocation-free core, used by package batch for every row;
// Evaluate builds the full Result on top of it. Check proves, by search,
// that every outcome is reachable by some set of answers (on the scores
// alone: it does not model the two-needs evidence that combined also asks
// for).
package advisor
