// Command csvfloor is the floor that whole-process batch scoring is
// measured against (issue 12): it reads CSV on stdin with encoding/csv and
// writes every record back with encoding/csv, as a program that does
// nothing but pass rows through would. Build it with
// go build ./batch/testdata/tools/csvfloor.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
)

func main() {
	cr := csv.NewReader(bufio.NewReaderSize(os.Stdin, 64<<10))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	bw := bufio.NewWriterSize(os.Stdout, 64<<10)
	cw := csv.NewWriter(bw)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
