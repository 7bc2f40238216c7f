package advisor

import "guidepost/questions"

// Result is a full evaluation of one set of answers in ids and numbers:
// the recommendation, its status, scores and confidence, and the ids of
// the evidence, cautions, changes and answers behind it. It holds no text:
// Explain words it once for its reader, and every output renders that
// Explanation (the JSON form, CONTRACT §5, included).
type Result struct {
	// Recommendation is the outcome id; Status says what kind of call
	// this is, and Recommendation is then the leaning (see Status).
	Recommendation string
	Status         Status
	// Route is the other route that comes first (a [[route]] id of the
	// rule set: training, performance_process, wellbeing_support), or "".
	Route      string
	Scores     Scores
	Confidence float64
	// Band is the confidence in words: "low", "moderate" or "high".
	Band string
	// CloseCall is true when the scores are within the decision margin and
	// the recommendation is not combined.
	CloseCall bool
	// Answered and Questions count the questions answered (other than
	// unsure) out of all the bank's questions.
	Answered  int
	Questions int
	Reasons   []Reason
	// Against is the evidence that pulled away from the recommendation.
	Against []Reason
	// Cautions are the ids of the raised cautions, in the rule set's order.
	Cautions    []string
	WouldChange []Change
	Answers     []Answer
	// RuleSet is the rule set's title.
	RuleSet string
	// Safety is the id of the safety question (wellbeing) that put the
	// person's wellbeing first, or "".
	Safety  string
	Verdict Verdict
}

// Scores are the scores in points: coaching, mentoring and combined.
type Scores struct {
	Coaching  float64
	Mentoring float64
	// Combined is the weaker of the two: how strong the second need is.
	Combined float64
}

// Reason is one piece of evidence for (or against) the recommendation: an
// answer (Question and Option set) or a rule that held (Rule set).
type Reason struct {
	Question string
	Option   string
	Rule     string
	// Toward is the outcome the evidence supports: coaching, mentoring, or
	// combined for evidence on both sides.
	Toward string
	// Weight is the evidence's strength toward Toward, in points.
	Weight float64
	// Score is the evidence's full weight toward coaching and mentoring,
	// in half points; Main marks the answer to the main need.
	Score questions.Pair
	Main  bool
}

// Change is one answer change that would change the call: question
// Question answered To instead of From would give Recommendation with
// Status. Feasibility marks a change to what the organisation can offer
// rather than to the need.
type Change struct {
	Question       string
	From           string
	To             string
	Recommendation string
	Status         Status
	Feasibility    bool
}

// Answer is one question and the option chosen.
type Answer struct {
	Question string
	Option   string
}

// Verdict is the allocation-free core of an evaluation, used for batch
// scoring: the recommended outcome's index in the bank, the scores in half
// points, the confidence and the raised cautions as a bitmask (bit i for
// the bank's caution i).
type Verdict struct {
	Outcome    int
	Score      questions.Pair
	Confidence float64
	CloseCall  bool
	Status     Status
	Cautions   uint64
	// Route is the index of the rule set's route that comes first, or -1.
	Route int
}
