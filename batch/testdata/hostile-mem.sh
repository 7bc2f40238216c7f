#!/usr/bin/env bash
# Peak memory of `guidepost score --csv` on the two hostile CSVs of issue 11
# (item 3), measured with /usr/bin/time -v: a 200 MB quoted field holding
# line breaks, and --summary --by over 1,000 distinct 1 MB group values.
# Each must stay under 150 MB of peak RSS. Run from anywhere:
#
#	batch/testdata/hostile-mem.sh [path/to/guidepost]
#
# Without an argument it builds the binary from this checkout. Exit status
# 1 when a run goes over the limit.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit_kb=$((150 * 1024))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin="${1:-}"
if [ -z "$bin" ]; then
	bin="$work/guidepost"
	go build -o "$bin" .
fi
go build -o "$work/gencsv" ./batch/testdata/tools/gencsv
"$work/gencsv" -hostile field >"$work/field.csv"
"$work/gencsv" -hostile groups >"$work/groups.csv"

status=0
measure() { # name, then the arguments of guidepost
	local name="$1"
	shift
	local code=0
	/usr/bin/time -v -o "$work/time" "$bin" "$@" >"$work/out" 2>"$work/err" || code=$?
	local kb
	kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")"
	wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")"
	printf '%-8s exit %d  %s  peak RSS %6.1f MB  output %s bytes  %s\n' "$name" "$code" "$wall" "$(echo "$kb/1024" | bc -l)" \
		"$(wc -c <"$work/out")" "$(grep -m1 -o 'could not be scored.*' "$work/err" || true)"
	if [ "$kb" -gt "$limit_kb" ]; then
		echo "  over the limit of 150 MB" >&2
		status=1
	fi
}
ls -l "$work/field.csv" "$work/groups.csv" | awk '{print $5, $9}'
measure field score --csv "$work/field.csv"
measure groups score --csv "$work/groups.csv" --summary --by team
exit $status
