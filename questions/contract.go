package questions

import (
	"errors"
	"fmt"
	"strings"
)

// Contract lists the question and option ids that users' answer files,
// spreadsheets and scripts depend on (CONTRACT §1). A rule set may add
// questions and options but must keep all of these.
var Contract = []struct {
	Question string
	Options  []string
}{
	{"need", []string{"knowledge_sharing", "networking", "working_relationships", "leadership_influence", "performance_dip", "career_development", "skill_development", "onboarding", "confidence"}},
	{"awareness", []string{"self_awareness", "experience_transfer", "both"}},
	{"driver", []string{"current_role", "future", "both"}},
	{"horizon", []string{"short", "long", "both"}},
	{"goal_shape", []string{"specific", "broad", "both"}},
	{"agenda", []string{"agreed_objectives", "person_led", "both"}},
	{"style", []string{"questions", "practice", "advice", "both"}},
	{"expertise", []string{"essential", "not_needed"}},
	{"network", []string{"yes", "some", "no"}},
	{"cadence", []string{"scheduled", "on_demand", "both"}},
	{"assessment", []string{"yes", "no"}},
	{"budget", []string{"external", "in_house", "none"}},
	{"mentor_available", []string{"yes", "only_line_manager", "no"}},
	{"manager_involvement", []string{"partner", "hands_off"}},
	{"start", []string{"now", "can_plan"}},
	{"wellbeing", []string{"no", "yes"}},
}

// ContractCautions are the caution ids reports promise (CONTRACT §1).
var ContractCautions = []string{"line_manager_mentor", "not_therapy", "permission_to_switch"}

// CheckContract reports every contract question, option or caution id that
// b lacks. Guidepost refuses such a rule set: answer files and spreadsheets
// written for the contract would stop working with it.
func CheckContract(b *Bank) error {
	var errs []error
	for _, c := range Contract {
		q := b.Question(c.Question)
		if q < 0 {
			errs = append(errs, fmt.Errorf("%s: question %q is missing: answer files and spreadsheets rely on it", b.Name, c.Question))
			continue
		}
		var missing []string
		for _, o := range append(c.Options, unsureID) {
			if b.Option(q, o) < 0 {
				missing = append(missing, o)
			}
		}
		if len(missing) > 0 {
			errs = append(errs, fmt.Errorf("%s: question %q lacks option(s) %s: answer files and spreadsheets rely on them", b.Name, c.Question, strings.Join(missing, ", ")))
		}
	}
	for _, id := range ContractCautions {
		if !b.HasCaution(id) {
			errs = append(errs, fmt.Errorf("%s: caution %q is missing: reports promise it", b.Name, id))
		}
	}
	return errors.Join(errs...)
}

// HasCaution reports whether b defines the caution id.
func (b *Bank) HasCaution(id string) bool {
	for _, c := range b.Cautions {
		if c.ID == id {
			return true
		}
	}
	return false
}
