package cli

// guidepost --version: the version of the build.

import (
	"runtime/debug"
	"strings"
)

// version may be set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the build's own information names the version.
var version string

// buildVersion returns the version to print.
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	return versionOf(info, ok)
}

// versionOf names a build: its module version (a release, or the
// pseudo-version go build stamps from the commit), else the VCS revision
// (+dirty when the tree had changes), else "(devel)" with the Go version
// when the build carries neither (go run, or -buildvcs=false).
func versionOf(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "(unknown: no build information)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "+dirty"
		}
		return rev
	}
	return strings.TrimSpace("(devel) " + info.GoVersion)
}
