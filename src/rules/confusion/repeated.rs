//! A Bloom filter of the document's words used at least twice: the corrector asks about
//! every one-swap variant of a token (some 80 each) whether the document repeats it, and
//! almost none is a word of the document. The filter answers "no" for most of them from a
//! few kilobytes, where the vocabulary's map costs a probe into megabytes. A "maybe" is
//! checked in the map, so the answers are exactly the map's.

use std::hash::Hasher;

/// Bits per word held.
const BITS_PER_WORD: usize = 16;

/// The set of lower-case words the document uses at least twice, as a Bloom filter.
pub struct Repeated {
    bits: Vec<u64>,
    /// Number of bits − 1 (a power of two − 1).
    mask: u64,
}

fn hashes(word: &[u8]) -> (u64, u64) {
    let mut h = rustc_hash::FxHasher::default();
    h.write(word);
    let h = h.finish();
    // The second index from the high half, mixed so that it differs from the first.
    (
        h,
        (h >> 32) ^ h.rotate_left(17).wrapping_mul(0x9E37_79B9_7F4A_7C15),
    )
}

impl Repeated {
    /// A filter holding `words` (their bytes as given).
    pub fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let words: Vec<&str> = words.collect();
        let size = (words.len() * BITS_PER_WORD).next_power_of_two().max(64);
        let mut f = Repeated {
            bits: vec![0; size / 64],
            mask: size as u64 - 1,
        };
        for w in words {
            let (a, b) = hashes(w.as_bytes());
            f.set(a);
            f.set(b);
        }
        f
    }

    fn set(&mut self, h: u64) {
        let i = h & self.mask;
        if let Some(word) = self.bits.get_mut((i / 64) as usize) {
            *word |= 1 << (i % 64);
        }
    }

    fn test(&self, h: u64) -> bool {
        let i = h & self.mask;
        self.bits
            .get((i / 64) as usize)
            .is_none_or(|word| word & (1 << (i % 64)) != 0)
    }

    /// False when `word` (bytes as given) is certainly not held; true when it may be.
    pub fn may_hold(&self, word: &str) -> bool {
        let (a, b) = hashes(word.as_bytes());
        self.test(a) && self.test(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_held_is_found_and_most_others_are_not() {
        let words: Vec<String> = (0..2000).map(|i| format!("word{i}")).collect();
        let f = Repeated::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| f.may_hold(w)));
        let false_hits = (0..2000)
            .filter(|i| f.may_hold(&format!("other{i}")))
            .count();
        assert!(false_hits < 100, "{false_hits}");
        let empty = Repeated::new(std::iter::empty());
        assert!(!empty.may_hold("the"));
    }
}
