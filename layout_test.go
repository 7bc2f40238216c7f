package main

import (
	"bytes"
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayout holds the layout the README describes: main.go is the seam
// alone (at most 150 lines), no Go file is over 400 lines, and the
// dependencies point one way (main → commands → ui, workshop → batch →
// advisor → questions): no package imports one above it.
func TestLayout(t *testing.T) {
	files := 0
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (path == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.Contains(path, "testdata") {
			return nil
		}
		files++
		data, _ := os.ReadFile(path)
		n := bytes.Count(data, []byte("\n"))
		if limit := map[bool]int{true: 150, false: 400}[path == "main.go"]; n > limit {
			t.Errorf("%s has %d lines, more than %d", path, n, limit)
		}
		return nil
	})
	if files < 50 {
		t.Fatalf("read %d Go files: the walk missed the tree", files)
	}
	// Each package, and the guidepost packages it must not import.
	above := map[string][]string{
		"questions": {"advisor", "batch", "ui", "workshop"},
		"advisor":   {"batch", "ui", "workshop"},
		"batch":     {"ui", "workshop"},
		"ui":        {"workshop"},
		"workshop":  {},
	}
	for pkg, banned := range above {
		p, err := build.ImportDir(pkg, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			for _, b := range banned {
				if imp == "guidepost/"+b {
					t.Errorf("%s imports %s, which sits above it", pkg, imp)
				}
			}
			if pkg == "questions" || pkg == "advisor" || pkg == "batch" {
				if strings.HasPrefix(imp, "charm.land/") || strings.HasPrefix(imp, "github.com/charmbracelet/") {
					t.Errorf("%s imports the Charm package %s", pkg, imp)
				}
			}
		}
	}
}
