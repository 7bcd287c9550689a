#!/usr/bin/env bash
# Make a batch of N text files (default 1000) in DIR (default /tmp/ocrclean-batch/in) by
# splitting the OCR text of ../shared/corpus into pieces of whole lines, in a nested tree
# (00/ … 09/). For measuring only: the corpus is third-party, never copy it into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
dir=${2:-/tmp/ocrclean-batch/in}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "no $corpus here" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir"
all=$(mktemp)
find "$corpus/real" -path '*/ocr/*.txt' -print0 | sort -z | xargs -0 cat > "$all"
find "$corpus/generated" -name ocr.txt -print0 | sort -z | xargs -0 cat >> "$all"
# Some sets hold a document on one line: break long lines at spaces so every piece has text.
fold -s -w 500 "$all" > "$all.folded" && mv "$all.folded" "$all"
split -n "l/$n" -d -a 4 --additional-suffix=.txt "$all" "$dir/piece-"
rm -f "$all"
# Nest them: piece-0123.txt goes to 01/piece-0123.txt, so the walk and mirroring are used.
for f in "$dir"/piece-*.txt; do
  b=$(basename "$f"); sub=${b:6:2}; mkdir -p "$dir/$sub"; mv "$f" "$dir/$sub/$b"
done
find "$dir" -name '*.txt' -size 0 -delete
echo "$(find "$dir" -name '*.txt' | wc -l) files, $(du -sh "$dir" | cut -f1) in $dir"
