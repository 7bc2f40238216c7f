package advisor

import "strings"

// markdownEscaper turns every character that Markdown (CommonMark and GitHub's
// tables, strikethrough and autolinks) could read as markup into a
// literal: a backslash escape (CommonMark allows one before any ASCII
// punctuation; after < and & no HTML, entity or autolink can form), and a
// space for a line break
// (so no text can start a heading, list, quote or code block of its own).
// Parentheses and "!" stay as they are: with [ and ] escaped they can form
// no link or image.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"#", `\#`, "|", `\|`, "~", `\~`,
	">", `\>`, "<", `\<`, "&", `\&`, "\n", " ",
)

// Markdown returns s, cleaned of unsafe characters (questions.Clean), as
// Markdown text that renders as exactly those characters: no image, link,
// HTML, emphasis, table cell or block of its own, so opening a report
// never fetches anything. (A viewer that turns bare web addresses into
// links may still do so; that fetches nothing either.) Every Markdown output (reports,
// saved results, the batch summary) escapes text through it.
func Markdown(s string) string { return markdownEscaper.Replace(clean(s)) }
