// Package questions is Guidepost's question bank: the TOML schema of a rule
// set, its strict loading and validation, and the answers people give.
//
// It imports no terminal or UI package; package advisor scores what it loads.
//
// # The rule set schema (schema_version = 1)
//
// A rule set is one TOML file of at most MaxSize bytes. Keys are exact and
// lower case: an unknown key, or a key written in another case ("Prompt" for
// "prompt"), is an error that names the key, its line and, where one is
// close, the key that was meant. Every text is plain: escape sequences,
// control characters other than newline and tab, and bidirectional controls
// are rejected at load, so a shared rules file cannot take over a terminal.
// Ids match [a-z][a-z0-9_]{0,39}.
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
// rationale, a rule's reason, a caution's text, a next step's text) is
// written for its reader, with placeholders and, where one text cannot
// serve everyone, variants per audience:
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
// a text for a reader. An unknown placeholder, an unclosed brace, an
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
// Parse collects every problem it finds rather than stopping at the first,
// each naming the file, the line where it can and the id: TOML syntax (with
// the line and a caret), wrong types, unknown or mis-cased keys, duplicate
// ids, references to unknown questions, options, outcomes or sources, empty
// texts, a question without "unsure", weights out of range, contract ids
// missing, conditions that can never hold (all and none leaving a question
// no option, or no any condition able to hold beside them), unknown
// placeholders, and unsafe characters in any text. Reachability of every outcome
// depends on the decision step and is checked by package advisor.
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
// when one is unknown.
package questions
