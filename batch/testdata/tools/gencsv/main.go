// Command gencsv writes CSV inputs for the batch measurements
// (../../whole-process.sh, ../../hostile-mem.sh) on stdout:
//
//	gencsv -rows N            a header and N rows of random answers to every
//	                          question of -rules (a tenth of the cells empty)
//	gencsv -hostile field     one 200 MB quoted id cell holding line breaks,
//	                          between two ordinary rows
//	gencsv -hostile groups    1,000 rows, each with a distinct 1 MB team
//	                          value (for --summary --by team)
//
// It lives under testdata so that go build ./... and go test ./... leave it
// alone; build it with go build ./batch/testdata/tools/gencsv.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"guidepost/questions"
)

func main() {
	rows := flag.Int("rows", 0, "rows of random answers")
	rules := flag.String("rules", "rules.toml", "rule set whose questions are answered")
	hostile := flag.String("hostile", "", "field or groups")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	switch *hostile {
	case "field":
		w.WriteString("id,need\nfirst,career\n\"")
		line := strings.Repeat("x", 99) + "\n"
		for range 200 << 20 / len(line) {
			w.WriteString(line)
		}
		w.WriteString("\",career\nlast,networking\n")
		return
	case "groups":
		w.WriteString("id,team,need\n")
		pad := strings.Repeat("g", 1_000_000) // 1 MB: each line stays under the 1 MiB limit
		for i := range 1000 {
			fmt.Fprintf(w, "p%d,%s%d,career\n", i, pad, i)
		}
		return
	case "":
	default:
		fmt.Fprintln(os.Stderr, "gencsv: -hostile field or groups")
		os.Exit(2)
	}
	data, err := os.ReadFile(*rules)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err := questions.Parse(*rules, data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	line := []byte("id")
	for _, q := range b.Questions {
		line = append(append(line, ','), q.ID...)
	}
	w.Write(append(line, '\n'))
	for n := 1; n <= *rows; n++ {
		line = strconv.AppendInt(append(line[:0], 'p'), int64(n), 10)
		for _, q := range b.Questions {
			line = append(line, ',')
			if rnd.IntN(10) > 0 {
				line = append(line, q.Options[rnd.IntN(len(q.Options))].ID...)
			}
		}
		w.Write(append(line, '\n'))
	}
}
