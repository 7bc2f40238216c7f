package questions

import (
	"errors"
	"fmt"
)

// contract lists the question and option ids that users' answer files,
// spreadsheets and scripts depend on (CONTRACT §1). A rule set may add
// questions and options but must keep all of these.
var contract = []struct {
	Question string
	Options  []string
}{
	{"need", []string{"knowledge_sharing", "networking", "working_relationships", "leadership_influence", "performance_dip", "career_development", "skill_development", "onboarding", "confidence", "shared_procedure"}},
	{"awareness", []string{"self_awareness", "experience_transfer", "both"}},
	{"driver", []string{"current_role", "future", "both", "formal_process"}},
	{"horizon", []string{"short", "long", "both", "long_then_short"}},
	{"goal_shape", []string{"specific", "broad", "both"}},
	{"agenda", []string{"agreed_objectives", "person_led", "both"}},
	{"style", []string{"questions", "practice", "advice", "both"}},
	{"expertise", []string{"essential", "not_needed", "helpful"}},
	{"network", []string{"yes", "some", "no"}},
	{"cadence", []string{"scheduled", "on_demand", "both"}},
	{"assessment", []string{"yes", "no"}},
	{"budget", []string{"external", "in_house", "none"}},
	{"mentor_available", []string{"yes", "only_line_manager", "no"}},
	{"manager_involvement", []string{"partner", "hands_off", "is_helper", "no_manager"}},
	{"start", []string{"now", "can_plan"}},
	{"wellbeing", []string{"no", "yes"}},
	{"readiness", []string{"wants_it", "reluctant"}},
	{"group", []string{"one", "several", "team"}},
	{"answered_by", []string{"the_person", "on_their_behalf"}},
}

// contractCautions are the caution ids reports promise (CONTRACT §1).
var contractCautions = []string{"line_manager_mentor", "not_therapy", "permission_to_switch", "manager_as_coach", "no_manager_involved", "not_ready", "ask_the_person", "wellbeing_unsure"}

// ContractGaps returns one warning for each contract question, option or
// caution id that b lacks, saying what stops working: answer files and
// spreadsheets written for the contract name those ids, and reports promise
// the cautions. "guidepost check" prints them for a custom rule set (the
// embedded one has none: TestEmbeddedRuleSetKeepsTheContract).
func ContractGaps(b *Bank) []string {
	var out []string
	for _, c := range contract {
		q := b.Question(c.Question)
		if q < 0 {
			out = append(out, fmt.Sprintf("%s: question %q is missing (CONTRACT §1): answer files that answer %s and spreadsheets with the column %s will stop working with this rule set",
				b.Name, c.Question, c.Question, c.Question))
			continue
		}
		for _, o := range c.Options {
			if b.Option(q, o) < 0 {
				out = append(out, fmt.Sprintf("%s: question %q has no option %q (CONTRACT §1): answer files with %s = %q and spreadsheet rows with %s in the %s column will stop working with this rule set",
					b.Name, c.Question, o, c.Question, o, o, c.Question))
			}
		}
	}
	for _, id := range contractCautions {
		if !b.hasCaution(id) {
			out = append(out, fmt.Sprintf("%s: caution %q is missing (CONTRACT §1): reports will never raise it, and scripts that look for it in the JSON cautions will not find it", b.Name, id))
		}
	}
	return out
}

// CheckContract returns ContractGaps as one error, or nil when b keeps the
// whole contract.
func CheckContract(b *Bank) error {
	gaps := ContractGaps(b)
	errs := make([]error, len(gaps))
	for i, g := range gaps {
		errs[i] = errors.New(g)
	}
	return errors.Join(errs...)
}

// hasCaution reports whether b defines the caution id.
func (b *Bank) hasCaution(id string) bool {
	for _, c := range b.Cautions {
		if c.ID == id {
			return true
		}
	}
	return false
}
