//! The regression guard: the project's own OCR-damaged texts (`tests/data/regression`,
//! written for this project, with their truth) are evaluated with the default rules, and
//! the truth words fixed must not fall, nor those broken rise, against the committed
//! ratchet `tests/data/ratchet.json`.
//!
//! When the results improve, the test passes and says so; tighten the ratchet with
//! `OCRCLEAN_TIGHTEN_RATCHET=1 cargo test --test regression_ratchet`, which rewrites the
//! file only when neither count got worse (it never loosens), and commit it.

use ocrclean::eval::{evaluate_corpus, EvalOptions};
use ocrclean::{Cleaner, Options};
use std::path::Path;

const CORPUS: &str = "tests/data/regression";
const RATCHET: &str = "tests/data/ratchet.json";

#[test]
fn fixed_and_broken_do_not_regress() {
    let text = std::fs::read_to_string(RATCHET).unwrap();
    let ratchet: serde_json::Value = serde_json::from_str(&text).unwrap();
    let want_fixed = ratchet["fixed"].as_u64().unwrap() as usize;
    let want_broken = ratchet["broken"].as_u64().unwrap() as usize;

    let cleaner = Cleaner::new(&Options::default()).unwrap();
    let report = evaluate_corpus(
        &cleaner,
        Path::new(CORPUS),
        "ocr.txt",
        &EvalOptions::default(),
    )
    .unwrap();
    let total = &report.total;
    assert!(total.errors.is_empty(), "{:?}", total.errors);
    assert!(total.words >= 500, "the regression texts shrank");
    eprintln!(
        "regression texts: {} words, WER {:.4} -> {:.4}, fixed {} (ratchet {}), broken {} (ratchet {})",
        total.words,
        total.wer_raw(),
        total.wer_clean(),
        total.fixed,
        want_fixed,
        total.broken,
        want_broken
    );
    assert!(
        total.fixed >= want_fixed,
        "fewer truth words fixed than the ratchet: {} < {} (see `cargo run -- eval {CORPUS}`)",
        total.fixed,
        want_fixed
    );
    assert!(
        total.broken <= want_broken,
        "more truth words broken than the ratchet: {} > {} (see `cargo run -- eval {CORPUS}`)",
        total.broken,
        want_broken
    );
    if total.fixed > want_fixed || total.broken < want_broken {
        if std::env::var_os("OCRCLEAN_TIGHTEN_RATCHET").is_some() {
            let new = serde_json::json!({ "fixed": total.fixed, "broken": total.broken });
            let mut s = serde_json::to_string_pretty(&new).unwrap();
            s.push('\n');
            std::fs::write(RATCHET, s).unwrap();
            eprintln!("ratchet tightened in {RATCHET}: commit it");
        } else {
            eprintln!(
                "results improved: tighten the ratchet with \
                 `OCRCLEAN_TIGHTEN_RATCHET=1 cargo test --test regression_ratchet` and commit {RATCHET}"
            );
        }
    }
}
