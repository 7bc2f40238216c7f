package advisor

import "guidepost/questions"

// Result is a full evaluation of one set of answers: the recommendation and
// everything a report explains about it. Its JSON form is CONTRACT §5.
type Result struct {
	Recommendation string `json:"recommendation"`
	// Status says what kind of call this is; Recommendation is then the
	// leaning (see Status).
	Status Status `json:"status"`
	// Route is the other route that comes first (a [[route]] id of the
	// rule set: training, performance_process, wellbeing_support), or "".
	Route      string  `json:"route"`
	Label      string  `json:"label"`
	Summary    string  `json:"summary"`
	Scores     Scores  `json:"scores"`
	Confidence float64 `json:"confidence"`
	// Band is the confidence in words: "low", "moderate" or "high".
	Band string `json:"confidence_band"`
	// CloseCall is true when the scores are within the decision margin and
	// the recommendation is not combined.
	CloseCall bool `json:"close_call"`
	// Answered and Asked count the questions answered (other than unsure)
	// out of all the bank's questions.
	Answered  int      `json:"answered"`
	Questions int      `json:"questions"`
	Reasons   []Reason `json:"reasons"`
	// Against is the evidence that pulled away from the recommendation.
	Against     []Reason           `json:"against"`
	Cautions    []Note             `json:"cautions"`
	NextSteps   []string           `json:"next_steps"`
	Steps       []Note             `json:"next_steps_sourced"`
	WouldChange []Change           `json:"would_change"`
	Audience    questions.Audience `json:"audience,omitempty"`
	Answers     []Answer           `json:"answers"`
	RuleSet     string             `json:"rule_set"`
	// Safety is the id of the safety question (wellbeing) that put the
	// person's wellbeing first, or "".
	Safety  string  `json:"-"`
	Verdict Verdict `json:"-"`
}

// Scores maps outcome ids to scores; it marshals in a fixed order
// (coaching, mentoring, combined).
type Scores struct {
	Coaching  float64
	Mentoring float64
	// Combined is the weaker of the two: how strong the second need is.
	Combined float64
}

// Reason is one piece of evidence for the recommendation: an answer
// (Question and Option set) or a rule that fired (Rule set).
type Reason struct {
	Question string   `json:"question,omitempty"`
	Option   string   `json:"option,omitempty"`
	Rule     string   `json:"rule,omitempty"`
	Topic    string   `json:"topic,omitempty"`
	Label    string   `json:"label,omitempty"`
	Text     string   `json:"text"`
	Sources  []string `json:"sources"`
	// Toward is the outcome the evidence supports: coaching, mentoring, or
	// combined for evidence on both sides.
	Toward string `json:"toward"`
	// Weight is the evidence's strength toward Toward, in points.
	Weight float64 `json:"weight"`
	// Score is the evidence's full weight toward coaching and mentoring,
	// in half points; Main marks the answer to the main need.
	Score questions.Pair `json:"-"`
	Main  bool           `json:"-"`
}

// Note is a sourced text: a caution or a next step.
type Note struct {
	ID      string   `json:"id,omitempty"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Change is one answer change that would change the recommendation.
type Change struct {
	Question       string `json:"question"`
	From           string `json:"from"`
	To             string `json:"to"`
	Recommendation string `json:"recommendation"`
	// Status is the kind of call the change would lead to.
	Status Status `json:"status"`
	// Topic, FromLabel and ToLabel are for people; Feasibility marks a
	// change to what the organisation can offer rather than to the need.
	Topic       string `json:"topic"`
	FromLabel   string `json:"from_label"`
	ToLabel     string `json:"to_label"`
	Feasibility bool   `json:"feasibility,omitempty"`
}

// Answer is one question and the option chosen, for reports.
type Answer struct {
	Question string `json:"question"`
	Option   string `json:"option"`
	Topic    string `json:"-"`
	Label    string `json:"-"`
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
