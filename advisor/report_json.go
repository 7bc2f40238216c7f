package advisor

import (
	"encoding/json"
	"io"

	"guidepost/questions"
)

// MarshalJSON writes the scores as an object in a fixed order.
func (s Scores) MarshalJSON() ([]byte, error) {
	return []byte(`{"coaching":` + FormatScore(s.Coaching) + `,"mentoring":` + FormatScore(s.Mentoring) +
		`,"combined":` + FormatScore(s.Combined) + `}`), nil
}

// jsonReport is the JSON form of an explanation (CONTRACT §5): the
// contract's fields and more. It is the one JSON shape of a result.
type jsonReport struct {
	Recommendation string             `json:"recommendation"`
	Status         Status             `json:"status"`
	Route          string             `json:"route"`
	RouteLabel     string             `json:"route_label,omitempty"`
	StatusText     string             `json:"status_text"`
	Headline       string             `json:"headline"`
	Detail         string             `json:"detail,omitempty"`
	Label          string             `json:"label"`
	Summary        string             `json:"summary"`
	Scores         Scores             `json:"scores"`
	Confidence     float64            `json:"confidence"`
	ConfidenceText string             `json:"confidence_text"`
	Band           string             `json:"confidence_band"`
	CloseCall      bool               `json:"close_call"`
	Answered       int                `json:"answered"`
	Questions      int                `json:"questions"`
	Reasons        []jsonReason       `json:"reasons"`
	Against        []jsonReason       `json:"against"`
	Cautions       []jsonNote         `json:"cautions"`
	NextSteps      []string           `json:"next_steps"`
	Steps          []jsonNote         `json:"next_steps_sourced"`
	WouldChange    []jsonChange       `json:"would_change"`
	Audience       questions.Audience `json:"audience,omitempty"`
	Person         string             `json:"person,omitempty"`
	Answers        []jsonAnswer       `json:"answers"`
	RuleSet        string             `json:"rule_set"`
}

type jsonReason struct {
	Question   string   `json:"question,omitempty"`
	Option     string   `json:"option,omitempty"`
	Rule       string   `json:"rule,omitempty"`
	Topic      string   `json:"topic,omitempty"`
	Label      string   `json:"label,omitempty"`
	Text       string   `json:"text"`
	Sources    []string `json:"sources"`
	Toward     string   `json:"toward"`
	Weight     float64  `json:"weight"`
	WeightText string   `json:"weight_text"`
}

type jsonNote struct {
	ID      string   `json:"id,omitempty"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type jsonChange struct {
	Question       string `json:"question"`
	From           string `json:"from"`
	To             string `json:"to"`
	Recommendation string `json:"recommendation"`
	Status         Status `json:"status"`
	Topic          string `json:"topic"`
	FromLabel      string `json:"from_label"`
	ToLabel        string `json:"to_label"`
	Feasibility    bool   `json:"feasibility,omitempty"`
	// Text is the change's question group in words, as the other outputs
	// say it.
	Text string `json:"text"`
}

type jsonAnswer struct {
	Question string `json:"question"`
	Option   string `json:"option"`
}

// WriteJSON writes e as one JSON object (CONTRACT §5), indented.
func WriteJSON(w io.Writer, e Explanation) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonOf(e))
}

func jsonOf(e Explanation) jsonReport {
	return jsonReport{
		Recommendation: e.Recommendation, Status: e.Status, Route: e.Route, RouteLabel: e.RouteLabel, StatusText: e.StatusText,
		Headline: e.Headline, Detail: e.Detail, Label: e.Label, Summary: e.Summary,
		Scores: e.Totals, Confidence: e.Confidence, ConfidenceText: e.ConfidenceText,
		Band: Band(e.Confidence), CloseCall: e.CloseCall, Answered: e.Answered, Questions: e.Questions,
		Reasons:  jsonReasons(e.Section(SectionFor).Points),
		Against:  jsonReasons(e.Section(SectionAgainst).Points),
		Cautions: jsonNotes(e, e.Section(SectionCautions).Points), NextSteps: pointTexts(e.Section(SectionSteps).Points),
		Steps: jsonNotes(e, e.Section(SectionSteps).Points), WouldChange: jsonChanges(e),
		Audience: e.Audience, Person: e.Person, Answers: jsonAnswers(e.Section(SectionAnswers).Points), RuleSet: e.RuleSet,
	}
}

func jsonReasons(ps []Point) []jsonReason {
	out := make([]jsonReason, len(ps))
	for i, p := range ps {
		out[i] = jsonReason{Question: p.Question, Option: p.Option, Rule: p.Rule, Topic: p.Topic, Label: p.Label,
			Text: p.Text, Sources: ids(p.Sources), Toward: p.Toward, Weight: p.Points, WeightText: p.Weight}
	}
	return out
}

// jsonNotes are points with their ids and their sources' ids, in the
// order of their citation numbers.
func jsonNotes(e Explanation, ps []Point) []jsonNote {
	out := []jsonNote{}
	for _, p := range ps {
		out = append(out, jsonNote{ID: p.ID, Text: p.Text, Sources: sourceIDs(e, p.Cites)})
	}
	return out
}

func pointTexts(ps []Point) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// jsonChanges lists every single change, each with its question group's
// line.
func jsonChanges(e Explanation) []jsonChange {
	groups := map[string]string{}
	for _, p := range e.Section(SectionChanges).Points {
		groups[p.Question] = p.Line()
	}
	out := []jsonChange{}
	for _, c := range e.Changes {
		out = append(out, jsonChange{Question: c.Question, From: c.From, To: c.To, Recommendation: c.Recommendation,
			Status: c.Status, Topic: c.Topic, FromLabel: c.FromLabel, ToLabel: c.ToLabel, Feasibility: c.Feasibility,
			Text: groups[c.Question]})
	}
	return out
}

func jsonAnswers(ps []Point) []jsonAnswer {
	out := []jsonAnswer{}
	for _, p := range ps {
		out = append(out, jsonAnswer{p.Question, p.Option})
	}
	return out
}

// sourceIDs maps citation numbers back to source ids.
func sourceIDs(e Explanation, nums []int) []string {
	out := []string{}
	for _, n := range nums {
		if n >= 1 && n <= len(e.Sources) {
			out = append(out, e.Sources[n-1].ID)
		}
	}
	return out
}
