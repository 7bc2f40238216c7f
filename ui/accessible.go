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
// dumb terminals. End of input, q or ctrl+c (SIGINT) before the last
// answer ends the run with Quit set, as ctrl+c does in the TUI. The TUI's
// keys that a line can carry work at every prompt (see keyQuit), and a
// line over 64 KiB is refused and skipped, never the end of the input.
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

// maxLine is the longest input line the prompts read; a longer one is
// refused as an answer (and its rest skipped) rather than held in memory
// or allowed to end the input.
const maxLine = 64 << 10

// tooLong stands for a line over maxLine: no answer can be that long, and
// no line read can hold a NUL after trimming's end.
const tooLong = "\x00too long"

// readLines reads in line by line on its own goroutine, so that an
// interrupt need not wait for a line that may never come. A line over
// maxLine arrives as tooLong, and reading goes on after it.
func readLines(in io.Reader) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		r := bufio.NewReaderSize(in, maxLine)
		for {
			line, long, err := r.ReadLine()
			if err != nil {
				return
			}
			text := string(line)
			for long && err == nil { // skip the rest of the line
				_, long, err = r.ReadLine()
				text = tooLong
			}
			ch <- text
			if err != nil {
				return
			}
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
	e := advisor.ExplainAnswers(a.cfg.Bank, a.choices, a.audience)
	return Ending{Result: &e, Audience: a.audience, Choices: a.choices, Person: a.cfg.Person}, a.err
}

func (a *accessible) quit() (Ending, error) {
	return Ending{Audience: a.audience, Choices: a.choices, Quit: true, Person: a.cfg.Person}, a.err
}

// Keys typed at a prompt (a letter and enter), the TUI's where a line of
// text can carry them (keys.go, CONTRACT §3): b stands for ← (back).
const (
	keyQuit   = "q" // quit before a result: the draft is kept
	keyUnsure = "u" // answer "not sure" and go on
	keyWhy    = "w" // why the question is asked
	keyBack   = "b" // back to the previous question
	keyHelp   = "?" // these keys
)

// whyAudience is the audience prompt's answer to w.
const whyAudience = "Why we ask this: every question is worded for its reader: a manager " +
	"asking about someone in their team, a person asking about themself, or a consultant " +
	"asking about a participant. The advice is the same; the words change."

func (a *accessible) askAudience() bool {
	a.printf("\nWho is this about?\n")
	for i, c := range audienceChoices {
		a.printf("%s %s — %s\n", number(i, len(audienceChoices)), c.label, c.desc)
	}
	n := len(audienceChoices)
	for {
		line, ok := a.choose(n, false)
		switch {
		case !ok:
			return false
		case line == keyWhy:
			a.printf("%s\n", whyAudience)
			continue
		case line == keyUnsure || line == keyBack:
			a.printf("This first choice has no \"not sure\" and nothing before it: type a number from 1 to %d.\n", n)
			continue
		}
		if i, isNum := a.option(line, n); isNum {
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
		a.printf("%s %s — %s\n", number(i, len(bq.Options)), Sanitize(o.LabelFor(a.audience)), Sanitize(o.DescriptionFor(a.audience)))
	}
	if c := a.choices[q]; c != questions.NoAnswer {
		a.printf("Your earlier answer: %d) %s.\n", c+1, Sanitize(bq.Options[c].LabelFor(a.audience)))
	}
	for {
		line, ok := a.choose(len(bq.Options), true)
		switch {
		case !ok:
			return pos, false
		case line == keyBack:
			if pos == 0 {
				a.printf("This is the first question.\n")
				continue
			}
			return pos - 1, true
		case line == keyWhy:
			a.why(bq.Why, bq.Sources)
			continue
		case line == keyUnsure:
			return a.answer(pos, q, a.cfg.Bank.Unsure(q)), true
		}
		if i, isNum := a.option(line, len(bq.Options)); isNum {
			return a.answer(pos, q, i), true
		}
	}
}

// answer records option i for question q, asked at pos, saves the draft
// and returns the position of the next question.
func (a *accessible) answer(pos, q, i int) int {
	a.choices[q] = int8(i)
	a.saveDraft()
	return pos + 1
}

// help lists the keys that work at a prompt.
func (a *accessible) help(n int, question bool) {
	a.printf("Type an option's number (1-%d) and press enter to answer.\n", n)
	if question {
		a.printf("  u  answer \"not sure\" and go on\n  w  why we ask this question, with its sources\n  b  back to the previous question (its answer is kept)\n")
	} else {
		a.printf("  w  why we ask this\n")
	}
	a.printf("  q  quit; your answers so far are kept in the draft ('guidepost --resume' continues)\n  ?  this list\n")
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
	a.printf("Please type a number from 1 to %d (? lists the other keys).\n", n)
	return 0, false
}

// choose prompts and reads one line, trimmed, a key in lower case; it
// answers ? and a line too long itself, and asks again. ok is false at
// the end of input, on an interrupt and on q.
func (a *accessible) choose(n int, question bool) (string, bool) {
	for {
		a.printf("%s", a.promptLine(n, question))
		var line string
		select {
		case l, ok := <-a.lines:
			if !ok {
				a.printf("\n")
				return "", false
			}
			line = strings.TrimSpace(l)
		case <-a.stop:
			a.printf("\n")
			return "", false
		}
		if len(line) == 1 {
			line = strings.ToLower(line)
		}
		switch line {
		case tooLong:
			a.printf("That line is over %d KiB and was skipped: type an option's number.\n", maxLine>>10)
		case keyHelp:
			a.help(n, question)
		case keyQuit:
			return "", false
		default:
			return line, true
		}
	}
}

// promptLine explains the keys at the first question, then stays short.
func (a *accessible) promptLine(n int, question bool) string {
	if question && !a.hinted {
		a.hinted = true
		return fmt.Sprintf("Choose 1-%d (type a number and press enter; w says why we ask; b goes back a question; ? lists every key): ", n)
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
