package advisor

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./advisor -update rewrites it):\n%s", name, got)
	}
}

func TestReportsGolden(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, sc := range loadScenarios(t) {
		if sc.ID != "S10" && sc.ID != "S07" && sc.ID != "S23" {
			continue
		}
		e := ExplainAnswers(b, scenarioChoices(t, b, sc), questions.NoAudience)
		var text, md, js bytes.Buffer
		if err := WriteText(&text, e); err != nil {
			t.Fatal(err)
		}
		WriteMarkdown(&md, e)
		WriteJSON(&js, e)
		golden(t, sc.ID+".txt", text.Bytes())
		golden(t, sc.ID+".md", md.Bytes())
		golden(t, sc.ID+".json", js.Bytes())
	}
	var learn, learnMD bytes.Buffer
	Learn(&learn, b, false)
	Learn(&learnMD, b, true)
	golden(t, "learn.txt", learn.Bytes())
	golden(t, "learn.md", learnMD.Bytes())
}

// TestStatusReportsGolden writes a text report for each status but clear
// (which the scenarios cover), wellbeing first in every audience's voice.
func TestStatusReportsGolden(t *testing.T) {
	b := load(t, "../rules.toml")
	b.Name = "rules.toml (embedded)"
	cases := []struct {
		name, audience string
		answers        []string
	}{
		{"too-few", "manager", []string{"need=performance_dip", "horizon=short"}},
		{"nothing", "self", nil},
		{"mixed", "manager", []string{"need=performance_dip", "awareness=experience_transfer", "horizon=long", "goal_shape=broad", "style=advice", "network=no", "assessment=yes", "manager_involvement=partner"}},
		{"close", "consultant", []string{"need=skill_development", "horizon=short", "goal_shape=broad", "style=questions"}},
		{"wellbeing-manager", "manager", []string{"need=career_development", "goal_shape=specific", "horizon=both", "mentor_available=only_line_manager", "wellbeing=yes"}},
		{"wellbeing-self", "self", []string{"need=career_development", "goal_shape=specific", "horizon=both", "wellbeing=yes"}},
		{"wellbeing-consultant", "consultant", []string{"need=career_development", "goal_shape=specific", "horizon=both", "wellbeing=yes"}},
	}
	for _, tc := range cases {
		e := ExplainAnswers(b, choices(t, b, tc.answers...), questions.Audience(tc.audience))
		var text bytes.Buffer
		if err := WriteText(&text, e); err != nil {
			t.Fatal(err)
		}
		golden(t, "status-"+tc.name+".txt", text.Bytes())
	}
}

// TestJSONContract checks CONTRACT §5's fields and types for answers built
// from contract ids, in every audience.
func TestJSONContract(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, audience := range questions.Audiences {
		for _, sc := range loadScenarios(t) {
			e := ExplainAnswers(b, scenarioChoices(t, b, sc), audience)
			var buf bytes.Buffer
			if err := WriteJSON(&buf, e); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Recommendation string `json:"recommendation"`
				Status         string `json:"status"`
				Against        *[]struct {
					Question, Option, Text string
					Sources                []string
				} `json:"against"`
				Scores     map[string]float64 `json:"scores"`
				Confidence *float64           `json:"confidence"`
				Reasons    []struct {
					Question, Option, Text string
					Sources                []string
				} `json:"reasons"`
				Cautions []struct {
					ID, Text string
					Sources  []string
				} `json:"cautions"`
				NextSteps   []string `json:"next_steps"`
				WouldChange []struct {
					Question, From, To, Recommendation string
				} `json:"would_change"`
			}
			dec := json.NewDecoder(&buf)
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("%s: %v", sc.ID, err)
			}
			if got.Recommendation != sc.Expect || got.Confidence == nil || *got.Confidence < 0 || *got.Confidence > 1 {
				t.Fatalf("%s: %+v", sc.ID, got)
			}
			if !slices.Contains([]Status{StatusClear, StatusClose, StatusMixed, StatusTooFew, StatusWellbeing}, Status(got.Status)) || got.Against == nil {
				t.Fatalf("%s: status %q, against %v", sc.ID, got.Status, got.Against)
			}
			if _, ok := got.Scores["coaching"]; !ok {
				t.Fatalf("%s: scores lack coaching", sc.ID)
			}
			if _, ok := got.Scores["mentoring"]; !ok || len(got.NextSteps) == 0 || len(got.Reasons) == 0 {
				t.Fatalf("%s: incomplete: %+v", sc.ID, got)
			}
			for _, w := range got.WouldChange {
				if w.Question == "" || w.From == "" || w.To == "" || w.Recommendation == "" {
					t.Fatalf("%s: would_change entry %+v", sc.ID, w)
				}
			}
		}
	}
}

func TestReportsAreClean(t *testing.T) {
	b := fixture(t)
	b.Outcomes[0].Summary = "evil \x1b]0;title\x07 summary" // as if it slipped past the loader
	e := ExplainAnswers(b, choices(t, b, "need=behaviour"), "")
	var text, md bytes.Buffer
	WriteText(&text, e)
	WriteMarkdown(&md, e)
	for _, out := range []string{text.String(), md.String()} {
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Fatalf("report carries control characters: %q", out)
		}
	}
}

func TestNothingAnsweredSaysSo(t *testing.T) {
	b := fixture(t)
	var text bytes.Buffer
	WriteText(&text, ExplainAnswers(b, b.NewChoices(), ""))
	if !strings.Contains(text.String(), "not a recommendation yet") {
		t.Fatalf("report:\n%s", text.String())
	}
}
