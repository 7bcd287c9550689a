//! The document's own vocabulary: how often each word occurs in it. A word spelled right
//! three times and wrong once is strong evidence for the fix; a word the lexicon lacks but
//! the document uses again and again (a name) is trusted.

use super::tokens::Token;
use crate::vocab::bump;
use rustc_hash::FxHashMap as HashMap;

/// Counts of the document's word tokens.
#[derive(Debug, Default)]
pub struct Vocabulary {
    exact: HashMap<String, u32>,
    lower: HashMap<String, u32>,
    total: u64,
}

impl Vocabulary {
    /// Count the tokens.
    pub fn new<'t>(tokens: impl IntoIterator<Item = Token<'t>>) -> Self {
        let mut v = Vocabulary::default();
        for t in tokens {
            bump(&mut v.exact, t.text);
            if t.text.chars().any(char::is_uppercase) {
                bump(&mut v.lower, &t.text.to_lowercase());
            } else {
                bump(&mut v.lower, t.text);
            }
            v.total += 1;
        }
        v
    }

    /// Occurrences of exactly this spelling.
    pub fn count(&self, word: &str) -> u32 {
        self.exact.get(word).copied().unwrap_or(0)
    }

    /// Occurrences of this word in any case.
    pub fn count_any_case(&self, word: &str) -> u32 {
        let hit = if word.chars().any(char::is_uppercase) {
            self.lower.get(&word.to_lowercase())
        } else {
            self.lower.get(word)
        };
        hit.copied().unwrap_or(0)
    }

    /// Number of tokens counted.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Lower-cased words that occur at least `min` times.
    pub fn words_at_least(&self, min: u32) -> impl Iterator<Item = (&str, u32)> {
        self.lower
            .iter()
            .filter(move |(_, &n)| n >= min)
            .map(|(w, &n)| (w.as_str(), n))
    }
}
