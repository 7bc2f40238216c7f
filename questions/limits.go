package questions

// The tunables of the package, in one place.

// MaxSize is the largest rule set accepted, in bytes. A real rule set is
// about 50 KiB; the cap keeps a hostile file (deeply nested arrays cost the
// decoder seconds and hundreds of MB) from stalling the advisor.
const MaxSize = 256 << 10

// MaxAnswersSize is the largest answers file accepted, in bytes.
const MaxAnswersSize = 64 << 10

// schemaVersion is the rule-set schema this build reads.
const schemaVersion = 1

// maxProblems is how many problems an error lists before it summarises.
const maxProblems = 25

// Limits on the shape of a TOML file, checked before decoding. The decoder
// has no depth limit: a few hundred KB of nested arrays or dotted keys cost
// it seconds (dotted keys take quadratic time), so deeper input is refused
// outright. Real rule sets nest three or four levels.
const (
	maxNesting  = 32 // [ and { open at once
	maxKeyParts = 16 // parts of one dotted key or table header
)

// Limits on a rule set. The hard limits are errors; the soft ones are
// warnings.
const (
	maxQuestions  = 128 // questions in a rule set
	maxOptions    = 20  // options of one question (bit masks hold 64)
	maxRules      = 500
	maxConditions = 16  // conditions of one rule or caution
	maxCautions   = 64  // cautions (a result holds them as bits)
	maxWeight     = 5.0 // weights lie in [-maxWeight, maxWeight], steps of 0.5
	numberKeys    = 10  // options beyond this cannot be picked by number: 1–9, then 0 (warning)
	softLabel     = 60  // option labels longer than this wrap at 80 columns (warning)
	hardLabel     = 120 // labels, topics, names
	hardPrompt    = 600 // prompts, descriptions, titles
	hardText      = 2000
)
