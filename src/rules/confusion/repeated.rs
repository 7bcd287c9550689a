//! The set of the document's words used at least twice, as a small automaton
//! ([`WordSet`]): the corrector asks about every one-swap variant of a token (some 80
//! each) whether the document repeats it, and almost none is a word of the document. One
//! walk of the set along the token answers all of a token's variants at once; a spelling
//! the set holds is checked in the vocabulary's map, so the answers are exactly the map's.

use crate::lexicon::search::{Swap, SwapIndex};
use crate::lexicon::set::WordSet;

/// The set of lower-case words the document uses at least twice.
pub struct Repeated {
    /// `None` only if the automaton could not be built: every question then goes to the map.
    set: Option<WordSet>,
}

impl Repeated {
    /// The set holding `words` (their bytes as given).
    pub fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        Repeated {
            set: WordSet::new(words),
        }
    }

    /// False when `word` (bytes as given) is certainly not held; true when it may be.
    pub fn may_hold(&self, word: &str) -> bool {
        self.set.as_ref().is_none_or(|s| s.contains(word))
    }

    /// [`WordSet::for_each_held_variant`]: the one-swap variants of a lower-case ASCII
    /// `word` whose lower case the set holds, in the order a loop over the positions and
    /// `index` meets them (swaps dearer than `max_cost` left out); `f` returns false to
    /// stop. False, visiting nothing, when the word is not lower-case ASCII or the set
    /// could not be built: the caller asks then.
    pub fn for_each_held_variant(
        &self,
        word: &str,
        swaps: &[Swap],
        index: &SwapIndex,
        max_cost: f32,
        f: impl FnMut(&str, usize) -> bool,
    ) -> bool {
        self.set
            .as_ref()
            .is_some_and(|s| s.for_each_held_variant(word, swaps, index, max_cost, f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_held_is_found_and_no_other() {
        let words: Vec<String> = (0..2000).map(|i| format!("word{i}")).collect();
        let f = Repeated::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| f.may_hold(w)));
        assert!((0..2000).all(|i| !f.may_hold(&format!("other{i}"))));
        let empty = Repeated::new(std::iter::empty());
        assert!(!empty.may_hold("the"));
    }
}
