#!/usr/bin/env bash
# Builds Guidepost's release files, for users without Go: an archive per
# platform (Linux, macOS and Windows; amd64 and arm64) holding the binary,
# README.md, the manual page and the shell completions, and Debian and RPM
# packages for Linux, made by nfpm's own command (go install
# github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0), so no release tool
# enters the product's go.mod.
#
#   release/build.sh                         every platform into dist/, version from the git tag
#   release/build.sh --snapshot --out DIR    linux/amd64 only, as CI does
#   release/build.sh --version v1.2.3        a version of your choosing
#
# The version is the tag on HEAD (git describe --tags --exact-match), or
# v0.0.0-snapshot+<commit> when there is none or with --snapshot; it is
# linked into the binary, which prints it for --version. Windows archives
# need zip.
set -euo pipefail

nfpm_version=v2.48.0
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/dist"
version=""
snapshot=false
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out="$2"; shift 2 ;;
	--version) version="$2"; shift 2 ;;
	--snapshot) snapshot=true; shift ;;
	*) echo "release: unknown argument $1 (see the top of $0)" >&2; exit 2 ;;
	esac
done
if [ -z "$version" ]; then
	tag="$(git -C "$root" describe --tags --exact-match 2>/dev/null || true)"
	if [ -n "$tag" ] && ! $snapshot; then
		version="$tag"
	elif rev="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null)"; then
		version="v0.0.0-snapshot+$rev"
	else
		version="v0.0.0-snapshot"
	fi
fi
targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"
$snapshot && targets="linux/amd64"
case "$targets" in *windows*) command -v zip >/dev/null || { echo "release: Windows archives need zip" >&2; exit 1; } ;; esac

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "guidepost $version: $(echo $targets | wc -w) platform(s) into $out"

# build GOOS GOARCH FILE: the product, cross-compiled, with the version linked.
build() {
	echo "  build $1/$2"
	(cd "$root" && CGO_ENABLED=0 GOOS="$1" GOARCH="$2" go build -trimpath \
		-ldflags "-s -w -X guidepost/internal/cli.version=$version" -o "$3" .)
}

# The manual page and the completions, printed by a binary this machine runs.
build "$(go env GOHOSTOS)" "$(go env GOHOSTARCH)" "$work/host/guidepost"
docs="$work/docs"
mkdir -p "$docs/man" "$docs/completions"
gen() { # gen FILE ARGS...: guidepost ARGS > FILE, plain text only
	NO_COLOR=1 TERM=dumb "$work/host/guidepost" "${@:2}" > "$1"
	[ -s "$1" ] || { echo "release: guidepost ${*:2} printed nothing" >&2; exit 1; }
	if grep -q $'\x1b' "$1"; then echo "release: guidepost ${*:2} printed terminal escapes" >&2; exit 1; fi
}
gen "$docs/man/guidepost.1" man
gen "$docs/completions/guidepost.bash" completion bash
gen "$docs/completions/_guidepost" completion zsh
gen "$docs/completions/guidepost.fish" completion fish
gzip -9n < "$docs/man/guidepost.1" > "$docs/man/guidepost.1.gz"

GOBIN="$work/bin" go install "github.com/goreleaser/nfpm/v2/cmd/nfpm@$nfpm_version"

made=()
for t in $targets; do
	goos="${t%/*}" goarch="${t#*/}"
	exe=guidepost
	[ "$goos" = windows ] && exe=guidepost.exe
	base="guidepost_${version#v}_${goos}_${goarch}"
	stage="$work/stage/$base"
	build "$goos" "$goarch" "$stage/$exe"
	cp "$root/README.md" "$stage/"
	mkdir -p "$stage/man" "$stage/completions"
	cp "$docs/man/guidepost.1" "$stage/man/"
	cp "$docs/completions/"* "$stage/completions/"
	if [ "$goos" = windows ]; then
		(cd "$work/stage" && zip -qr "$out/$base.zip" "$base")
		made+=("$base.zip")
	else
		tar -czf "$out/$base.tar.gz" -C "$work/stage" --owner=0 --group=0 "$base"
		made+=("$base.tar.gz")
	fi
	echo "  wrote ${made[-1]}"
	if [ "$goos" = linux ]; then
		for format in deb rpm; do
			before="$(ls "$out")"
			sed -e "s|\${GUIDEPOST_ARCH}|$goarch|; s|\${GUIDEPOST_VERSION}|${version#v}|" \
				-e "s|\${GUIDEPOST_BIN}|$stage/$exe|; s|\${GUIDEPOST_DOCS}|$docs|" \
				"$root/release/nfpm.yaml" > "$work/nfpm-$goarch.yaml"
			"$work/bin/nfpm" package --config "$work/nfpm-$goarch.yaml" --packager "$format" --target "$out/" >/dev/null
			new="$(comm -13 <(echo "$before") <(ls "$out"))"
			made+=("$new")
			echo "  wrote $new"
		done
	fi
done
(cd "$out" && sha256sum "${made[@]}" > checksums.txt)
