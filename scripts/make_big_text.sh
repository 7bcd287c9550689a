#!/usr/bin/env bash
# make_big_text.sh [OUT] [MIN_MB]: build a large OCR-like text file for speed tests by
# concatenating the OCR text of ../shared/corpus (real/*/ocr/*.txt and generated/*/ocr.txt)
# over and over until it holds at least MIN_MB megabytes (default 100). Without
# ../shared, the project's own regression texts (tests/data/regression/ocr) are used.
# The file is built under target/ and never committed. Prints the file's path.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/target/bench/big.txt}
min_mb=${2:-100}
min_bytes=$((min_mb * 1024 * 1024))
mkdir -p "$(dirname "$out")"
if [[ -f $out && $(stat -c %s "$out") -ge $min_bytes ]]; then
  echo "$out"; exit 0
fi
shopt -s nullglob
sources=("$here"/../shared/corpus/real/*/ocr/*.txt "$here"/../shared/corpus/generated/*/ocr.txt)
if (( ${#sources[@]} == 0 )); then
  sources=("$here"/tests/data/regression/ocr/*.txt)
fi
seed=$(mktemp)
trap 'rm -f "$seed"' EXIT
cat "${sources[@]}" > "$seed"
seed_bytes=$(stat -c %s "$seed")
if (( seed_bytes == 0 )); then echo "make_big_text: no source text" >&2; exit 2; fi
: > "$out"
# Double a chunk until it is large, then append it: fast even from a small seed.
chunk=$(mktemp)
trap 'rm -f "$seed" "$chunk"' EXIT
cp "$seed" "$chunk"
while (( $(stat -c %s "$chunk") < 8 * 1024 * 1024 && $(stat -c %s "$chunk") < min_bytes )); do
  cat "$chunk" "$chunk" > "$chunk.2" && mv "$chunk.2" "$chunk"
done
while (( $(stat -c %s "$out") < min_bytes )); do
  cat "$chunk" >> "$out"
done
echo "$out"
