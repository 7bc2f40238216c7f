// Command guidepost recommends coaching, mentoring or a combined programme
// for a person, from a short set of questions.
//
// With no command it runs the interactive advisor: a terminal UI, or plain
// numbered prompts when asked for (--accessible) or when stdin or stdout is
// not a terminal. The commands live in internal/cli; see docs/CONTRACT.md
// §2 for the command line it promises.
//
// This file is the process: it embeds the default rule set (//go:embed
// cannot reach above the module root, so the embed lives here) and hands
// the arguments, streams, environment and clock to cli.Run, whose answer
// is the exit code.
package main

import (
	_ "embed"
	"os"
	"time"

	"guidepost/internal/cli"
)

//go:embed rules.toml
var rules []byte

func main() {
	os.Exit(cli.Run(cli.Process{
		Args: os.Args[1:], In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Getenv: os.Getenv, Now: time.Now, Rules: rules,
	}))
}
