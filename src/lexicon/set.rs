//! A small set of words (a document's own) as an automaton, and the walk that asks it about
//! every one-swap variant of a word at once.
//!
//! The word corrector asks, for each of some 80 confusion-table variants of a token,
//! whether the document repeats that spelling: about two million questions on 2 MB of text,
//! each a copy of the token, a hash and a probe. Walking the set's automaton along the
//! token instead shares the token's prefix among the variants, drops every variant whose
//! prefix no word of the set has, and builds a string only for the variants the set holds.

use super::automaton::{Automaton, SharedStep};
use super::flat::Flat;
use super::search::{starts_with, Swap, SwapIndex};
use fst::Set;

/// A set of words, searched through a fixed-width automaton (the `fst` itself when the
/// copy cannot be made).
pub struct WordSet {
    form: Form,
}

enum Form {
    Flat(Flat),
    Fst(Set<Vec<u8>>),
}

/// Words up to which a set gets the fixed-width copy of its automaton. The copy takes about
/// 200 bytes a word (5 MB for the 24k repeated words of the 2 MB bench text); a larger
/// set is walked in the compact `fst` itself, more slowly, so that a large input stays
/// under its memory bound (on the 105 MB text the copy raised the peak by 10 MB).
const FLAT_MAX_WORDS: usize = 32_768;

impl WordSet {
    /// The set of `words` (repeats allowed); `None` when its automaton cannot be built.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<WordSet> {
        WordSet::with_flat_limit(words, FLAT_MAX_WORDS)
    }

    /// [`WordSet::new`], with the copy made only for up to `flat_max` words.
    fn with_flat_limit<'w>(
        words: impl IntoIterator<Item = &'w str>,
        flat_max: usize,
    ) -> Option<WordSet> {
        let mut words: Vec<&str> = words.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        let small = words.len() <= flat_max;
        let set = Set::from_iter(words).ok()?;
        let form = match small.then(|| Flat::from_fst(set.as_fst())).flatten() {
            Some(flat) => Form::Flat(flat),
            None => Form::Fst(set),
        };
        Some(WordSet { form })
    }

    /// Whether `word` (its bytes as given) is in the set.
    pub fn contains(&self, word: &str) -> bool {
        match &self.form {
            Form::Flat(flat) => Automaton::get(&flat, word.as_bytes()).is_some(),
            Form::Fst(set) => set.contains(word),
        }
    }

    /// The variants of the lower-case ASCII `word` that one of `swaps` makes (its `seen`
    /// in the word replaced by its `meant`) and whose lower-case form the set holds (the
    /// variant itself, or its `to_lowercase` when it has an upper-case letter), in the
    /// order of a loop over the positions of the word and, at each, over
    /// `index.at(rest)`: `f` gets each variant as spelled and the number of its swap, and
    /// returns false to stop. Swaps dearer than `max_cost` are left out. `index` must be
    /// the [`SwapIndex`] of `swaps`.
    ///
    /// Returns false, visiting nothing, when `word` is not lower-case ASCII: the caller
    /// then asks about each variant itself.
    pub fn for_each_held_variant(
        &self,
        word: &str,
        swaps: &[Swap],
        index: &SwapIndex,
        max_cost: f32,
        f: impl FnMut(&str, usize) -> bool,
    ) -> bool {
        if !word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return false;
        }
        match &self.form {
            Form::Flat(flat) => held_variants(flat, self, word, (swaps, index, max_cost), f),
            Form::Fst(set) => held_variants(set.as_fst(), self, word, (swaps, index, max_cost), f),
        }
        true
    }
}

