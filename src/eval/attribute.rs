//! Which way each edit moved the text: toward the truth, away from it, or neither.
//!
//! Method. The raw text is aligned with the truth once (word opcodes, as the referee). For
//! one edit, take the raw tokens it touches (a token touches the edit when their byte
//! ranges overlap or meet, so joining "con tinued" touches both halves), widen that run of
//! tokens to whole non-equal opcodes (a misread region is judged as a unit), and take the
//! truth tokens the alignment pairs with it (plus truth words deleted right at its edges).
//! Re-tokenise the raw bytes of the region twice, without and with this one edit, and
//! measure each against the truth region by the character Levenshtein distance of the
//! space-joined words (word-level distance when the region is too large for characters).
//! Smaller after than before: toward; larger: away; equal (including edits the scorer
//! cannot see, such as trailing spaces): neither. Each edit is judged alone against the
//! raw text, so the verdicts do not depend on the other edits.
//! Inside a very long misread region (over 200 tokens) only a window of 50 tokens
//! each side of the edit is judged, against the truth tokens at the proportional
//! place widened by the same window, so the cost per edit stays bounded.

use super::align::{Opcode, Tag};
use super::normalize::{tokenize, Tokens};
use super::score::{joined, levenshtein, LEV_CELLS};
use serde::Serialize;
use std::ops::Range;

/// The effect of one edit on the distance to the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// The text got closer to the truth.
    Toward,
    /// The text got further from the truth.
    Away,
    /// No change the scorer can see, or as far as before.
    Neither,
}

/// The raw side of a set: its text, tokens and alignment with the truth.
pub struct RawSide<'a> {
    /// The raw text.
    pub text: &'a str,
    /// Its scoring tokens.
    pub tokens: &'a Tokens,
    /// Opcodes from truth (`a`) to these tokens (`b`).
    pub opcodes: &'a [Opcode],
    /// The truth tokens.
    pub truth: &'a [&'a str],
    /// Whether hyphenation is folded away.
    pub no_hyphen: bool,
}

/// The verdict on one edit and the region it was judged on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// Toward, away or neither.
    pub effect: Effect,
    /// The byte range of the raw text judged.
    pub region: Range<usize>,
    /// The truth tokens it was compared with.
    pub truth: Range<usize>,
}

impl RawSide<'_> {
    /// Judge one edit of the raw text: `range` replaced by `replacement`.
    pub fn effect(&self, range: &Range<usize>, replacement: &str) -> Effect {
        self.judge(range, replacement).effect
    }

    /// Judge one edit and say what it was compared with.
    pub fn judge(&self, range: &Range<usize>, replacement: &str) -> Judgement {
        let text = self.text;
        let neither = Judgement {
            effect: Effect::Neither,
            region: 0..0,
            truth: 0..0,
        };
        if range.start > range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return neither;
        }
        let src = self.tokens.sources();
        let n = src.len();
        // Tokens that overlap or meet the edit.
        let mut lo = src.partition_point(|s| s.end < range.start);
        let mut hi = src.partition_point(|s| s.start <= range.end);
        if lo >= hi {
            // Only whitespace touched: judge with the neighbouring tokens.
            lo = lo.min(hi).saturating_sub(1);
            hi = (hi + 1).min(n);
        }
        let (lo, hi, truth_range) = self.widen(lo, hi);
        let start = if lo < hi {
            src[lo].start.min(range.start)
        } else {
            range.start
        };
        let end = if lo < hi {
            src[hi - 1].end.max(range.end)
        } else {
            range.end
        };
        let before_text = &text[start..end];
        let mut after_text = String::with_capacity(before_text.len() + replacement.len());
        after_text.push_str(&text[start..range.start]);
        after_text.push_str(replacement);
        after_text.push_str(&text[range.end..end]);
        let before = tokenize(before_text, self.no_hyphen);
        let after = tokenize(&after_text, self.no_hyphen);
        let mut verdict = Judgement {
            effect: Effect::Neither,
            region: start..end,
            truth: truth_range.clone(),
        };
        if before.iter().eq(after.iter()) {
            return verdict;
        }
        let truth = &self.truth[truth_range];
        let d0 = distance(truth, &before);
        let d1 = distance(truth, &after);
        verdict.effect = match d1.cmp(&d0) {
            std::cmp::Ordering::Less => Effect::Toward,
            std::cmp::Ordering::Greater => Effect::Away,
            std::cmp::Ordering::Equal => Effect::Neither,
        };
        verdict
    }

    /// Widen raw tokens `lo..hi` to whole non-equal opcodes and find the truth tokens
    /// they align with.
    fn widen(&self, mut lo: usize, mut hi: usize) -> (usize, usize, Range<usize>) {
        let ops = self.opcodes;
        if lo >= hi || ops.is_empty() {
            // No raw token at all: the region is everything the truth has.
            return (lo, lo, 0..self.truth.len());
        }
        // The opcode whose (non-empty) raw side holds raw token `j`.
        let find = |j: usize| ops.partition_point(|o| o.j2 <= j);
        let first = find(lo).min(ops.len() - 1);
        let last = find(hi - 1).min(ops.len() - 1);
        let (f, l) = (ops[first], ops[last]);
        let mut i_lo = if f.tag == Tag::Equal {
            f.i1 + (lo - f.j1)
        } else if is_large(&f) {
            lo = lo.saturating_sub(WINDOW).max(f.j1);
            proportional(&f, lo).saturating_sub(WINDOW).max(f.i1)
        } else {
            lo = f.j1;
            f.i1
        };
        let mut i_hi = if l.tag == Tag::Equal {
            l.i1 + (hi - l.j1)
        } else if is_large(&l) {
            hi = (hi + WINDOW).min(l.j2);
            (proportional(&l, hi) + WINDOW).min(l.i2)
        } else {
            hi = l.j2;
            l.i2
        };
        if lo == f.j1 && first > 0 && ops[first - 1].tag == Tag::Delete {
            i_lo = ops[first - 1].i1;
        }
        if hi == l.j2 && ops.get(last + 1).is_some_and(|o| o.tag == Tag::Delete) {
            i_hi = ops[last + 1].i2;
        }
        (lo, hi, i_lo..i_hi.max(i_lo))
    }
}

