//! Measure how far "not in the lexicon ⇒ suspect" can be trusted on a corpus laid out as
//! `SET/truth/*.txt` and `SET/ocr/*.txt` (same file names).
//!
//! For each set, at several SCOWL levels:
//! - `truth`: the share of truth tokens the lexicon knows (coverage);
//! - `error`: the share of OCR-error tokens it knows (real-word errors), where an error token
//!   is a token of an OCR file that does not occur anywhere in its truth file (a rough proxy:
//!   it also counts line-end fragments and other differences that are not misreads);
//! - `subst`: the same for the tokens of one-for-one substitutions in a word-level alignment
//!   (diff) of OCR and truth tokens, where the two differ other than in case — closer to
//!   true misreads ("tbe" for "the", "modem" for "modern").
//!
//! Usage: `cargo run --release --example lexicon_coverage -- ../shared/corpus/real`

use ocrclean::lexicon::{Compound, Lexicon};
use std::collections::HashSet;
use std::path::Path;

const LEVELS: [u8; 6] = [35, 50, 60, 70, 80, 95];

/// Tokens made of letters with inner apostrophes or hyphens, punctuation stripped.
fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}'))
        })
        .collect()
}

/// The level at which `t` becomes known (a word or a compound of common words), if any.
fn known_level(lex: &Lexicon, t: &str) -> Option<u8> {
    match lex.compound(t)? {
        Compound::Listed(f) | Compound::Joined(f) => Some(f.entry.level),
        Compound::Parts { level, .. } => Some(level),
    }
}

#[derive(Default)]
struct Tally {
    total: usize,
    known: [usize; LEVELS.len()],
}

impl Tally {
    fn add(&mut self, level: Option<u8>) {
        self.total += 1;
        for (i, max) in LEVELS.iter().enumerate() {
            if level.is_some_and(|l| l <= *max) {
                self.known[i] += 1;
            }
        }
    }
    fn row(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.total.max(1) as f64;
        let cells: Vec<String> = self
            .known
            .iter()
            .map(|&n| format!("{:5.1}", pct(n)))
            .collect();
        format!("{:>7} {}", self.total, cells.join(" "))
    }
}

fn main() -> std::io::Result<()> {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/real".into());
    let lex = Lexicon::embedded();
    let mut sets: Vec<_> = std::fs::read_dir(&root)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("truth").is_dir())
        .collect();
    sets.sort();
    let head: Vec<String> = LEVELS.iter().map(|l| format!("<={l:<3}")).collect();
    println!("known % at max SCOWL level (95 = every level in the data)");
    println!(
        "{:<22} {:<5} {:>7} {}",
        "set",
        "what",
        "tokens",
        head.join(" ")
    );
    let (mut all_truth, mut all_err, mut all_sub) =
        (Tally::default(), Tally::default(), Tally::default());
    for set in sets {
        let (mut truth_t, mut err_t, mut sub_t) =
            (Tally::default(), Tally::default(), Tally::default());
        let mut files: Vec<_> = std::fs::read_dir(set.join("truth"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for truth_path in files {
            let Some(name) = truth_path.file_name() else {
                continue;
            };
            let truth = read(&truth_path);
            let ocr = read(&set.join("ocr").join(name));
            let truth_tokens = tokens(&truth);
            let truth_set: HashSet<&str> = truth_tokens.iter().copied().collect();
            for t in &truth_tokens {
                let l = known_level(lex, t);
                truth_t.add(l);
                all_truth.add(l);
            }
            let ocr_tokens = tokens(&ocr);
            for t in ocr_tokens.iter().filter(|t| !truth_set.contains(*t)) {
                let l = known_level(lex, t);
                err_t.add(l);
                all_err.add(l);
            }
            for t in substitutions(&ocr_tokens, &truth_tokens) {
                let l = known_level(lex, t);
                sub_t.add(l);
                all_sub.add(l);
            }
        }
        let name = set
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("{name:<22} truth {}", truth_t.row());
        println!("{name:<22} error {}", err_t.row());
        println!("{name:<22} subst {}", sub_t.row());
    }
    println!("{:<22} truth {}", "ALL", all_truth.row());
    println!("{:<22} error {}", "ALL", all_err.row());
    println!("{:<22} subst {}", "ALL", all_sub.row());
    Ok(())
}

/// OCR tokens replaced one-for-one by a different truth token in a word-level diff.
fn substitutions<'a>(ocr: &[&'a str], truth: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let ops = similar::capture_diff_slices_deadline(
        similar::Algorithm::Myers,
        ocr,
        truth,
        Some(std::time::Instant::now() + std::time::Duration::from_secs(5)),
    );
    for op in ops {
        if let similar::DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = op
        {
            if old_len != new_len {
                continue;
            }
            for i in 0..old_len {
                let (o, t) = (ocr[old_index + i], truth[new_index + i]);
                if o.to_lowercase() != t.to_lowercase() {
                    if std::env::var_os("LEXICON_COVERAGE_PAIRS").is_some() {
                        println!("pair\t{o}\t{t}");
                    }
                    out.push(o);
                }
            }
        }
    }
    out
}

fn read(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}
