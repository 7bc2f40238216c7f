package batch

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestImports checks the layering the package doc promises: batch builds
// on advisor and questions, and neither it nor anything it imports is a
// Charm package; it opens no file and touches no terminal (no os).
func TestImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	direct := strings.Join(pkg.Imports, " ")
	for _, want := range []string{"guidepost/advisor", "guidepost/questions"} {
		if !strings.Contains(direct, want) {
			t.Errorf("batch does not import %s (imports: %s)", want, direct)
		}
	}
	for _, imp := range pkg.Imports {
		if imp == "os" || imp == "guidepost/ui" {
			t.Errorf("batch imports %s", imp)
		}
	}
	seen := map[string]bool{}
	var walk func(path, from string)
	walk = func(path, from string) {
		if seen[path] {
			return
		}
		seen[path] = true
		if strings.HasPrefix(path, "charm.land/") || strings.HasPrefix(path, "github.com/charmbracelet/") {
			t.Errorf("batch depends on the Charm package %s (through %s)", path, from)
			return
		}
		if !strings.HasPrefix(path, "guidepost/") {
			return
		}
		// ImportDir reads the package's folder; build.Import of an import
		// path would run the go command (go list) to find it.
		p, err := build.ImportDir(filepath.Join("..", strings.TrimPrefix(path, "guidepost/")), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			walk(imp, path)
		}
	}
	for _, imp := range pkg.Imports {
		walk(imp, "guidepost/batch")
	}
}
