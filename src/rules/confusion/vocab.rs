//! The document's own vocabulary: how often each word occurs in it. A word spelled right
//! three times and wrong once is strong evidence for the fix; a word the lexicon lacks but
//! the document uses again and again (a name) is trusted.

use super::tokens::Token;
use std::collections::HashMap;

/// Counts of the document's word tokens.
#[derive(Debug, Default)]
pub struct Vocabulary {
    exact: HashMap<String, u32>,
    lower: HashMap<String, u32>,
    total: u64,
}

impl Vocabulary {
    /// Count the tokens.
    pub fn new(tokens: &[Token<'_>]) -> Self {
        let mut v = Vocabulary::default();
        for t in tokens {
            *v.exact.entry(t.text.to_string()).or_default() += 1;
            *v.lower.entry(t.text.to_lowercase()).or_default() += 1;
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
        self.lower.get(&word.to_lowercase()).copied().unwrap_or(0)
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
