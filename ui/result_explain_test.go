package ui

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"guidepost/advisor"
	"guidepost/questions"
)

// TestResultMatchesReports runs the same answers through the TUI (driven to
// the result, ANSI-stripped, scrolled to the end), the text report and the
// Markdown report, and checks that all three list the same reasons for and
// against, cautions, next steps and changes, in the same order, as the
// explanation has them.
func TestResultMatchesReports(t *testing.T) {
	b := defaultBank(t)
	sets := []map[string]string{
		{"need": "performance_dip", "goal_shape": "specific", "awareness": "self_awareness", "horizon": "short", "style": "practice", "network": "no", "manager_involvement": "hands_off", "budget": "none"},
		{"need": "performance_dip", "goal_shape": "broad", "awareness": "experience_transfer", "horizon": "long", "style": "advice", "expertise": "essential"},
		{"need": "career_development", "goal_shape": "specific", "horizon": "both", "mentor_available": "only_line_manager", "wellbeing": "yes"},
		{"need": "networking", "horizon": "long"},
	}
	titles := []string{advisor.TitleFor, advisor.TitleAgainst, advisor.TitleCautions, advisor.TitleSteps, advisor.TitleChanges}
	for i, set := range sets {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			ch, dropped := questions.ResolveAnswers(b, set)
			if len(dropped) > 0 {
				t.Skipf("answers not in the rule set: %v", dropped)
			}
			m := start(t, Config{Bank: b, Audience: "manager"}, 100, 600)
			for _, q := range b.Asked(false) {
				o := int(ch[q])
				if o == questions.NoAnswer || o == b.Unsure(q) {
					m = press(m, "u")
					continue
				}
				if o >= 9 {
					t.Skipf("option %d of %s has no number key", o+1, b.Questions[q].ID)
				}
				m = press(m, strconv.Itoa(o+1))
			}
			m = press(m, "r", "end")
			if screenOf(m) != resultScreen {
				t.Fatalf("not on the result:\n%s", screenText(m))
			}
			e := advisor.ExplainAnswers(b, m.choices, "manager") // ch with "not sure" for the rest
			if !reflect.DeepEqual(*m.res, e) {
				t.Error("the screen's explanation is not Explain's for the manager")
			}
			var text, md bytes.Buffer
			if err := advisor.WriteText(&text, e); err != nil {
				t.Fatal(err)
			}
			if err := advisor.WriteMarkdown(&md, e); err != nil {
				t.Fatal(err)
			}
			outputs := map[string]map[string][]string{
				"tui":      listed(screenText(m), titles),
				"text":     listed(text.String(), titles),
				"markdown": listed(unMarkdown(md.String()), titles),
			}
			for _, title := range titles {
				var want []string
				for _, s := range e.Sections {
					if s.Title != title {
						continue
					}
					for _, p := range s.Points {
						want = append(want, p.Line())
					}
					if len(s.Points) == 0 && s.Empty != "" {
						want = []string{s.Empty}
					}
				}
				for name, got := range outputs {
					if !reflect.DeepEqual(got[title], want) {
						t.Errorf("%s lists under %q:\n%q\nthe explanation:\n%q", name, title, got[title], want)
					}
				}
			}
			conf := advisor.ConfidenceLabel + ": " + e.ConfidenceText
			if !strings.Contains(screenText(m), conf) || !strings.Contains(text.String(), conf) || !strings.Contains(md.String(), e.ConfidenceText) {
				t.Errorf("the confidence is not %q everywhere", conf)
			}
			if !strings.Contains(screenText(m), e.Headline) && !strings.Contains(flat(screenText(m)), e.Headline) {
				t.Errorf("the screen does not lead with %q", e.Headline)
			}
		})
	}
}

var itemStart = regexp.MustCompile(`^(\s*)(\d+\.|•|-) (.*)$`)

// listed reads the items listed under each title in out: a title line, then
// items up to the next blank line, each an item marker (1., • or -) with
// its continuation lines joined; a section without items gives its note.
func listed(out string, titles []string) map[string][]string {
	res := map[string][]string{}
	lines := strings.Split(out, "\n")
	for i := 0; i < len(lines); i++ {
		title := strings.TrimPrefix(strings.TrimPrefix(unbox(lines[i]), "## "), "⚠ ")
		if !contains(titles, title) {
			continue
		}
		i++
		for i < len(lines) && unbox(lines[i]) == "" {
			i++
		}
		var items []string
		indent := -1
		for ; i < len(lines) && unbox(lines[i]) != ""; i++ {
			l := strings.TrimRight(strings.Map(boxless, lines[i]), " ")
			if mm := itemStart.FindStringSubmatch(l); mm != nil && (indent < 0 || len(mm[1]) == indent) {
				indent = len(mm[1])
				items = append(items, mm[3])
				continue
			}
			if len(items) == 0 {
				items = append(items, strings.TrimSpace(l))
				indent = 1 << 20
				continue
			}
			items[len(items)-1] += " " + strings.TrimSpace(l)
		}
		res[title] = items
		i--
	}
	return res
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// boxless drops box-drawing characters (the caution box).
func boxless(r rune) rune {
	if r >= 0x2500 && r <= 0x257F {
		return -1
	}
	return r
}

func unbox(l string) string { return strings.TrimSpace(strings.Map(boxless, l)) }

// unMarkdown undoes the Markdown report's escaping.
func unMarkdown(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\*`, `*`, `\_`, `_`, "\\`", "`", `\|`, `|`, `\[`, `[`, `\]`, `]`, "&lt;", "<").Replace(s)
}

// flat joins wrapped lines with single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSavedNamesAreWhole: a long saved file name is wrapped under the
// result, never cut, and the window keeps its height.
func TestSavedNamesAreWhole(t *testing.T) {
	long := "/home/someone/a/rather/deep/folder/guidepost-result-2026-12-01-2159.md"
	save := func(advisor.Explanation) ([]string, error) {
		return []string{long}, nil
	}
	for _, w := range []int{45, 80} {
		m := press(start(t, Config{Audience: "manager", SaveResult: save}, w, 16), "3", "2", "2", "1", "r")
		m = pressRun(m, "s")
		v := screenText(m)
		if !strings.Contains(strings.ReplaceAll(flat(v), " ", ""), strings.ReplaceAll("✓ Saved: "+long, " ", "")) {
			t.Errorf("%d columns: the saved name is not whole:\n%s", w, v)
		}
		if n := len(strings.Split(v, "\n")); n > 16 {
			t.Errorf("%d columns: %d lines in a 16-line window", w, n)
		}
		for _, l := range strings.Split(v, "\n") {
			if n := len([]rune(l)); n > w {
				t.Errorf("%d columns: a line of %d: %q", w, n, l)
			}
		}
	}
}

// TestResultGoldenVoices draws the result (a mixed call, whose advice
// names the reader) for each audience at 80×24 and 45×15.
func TestResultGoldenVoices(t *testing.T) {
	for _, audience := range questions.Audiences {
		for _, sz := range []struct{ w, h int }{{80, 24}, {45, 15}} {
			name := "result-voice-" + audience.String() + "-" + strconv.Itoa(sz.w) + "x" + strconv.Itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				golden(t, name, press(start(t, Config{Audience: audience}, sz.w, sz.h), "3", "2", "2", "1", "r"))
			})
		}
	}
}
