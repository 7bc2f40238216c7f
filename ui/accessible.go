package ui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"guidepost/advisor"
	"guidepost/questions"
)

// RunAccessible asks the same questions as Run as plain numbered prompts:
// one line of input per answer, no redraws, no colour. Every prompt goes
// to prompts (stderr, in main), so that the caller can print the result
// alone on stdout for a script to read. It suits screen readers, pipes and
// dumb terminals. End of input or ctrl+c (SIGINT) before the last answer
// ends the run with Quit set, as ctrl+c does in the TUI.
func RunAccessible(cfg Config, in io.Reader, prompts io.Writer) (Ending, error) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer func() { signal.Stop(sig); close(sig) }()
	stop := make(chan struct{})
	go func() {
		if _, ok := <-sig; ok {
			close(stop)
		}
	}()
	return runAccessible(cfg, in, prompts, stop)
}

// runAccessible is RunAccessible with the interrupt as a channel that
// closes, the seam its tests use.
func runAccessible(cfg Config, in io.Reader, out io.Writer, stop <-chan struct{}) (Ending, error) {
	if err := checkConfig(cfg); err != nil {
		return Ending{Quit: true}, err
	}
	a := &accessible{cfg: cfg, lines: readLines(in), stop: stop, out: out, audience: cfg.Audience}
	a.choices = cfg.Bank.NewChoices()
	copy(a.choices, cfg.Choices)
	return a.run()
}

// readLines reads in line by line on its own goroutine, so that an
// interrupt need not wait for a line that may never come.
func readLines(in io.Reader) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}

// accessible is the state of a plain-text run.
type accessible struct {
	cfg      Config
	lines    <-chan string
	stop     <-chan struct{}
	out      io.Writer
	err      error // the first write error
	audience questions.Audience
	choices  questions.Choices
	hinted   bool // the keys were explained once
}

func (a *accessible) run() (Ending, error) {
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
	return Ending{Result: &r, Audience: a.audience, Choices: a.choices}, a.err
}

func (a *accessible) quit() (Ending, error) {
	return Ending{Audience: a.audience, Choices: a.choices, Quit: true}, a.err
}

func (a *accessible) askAudience() bool {
	a.printf("\nWho is this about?\n")
	for i, c := range audienceChoices {
		a.printf("%s %s — %s\n", number(i, len(audienceChoices)), c.label, c.desc)
	}
	for {
		line, ok := a.choose(len(audienceChoices), false)
		if !ok {
			return false
		}
		if i, isNum := a.option(line, len(audienceChoices)); isNum {
			a.audience = audienceChoices[i].id
			return true
		}
	}
}

// ask asks asked question pos (bank index q) and returns the position to
// go to next; ok is false when the run ends.
func (a *accessible) ask(pos, total, q int) (next int, ok bool) {
	bq := &a.cfg.Bank.Questions[q]
	a.printf("\nQuestion %d of %d: %s\n", pos+1, total, Sanitize(bq.Prompt.For(a.audience)))
	for i, o := range bq.Options {
		a.printf("%s %s — %s\n", number(i, len(bq.Options)), Sanitize(o.Label), Sanitize(o.DescriptionFor(a.audience)))
	}
	if c := a.choices[q]; c != questions.NoAnswer {
		a.printf("Your earlier answer: %d) %s.\n", c+1, Sanitize(bq.Options[c].Label))
	}
	for {
		line, ok := a.choose(len(bq.Options), true)
		switch {
		case !ok:
			return pos, false
		case strings.EqualFold(line, "b"):
			if pos == 0 {
				a.printf("This is the first question.\n")
				continue
			}
			return pos - 1, true
		case strings.EqualFold(line, "w"):
			a.why(bq.Why, bq.Sources)
			continue
		}
		if i, isNum := a.option(line, len(bq.Options)); isNum {
			a.choices[q] = int8(i)
			a.saveDraft()
			return pos + 1, true
		}
	}
}

// why prints why a question is asked and its sources.
func (a *accessible) why(text string, sources []string) {
	a.printf("Why we ask this: %s\n", Sanitize(text))
	if cites := a.cfg.Bank.Cite(sources); len(cites) > 0 {
		a.printf("Sources: %s\n", Sanitize(strings.Join(cites, "; ")))
	}
}

// option reads line as an option's number, or says which numbers are
// valid.
func (a *accessible) option(line string, n int) (int, bool) {
	if i, err := strconv.Atoi(line); err == nil && i >= 1 && i <= n {
		return i - 1, true
	}
	a.printf("Please type a number from 1 to %d.\n", n)
	return 0, false
}

// choose prompts and reads one line, trimmed; ok is false at the end of
// input or on an interrupt.
func (a *accessible) choose(n int, question bool) (string, bool) {
	a.printf("%s", a.promptLine(n, question))
	select {
	case line, ok := <-a.lines:
		if !ok {
			a.printf("\n")
		}
		return strings.TrimSpace(line), ok
	case <-a.stop:
		a.printf("\n")
		return "", false
	}
}

// promptLine explains the keys at the first question, then stays short.
func (a *accessible) promptLine(n int, question bool) string {
	if question && !a.hinted {
		a.hinted = true
		return fmt.Sprintf("Choose 1-%d (type a number and press enter; w says why we ask; b goes back a question): ", n)
	}
	return fmt.Sprintf("Choose 1-%d: ", n)
}

// number is option i's number in a list of n, right-aligned so that 9)
// sits over 10).
func number(i, n int) string {
	return fmt.Sprintf("  %*d)", len(strconv.Itoa(n)), i+1)
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
