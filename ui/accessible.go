package ui

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// RunAccessible asks the same questions as Run as plain numbered prompts:
// one line of input per answer, no redraws, no colour, nothing but text on
// out. It suits screen readers, pipes and dumb terminals. End of input
// before the last answer ends the run with Quit set.
func RunAccessible(cfg Config, in io.Reader, out io.Writer) (Outcome, error) {
	if err := checkConfig(cfg); err != nil {
		return Outcome{Quit: true}, err
	}
	a := &accessible{cfg: cfg, in: bufio.NewScanner(in), out: out, audience: cfg.Audience}
	a.choices = cfg.Bank.NewChoices()
	copy(a.choices, cfg.Choices)
	return a.run()
}

// accessible is the state of a plain-text run.
type accessible struct {
	cfg      Config
	in       *bufio.Scanner
	out      io.Writer
	err      error // the first write error
	audience string
	choices  questions.Choices
	hinted   bool // the keys were explained once
}

func (a *accessible) run() (Outcome, error) {
	a.printf("Guidepost: coaching, mentoring, or both?\n")
	if a.cfg.Notice != "" {
		a.printf("%s\n", Sanitize(a.cfg.Notice))
	}
	if a.audience == "" && !a.askAudience() {
		return a.quit()
	}
	asked := a.cfg.Bank.Asked(a.cfg.Quick)
	for pos := min(max(a.cfg.Start, 0), len(asked)); pos < len(asked); {
		next, ok := a.ask(pos, len(asked), asked[pos])
		if !ok {
			return a.quit()
		}
		pos = next
	}
	r := advisor.Evaluate(a.cfg.Bank, a.choices)
	return Outcome{Result: &r, Audience: a.audience, Choices: a.choices}, a.err
}

func (a *accessible) quit() (Outcome, error) {
	return Outcome{Audience: a.audience, Choices: a.choices, Quit: true}, a.err
}

func (a *accessible) askAudience() bool {
	a.printf("\nWho is this about?\n")
	for i, c := range audienceChoices {
		a.printf("  %d) %s — %s\n", i+1, c.label, c.desc)
	}
	i, ok := a.choose(len(audienceChoices), false)
	if ok {
		a.audience = audienceChoices[i].id
	}
	return ok && i >= 0
}

// ask asks asked question pos (bank index q) and returns the position to
// go to next; ok is false at the end of input.
func (a *accessible) ask(pos, total, q int) (next int, ok bool) {
	bq := &a.cfg.Bank.Questions[q]
	a.printf("\nQuestion %d of %d: %s\n", pos+1, total, Sanitize(bq.Prompt.For(a.audience)))
	for i, o := range bq.Options {
		a.printf("  %d) %s — %s\n", i+1, Sanitize(o.Label), Sanitize(o.Description))
	}
	if c := a.choices[q]; c != questions.NoAnswer {
		a.printf("Your earlier answer: %d.\n", c+1)
	}
	i, ok := a.choose(len(bq.Options), true)
	switch {
	case !ok:
		return pos, false
	case i < 0:
		return max(pos-1, 0), true
	}
	a.choices[q] = int8(i)
	a.saveDraft()
	return pos + 1, true
}

// choose reads lines until one picks an option (its 0-based index) or,
// when back is allowed (questions), says "b" (-1). ok is false at the end of input.
func (a *accessible) choose(n int, back bool) (int, bool) {
	for {
		a.printf("%s", a.promptLine(n, back))
		if !a.in.Scan() {
			a.printf("\n")
			return 0, false
		}
		line := strings.TrimSpace(a.in.Text())
		if back && strings.EqualFold(line, "b") {
			return -1, true
		}
		if i, err := strconv.Atoi(line); err == nil && i >= 1 && i <= n {
			return i - 1, true
		}
		a.printf("Please type a number from 1 to %d.\n", n)
	}
}

// promptLine explains the keys at the first question, then stays short.
func (a *accessible) promptLine(n int, back bool) string {
	if back && !a.hinted {
		a.hinted = true
		return fmt.Sprintf("Choose 1-%d (type a number and press enter; b goes back a question): ", n)
	}
	return fmt.Sprintf("Choose 1-%d: ", n)
}

func (a *accessible) saveDraft() {
	if a.cfg.SaveDraft == nil {
		return
	}
	if err := a.cfg.SaveDraft(a.audience, a.choices); err != nil {
		a.printf("(Could not save the draft: %s)\n", Sanitize(err.Error()))
	}
}

func (a *accessible) printf(format string, args ...any) {
	if a.err == nil {
		_, a.err = fmt.Fprintf(a.out, format, args...)
	}
}
