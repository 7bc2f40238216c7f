package advisor

import (
	"strings"
	"testing"

	"guidepost/questions"
)

// hostile are texts a rules file could carry to turn a report into live
// Markdown or HTML: images that fetch, links, raw HTML, entities,
// emphasis, tables, headings, quotes, code and line breaks that start a
// block, plus terminal escapes and bidi controls.
var hostile = []string{
	"![x](http://example.invalid/pixel.png)",
	"[go](javascript:alert(1))",
	"[ref]: http://example.invalid",
	"<img src=x onerror=alert(1)>",
	"<script>alert(1)</script>",
	"<http://example.invalid>",
	"&lt;b&gt; and &#x41; and &amp;",
	"**bold** __bold__ *it* _it_ ~~gone~~",
	"| a | b |\n|---|---|",
	"# heading\n> quote\n- item\n1. item\n    code",
	"```\nfence\n```",
	"`code`",
	"line\nbreak\r\nand\rreturn",
	"\\\\escaped\\",
	"\x1b[31mred\x1b[0m \u202eevil\u202c \x00nul",
	"<!-- comment -->",
	"a\\[b](c)",
}

// markup are the characters that must never reach Markdown unescaped.
const markup = "\\`*_[]#|~<>&"

func TestMarkdownEscapesHostileText(t *testing.T) {
	for _, in := range hostile {
		out := Markdown(in)
		if strings.ContainsAny(out, "\n\r\x1b\x00\u202e") {
			t.Errorf("Markdown(%q) = %q: a line break or control character survived", in, out)
		}
		for i := 0; i < len(out); i++ {
			if out[i] == '\\' { // an escape: it and the next byte are literal
				if i+1 == len(out) || !strings.ContainsRune(markup, rune(out[i+1])) {
					t.Errorf("Markdown(%q) = %q: a lone backslash at %d", in, out, i)
				}
				i++
				continue
			}
			if strings.IndexByte(markup, out[i]) >= 0 {
				t.Errorf("Markdown(%q) = %q: %q at %d is not escaped", in, out, out[i], i)
			}
		}
	}
}

func TestMarkdownExamples(t *testing.T) {
	for in, want := range map[string]string{
		"![x](http://e.invalid/p.png)": `!\[x\](http://e.invalid/p.png)`,
		"[go](javascript:alert(1))":    `\[go\](javascript:alert(1))`,
		"<b>&amp;":                     `\<b\>\&amp;`,
		"Coaching & Mentoring (2025)":  `Coaching \& Mentoring (2025)`,
		"two\nlines":                   "two lines",
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMarkdownReportsEscapeRuleTexts: a rule set's label that is live
// Markdown reaches the Markdown report as plain text.
func TestMarkdownReportsEscapeRuleTexts(t *testing.T) {
	b := load(t, "../rules.toml")
	q := b.Question("need")
	o := b.Option(q, "performance_dip")
	live := "![x](http://example.invalid/p.png) [go](javascript:x)"
	b.Questions[q].Options[o].Label, b.Questions[q].Options[o].LabelVoice = live, questions.Text{Default: live}
	ch := b.NewChoices()
	ch[q] = int8(o)
	var out strings.Builder
	if err := WriteMarkdown(&out, ExplainAnswers(b, ch, questions.NoAudience)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "![x]") || strings.Contains(out.String(), "[go]") {
		t.Errorf("live Markdown from a label reached the report:\n%s", out.String())
	}
	if !strings.Contains(out.String(), `!\[x\](http://example.invalid/p.png) \[go\](javascript:x)`) {
		t.Errorf("the label is not shown escaped:\n%s", out.String())
	}
}
