#!/usr/bin/env bash
# Run the cargo-fuzz targets, each for a set time, and keep a log of what ran.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Seeds come from
# the bundled samples, the test data and, when it exists, ../shared/corpus (PDFs under
# 200 kB). Crashes land in fuzz/artifacts/TARGET/; minimise one with
# `cargo +nightly fuzz tmin TARGET FILE`, commit it under tests/data/fuzz/TARGET/ and
# `tests/fuzz_regressions.rs` replays it in every `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pdf_extract text_decode pipeline config_parse)
shared=../shared

seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    case $target in
    pdf_extract)
        find "$shared/corpus/pdf" "$shared/corpus/generated" -name '*.pdf' -size -200k \
            -exec cp -n {} "$dir/" \; 2>/dev/null || true
        find tests/data -name '*.pdf' -exec cp -n {} "$dir/" \; 2>/dev/null || true
        ;;
    text_decode | pipeline)
        cp -n samples/*.txt "$dir/" 2>/dev/null || true
        [ -f "$shared/samples/seed-article.txt" ] &&
            head -c 20000 "$shared/samples/seed-article.txt" >"$dir/seed-article.txt"
        ;;
    config_parse)
        printf '\0select = ["unicode", "ocr"]\nignore = ["C002"]\nthreshold = 0.5\n' >"$dir/config"
        printf '\0[[rules]]\ncode = "X100"\nfind = "colou?r"\nregex = true\nreplace = "color"\n' >"$dir/user-rule"
        printf '\1{"version":1,"input":"a.txt","decisions":[{"rule":"C001","old":"tbe","new":"the","before":"","after":" l953","occurrence":0,"answer":"accept"}]}' >"$dir/decisions"
        printf '\2keep = ["Lalkar"]\n[[replace]]\nold = "tbe"\nnew = "the"\n' >"$dir/learned"
        ;;
    esac
}

cargo +nightly fuzz build -O
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
    seed "$t"
    log=fuzz/logs/$t-$(date +%Y%m%d-%H%M%S).log
    echo "== $t for ${secs}s (log: $log)"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is runaway memory.
    cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -print_final_stats=1 >"$log" 2>&1 || echo "!! $t stopped early: see $log"
    grep -E '^stat::number_of_executed_units|^Done|crash-|timeout-|oom-' "$log" | tail -5 || true
done
