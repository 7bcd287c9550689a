#!/usr/bin/env bash
# Run the property tests (tests/properties.rs) many times, each with a fresh random seed,
# to look for new failing cases. CI pins one seed (PROPTEST_RNG_SEED in .ci/run) so that
# its verdict is reproducible; this script is where new cases are searched for.
#
#   scripts/explore_properties.sh [ROUNDS]      # default 50 rounds (about 1,000 cases each)
#
# A failure prints proptest's minimal case and its `cc` seed line; proptest also appends
# the line to tests/properties.proptest-regressions, which every `cargo test` replays
# first. Fix the cause, keep the line, commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-50}
cargo test --release --test properties --no-run -q
for i in $(seq 1 "$rounds"); do
    if ! out=$(env -u PROPTEST_RNG_SEED cargo test --release -q --test properties 2>&1); then
        echo "round $i: failure"
        printf '%s\n' "$out" | grep -E "minimal failing input|Test failed|^cc " || printf '%s\n' "$out" | tail -30
        exit 1
    fi
done
echo "$rounds rounds, no failure"
