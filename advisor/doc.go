// Package advisor turns answers into a recommendation (coaching, mentoring
// or a combined programme) and explains it. It is pure and deterministic:
// no I/O but the io.Writer it is given, no clocks, no randomness, and no
// dependence on map order; ties are broken by the order of the rule set.
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
// Next steps are the recommended outcome's steps whose conditions hold for
// the answers (Steps), in the rule set's order, each with its id: a mentor
// already found, the manager's part, the budget, the start date and, for
// combined, which part carries the programme change what is advised.
//
// Every rule-set text a result shows speaks to its reader (Speak, Say,
// EvaluateFor): a self-assessment reads "you", a manager reads "you" about
// "this person", a consultant reads about "the participant", and a result
// with no audience about "the person". Evaluate speaks to no audience; the
// text and Markdown reports speak to the result's Audience.
//
// Decide is the allocation-free core used for batch scoring; Evaluate builds
// the full Result on top of it. Check proves, by search, that every outcome
// is reachable by some set of answers.
package advisor
