//! Print the tokens of the given files that the lexicon does not know, most frequent first
//! (to find gaps in the lexicon).
//!
//! Usage: `cargo run --example lexicon_unknown -- FILE... | head -50`

use ocrclean::lexicon::Lexicon;
use std::collections::HashMap;

fn main() {
    let lex = Lexicon::embedded();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for t in text.split_whitespace() {
            let t = t.trim_matches(|c: char| !c.is_alphabetic());
            if t.is_empty()
                || !t
                    .chars()
                    .all(|c| c.is_alphabetic() || "'\u{2019}-".contains(c))
            {
                continue;
            }
            if lex.compound(t).is_none() {
                *counts.entry(t.to_string()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (w, n) in v {
        println!("{n}\t{w}");
    }
}
