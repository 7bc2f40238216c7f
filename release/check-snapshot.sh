#!/usr/bin/env bash
# CI's release check: build the linux/amd64 snapshot (archive, .deb, .rpm)
# with the release tool, unpack the .deb with dpkg -x and check that its
# binary runs and prints the version it was built with, and that the
# manual page and the bash, zsh and fish completions are inside it and in
# the archive. Only one platform, to keep CI to a few minutes.
set -euo pipefail

cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

version="v0.0.0-ci.$(date -u +%Y%m%d%H%M%S)"
./build.sh --snapshot --version "$version" --out "$tmp/dist"

fail() { echo "release check: $*" >&2; exit 1; }

(cd "$tmp/dist" && sha256sum -c --quiet checksums.txt) || fail "checksums.txt does not match"
debs=("$tmp"/dist/*_amd64.deb)
rpms=("$tmp"/dist/*.x86_64.rpm)
tars=("$tmp"/dist/*_linux_amd64.tar.gz)
[ -f "${debs[0]}" ] && [ -f "${rpms[0]}" ] && [ -f "${tars[0]}" ] || fail "missing a file: $(ls "$tmp/dist")"

dpkg -x "${debs[0]}" "$tmp/deb"
got="$("$tmp/deb/usr/bin/guidepost" --version)"
[ "$got" = "guidepost $version" ] || fail "the packaged binary says '$got', want 'guidepost $version'"
zcat "$tmp/deb/usr/share/man/man1/guidepost.1.gz" | grep -q '^\.TH GUIDEPOST 1' || fail "no manual page in the .deb"
for f in usr/share/bash-completion/completions/guidepost usr/share/zsh/vendor-completions/_guidepost \
	usr/share/fish/vendor_completions.d/guidepost.fish; do
	grep -q guidepost "$tmp/deb/$f" || fail "no $f in the .deb"
done
bash -n "$tmp/deb/usr/share/bash-completion/completions/guidepost" || fail "the bash completion is not valid bash"
debver="${version#v}"
dpkg-deb -f "${debs[0]}" Version | grep -qF "${debver/-/\~}" || fail "the .deb's version is not ${debver/-/\~}"

mkdir "$tmp/tar"
tar -xzf "${tars[0]}" -C "$tmp/tar"
dir=("$tmp"/tar/guidepost_*)
got="$("${dir[0]}/guidepost" --version)"
[ "$got" = "guidepost $version" ] || fail "the archive's binary says '$got'"
for f in man/guidepost.1 completions/guidepost.bash completions/_guidepost completions/guidepost.fish README.md; do
	[ -s "${dir[0]}/$f" ] || fail "no $f in the archive"
done
echo "release check: ok ($version: archive, .deb and .rpm; the .deb's binary, manual page and completions)"
