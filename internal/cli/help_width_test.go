package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"guidepost/internal/testbank"
)

// commandPaths lists the arguments that name each command of the tree,
// the root's empty.
func commandPaths(t *testing.T) [][]string {
	var out bytes.Buffer
	a := newApp(process{in: strings.NewReader(""), out: &out, err: &out, getenv: os.Getenv, now: time.Now, rules: testbank.Rules(t)})
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(a.rootCommand(), nil)
	return paths
}

// TestHelpFits80Columns: every command's help, written to a pipe or a
// file, fits 80 columns with no space left at the end of a line, so that
// no terminal breaks a word ("s / hell") in it.
func TestHelpFits80Columns(t *testing.T) {
	testbank.Isolate(t)
	paths := commandPaths(t)
	if len(paths) < 10 {
		t.Fatalf("only %d commands found: %v", len(paths), paths)
	}
	for _, path := range paths {
		r := runCLI(t, "", append(path, "--help")...)
		if r.code != exitOK || r.stdout == "" {
			t.Errorf("%v --help = %d, stderr %q", path, r.code, r.stderr)
			continue
		}
		for i, line := range strings.Split(r.stdout, "\n") {
			if w := ansi.StringWidth(line); w > helpColumns {
				t.Errorf("guidepost %s --help, line %d is %d columns: %q", strings.Join(path, " "), i+1, w, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("guidepost %s --help, line %d ends in spaces: %q", strings.Join(path, " "), i+1, line)
			}
		}
	}
}
