// Package questions is Guidepost's question bank: the TOML schema of a rule
// set, its strict loading and validation, and the answers people give.
//
// It imports no terminal or UI package; package advisor scores what it loads.
//
// # Layout
//
// Parse loads a rule set in three steps, each in its own files:
//
//   - decode: input.go (size, UTF-8, UTF-16, byte-order marks, raw control
//     characters), structure.go (nesting limits), decode.go (the TOML
//     decoder into the schema types of schema.go; syntax errors keep the
//     decoder's toml.ParseError position; schema_version; table shapes),
//     pieces.go (a large file decoded in pieces on every core, cut where
//     structure.go found top-level [[headers]], only when that means what
//     the whole file means) and keys.go (unknown and mis-cased keys).
//   - validate: validate.go, validate_values.go (every value's type and
//     characters) and validate_items.go report every other problem
//     by path ("question[2].option[0].weights"); they change nothing.
//   - compile: compile.go builds the runtime model of bank.go (indexes, score
//     pairs in half points, option bit masks) from a valid file.
//
// problems.go collects problems and locates their lines (locate.go) only
// when something is reported, warnings included (Bank.Warnings).
// limits.go holds every tunable. contract.go holds the CONTRACT §1 ids
// (ContractGaps). answers.go reads answers files. text.go holds Clean, the
// one sanitizer for text from outside.
//
// # Adding a field to the schema
//
//  1. Add it to the file type in schema.go with its toml tag, typed by what
//     it holds: line (text on one line), para (text that may hold
//     paragraphs), ident, number, whole, boolean, idList (ids in quotes),
//     weights ({ coaching = …, mentoring = … }), or a struct (a table) or a
//     slice of structs (an array of tables). That alone gives the key checks
//     (typos, case), the type check, the unsafe-character check and, for a
//     line, the line-break check, each with its line in messages.
//  2. Check what it means in validate.go or validate_items.go (required?
//     in range? do the ids it names exist?) with v.add(path, …), where path
//     is the indexed path of the value; v.name and v.where word it.
//  3. Give the runtime type in bank.go its field and fill it in compile.go
//     (text through .text(), which normalises it).
//  4. Test it: a value in testdata/valid/fixture.toml, an invalid file in
//     testdata/invalid with "# want:" lines, and the schema below.
//
// A condition on a next step, for example, is a When fileWhen field on
// fileStep, checked with v.checkWhen(path+".when", …, false) and compiled
// with compileWhen; a text per audience is a struct of para fields like
// filePrompt.
//
// # The rule set schema (schema_version = 1)
//
// A rule set is one TOML file of at most MaxSize bytes, in UTF-8 (one
// byte-order mark at most). Keys are exact and lower case: an unknown key,
// or a key written in another case ("Prompt" for "prompt"), is an error that
// names the key, its line and, where one is close, the key that was meant.
// Every text is plain: escape sequences, control characters other than
// newline and tab, and bidirectional controls are rejected at load, so a
// shared rules file cannot take over a terminal. Ids match
// [a-z][a-z0-9_]{0,39}.
//
// Texts that are one line on screen must not break lines: the title, a
// source's names and title, an outcome's label, a question's topic and
// prompts, an option's label, description and rationale, a comparison's
// label. Only these may hold paragraphs: an outcome's summary and next
// steps, a question's why, a rule's reason, a caution's text and the texts
// of a comparison.
//
//	schema_version = 1                  # required; this build reads 1
//	title = "…"                          # shown in report footers
//
//	[decision]                           # how scores become a recommendation
//	margin = 2.0                         # scores closer than this are a close call
//	combined_floor = 4.0                 # combined needs both scores at least this…
//	combined_balance = 0.5               # …and the weaker at least this share of the stronger
//	undecided = "coaching"               # the outcome named when scores tie exactly (low confidence)
//
//	[[source]]                           # one per article; cited by id everywhere
//	id = "dmi"  publisher = "…"  title = "…"
//	short = "DMI"  author = "…"  year = 2023   # optional: inline name, author, year
//
//	[[outcome]]                          # exactly coaching, mentoring and combined
//	id = "coaching"  label = "…"  summary = "…"  sources = ["…"]
//
//	  [[outcome.next_steps]]             # advised in file order, each when its
//	  id = "manager_partner"             # conditions hold; id optional, unique
//	  when.none = [ { question = "manager_involvement", in = ["hands_off"] } ]
//	  when.audience = ["manager"]        # optional: only for these readers
//	  text = "…"  sources = ["…"]        # (next_steps = [ { text = "…", … } ] also works)
//
//	[[question]]                         # asked in file order
//	id = "need"                          # a CONTRACT id for the shipped questions
//	topic = "Main need"                  # short name used in the review and reports
//	core = true                          # asked by --quick
//	kind = "need"                        # need | feasibility | safety
//	prompt.manager = "…"                 # the wording for each audience
//	prompt.self = "…"
//	prompt.consultant = "…"
//	why = "…"                            # "why we ask this"
//	sources = ["…"]
//
//	  [[question.option]]                # shown in file order, numbered from 1
//	  id = "networking"
//	  label = "…"                        # one line, at most 60 characters
//	  description = "…"                  # one line shown under the list
//	  weights = { mentoring = 3 }        # toward coaching and/or mentoring
//	  rationale = "…"                    # one sentence: why this points where it does
//	  sources = ["…"]
//
//	  [[question.option]]                # every question has an "unsure" option,
//	  id = "unsure"                      # with a label and no weights
//	  label = "…"
//
//	[[rule]]                             # adds weight when its conditions hold
//	id = "…"
//	when.all = [ { question = "need", in = ["onboarding"] } ]   # every one holds
//	when.any = [ … ]                     # at least one holds (when given)
//	when.none = [ … ]                    # none holds
//	add = { coaching = 1, mentoring = 1 }
//	reason = "…"  sources = ["…"]
//
//	[[caution]]                          # raised when its conditions hold; never changes scores
//	id = "line_manager_mentor"
//	when.recommendation = ["mentoring", "combined"]   # optional: only for these outcomes
//	when.all = [ { question = "mentor_available", in = ["only_line_manager"] } ]
//	text = "…"  sources = ["…"]
//
//	[[dimension]]                        # one row of "guidepost learn"
//	id = "duration"  label = "…"
//	coaching = { text = "…", sources = ["…"] }
//	mentoring = { text = "…", sources = ["…"] }
//	disagreement = { text = "…", sources = ["…"] }   # optional: where the sources differ
//
// A next step takes when.all, when.any and when.none like a rule, and may
// have none: a step without conditions is always advised. when.audience
// (manager, self, consultant) is for next steps only, and a step limited
// to some readers is not shown in a report with no audience;
// when.recommendation is for cautions only.
//
// # The reader's voice
//
// Every text shown with a result (an outcome's summary, an option's
// label, description and rationale, a rule's reason, a caution's text, a
// next step's text) is written for its reader, with placeholders and,
// where one text cannot serve everyone, variants per audience:
//
//	text = "Agree the objectives with {person} and {manager}."
//	text.default = "Let {person} choose {their} own mentor."   # every other reader
//	text.self = "Choose your own mentor."                      # keys: default, manager, self, consultant
//
// {person} is "this person" for a manager, "you" for a self-assessment,
// "the participant" for a consultant and "the person" with no audience;
// {they}, {them}, {their}, {themself} and {person's} follow it, and
// {manager} is "you" for a manager, "your manager" for a self-assessment
// (Placeholders lists them all, with capitalised forms). Text.For resolves
// a text for a reader; Option.LabelFor and Option.DescriptionFor resolve
// an option's label and description (Option.Label and Description hold
// them for no audience). An unknown placeholder, an unclosed brace, an
// unknown audience key or a table without default is an error naming the
// file, the line and the id.
//
// Weights lie between -5 and 5 in steps of 0.5 and name only coaching and
// mentoring: combined is not scored, it is decided (see package advisor).
// Every question needs a prompt for each audience, a topic, a why text and
// sources; every option a label and a description; an option with weight a
// rationale and sources. Every option, rule, caution, outcome and dimension
// cites at least one source.
//
// # Validation
//
// A file that is not UTF-8, not TOML or of another schema_version is
// refused with one message (for TOML syntax, the line and column, the lines
// before it and a caret). Otherwise Parse collects every problem it finds
// rather than stopping at the first, each naming the file, the line and the
// id, in line order: wrong types, tables of the wrong shape, unknown or
// mis-cased keys, duplicate ids, references to unknown questions, options,
// outcomes or sources, empty texts, a question without "unsure", weights out
// of range, conditions that can never hold (all and none leaving a question
// no option, or no any condition able to hold beside them), unknown
// placeholders, unsafe characters in any text and line breaks in one-line
// texts.
// What is questionable but not wrong (more than nine options, a long or
// repeated label) does not stop the load: Bank.Warnings lists it. A rule set
// may drop ids of CONTRACT §1, at the cost of its users' files:
// ContractGaps lists each one. Reachability of every outcome depends on the
// decision step and is checked by package advisor.
//
// # Answers
//
// An answers file (also the draft) holds an optional audience and a table of
// question id to option id; a question left out counts as unsure:
//
//	audience = "manager"
//	[answers]
//	need = "networking"
//
// ParseAnswers checks every id against the bank and lists the valid ones
// when one is unknown; any other key or table is named once, at its line,
// and problems are listed in line order.
package questions
