#!/usr/bin/env bash
# Side-by-side PDF extraction benchmark: `clean --no-fix` against poppler's `pdftotext`.
#
# For every born.pdf and scan.pdf in ../shared/corpus/generated/*/, the GeoTopo book in
# ../shared/corpus/pdf/geotopo-with-groundtruth (word error rate against truth, scored by
# ../shared/tools/score.py TRUTH HYP --no-hyphen) and the 50-page IRS instructions
# (speed only, no truth), it prints a Markdown table: WER of both tools, pages per second
# of both (hyperfine mean; release build) and peak memory of both (/usr/bin/time -v).
#
# Usage: scripts/bench_pdf.sh [RUNS]   (RUNS: hyperfine runs per file, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SHARED=../shared
if [ ! -d "$SHARED/corpus" ]; then
    echo "bench_pdf: $SHARED/corpus not found" >&2
    exit 2
fi
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    apt-get install -y "${need[@]}" >/dev/null
fi
cargo build --release -q
CLEAN=${CARGO_TARGET_DIR:-target}/release/clean
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

wer() { # TRUTH HYP
    python3 "$SHARED/tools/score.py" "$1" "$2" --no-hyphen --json |
        python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["wer"])'
}
mean_secs() { # JSON
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"
}
peak_mb() { # COMMAND...
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}'
}

files=()
for d in "$SHARED"/corpus/generated/*/; do
    for k in born scan; do
        [ -f "$d/$k.pdf" ] && files+=("$d/$k.pdf|$d/truth.txt|$(basename "$d")/$k.pdf")
    done
done
G="$SHARED/corpus/pdf/geotopo-with-groundtruth"
[ -f "$G/GeoTopo-komprimiert.pdf" ] &&
    files+=("$G/GeoTopo-komprimiert.pdf|$G/GeoTopo-book.groundtruth.txt|GeoTopo-komprimiert.pdf")
I="$SHARED/corpus/pdf/pdfminer-samples/i1040nr.pdf"
[ -f "$I" ] && files+=("$I||i1040nr.pdf (no truth)")

echo "| file | pages | WER clean | WER pdftotext | pages/s clean | pages/s pdftotext | peak MB clean | peak MB pdftotext |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
worse=0
for entry in "${files[@]}"; do
    IFS='|' read -r pdf truth name <<<"$entry"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    "$CLEAN" -q --no-fix "$pdf" >"$TMP/clean.txt" 2>/dev/null
    pdftotext "$pdf" "$TMP/pdftotext.txt"
    if [ -n "$truth" ]; then
        w1=$(wer "$truth" "$TMP/clean.txt")
        w2=$(wer "$truth" "$TMP/pdftotext.txt")
        if python3 -c "import sys; sys.exit(0 if $w1 > $w2 else 1)"; then
            worse=$((worse + 1))
            w1="**$w1**"
        fi
    else
        w1=-
        w2=-
    fi
    hyperfine -N -w 1 -r "$RUNS" --export-json "$TMP/c.json" "$CLEAN -q --no-fix $pdf" >/dev/null 2>&1
    hyperfine -N -w 1 -r "$RUNS" --export-json "$TMP/p.json" "pdftotext $pdf -" >/dev/null 2>&1
    s1=$(mean_secs "$TMP/c.json")
    s2=$(mean_secs "$TMP/p.json")
    p1=$(python3 -c "print('%.0f' % ($pages / $s1))")
    p2=$(python3 -c "print('%.0f' % ($pages / $s2))")
    m1=$(peak_mb "$CLEAN" -q --no-fix "$pdf")
    m2=$(peak_mb pdftotext "$pdf" -)
    echo "| $name | $pages | $w1 | $w2 | $p1 | $p2 | $m1 | $m2 |"
done
echo
echo "Files where clean's WER is worse than pdftotext's (bold): $worse"
