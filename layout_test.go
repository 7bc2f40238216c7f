package main

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayout holds the layout the README describes: main.go is the process
// alone (at most 60 lines) with at most three more Go files beside it, no
// Go file is over 400 lines, and the dependencies point one way (main →
// internal/cli → ui, workshop → batch → advisor → questions; internal/store
// below the commands): no package imports one above it.
func TestLayout(t *testing.T) {
	files := 0
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		files++
		data, _ := os.ReadFile(path)
		n := bytes.Count(data, []byte("\n"))
		if limit := map[bool]int{true: 60, false: 400}[path == "main.go"]; n > limit {
			t.Errorf("%s has %d lines, more than %d", path, n, limit)
		}
		return nil
	})
	if files < 50 {
		t.Fatalf("read %d Go files: the walk missed the tree", files)
	}
	root, _ := filepath.Glob("*.go")
	if !slices.Contains(root, "main.go") || len(root) > 4 {
		t.Errorf("the root holds %d Go files %v; want main.go and at most three more", len(root), root)
	}
	// Each package, and the guidepost packages it must not import.
	above := map[string][]string{
		"questions":      {"advisor", "batch", "ui", "workshop", "internal/cli", "internal/store"},
		"advisor":        {"batch", "ui", "workshop", "internal/cli", "internal/store"},
		"batch":          {"ui", "workshop", "internal/cli", "internal/store"},
		"ui":             {"workshop", "internal/cli", "internal/store"},
		"workshop":       {"internal/cli"},
		"internal/store": {"batch", "ui", "workshop", "internal/cli"},
		"internal/cli":   {},
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
			if imp == "guidepost/internal/testbank" || imp == "guidepost/internal/testroom" {
				t.Errorf("%s imports the test helpers outside its tests", pkg)
			}
			if pkg == "questions" || pkg == "advisor" || pkg == "batch" {
				if strings.HasPrefix(imp, "charm.land/") || strings.HasPrefix(imp, "github.com/charmbracelet/") {
					t.Errorf("%s imports the Charm package %s", pkg, imp)
				}
			}
		}
	}
}

// diskWriters are the calls that create, rename, remove or chmod a file.
var diskWriters = map[string]bool{
	"os.Create": true, "os.CreateTemp": true, "os.WriteFile": true, "os.Rename": true,
	"os.Remove": true, "os.RemoveAll": true, "os.Chmod": true, "os.Mkdir": true,
	"os.MkdirAll": true, "os.MkdirTemp": true, "os.Truncate": true, "os.Symlink": true,
	"os.Link": true, "os.Chtimes": true, "os.O_CREATE": true, "os.O_TRUNC": true,
	"os.O_APPEND": true, "os.O_WRONLY": true, "os.O_RDWR": true,
}

// movingToStore lists the files whose writes are still to move into
// internal/store (the workshop's room file and journal: issue 18's work).
var movingToStore = map[string]bool{}

// TestOnlyTheStoreWrites holds the README's promise that internal/store is
// the only code that touches the user's disk: no other product source
// (tests aside; the tools too: internal/bare, the test helpers, release/
// holds no Go) names a call that
// creates, renames, removes or chmods a file, or opens one for writing.
func TestOnlyTheStoreWrites(t *testing.T) {
	checked := 0
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "testdata" || d.Name() == "e2e" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() && path == "internal/store" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		imported := map[string]bool{}
		for _, imp := range f.Imports {
			name := strings.Trim(imp.Path.Value, `"`)
			name = name[strings.LastIndex(name, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imported[name] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, isID := sel.X.(*ast.Ident)
			pkgCall := isID && imported[id.Name]
			if movingToStore[path] {
				return true
			}
			if pkgCall && diskWriters[id.Name+"."+sel.Sel.Name] {
				t.Errorf("%s uses %s.%s: only internal/store writes to the user's disk", path, id.Name, sel.Sel.Name)
			}
			if !pkgCall && (sel.Sel.Name == "Chmod" || sel.Sel.Name == "Truncate" || sel.Sel.Name == "Chown") {
				t.Errorf("%s calls %s on a file: only internal/store changes the user's files", path, sel.Sel.Name)
			}
			checked++
			return true
		})
		return nil
	})
	if checked < 1000 {
		t.Fatalf("checked %d selectors: the walk missed the tree", checked)
	}
}

// processImports are the packages a test needs to start a process or a
// pseudo-terminal, and processCalls the calls that start, signal or
// replace one, or make a pty.
var (
	processImports = map[string]bool{"os/exec": true, "github.com/creack/pty": true, "github.com/creack/pty/v2": true}
	processCalls   = map[string]bool{
		"os.StartProcess": true, "os.Executable": true, "syscall.ForkExec": true, "syscall.StartProcess": true,
		"syscall.Exec": true, "syscall.Kill": true, "unix.Kill": true, "unix.TIOCSPTLCK": true, "unix.TIOCGPTN": true,
		"build.Import": true, // of an import path it runs the go command (go list); build.ImportDir does not
	}
)

// startsNoProcess lists the test files outside e2e/ allowed an entry of
// processImports or processCalls, each with why it starts no process.
// None is needed today.
var startsNoProcess = map[string]string{}

// TestProcessTestsLiveInE2E holds the README's rule that the tests which
// start processes (tmux, a pty, signals, kill -9, Chromium, load against
// a server in its own process) live in e2e/: no test file elsewhere
// imports os/exec or a pty package, or starts, signals or execs a
// process, or opens a pseudo-terminal.
func TestProcessTestsLiveInE2E(t *testing.T) {
	checked := 0
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "testdata" || d.Name() == "e2e" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") || startsNoProcess[path] != "" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		imported := map[string]bool{}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if processImports[p] {
				t.Errorf("%s imports %s: a test that starts a process or a pty lives in e2e/", path, p)
			}
			name := p[strings.LastIndex(p, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imported[name] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && imported[id.Name] && processCalls[id.Name+"."+sel.Sel.Name] {
					t.Errorf("%s uses %s.%s: a test that starts, signals or execs a process, or opens a pty, lives in e2e/", path, id.Name, sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if checked < 50 {
		t.Fatalf("checked %d test files: the walk missed the tree", checked)
	}
}
