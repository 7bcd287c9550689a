#!/usr/bin/env bash
# bench_peers.sh: time `clean` against its peers on the same inputs with hyperfine.
#   Text: `cat` (the floor: just reading and writing), a sed clean-up (ligatures and
#   trailing spaces, what a shell one-liner does), `clean` with the default rules and
#   `clean --select unicode,spacing` (the character-level path), on one corpus set's OCR
#   text and on a >= 100 MB file (make_big_text.sh); MB/s of each.
#   PDF: `pdftotext` (poppler-utils) against `clean FILE.pdf` (default rules) and
#   `clean --select unicode FILE.pdf` (extraction and character repairs only) on the
#   generated corpus's born-digital PDFs, when this build reads PDFs (else pdftotext alone).
# Installs hyperfine and poppler-utils with apt-get when they are missing.
# Needs ../shared/corpus for the corpus inputs; the big file falls back to the project's
# own regression texts without it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if (( ${#need[@]} )); then
  echo "installing ${need[*]} (apt-get)" >&2
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$here/target}/release/clean
work=$here/target/bench
mkdir -p "$work"
results=$work/peers.md
: > "$results"

sed_clean='sed -e "s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬀ/ff/g; s/[[:space:]]*$//"'

# mbps FILE JSON: MB/s of each command of a hyperfine JSON export.
mbps() {
  if ! command -v python3 >/dev/null; then echo "  (python3 not found: no MB/s)"; return 0; fi
  python3 - "$1" "$2" <<'PY'
import json, os, sys
size = os.path.getsize(sys.argv[1]) / 1048576
for r in json.load(open(sys.argv[2]))["results"]:
    print(f"  {r['command'][:60]:<60} {r['mean']:8.3f} s  {size / r['mean']:8.1f} MB/s")
PY
}

text_bench() {
  local file=$1 label=$2 runs=$3
  echo "== text: $label ($(du -h "$file" | cut -f1))" | tee -a "$results"
  hyperfine --warmup 1 --runs "$runs" --style basic \
    --export-json "$work/$label.json" --export-markdown "$work/$label.md" \
    -n cat "cat '$file'" \
    -n sed "$sed_clean '$file'" \
    -n clean "'$bin' -q '$file'" \
    -n "clean --select unicode,spacing" "'$bin' -q --select unicode,spacing '$file'"
  cat "$work/$label.md" >> "$results"
  mbps "$file" "$work/$label.json" | tee -a "$results"
}

set_file=$work/set.txt
if compgen -G "../shared/corpus/real/icdar2017-monograph/ocr/*.txt" >/dev/null; then
  cat ../shared/corpus/real/icdar2017-monograph/ocr/*.txt > "$set_file"
  text_bench "$set_file" icdar2017-monograph 10
fi
big=$(bash scripts/make_big_text.sh "$work/big.txt" 100)
text_bench "$big" big-100MB 3

shopt -s nullglob
pdfs=(../shared/corpus/generated/*/born.pdf)
if (( ${#pdfs[@]} )); then
  if "$bin" -q "${pdfs[0]}" > /dev/null 2>&1; then
    for pdf in "${pdfs[@]}"; do
      name=$(basename "$(dirname "$pdf")")
      echo "== pdf: $name" | tee -a "$results"
      hyperfine --warmup 1 --runs 5 --style basic --export-markdown "$work/pdf-$name.md" \
        -n pdftotext "pdftotext '$pdf' -" \
        -n clean "'$bin' -q '$pdf'" \
        -n "clean --select unicode" "'$bin' -q --select unicode '$pdf'"
      cat "$work/pdf-$name.md" >> "$results"
    done
  else
    echo "== pdf: this build of clean does not read PDFs yet; pdftotext alone for reference" | tee -a "$results"
    cmds=()
    for pdf in "${pdfs[@]}"; do cmds+=(-n "pdftotext $(basename "$(dirname "$pdf")")" "pdftotext '$pdf' -"); done
    hyperfine --warmup 1 --runs 5 --style basic --export-markdown "$work/pdf.md" "${cmds[@]}"
    cat "$work/pdf.md" >> "$results"
  fi
fi
echo "results in $results"
