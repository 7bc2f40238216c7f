#!/usr/bin/env bash
# Whole-process speed of `guidepost score --csv` against its floor (issue
# 12): a plain encoding/csv read and write of the same rows
# (tools/csvfloor), on 300k and 1M generated rows of the shipped rule set,
# in every mode. Runs are paired (floor, then guidepost, RUNS times) and
# the medians compared; peak RSS comes from /usr/bin/time. With REF set to
# another guidepost binary, it first checks that both write byte-identical
# CSV and JSONL output, and summaries with the same figures (the summary's
# wording changed with issue 9: only its count, share and confidence lines
# are compared).
#
#	batch/testdata/whole-process.sh [path/to/guidepost [another ...]]
#	RUNS=7 REF=/tmp/guidepost-old batch/testdata/whole-process.sh
#
# With several binaries, each run of the floor is followed by one run of
# each, so that they are compared under the same load.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
	bins=("$work/guidepost")
	go build -o "${bins[0]}" .
fi
bin="${bins[0]}"
go build -o "$work/gencsv" ./batch/testdata/tools/gencsv
go build -o "$work/csvfloor" ./batch/testdata/tools/csvfloor

modes=("csv" "jsonl" "summary" "summary --by need")
args() { # mode -> guidepost arguments after the file
	case "$1" in
	csv) echo "" ;;
	jsonl) echo "--format jsonl" ;;
	summary) echo "--summary" ;;
	"summary --by need") echo "--summary --by need" ;;
	esac
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work), $runs paired runs, medians"
for rows in 300000 1000000; do
	in="$work/in-$rows.csv"
	"$work/gencsv" -rows "$rows" -rules rules.toml >"$in"
	if [ -n "${REF:-}" ]; then
		for mode in "${modes[@]}"; do
			# shellcheck disable=SC2046
			"$bin" score --csv "$in" $(args "$mode") >"$work/new" || true
			# shellcheck disable=SC2046
			"$REF" score --csv "$in" $(args "$mode") >"$work/ref" || true
			what="output byte-identical"
			case "$mode" in summary*)
				what="summary figures identical"
				for f in new ref; do
					grep -E '^(Rows:|Average confidence|  [a-z_]+ +[█░]|  [A-Z].*  +[0-9]+$|[a-z_]+: )' "$work/$f" >"$work/$f.figures" || true
					mv "$work/$f.figures" "$work/$f"
				done
				;;
			esac
			if cmp -s "$work/new" "$work/ref"; then
				echo "$rows rows, $mode: $what to $REF ($(wc -l <"$work/new") lines)"
			else
				echo "$rows rows, $mode: OUTPUT DIFFERS from $REF" >&2
				exit 1
			fi
		done
	fi
	for mode in "${modes[@]}"; do
		: >"$work/floor"
		for i in "${!bins[@]}"; do : >"$work/ours$i"; done
		for _ in $(seq "$runs"); do
			/usr/bin/time -f "%e %M %U %S" -o "$work/t" "$work/csvfloor" <"$in" >/dev/null
			cat "$work/t" >>"$work/floor"
			for i in "${!bins[@]}"; do
				# shellcheck disable=SC2046
				/usr/bin/time -f "%e %M %U %S" -o "$work/t" "${bins[$i]}" score --csv "$in" $(args "$mode") >/dev/null || true
				cat "$work/t" >>"$work/ours$i"
			done
		done
		f="$(cut -d' ' -f1 "$work/floor" | median)"
		fc="$(awk '{print $3 + $4}' "$work/floor" | median)"
		for i in "${!bins[@]}"; do
			o="$(cut -d' ' -f1 "$work/ours$i" | median)"
			m="$(cut -d' ' -f2 "$work/ours$i" | sort -n | tail -1)"
			oc="$(awk '{print $3 + $4}' "$work/ours$i" | median)"
			printf '%8d rows  %-18s %-22s floor %5.2fs  guidepost %5.2fs  ratio %.2fx  (CPU %5.2fs vs %5.2fs)  peak RSS %5.1f MB\n' \
				"$rows" "$mode" "$(basename "${bins[$i]}")" "$f" "$o" "$(echo "$o / $f" | bc -l)" "$fc" "$oc" "$(echo "$m / 1024" | bc -l)"
		done
	done
done
