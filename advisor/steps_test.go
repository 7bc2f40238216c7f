package advisor

import (
	"os"
	"slices"
	"strings"
	"testing"

	"guidepost/questions"
)

// combinedBase answers for two real needs (an either-or-both need, and a
// concrete objective next to broader growth), leaving driver, horizon and
// start to each case.
var combinedBase = []string{"need=skill_development", "wellbeing=no", "awareness=both", "goal_shape=both",
	"agenda=both", "style=both", "network=some", "mentor_available=yes", "manager_involvement=partner"}

var coachingBase = []string{"need=performance_dip", "wellbeing=no", "awareness=self_awareness", "driver=current_role",
	"goal_shape=specific", "horizon=short", "agenda=agreed_objectives", "style=practice", "cadence=scheduled"}

var mentoringBase = []string{"need=knowledge_sharing", "wellbeing=no", "awareness=experience_transfer", "driver=future",
	"goal_shape=broad", "horizon=long", "agenda=person_led", "style=advice", "cadence=on_demand"}

func with(base []string, more ...string) []string { return slices.Concat(base, more) }

// stepTable is the table of next steps in the default rule set: answers
// and reader → the outcome and the step ids advised, in order.
var stepTable = []struct {
	name     string
	audience string
	answers  []string
	outcome  string
	want     string
}{
	{"coaching, manager as partner, external coach, a group", "manager",
		with(coachingBase, "manager_involvement=partner", "budget=external", "group=several"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner choose_coach group_coaching_design"},
	{"coaching, manager hands-off", "manager",
		with(coachingBase, "manager_involvement=hands_off", "budget=external"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions objectives_with_coach choose_coach"},
	{"coaching, self-funded with no manager", "self",
		with(coachingBase, "manager_involvement=no_manager", "budget=external"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions objectives_with_coach vet_coach_directly"},
	{"coaching, the manager would coach", "manager",
		with(coachingBase, "manager_involvement=is_helper"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions choose_coach"},
	{"coaching, in-house coaches only", "consultant",
		with(coachingBase, "manager_involvement=partner", "budget=in_house"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner in_house_coach"},
	{"coaching, no budget", "manager",
		with(coachingBase, "manager_involvement=partner", "budget=none"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner funding_case"},
	{"coaching, start now", "self",
		with(coachingBase, "start=now"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions start_now manager_partner choose_coach"},
	{"coaching, no audience: no group step", "",
		with(coachingBase), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner choose_coach"},
	{"coaching, wellbeing first", "manager",
		[]string{"need=performance_dip", "wellbeing=yes", "goal_shape=specific", "horizon=short", "manager_involvement=partner"}, "coaching",
		"support_routes professional_support_first agree_objectives scheduled_sessions choose_coach"},
	{"mentoring, mentor already found", "manager",
		with(mentoringBase, "mentor_available=yes"), "mentoring",
		"settle_design mentor_role_profile person_leads agree_mentoring_terms review_points ending_handover"},
	{"mentoring, no mentor yet, start now", "manager",
		with(mentoringBase, "mentor_available=no", "start=now"), "mentoring",
		"plan_matching mentor_outside_line start_design_now matching_questions mentor_role_profile person_leads agree_mentoring_terms review_points ending_handover"},
	{"mentoring, only the line manager, no budget", "self",
		with(mentoringBase, "mentor_available=only_line_manager", "budget=none"), "mentoring",
		"plan_matching mentor_outside_line matching_questions person_leads agree_mentoring_terms volunteer_mentor review_points ending_handover"},
	{"mentoring, several people, a mentor found", "consultant",
		with(mentoringBase, "mentor_available=yes", "group=several"), "mentoring",
		"settle_design group_mentoring mentor_role_profile person_leads agree_mentoring_terms review_points ending_handover"},
	{"mentoring, mentor found, start now: no rushed design step", "manager",
		with(mentoringBase, "mentor_available=yes", "start=now"), "mentoring",
		"settle_design mentor_role_profile person_leads agree_mentoring_terms review_points ending_handover"},
	{"combined, a short push then longer support", "manager",
		with(combinedBase, "driver=both", "horizon=both"), "combined",
		"split_needs coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, no budget: fund the coaching part", "manager",
		with(combinedBase, "driver=both", "horizon=both", "budget=none"), "combined",
		"split_needs coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms fund_the_coaching ending_handover"},
	{"combined, a team: design the coaching part, a mentor each", "consultant",
		with(combinedBase, "driver=both", "horizon=both", "group=team"), "combined",
		"split_needs coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms group_combined ending_handover"},
	{"combined, wellbeing first: the referral, and no manager as partner", "self",
		with(combinedBase, "wellbeing=yes", "driver=both", "horizon=both"), "combined",
		"support_routes professional_support_first split_needs coaching_first one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, development for the future leads", "consultant",
		with(combinedBase, "driver=future", "horizon=both", "start=can_plan"), "combined",
		"split_needs mentoring_carries manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, future leads and it must start now", "manager",
		with(combinedBase, "driver=future", "horizon=both", "start=now"), "combined",
		"split_needs mentoring_carries coaching_while_designing manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, the current role leads, a short push first", "manager",
		with(combinedBase, "driver=current_role", "horizon=both"), "combined",
		"split_needs coaching_carries coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"coaching, small organisation: no manager, no budget", "self",
		with(coachingBase, "manager_involvement=no_manager", "budget=none", "mentor_available=no"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions objectives_with_coach vet_coach_directly own_budget small_org_fallback"},
	{"coaching, a team", "consultant",
		with(coachingBase, "manager_involvement=partner", "budget=external", "group=team"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner choose_coach group_coaching_design team_coaching"},
	{"coaching, one person: no group step", "consultant",
		with(coachingBase, "manager_involvement=partner", "budget=external", "group=one"), "coaching",
		"agree_objectives baseline_assessment scheduled_sessions manager_partner choose_coach"},
	{"coaching, assessments declined", "manager",
		with(coachingBase, "manager_involvement=partner", "budget=external", "assessment=no"), "coaching",
		"agree_objectives scheduled_sessions progress_without_tests manager_partner choose_coach"},
	{"mentoring, self-employed, finding own mentor", "self",
		with(mentoringBase, "manager_involvement=no_manager", "mentor_available=no", "budget=none"), "mentoring",
		"plan_matching choose_mentor_no_manager matching_questions person_leads mentoring_terms_own volunteer_mentor review_points ending_handover"},
	{"combined, mentoring first, a short burst later", "manager",
		with(combinedBase, "driver=both", "horizon=long_then_short"), "combined",
		"split_needs mentoring_first manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, a manager answered for them", "manager",
		with(combinedBase, "driver=both", "horizon=both", "answered_by=on_their_behalf"), "combined",
		"check_with_person split_needs coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"combined, wellbeing not sure", "manager",
		with(slices.DeleteFunc(slices.Clone(combinedBase), func(s string) bool { return s == "wellbeing=no" }), "wellbeing=unsure", "driver=both", "horizon=both"), "combined",
		"check_readiness split_needs coaching_first manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
	{"mentoring, a manager answered for them", "manager",
		with(mentoringBase, "mentor_available=yes", "answered_by=on_their_behalf"), "mentoring",
		"check_with_person settle_design mentor_role_profile person_leads agree_mentoring_terms review_points ending_handover"},
	{"combined, nothing says which leads", "manager",
		slices.Concat(slices.DeleteFunc(slices.Clone(combinedBase), func(s string) bool { return strings.HasPrefix(s, "mentor_available") }),
			[]string{"driver=both", "horizon=short", "mentor_available=no"}), "combined",
		"split_needs order_open plan_matching manager_partner one_or_two_people ask_before_switching each_part_own_terms ending_handover"},
}

func TestStepConditions(t *testing.T) {
	b := load(t, "../rules.toml")
	for _, c := range stepTable {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, choices(t, b, c.answers...))
			e := Explain(b, r, questions.Audience(c.audience))
			if r.Recommendation != c.outcome {
				t.Fatalf("recommendation %s (coaching %v, mentoring %v), want %s", r.Recommendation, r.Scores.Coaching, r.Scores.Mentoring, c.outcome)
			}
			if got := stepIDs(e); strings.Join(got, " ") != c.want {
				t.Errorf("steps\n got %s\nwant %s", strings.Join(got, " "), c.want)
			}
			var fromSteps []string
			for _, s := range Steps(b, r, questions.Audience(c.audience)) {
				fromSteps = append(fromSteps, s.ID+": "+s.Text)
			}
			var shown []string
			for _, p := range e.Section(SectionSteps).Points {
				shown = append(shown, p.ID+": "+p.Text)
			}
			if !slices.Equal(fromSteps, shown) {
				t.Errorf("Steps(b, r, %q) = %q, the explanation shows %q", c.audience, fromSteps, shown)
			}
		})
	}
}

// TestEveryStepIsAdvised: every next step of the default rule set is
// advised with its outcome by some case of the table or some scenario, read
// by some reader, so no step is dead text.
func TestEveryStepIsAdvised(t *testing.T) {
	b := load(t, "../rules.toml")
	seen := map[string]bool{}
	note := func(e Explanation) {
		for _, id := range stepIDs(e) {
			seen[e.Recommendation+"/"+id] = true
		}
	}
	for _, c := range stepTable {
		note(ExplainAnswers(b, choices(t, b, c.answers...), questions.Audience(c.audience)))
	}
	for _, sc := range loadAllScenarios(t) {
		for _, a := range readers {
			note(ExplainAnswers(b, scenarioChoices(t, b, sc), questions.Audience(a)))
		}
	}
	for _, o := range b.Outcomes {
		for _, s := range o.NextSteps {
			if !seen[o.ID+"/"+s.ID] {
				t.Errorf("next step %s of %s is never advised: add a case to stepTable, or fix its conditions", s.ID, o.ID)
			}
		}
	}
}

// stepBank is the fixture with conditional next steps for coaching.
func stepBank(t *testing.T) *questions.Bank {
	t.Helper()
	const steps = `
[[outcome.next_steps]]
id = "always"
text = "Agree objectives with {person}."
sources = ["src_a"]

[[outcome.next_steps]]
id = "no_budget"
when.all = [ { question = "budget", in = ["none"] } ]
text.default = "Find funding for {their} coach."
text.self = "Find funding for a coach yourself."
sources = ["src_a"]

[[outcome.next_steps]]
id = "budget_known"
when.none = [ { question = "budget", in = ["unsure"] } ]
text = "Budget is settled."
sources = ["src_a"]

[[outcome.next_steps]]
id = "short_or_both"
when.any = [ { question = "horizon", in = ["short", "both"] } ]
text = "Keep it short."
sources = ["src_a"]

[[outcome.next_steps]]
id = "for_consultants"
when.audience = ["consultant"]
text = "Design for the group."
sources = ["src_a"]
`
	data, err := os.ReadFile("../questions/testdata/valid/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `next_steps = [ { text = "Agree objectives.", sources = ["src_a"] } ]`, steps, 1)
	b, err := questions.Parse("steps fixture", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStepsFollowConditions checks each kind of condition on the fixture:
// always, all, none (unanswered counts as unsure), any, and audience.
func TestStepsFollowConditions(t *testing.T) {
	b := stepBank(t)
	cases := []struct {
		audience string
		answers  []string
		want     string
	}{
		{"manager", []string{"need=behaviour", "horizon=short"}, "always short_or_both"},
		{"manager", []string{"need=behaviour", "horizon=short", "budget=unsure"}, "always short_or_both"},
		{"manager", []string{"need=behaviour", "horizon=short", "budget=none"}, "always no_budget budget_known short_or_both"},
		{"consultant", []string{"need=behaviour", "horizon=short", "budget=external"}, "always budget_known short_or_both for_consultants"},
		{"", []string{"need=behaviour", "horizon=short"}, "always short_or_both"},
		// Too few answers: no programme, only what to ask next.
		{"manager", []string{"need=behaviour"}, StepAskNext},
	}
	for _, c := range cases {
		e := ExplainAnswers(b, choices(t, b, c.answers...), questions.Audience(c.audience))
		if e.Recommendation != "coaching" {
			t.Fatalf("%v: recommendation %s", c.answers, e.Recommendation)
		}
		if got := stepIDs(e); strings.Join(got, " ") != c.want {
			t.Errorf("%s %v: steps %v, want %s", c.audience, c.answers, got, c.want)
		}
	}
	ch := choices(t, b, "need=behaviour", "horizon=short", "budget=none")
	want := []string{"Agree objectives with you.", "Find funding for a coach yourself.", "Budget is settled.", "Keep it short."}
	if got := pointTexts(ExplainAnswers(b, ch, "self").Section(SectionSteps).Points); !slices.Equal(got, want) {
		t.Errorf("self next steps %q, want %q", got, want)
	}
	e := ExplainAnswers(b, ch, "manager")
	want = []string{"Agree objectives with this person.", "Find funding for their coach.", "Budget is settled.", "Keep it short."}
	if got := pointTexts(e.Section(SectionSteps).Points); !slices.Equal(got, want) {
		t.Errorf("manager next steps %q, want %q", got, want)
	}
	if src := sourceIDs(e, e.Section(SectionSteps).Points[1].Cites); src[0] != "src_a" {
		t.Errorf("sources %v", src)
	}
}

// stepIDs lists the ids of the explanation's next steps.
func stepIDs(e Explanation) []string {
	var out []string
	for _, p := range e.Section(SectionSteps).Points {
		out = append(out, p.ID)
	}
	return out
}

// TestStepsOfUnknownOutcome: a result whose recommendation the bank does
// not know has no steps (rather than a panic).
func TestStepsOfUnknownOutcome(t *testing.T) {
	b := fixture(t)
	if s := Steps(b, Result{Recommendation: "therapy"}, "self"); len(s) != 0 {
		t.Errorf("steps %v", s)
	}
}