/// A non-equal opcode with more tokens than this on either side is not judged whole.
const LARGE: usize = 200;
/// How many tokens around the edit are judged inside a large opcode.
const WINDOW: usize = 50;

fn is_large(o: &Opcode) -> bool {
    o.i2 - o.i1 > LARGE || o.j2 - o.j1 > LARGE
}

/// The truth position that raw position `j` of a non-equal opcode corresponds to, in
/// proportion.
fn proportional(o: &Opcode, j: usize) -> usize {
    o.i1 + (j - o.j1) * (o.i2 - o.i1) / (o.j2 - o.j1).max(1)
}

/// Distance between the truth words and the tokens: characters of the joined words when
/// small enough, else words.
fn distance(truth: &[&str], tokens: &Tokens) -> usize {
    let words: Vec<&str> = tokens.iter().collect();
    let a = joined(truth);
    let b = joined(&words);
    if a.len() * b.len() < LEV_CELLS {
        levenshtein(&a, &b)
    } else if truth.len() * words.len() < LEV_CELLS {
        levenshtein(truth, &words)
    } else {
        truth.len().abs_diff(words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::align::{opcodes, Interner};
    use super::*;

    fn judge(truth: &str, raw: &str, edit: Range<usize>, repl: &str, no_hyphen: bool) -> Effect {
        let t = tokenize(truth, no_hyphen);
        let r = tokenize(raw, no_hyphen);
        let tw: Vec<&str> = t.iter().collect();
        let mut it = Interner::default();
        let ti = it.intern(t.iter());
        let ri = it.intern(r.iter());
        let ops = opcodes(&ti, &ri);
        RawSide {
            text: raw,
            tokens: &r,
            opcodes: &ops,
            truth: &tw,
            no_hyphen,
        }
        .effect(&edit, repl)
    }

    #[test]
    fn fixes_and_breakages() {
        let truth = "the cat sat on the mat";
        let raw = "tbe cat sat on the mat";
        assert_eq!(judge(truth, raw, 1..2, "h", false), Effect::Toward);
        assert_eq!(judge(truth, raw, 4..5, "k", false), Effect::Away);
        // Whitespace the scorer does not see.
        assert_eq!(
            judge(truth, "the cat  sat", 7..8, "", false),
            Effect::Neither
        );
        // Joining a split word touches both halves.
        assert_eq!(
            judge("it continued here", "it con tinued here", 6..7, "", false),
            Effect::Toward
        );
        // Splitting a correct word apart.
        assert_eq!(
            judge("it continued here", "it continued here", 6..6, " ", false),
            Effect::Away
        );
        // A hyphen join is invisible under --no-hyphen, visible without it.
        assert_eq!(
            judge("organisation is", "organi-\nsation is", 6..8, "", true),
            Effect::Neither
        );
        assert_eq!(
            judge("organisation is", "organi-\nsation is", 6..8, "", false),
            Effect::Toward
        );
        // Restoring a word the OCR dropped a letter from, inside a garbled region.
        assert_eq!(
            judge(
                "the communist party met",
                "the commuist pnrty met",
                9..9,
                "n",
                false
            ),
            Effect::Toward
        );
    }

    #[test]
    fn long_misread_regions_are_judged_locally() {
        let truth: String = (0..600).map(|i| format!("word{i} ")).collect();
        let mut raw: String = (0..600).map(|i| format!("xx{i} ")).collect();
        raw.push_str("tbe end");
        let truth = format!("{truth}the end");
        let at = raw.find("xx300 ").unwrap();
        assert_eq!(
            judge(&truth, &raw, at..at + 2, "word", false),
            Effect::Toward
        );
        assert_eq!(
            judge(&truth, &raw, at..at + 2, "zzzzzz", false),
            Effect::Away
        );
    }

    #[test]
    fn edits_out_of_range_are_neither() {
        assert_eq!(judge("a", "a", 5..9, "x", false), Effect::Neither);
        assert_eq!(judge("", "", 0..0, "x", false), Effect::Away);
    }
}
