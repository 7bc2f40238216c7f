// Command release builds Guidepost's release files without Go on the
// user's side: an archive per platform (Linux, macOS and Windows; amd64
// and arm64) holding the binary, the manual page and shell completions,
// and Debian and RPM packages for Linux, made with nfpm used as a library.
//
// It is a module of its own (release/go.mod), so nothing it needs enters
// the product's go.mod. Run it from this folder:
//
//	go run . -out ../dist              # every platform, version from the git tag
//	go run . -snapshot -out /tmp/dist  # linux/amd64 only, as CI does
//
// The version is the tag on HEAD (git describe --tags --exact-match), or
// v0.0.0-snapshot+<commit> when there is none or with -snapshot; it is
// linked into the binary (-X ….version), which prints it for --version.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// targets are the platforms of a release.
var targets = []target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

type target struct{ goos, goarch string }

func (t target) String() string { return t.goos + "_" + t.goarch }

// exe is the binary's file name on t.
func (t target) exe() string {
	if t.goos == "windows" {
		return "guidepost.exe"
	}
	return "guidepost"
}

// versionVars are where the version may be linked: the package main of
// today and the command package it is moving to. The linker ignores a
// name the program does not have.
var versionVars = []string{"main.version", "guidepost/internal/cli.version"}

func main() {
	out := flag.String("out", "dist", "the folder to write the release files to")
	snapshot := flag.Bool("snapshot", false, "build linux/amd64 only, versioned as a snapshot")
	version := flag.String("version", "", "the version (default: the git tag on HEAD, else a snapshot version)")
	flag.Parse()
	if err := run(*out, *version, *snapshot); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(out, version string, snapshot bool) error {
	root, err := filepath.Abs("..")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "main.go")); err != nil {
		return fmt.Errorf("run this from the release folder of the Guidepost tree: %w", err)
	}
	if version == "" {
		version = gitVersion(root, snapshot)
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ts := targets
	if snapshot {
		ts = []target{{"linux", "amd64"}}
	}
	work, err := os.MkdirTemp("", "guidepost-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	fmt.Printf("guidepost %s: %d platform(s) into %s\n", version, len(ts), out)
	var made []string
	var docs string
	for _, t := range ts {
		bin := filepath.Join(work, t.String(), t.exe())
		if err := build(root, t, version, bin); err != nil {
			return err
		}
		if docs == "" { // completions and the manual, from a binary this machine runs
			host := bin
			if t.goos != runtime.GOOS || t.goarch != runtime.GOARCH {
				host = filepath.Join(work, "host", "guidepost")
				if err := build(root, target{runtime.GOOS, runtime.GOARCH}, version, host); err != nil {
					return err
				}
			}
			if docs, err = makeExtras(host, filepath.Join(work, "extras")); err != nil {
				return err
			}
		}
		a, err := archive(root, out, version, t, bin, docs)
		if err != nil {
			return err
		}
		made = append(made, a)
		if t.goos == "linux" {
			for _, format := range []string{"deb", "rpm"} {
				p, err := pkg(out, format, version, t, bin, docs)
				if err != nil {
					return err
				}
				made = append(made, p)
			}
		}
	}
	return checksums(out, made)
}

// gitVersion is the tag on HEAD, else (or with snapshot) a snapshot
// version naming the commit.
func gitVersion(root string, snapshot bool) string {
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		b, err := cmd.Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(b))
	}
	if tag := git("describe", "--tags", "--exact-match"); tag != "" && !snapshot {
		return tag
	}
	if rev := git("rev-parse", "--short=12", "HEAD"); rev != "" {
		return "v0.0.0-snapshot+" + rev
	}
	return "v0.0.0-snapshot"
}

// build cross-compiles the product for t into bin, with version linked.
func build(root string, t target, version, bin string) error {
	ldflags := "-s -w"
	for _, v := range versionVars {
		ldflags += " -X " + v + "=" + version
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	fmt.Printf("  build %s\n", t)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s: %w", t, err)
	}
	return nil
}
