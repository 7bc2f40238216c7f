package ui

import (
	"reflect"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

func TestAccessible(t *testing.T) {
	b := fixtureBank(t)
	cases := []struct {
		name, cfgAudience, input string
		want                     []int8 // nil: the run quits
		audience                 questions.Audience
	}{
		{"all answered", "", "2\n3\n1\n2\n1\n", []int8{2, 0, 1, 0}, "self"},
		{"retries and back", "manager", "\n99\nx\n4\nb\n4\n2\n3\n1\n", []int8{3, 1, 2, 0}, "manager"},
		{"back on the first question stays", "manager", "b\n1\n1\n1\n1\n", []int8{0, 0, 0, 0}, "manager"},
		{"end of input midway", "consultant", "1\n2\n", nil, "consultant"},
		{"end of input at the audience", "", "", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			drafts := 0
			cfg := Config{Bank: b, Audience: questions.Audience(tc.cfgAudience), SaveDraft: func(questions.Audience, questions.Choices) error {
				drafts++
				return nil
			}}
			o, err := runAccessible(cfg, strings.NewReader(tc.input), &out, nil)
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsRune(out.String(), 0x1b) {
				t.Error("the output holds an escape sequence")
			}
			if o.Audience != tc.audience {
				t.Errorf("Audience = %q, want %q", o.Audience, tc.audience)
			}
			if tc.want == nil {
				if !o.Quit || o.Result != nil {
					t.Errorf("Quit = %v, Result set = %v; want a quit", o.Quit, o.Result != nil)
				}
				return
			}
			if o.Quit || !reflect.DeepEqual([]int8(o.Choices), tc.want) {
				t.Fatalf("Quit %v, choices %v; want %v", o.Quit, o.Choices, tc.want)
			}
			if want := advisor.ExplainAnswers(b, o.Choices, o.Audience); !reflect.DeepEqual(*o.Result, want) {
				t.Error("the result differs from advisor.ExplainAnswers on the same answers")
			}
			if drafts < len(tc.want) {
				t.Errorf("%d drafts saved for %d answers", drafts, len(tc.want))
			}
		})
	}
}

func TestAccessibleWording(t *testing.T) {
	var out strings.Builder
	_, _ = runAccessible(Config{Bank: fixtureBank(t), Audience: "self"}, strings.NewReader("x\n1\n"), &out, nil)
	for _, want := range []string{
		"Question 1 of 4: What do you need most right now?",
		"   1) Knowledge from someone who has done it — Learning what an experienced person knows about the work.",
		"Choose 1-10 (type a number and press enter; w says why we ask; b goes back a question; ? lists every key): ",
		"Please type a number from 1 to 10 (? lists the other keys).",
		"Question 2 of 4: How long do you want the support to last?",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in:\n%s", want, out.String())
		}
	}
}
