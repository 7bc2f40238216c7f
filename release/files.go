package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb"
	"github.com/goreleaser/nfpm/v2/files"
	_ "github.com/goreleaser/nfpm/v2/rpm"
)

// extra is one generated file that ships beside the binary: its place in
// the archive and, in a package, on the system.
type extra struct {
	args        []string // the guidepost command that prints it
	archive     string
	system      string
	gzipped     bool // gzipped in packages (the manual page)
	description string
}

var extras = []extra{
	{[]string{"man"}, "man/guidepost.1", "/usr/share/man/man1/guidepost.1.gz", true, "manual page"},
	{[]string{"completion", "bash"}, "completions/guidepost.bash", "/usr/share/bash-completion/completions/guidepost", false, "bash completion"},
	{[]string{"completion", "zsh"}, "completions/_guidepost", "/usr/share/zsh/vendor-completions/_guidepost", false, "zsh completion"},
	{[]string{"completion", "fish"}, "completions/guidepost.fish", "/usr/share/fish/vendor_completions.d/guidepost.fish", false, "fish completion"},
}

// makeExtras runs bin to write every extra under dir (and the gzipped
// manual page beside it), and returns dir.
func makeExtras(bin, dir string) (string, error) {
	for _, x := range extras {
		cmd := exec.Command(bin, x.args...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=dumb")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || out.Len() == 0 {
			return "", fmt.Errorf("guidepost %s: %v %s", strings.Join(x.args, " "), err, errb.String())
		}
		data := out.Bytes()
		if bytes.Contains(data, []byte{0x1b}) {
			return "", fmt.Errorf("guidepost %s printed terminal escapes", strings.Join(x.args, " "))
		}
		if err := write(filepath.Join(dir, x.archive), data); err != nil {
			return "", err
		}
		if x.gzipped {
			var z bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
			zw.Write(data)
			zw.Close()
			if err := write(filepath.Join(dir, x.archive+".gz"), z.Bytes()); err != nil {
				return "", err
			}
		}
	}
	return dir, nil
}

func write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// archive writes guidepost_<version>_<os>_<arch>.tar.gz (.zip for
// Windows): one folder holding the binary, README.md, the manual page and
// the completions.
func archive(root, out, version string, t target, bin, docs string) (string, error) {
	base := fmt.Sprintf("guidepost_%s_%s", strings.TrimPrefix(version, "v"), t)
	type entry struct {
		name, src string
		mode      int64
	}
	entries := []entry{{t.exe(), bin, 0o755}, {"README.md", filepath.Join(root, "README.md"), 0o644}}
	for _, x := range extras {
		entries = append(entries, entry{x.archive, filepath.Join(docs, x.archive), 0o644})
	}
	name := filepath.Join(out, base+".tar.gz")
	if t.goos == "windows" {
		name = filepath.Join(out, base+".zip")
	}
	f, err := os.Create(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var zw *zip.Writer
	var tw *tar.Writer
	var gz *gzip.Writer
	if t.goos == "windows" {
		zw = zip.NewWriter(f)
	} else {
		gz = gzip.NewWriter(f)
		tw = tar.NewWriter(gz)
	}
	for _, e := range entries {
		data, err := os.ReadFile(e.src)
		if err != nil {
			return "", err
		}
		path := base + "/" + e.name
		if zw != nil {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate})
			if err == nil {
				_, err = w.Write(data)
			}
			if err != nil {
				return "", err
			}
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: path, Mode: e.mode, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			return "", err
		}
		if _, err := tw.Write(data); err != nil {
			return "", err
		}
	}
	if zw != nil {
		err = zw.Close()
	} else if err = tw.Close(); err == nil {
		err = gz.Close()
	}
	if err == nil {
		err = f.Close()
	}
	fmt.Printf("  wrote %s\n", filepath.Base(name))
	return name, err
}

// pkg writes a Debian or RPM package (format "deb" or "rpm") for Linux
// target t, with nfpm: the binary in /usr/bin and every extra in its
// system place.
func pkg(out, format, version string, t target, bin, docs string) (string, error) {
	info := &nfpm.Info{
		Name: "guidepost", Arch: t.goarch, Platform: "linux", Version: strings.TrimPrefix(version, "v"),
		Section: "utils", Priority: "optional", Maintainer: "Guidepost maintainers",
		Description: "Recommends coaching, mentoring or a combined programme for a person",
		Homepage:    "https://github.com/guidepost/guidepost", License: "see README.md",
	}
	info.Contents = append(info.Contents, content(bin, "/usr/bin/guidepost", 0o755))
	for _, x := range extras {
		src := filepath.Join(docs, x.archive)
		if x.gzipped {
			src += ".gz"
		}
		info.Contents = append(info.Contents, content(src, x.system, 0o644))
	}
	info = nfpm.WithDefaults(info)
	if err := nfpm.PrepareForPackager(info, format); err != nil {
		return "", fmt.Errorf("%s package: %w", format, err)
	}
	p, err := nfpm.Get(format)
	if err != nil {
		return "", err
	}
	name := filepath.Join(out, p.ConventionalFileName(info))
	var buf bytes.Buffer
	if err := p.Package(info, &buf); err != nil {
		return "", fmt.Errorf("%s package: %w", format, err)
	}
	fmt.Printf("  wrote %s\n", filepath.Base(name))
	return name, os.WriteFile(name, buf.Bytes(), 0o644)
}

// checksums writes checksums.txt: the SHA-256 of every file made, as
// sha256sum -c reads it.
func checksums(out string, made []string) error {
	var b strings.Builder
	for _, path := range made {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%x  %s\n", h.Sum(nil), filepath.Base(path))
	}
	return os.WriteFile(filepath.Join(out, "checksums.txt"), []byte(b.String()), 0o644)
}

// content is one file of a package.
func content(src, dst string, mode os.FileMode) *files.Content {
	return &files.Content{Source: src, Destination: dst, FileInfo: &files.ContentFileInfo{Mode: mode}}
}
