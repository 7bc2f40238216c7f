package cli

// Reading what the commands read: the rule set in use, answers files, CSV
// files and the draft.

import (
	"runtime/debug"

	"guidepost/advisor"
	"guidepost/internal/store"
	"guidepost/questions"
)

// embeddedName names the embedded rule set in messages.
const embeddedName = "rules.toml (embedded)"

// loadGC is the garbage collector's percent while a rule set is parsed.
// Decoding makes many small objects, most of them garbage at once, and a
// new process starts with a small heap, so at Go's default of 100 a large
// rule set is collected many times while the heap grows. At 400 the 100x10
// generated rule set checks about a quarter faster, and the input's cap
// (questions.MaxSize) bounds the extra memory (BENCHMARKS.md).
const loadGC = 400

// withLoadGC runs parse with the collector at loadGC percent, then puts back
// the percent it found. A higher percent, or none (GOGC=off), set by the
// person is left as it is.
func withLoadGC[T any](parse func() (T, error)) (T, error) {
	old := debug.SetGCPercent(loadGC)
	if old < 0 || old > loadGC {
		debug.SetGCPercent(old)
	}
	defer debug.SetGCPercent(old)
	return parse()
}

// parseRules is questions.Parse; a test replaces it to see how loadBank
// calls it.
var parseRules = questions.Parse

// loadBank loads and checks the rule set in use, and returns the engine's
// warnings about it.
func (a *app) loadBank() (*questions.Bank, []string, error) {
	name, data, err := a.rulesSource()
	if err != nil {
		return nil, nil, err
	}
	b, err := withLoadGC(func() (*questions.Bank, error) { return parseRules(name, data) })
	if err != nil {
		return nil, nil, err
	}
	warnings, err := advisor.Check(b)
	if err != nil {
		return nil, nil, err
	}
	return b, warnings, nil
}

// embedded reports whether the rule set in use is the embedded one.
func (a *app) embedded() bool {
	if a.opt.rules != "" {
		return false
	}
	user, err := store.UserRulesPath(a.getenv)
	return err != nil || !store.Exists(user)
}

// rulesSource returns the name and bytes of the rule set in use: --rules,
// else the user's rules.toml where it exists, else the embedded one.
func (a *app) rulesSource() (string, []byte, error) {
	path := a.opt.rules
	if path == "" {
		user, err := store.UserRulesPath(a.getenv)
		if err != nil || !store.Exists(user) {
			return embeddedName, a.rules, nil
		}
		path = user
	}
	data, err := store.ReadFile(path, questions.MaxSize, false)
	return path, data, err
}
