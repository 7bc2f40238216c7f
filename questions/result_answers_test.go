package questions_test

import (
	"slices"
	"strings"
	"testing"

	"guidepost/internal/testbank"
	"guidepost/questions"
)

func TestParseResultReadsAnswersAndAudience(t *testing.T) {
	b := testbank.Shipped(t)
	js := `{"recommendation": "mentoring", "audience": "manager", "rule_set": "` + b.Title + `",
	  "answers": [{"question": "need", "option": "networking"}, {"question": "horizon", "option": "unsure"}]}`
	a, ch, err := questions.ParseAnswersFile(b, "r.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	want := testbank.Answers(t, b, "need=networking horizon=unsure")
	if a.Audience != "manager" || !slices.Equal(ch, want) {
		t.Errorf("got %q %v, want manager %v", a.Audience, ch, want)
	}
}

func TestParseResultRefuses(t *testing.T) {
	b := testbank.Shipped(t)
	for _, tc := range []struct{ name, js, want string }{
		{"other rule set", `{"recommendation": "x", "rule_set": "Theirs", "answers": [{"question": "colour", "option": "red"}, {"question": "need", "option": "chat"}]}`,
			`r.json: answers[0]: unknown question "colour" (this result was made with the rule set "Theirs"`},
		{"bad option", `{"recommendation": "x", "rule_set": "Theirs", "answers": [{"question": "need", "option": "chat"}]}`,
			`answers[0]: "chat" is not an option of question "need"`},
		{"twice", `{"recommendation": "x", "answers": [{"question": "need", "option": "networking"}, {"question": "need", "option": "networking"}]}`,
			`question "need" is answered twice`},
		{"not a result", `{"hello": 1}`, `not a saved Guidepost result: it has no "answers" list`},
		{"syntax", "{\n  \"answers\": [,]}", `r.json:2:15: not valid JSON`},
		{"type", `{"recommendation": "x", "answers": {"need": "networking"}}`, `answers must be a list of {question, option}`},
		{"audience", `{"recommendation": "x", "audience": "boss", "answers": []}`, `unknown audience "boss"`},
	} {
		_, _, err := questions.ParseAnswersFile(b, "r.json", []byte(tc.js))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestAnswersFileCarriesPersonAndQuick(t *testing.T) {
	b := testbank.Shipped(t)
	ch := testbank.Answers(t, b, "need=networking")
	data := questions.FormatAnswersOf(b, questions.Answers{Audience: "self", Person: `Sam "Sammy" O\Neil`, Quick: true}, ch)
	if _, _, err := questions.ParseAnswers(b, "a.toml", data); err == nil {
		t.Fatalf("a name with a backslash was written and read back:\n%s", data)
	}
	data = questions.FormatAnswersOf(b, questions.Answers{Audience: "self", Person: `Sam "Sammy" Okafor`, Quick: true}, ch)
	a, got, err := questions.ParseAnswers(b, "a.toml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if a.Person != `Sam "Sammy" Okafor` || !a.Quick || a.Audience != "self" || !slices.Equal(got, ch) {
		t.Errorf("read back %+v %v from\n%s", a, got, data)
	}
	d, err := questions.ReadDraftOf(b, "a.toml", data)
	if err != nil || d.Person != a.Person || !d.Quick {
		t.Errorf("ReadDraftOf: %+v, %v", d, err)
	}
	for in, want := range map[string]string{
		"person = 3\n":       "person must be text",
		"person = \"a/b\"\n": "slash",
		"quick = \"yes\"\n":  "quick must be true or false",
		"colour = \"red\"\n": "audience, person, quick and [answers]",
	} {
		if _, _, err := questions.ParseAnswers(b, "a.toml", []byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", in, err, want)
		}
	}
}
