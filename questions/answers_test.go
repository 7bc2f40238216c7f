package questions

import (
	"slices"
	"strings"
	"testing"
)

func TestParseAnswers(t *testing.T) {
	b := loadFixture(t)
	tests := []struct {
		name, in string
		want     Choices
		err      string
	}{
		{"ids", "audience = \"self\"\n[answers]\nneed = \"networking\"\nhorizon = \"long\"\n", Choices{1, 1, NoAnswer}, ""},
		{"empty", "", Choices{NoAnswer, NoAnswer, NoAnswer}, ""},
		{"unsure", "[answers]\nbudget = \"unsure\"\n", Choices{NoAnswer, NoAnswer, 2}, ""},
		{"unknown question", "[answers]\nneeds = \"x\"\n", nil, `unknown question "needs" (valid: need, horizon, budget)`},
		{"unknown option", "[answers]\nneed = \"netwrking\"\n", nil, `fixture.answers:2: "netwrking" is not an option of question "need" (valid: behaviour, networking, career, unsure)`},
		{"unknown audience", "audience = \"boss\"\n", nil, `unknown audience "boss" (valid: manager, self, consultant)`},
		{"unknown key", "audiance = \"self\"\n", nil, `unknown key "audiance"`},
		{"wrong type", "[answers]\nneed = 3\n", nil, `must be text in quotes`},
		{"syntax", "[answers\n", nil, `fixture.answers:1:`},
		{"escape in id", "[answers]\nneed = \"\\u001b[2J\"\n", nil, `is not an option`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ch, err := ParseAnswers(b, "fixture.answers", []byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("want error containing %q, got %v", tt.err, err)
				}
				if strings.ContainsRune(err.Error(), 0x1b) {
					t.Fatalf("error carries ESC: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ch, tt.want) {
				t.Fatalf("choices = %v, want %v", ch, tt.want)
			}
		})
	}
}

func TestFormatAnswersRoundTrip(t *testing.T) {
	b := loadFixture(t)
	ch := Choices{2, NoAnswer, 0}
	a, got, err := ParseAnswers(b, "draft", FormatAnswers(b, "consultant", ch))
	if err != nil || !slices.Equal(got, ch) || a.Audience != "consultant" {
		t.Fatalf("round trip: %v %v %v", got, a.Audience, err)
	}
}

func TestResolveAnswersKeepsWhatFits(t *testing.T) {
	b := loadFixture(t)
	ch, dropped := ResolveAnswers(b, map[string]string{"need": "career", "horizon": "decades", "old_question": "x"})
	if ch[0] != 2 || ch[1] != NoAnswer || strings.Join(dropped, ",") != "horizon,old_question" {
		t.Fatalf("got %v, dropped %v", ch, dropped)
	}
}

func TestReadDraftIsLenient(t *testing.T) {
	b := loadFixture(t)
	draft := "\ufeffaudience = \"boss\"\n[answers]\nneed = \"career\"\nhorizon = \"decades\"\nretired = \"x\"\n"
	audience, ch, dropped, err := ReadDraft(b, "draft.toml", []byte(draft))
	if err != nil || audience != "" || ch[0] != 2 || strings.Join(dropped, ",") != "horizon,retired" {
		t.Fatalf("got %q %v %v %v", audience, ch, dropped, err)
	}
	if _, _, _, err := ReadDraft(b, "draft.toml", []byte("answers = \"text\"\n")); err == nil || !strings.Contains(err.Error(), "answers must be a table") {
		t.Fatalf("want a table error, got %v", err)
	}
}
