//! The embedded lexicon against the real OCR corpus in `../shared/corpus/real` (skipped when
//! it is absent): it must know nearly every word of the ground truth, and reject most of the
//! tokens that the OCR got wrong.

use ocrclean::lexicon::{Compound, Lexicon, COMMON_LEVEL};
use std::collections::HashSet;
use std::path::Path;

fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
        })
        .collect()
}

fn known(lex: &Lexicon, t: &str) -> bool {
    match lex.compound(t) {
        Some(Compound::Listed(f)) | Some(Compound::Joined(f)) => f.entry.level <= COMMON_LEVEL,
        Some(Compound::Parts { .. }) => true,
        None => false,
    }
}

#[test]
fn knows_the_truth_and_rejects_most_ocr_errors() {
    let root = Path::new("../shared/corpus/real");
    if !root.is_dir() {
        eprintln!("skipped: {} not found", root.display());
        return;
    }
    let lex = Lexicon::embedded();
    let (mut truth_n, mut truth_known, mut err_n, mut err_known) = (0usize, 0usize, 0usize, 0usize);
    let mut sets = 0;
    for set in std::fs::read_dir(root).unwrap().flatten() {
        let Ok(files) = std::fs::read_dir(set.path().join("truth")) else {
            continue;
        };
        sets += 1;
        for truth_path in files.flatten().map(|e| e.path()) {
            let ocr_path = set.path().join("ocr").join(truth_path.file_name().unwrap());
            let truth = String::from_utf8_lossy(&std::fs::read(&truth_path).unwrap()).into_owned();
            let Ok(ocr) = std::fs::read(&ocr_path) else {
                continue;
            };
            let ocr = String::from_utf8_lossy(&ocr).into_owned();
            let truth_tokens = tokens(&truth);
            let truth_set: HashSet<&str> = truth_tokens.iter().copied().collect();
            for t in &truth_tokens {
                truth_n += 1;
                truth_known += usize::from(known(lex, t));
            }
            for t in tokens(&ocr).into_iter().filter(|t| !truth_set.contains(t)) {
                err_n += 1;
                err_known += usize::from(known(lex, t));
            }
        }
    }
    assert!(
        sets > 0 && truth_n > 10_000 && err_n > 1_000,
        "{sets} {truth_n} {err_n}"
    );
    let coverage = truth_known as f64 / truth_n as f64;
    let accepted = err_known as f64 / err_n as f64;
    eprintln!("truth coverage {coverage:.4}, OCR-error tokens accepted {accepted:.4}");
    // Measured at 0.972 and 0.392 (see docs/lexicon.md).
    assert!(coverage > 0.96, "truth coverage {coverage}");
    assert!(accepted < 0.42, "OCR-error tokens accepted {accepted}");
}
