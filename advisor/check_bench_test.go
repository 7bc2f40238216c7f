package advisor

import (
	"os"
	"testing"
)

// BenchmarkCheck is the decision-level check ("guidepost check", and every
// load) on the shipped rule set and on a generated one of 100 questions with
// 10 options each (questions/testdata/large): 1,000 options against 69,
// and reachability is meant to grow about linearly with them.
func BenchmarkCheck(b *testing.B) {
	for _, c := range []struct{ name, path string }{{"default", "../rules.toml"}, {"large", "../questions/testdata/large/rules100x10.toml"}} {
		if _, err := os.Stat(c.path); err != nil {
			b.Fatal(err)
		}
		bank := load(b, c.path)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Check(bank); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
