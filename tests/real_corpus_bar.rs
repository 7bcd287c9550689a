//! The OCR-fix issue's accuracy bar on the real corpora, checked end to end through
//! `clean eval`: word errors down by at least 25% over all sets (hyphenation folded),
//! words broken at most 5% of words fixed, and no set made worse than its raw OCR.
//! Reads `../shared/corpus/real` when it is there (third-party texts, never copied into
//! the project) and skips otherwise.

use assert_cmd::Command;
use std::path::Path;

/// Least fall in word error rate over all sets.
const MIN_IMPROVEMENT: f64 = 0.25;
/// Most words broken, as a share of the words fixed.
const MAX_BROKEN_SHARE: f64 = 0.05;

#[test]
fn the_real_corpora_meet_the_accuracy_bar() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if !root.is_dir() {
        eprintln!("skipped: {} is not here", root.display());
        return;
    }
    let out = Command::cargo_bin("clean")
        .unwrap()
        .args(["eval", "--no-hyphen", "--format", "json"])
        .arg(&root)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let number = |v: &serde_json::Value, key: &str| v[key].as_f64().unwrap();

    let total = &report["total"];
    let (fixed, broken) = (number(total, "fixed"), number(total, "broken"));
    assert!(
        number(total, "improvement") >= MIN_IMPROVEMENT,
        "word errors fell by {:.1}% only",
        100.0 * number(total, "improvement")
    );
    assert!(
        broken <= MAX_BROKEN_SHARE * fixed,
        "{broken} words broken for {fixed} fixed"
    );
    let sets = report["sets"].as_array().unwrap();
    assert!(!sets.is_empty());
    for set in sets {
        assert!(
            number(set, "wer_clean") <= number(set, "wer_raw"),
            "{} is worse than its raw OCR",
            set["name"]
        );
    }
}
