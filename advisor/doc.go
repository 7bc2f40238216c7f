// Package advisor is the engine and the explanation: it turns one person's
// answers into a recommendation (coaching, mentoring or a combined
// programme) and builds the one explanation of it (the Result: reasons,
// cautions, next steps, changes that would alter the call, confidence and
// sources) that every output renders. It also proves a rule set's outcomes
// reachable (Check).
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
//  1. Combined, when both scores reach the rule set's combined_floor and the
//     weaker is at least combined_balance of the stronger. Combined means two
//     real needs, one for each kind of support, never a near-tie of weak
//     signals: two scores of 1 are not a combined need.
//  2. Otherwise the higher score wins. When the difference is below the
//     margin, the recommendation is a close call and says so.
//  3. An exact tie with too little evidence for combined gives the rule
//     set's "undecided" outcome, with low confidence.
//
// # Confidence
//
// Confidence is a number from 0 to 1: coverage × (0.4 + 0.6 × separation).
// Coverage is the share of the available evidence that was answered: each
// question counts by its impact, the largest weight any of its options
// carries, so leaving the main need unanswered costs more than leaving the
// meeting rhythm. Separation is how clearly the answers point one way: the
// gap between the scores over half the widest gap the rule set allows (for
// combined, how balanced the two needs are), scaled down by the share of
// evidence that points the other way. Answers that pull in opposite
// directions therefore lower confidence twice: they narrow the gap and they
// count against it. A close call is never above 0.55; with nothing answered
// confidence is 0. Bands: below 0.4 low, below 0.7 moderate, else high.
//
// # Explanations
//
// Reasons are the answers and rules that support the recommendation,
// strongest first, each with the rule set's rationale and sources. Cautions
// are raised by the rule set's [[caution]] entries, which may depend on the
// recommendation but never change a score. WouldChange lists every single
// answer change that would change the recommendation, found by re-scoring
// each alternative (not by estimating), largest shift first; changes to
// what the organisation can offer (feasibility questions) are marked, since
// they alter delivery rather than the person's need.
//
// Decide is the allocation-free core, used by package batch for every row;
// Evaluate builds the full Result on top of it. Check proves, by search,
// that every outcome is reachable by some set of answers.
package advisor
