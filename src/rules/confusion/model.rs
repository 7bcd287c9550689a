//! The OCR confusion model: which strings OCR engines put in place of which, and how
//! likely each swap is, as a cost in nats (−ln of its probability per occurrence). The
//! weights are set by hand from what OCR engines are known to do (shape similarity: e/o/c,
//! h/b, rn/m, li/h, ligatures dropped), not fitted to any evaluation corpus.

use std::collections::HashMap;

/// One confusion: OCR wrote `seen` where the print had `meant`.
#[derive(Clone, Copy, Debug)]
pub struct Confusion {
    /// What the OCR output shows.
    pub seen: &'static str,
    /// What was printed.
    pub meant: &'static str,
    /// Cost in nats (lower is more common).
    pub cost: f32,
}

const fn c(seen: &'static str, meant: &'static str, cost: f32) -> Confusion {
    Confusion { seen, meant, cost }
}

/// Cost of an arbitrary one-character substitution, insertion or deletion.
pub const GENERIC_COST: f32 = 8.0;

/// The confusion table.
pub const TABLE: &[Confusion] = &[
    // round letters
    c("o", "e", 3.0),
    c("e", "o", 4.0),
    c("c", "e", 3.5),
    c("e", "c", 4.0),
    c("o", "c", 4.0),
    c("c", "o", 4.5),
    c("o", "a", 5.0),
    c("a", "o", 5.0),
    c("e", "a", 5.0),
    c("a", "e", 5.5),
    c("a", "s", 4.5),
    c("s", "a", 5.5),
    // stems and bowls
    c("b", "h", 3.5),
    c("h", "b", 4.0),
    c("li", "h", 3.5),
    c("h", "li", 5.0),
    c("ii", "h", 4.5),
    c("u", "n", 4.0),
    c("n", "u", 4.0),
    c("u", "a", 5.5),
    c("n", "a", 5.5),
    c("rn", "m", 3.5),
    c("m", "rn", 4.0),
    c("in", "m", 4.5),
    c("m", "in", 4.5),
    c("ni", "m", 5.0),
    c("ri", "n", 4.0),
    c("n", "ri", 4.5),
    c("cl", "d", 4.0),
    c("d", "cl", 4.5),
    c("vv", "w", 3.5),
    c("w", "vv", 4.5),
    c("Av", "w", 4.0),
    c("v", "y", 4.0),
    c("y", "v", 4.5),
    c("t", "f", 4.5),
    c("f", "t", 4.5),
    c("f", "s", 6.0),
    c("lc", "k", 4.5),
    // vertical strokes
    c("i", "l", 3.5),
    c("l", "i", 4.0),
    c("I", "l", 3.0),
    c("l", "I", 4.0),
    c("1", "l", 3.5),
    c("1", "i", 4.0),
    c("1", "I", 4.0),
    c("|", "l", 3.5),
    c("!", "l", 4.5),
    c("U", "ll", 3.5),
    c("H", "ll", 4.5),
    c("t", "l", 5.0),
    c("l", "t", 5.0),
    c("ll", "U", 6.0),
    // digits inside words
    c("0", "o", 3.5),
    c("0", "O", 3.5),
    c("5", "s", 4.0),
    c("5", "S", 4.0),
    c("8", "B", 4.5),
    c("6", "b", 4.5),
    c("2", "z", 5.0),
    // accents that scanners of English print invent
    c("é", "e", 2.0),
    c("è", "e", 2.0),
    c("ê", "e", 2.5),
    c("ë", "e", 3.0),
    c("â", "a", 2.5),
    c("à", "a", 2.5),
    c("á", "a", 2.5),
    c("ô", "o", 2.5),
    c("ó", "o", 2.5),
    c("î", "i", 2.5),
    c("í", "i", 2.5),
    c("û", "u", 2.5),
    c("ù", "u", 2.5),
    c("ç", "c", 3.0),
    c("ii", "ü", 4.0),
    // ligatures lost in OCR
    c("", "fi", 4.0),
    c("", "fl", 4.5),
    c("", "ff", 4.5),
    c("", "ffi", 5.0),
    c("", "ffl", 5.5),
];

/// Generate spellings within reach of `word` under the confusion table (up to two table
/// swaps) and arbitrary single-character edits, each with the cheapest cost that reaches
/// it. Candidates are returned as written (case as produced by the swaps).
pub fn candidates(word: &str) -> HashMap<String, f32> {
    let mut out: HashMap<String, f32> = HashMap::new();
    let add = |s: String, cost: f32, out: &mut HashMap<String, f32>| {
        let e = out.entry(s).or_insert(f32::INFINITY);
        if cost < *e {
            *e = cost;
        }
    };
    let first = table_swaps(word);
    for (s, cost) in &first {
        add(s.clone(), *cost, &mut out);
        for (s2, cost2) in table_swaps(s) {
            add(s2, cost + cost2, &mut out);
        }
    }
    for s in generic_edits(word) {
        add(s, GENERIC_COST, &mut out);
    }
    out.remove(word);
    out
}

/// Every single application of a table swap to `word`.
pub fn table_swaps(word: &str) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    let boundaries: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    for conf in TABLE {
        if conf.seen.is_empty() {
            for &i in &boundaries {
                out.push((
                    format!("{}{}{}", &word[..i], conf.meant, &word[i..]),
                    conf.cost,
                ));
            }
            continue;
        }
        let mut from = 0;
        while let Some(p) = word[from..].find(conf.seen) {
            let i = from + p;
            out.push((
                format!(
                    "{}{}{}",
                    &word[..i],
                    conf.meant,
                    &word[i + conf.seen.len()..]
                ),
                conf.cost,
            ));
            from = i + conf.seen.len().max(1);
        }
    }
    out
}

const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";

/// Every deletion, insertion, substitution of a lower-case letter, and transposition.
pub fn generic_edits(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len() * 60);
    for i in 0..=chars.len() {
        let (a, b) = chars.split_at(i);
        let head: String = a.iter().collect();
        let tail: String = b.iter().collect();
        for l in LETTERS.chars() {
            out.push(format!("{head}{l}{tail}"));
        }
        if let Some((first, rest)) = b.split_first() {
            let rest: String = rest.iter().collect();
            out.push(format!("{head}{rest}"));
            for l in LETTERS.chars() {
                if l != *first {
                    out.push(format!("{head}{l}{rest}"));
                }
            }
            if let Some((second, rest2)) = rest.chars().next().map(|s| (s, &rest[s.len_utf8()..])) {
                out.push(format!("{head}{second}{first}{rest2}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_typical_misreads() {
        let c = candidates("tbe");
        assert!(c["the"] <= 3.5);
        let c = candidates("whioh");
        assert!(c.contains_key("which"));
        let c = candidates("stiU");
        assert!(c.contains_key("still"));
        let c = candidates("rst");
        assert!(c.contains_key("first"));
        let c = candidates("commuist");
        assert_eq!(c["communist"], GENERIC_COST);
        let c = candidates("corne");
        assert!(c["come"] <= 3.5);
    }
}
