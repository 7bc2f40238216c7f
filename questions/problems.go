package questions

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// problem is one thing wrong (or questionable) in a file. It is found by
// path ("question[2].option[0].weights"); its line is looked up in the
// source only when the problems are reported, since the decoder does not
// keep key positions (see locate.go).
type problem struct {
	path string
	line int
	msg  string
}

// problems collects the problems found in one file.
type problems struct {
	name string
	src  []byte
	list []problem
}

func (p *problems) add(path, format string, args ...any) {
	p.list = append(p.list, problem{path: path, msg: fmt.Sprintf(format, args...)})
}

// find returns the first problem at path.
func (p *problems) find(path string) (problem, bool) {
	for _, pr := range p.list {
		if pr.path == path {
			return pr, true
		}
	}
	return problem{}, false
}

// located returns the problems with their lines, in line order (problems
// on one line in message order, never map order), each as "name:line: msg".
func (p *problems) located() []string {
	if len(p.list) == 0 {
		return nil
	}
	var lines map[string]int
	for i := range p.list {
		if pr := &p.list[i]; pr.line == 0 && pr.path != "" {
			if lines == nil {
				lines = locate(p.src)
			}
			pr.line = lineOf(lines, pr.path)
		}
	}
	sort.SliceStable(p.list, func(i, j int) bool {
		a, b := p.list[i], p.list[j]
		if a.line != b.line {
			return a.line < b.line
		}
		return a.msg < b.msg
	})
	out := make([]string, len(p.list))
	for i, pr := range p.list {
		out[i] = at(p.name, pr.line) + ": " + pr.msg
	}
	return out
}

// err returns every problem as one error (at most maxProblems listed), or
// nil when there are none.
func (p *problems) err() error {
	msgs := p.located()
	if len(msgs) == 0 {
		return nil
	}
	errs := make([]error, len(msgs))
	for i, m := range msgs {
		errs[i] = errors.New(m)
	}
	return capped(p.name, errs)
}

// capped joins at most maxProblems errors, then says how many more there
// were.
func capped(name string, errs []error) error {
	if len(errs) > maxProblems {
		errs = append(errs[:maxProblems], fmt.Errorf("%s: … and %d more problems", name, len(errs)-maxProblems))
	}
	return errors.Join(errs...)
}

// lazyWarnings holds a bank's warnings until someone asks for them: lines
// are located then, so a start that shows no warning pays nothing for them.
type lazyWarnings struct {
	once sync.Once
	p    problems
	out  []string
}

// Warnings returns what Parse found questionable but not wrong (a long
// label, more than nine options), one message a line, each starting with
// "name:line:". "guidepost check" prints them with ContractGaps and the
// engine's own warnings (advisor.Check).
func (b *Bank) Warnings() []string {
	if b.warnings == nil {
		return nil
	}
	b.warnings.once.Do(func() { b.warnings.out = b.warnings.p.located() })
	return b.warnings.out
}
