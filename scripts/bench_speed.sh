#!/usr/bin/env bash
# bench_speed.sh [MIN_MB]: end-to-end speed and memory of the release `clean` on a large
# OCR text (>= MIN_MB megabytes, default 100, built by make_big_text.sh): wall time, MB/s
# and peak resident memory as a multiple of the input size. The goal (issue 2): at least
# 50 MB/s, peak memory under 4x the input. Installs GNU time if it is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (apt-get)" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$here/target}/release/clean
big=$(bash scripts/make_big_text.sh "$here/target/bench/big.txt" "${1:-100}")
bytes=$(stat -c %s "$big")
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT
# One warm-up run so the file is in the page cache, then the measured run.
"$bin" -q "$big" > "$out"
/usr/bin/time -v "$bin" -q "$big" > "$out" 2> "$log"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
user=$(awk -F': ' '/User time/ {print $2}' "$log")
sys=$(awk -F': ' '/System time/ {print $2}' "$log")
awk -v bytes="$bytes" -v wall="$wall" -v rss="$rss_kb" -v user="$user" -v sys="$sys" -v f="$big" 'BEGIN {
  n = split(wall, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i];
  mb = bytes / 1048576;
  printf "input        %s (%.1f MB)\n", f, mb;
  printf "wall time    %.2f s (user %.2f s, sys %.2f s)\n", s, user, sys;
  printf "throughput   %.1f MB/s (wall), %.1f MB/s (cpu)\n", mb / s, mb / (user + sys);
  printf "peak memory  %.1f MB = %.2f x input\n", rss / 1024, rss * 1024 / bytes;
  ok = (mb / s >= 50) && (rss * 1024 / bytes < 4);
  printf "goal         >= 50 MB/s and < 4x input: %s\n", ok ? "met" : "NOT met";
}'