/// [`WordSet::for_each_held_variant`] on one form of the automaton (`set` answers the
/// rare variant whose lower case cannot be followed byte by byte).
fn held_variants<A: Automaton>(
    fst: A,
    set: &WordSet,
    word: &str,
    (swaps, index, max_cost): (&[Swap], &SwapIndex, f32),
    mut f: impl FnMut(&str, usize) -> bool,
) {
    let bytes = word.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(word.len() + 4);
    let mut node = fst.root();
    for i in 0..=bytes.len() {
        // The word is ASCII: every position is a character boundary.
        let (done, rest) = bytes.split_at(i);
        // The step along the lowered first byte of each `meant`, shared by the ligature
        // swaps.
        let mut first = SharedStep::new();
        for e in index.at(rest) {
            let k = usize::from(e.swap);
            let Some(swap) = swaps.get(k) else {
                continue;
            };
            let seen = swap.seen.as_bytes();
            if swap.cost > max_cost || !starts_with(rest, seen) {
                continue;
            }
            let after = &rest[seen.len()..];
            let meant = swap.meant.as_bytes();
            let spell = |buf: &mut Vec<u8>| {
                buf.clear();
                buf.extend_from_slice(done);
                buf.extend_from_slice(meant);
                buf.extend_from_slice(after);
            };
            let held = if swap.meant.is_ascii() {
                // The variant's lower case is the word's bytes with `meant` lowered.
                let mut n = Some(node);
                for (j, &b) in meant.iter().enumerate() {
                    let b = b.to_ascii_lowercase();
                    n = if j == 0 {
                        first.step(fst, node, b).map(|s| s.0)
                    } else {
                        n.and_then(|n| fst.step(n, b).map(|s| s.0))
                    };
                }
                n.and_then(|n| fst.follow(n, 0, after))
                    .is_some_and(|(n, _)| fst.is_final(n))
            } else if !swap.meant.chars().any(char::is_uppercase) {
                fst.follow(node, 0, meant)
                    .and_then(|(n, _)| fst.follow(n, 0, after))
                    .is_some_and(|(n, _)| fst.is_final(n))
            } else {
                spell(&mut buf);
                std::str::from_utf8(&buf).is_ok_and(|v| set.contains(&v.to_lowercase()))
            };
            if !held {
                continue;
            }
            spell(&mut buf);
            // Always UTF-8: ASCII around a whole `meant`.
            if let Ok(variant) = std::str::from_utf8(&buf) {
                if !f(variant, k) {
                    return;
                }
            }
        }
        // Every later variant starts with the word's bytes up to the next position (in
        // lower case as they are): none is held when no word of the set starts so.
        match bytes.get(i) {
            Some(&b) => match fst.step(node, b) {
                Some((next, _)) => node = next,
                None => return,
            },
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::confusion::model::{
        capital_index, for_each_swap_at, table_index, CAPITAL_TABLE, TABLE,
    };

    /// The walk finds exactly the variants that asking about each one finds, in the same
    /// order, for words with variants in the set, out of it and around it.
    #[test]
    fn held_variants_are_those_asked_one_by_one() {
        let words = [
            "the", "which", "modern", "illinois", "matter", "hand", "band", "bend", "tho",
            "ofiice", "office", "will", "wiii", "münchen", "fine", "line", "liue", "tire", "boll",
            "bo", "io", "lo", "i", "sob",
        ];
        for flat_max in [usize::MAX, 0] {
            held_variants_on_one_form(WordSet::with_flat_limit(words, flat_max).unwrap());
        }
    }

    fn held_variants_on_one_form(set: WordSet) {
        let lowered = |v: &str| {
            if v.chars().any(char::is_uppercase) {
                v.to_lowercase()
            } else {
                v.to_string()
            }
        };
        let tokens = [
            "tbe", "whioh", "modem", "iliinois", "rnatter", "hand", "baud", "tho", "ofiice",
            "wiii", "wili", "miinchen", "fiue", "liue", "tirc", "bol1", "b0", "i0", "", "x",
            "zzzz", "l", "the", "5ob",
        ];
        let mut met = 0;
        for (table, index) in [(TABLE, table_index()), (CAPITAL_TABLE, capital_index())] {
            for t in tokens {
                let mut one_by_one = Vec::new();
                for_each_swap_at(table, index, t, |k, v, _| {
                    if set.contains(&lowered(v)) {
                        one_by_one.push((v.to_string(), k));
                    }
                });
                let mut walked = Vec::new();
                assert!(
                    set.for_each_held_variant(t, table, index, f32::INFINITY, |v, k| {
                        walked.push((v.to_string(), k));
                        true
                    })
                );
                assert_eq!(walked, one_by_one, "{t}");
                met += walked.len();
                // Stopping after the first.
                let mut first = Vec::new();
                set.for_each_held_variant(t, table, index, f32::INFINITY, |v, k| {
                    first.push((v.to_string(), k));
                    false
                });
                assert_eq!(
                    first,
                    one_by_one.iter().take(1).cloned().collect::<Vec<_>>()
                );
                // Only the swaps up to a cost.
                let mut cheap = Vec::new();
                set.for_each_held_variant(t, table, index, 4.5, |v, k| {
                    cheap.push((v.to_string(), k));
                    true
                });
                let expected: Vec<_> = one_by_one
                    .into_iter()
                    .filter(|(_, k)| table[*k].cost <= 4.5)
                    .collect();
                assert_eq!(cheap, expected, "{t}");
            }
        }
        assert!(met > 10, "{met}");
        assert!(!set.for_each_held_variant("Tbe", TABLE, table_index(), 9.0, |_, _| true));
        assert!(set.contains("the") && !set.contains("th") && !set.contains("thee"));
        let empty = WordSet::new(std::iter::empty()).unwrap();
        assert!(!empty.contains("the") && !empty.contains(""));
    }
}
