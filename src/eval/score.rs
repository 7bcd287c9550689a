//! Scoring one hypothesis against the truth, as the referee's `align` does: word errors
//! are the sum of `max(len_truth, len_hyp)` over the non-equal opcodes, character errors
//! the Levenshtein distance between the space-joined spans of each non-equal opcode, and a
//! truth token is correct when an equal opcode covers it.

use super::align::{opcodes, Opcode, Tag};

/// Above this many cells (product of the two lengths) a span's character distance is
/// taken as the longer length instead of computed, as the referee does.
pub const LEV_CELLS: usize = 4_000_000;

/// The alignment of a hypothesis with the truth and its error counts.
#[derive(Clone, Debug)]
pub struct Alignment {
    /// difflib opcodes from truth (`a`) to hypothesis (`b`).
    pub opcodes: Vec<Opcode>,
    /// Word errors.
    pub word_errors: usize,
    /// Character errors.
    pub char_errors: usize,
    /// Per truth token: whether the hypothesis has it right.
    pub correct: Vec<bool>,
}

/// Align `hyp` to `truth` (interned ids) and count errors; `truth_words` and `hyp_words`
/// are the same tokens as strings, for the character distance.
pub fn align(truth: &[u32], hyp: &[u32], truth_words: &[&str], hyp_words: &[&str]) -> Alignment {
    let ops = opcodes(truth, hyp);
    let mut word_errors = 0;
    let mut char_errors = 0;
    let mut correct = vec![false; truth.len()];
    for o in &ops {
        if o.tag == Tag::Equal {
            correct[o.i1..o.i2].iter_mut().for_each(|c| *c = true);
            continue;
        }
        word_errors += (o.i2 - o.i1).max(o.j2 - o.j1);
        let a: Vec<char> = joined(&truth_words[o.i1..o.i2]);
        let b: Vec<char> = joined(&hyp_words[o.j1..o.j2]);
        char_errors += if a.len() * b.len() < LEV_CELLS {
            levenshtein(&a, &b)
        } else {
            a.len().max(b.len())
        };
    }
    Alignment {
        opcodes: ops,
        word_errors,
        char_errors,
        correct,
    }
}

/// The characters of `words` joined by single spaces (Python's `" ".join`).
pub fn joined(words: &[&str]) -> Vec<char> {
    let mut out = Vec::new();
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.extend(w.chars());
    }
    out
}

/// Number of characters of `words` joined by single spaces.
pub fn joined_len(words: &[&str]) -> usize {
    words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len().saturating_sub(1)
}

/// Levenshtein distance (unit costs) between two sequences.
pub fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::align::Interner;
    use super::*;

    #[test]
    fn levenshtein_basics() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(levenshtein(&c("kitten"), &c("sitting")), 3);
        assert_eq!(levenshtein(&c(""), &c("abc")), 3);
        assert_eq!(levenshtein(&c("abc"), &c("abc")), 0);
    }

    #[test]
    fn counts_like_the_referee() {
        // score.py: truth "the cat sat on the mat", hyp "tbe cat sat onthe mat":
        // opcodes replace(0,1,0,1) equal(1,3,1,3) replace(3,5,3,4) equal(5,6,4,5)
        // word errors 1 + 2 = 3, char errors 1 + 1 = 2.
        let t: Vec<&str> = "the cat sat on the mat".split(' ').collect();
        let h: Vec<&str> = "tbe cat sat onthe mat".split(' ').collect();
        let mut it = Interner::default();
        let (ti, hi) = (it.intern(t.iter().copied()), it.intern(h.iter().copied()));
        let a = align(&ti, &hi, &t, &h);
        assert_eq!(a.word_errors, 3);
        assert_eq!(a.char_errors, 2);
        assert_eq!(a.correct, [false, true, true, false, false, true]);
        assert_eq!(joined_len(&t), 22);
    }
}
