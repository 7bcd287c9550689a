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

    /// [`Vocabulary::new`] for tokens whose spelling ids are `ids` (of `id_count` in all,
    /// see [`crate::rules::Context::word_ids`]): each token is counted in an array, and
    /// each spelling is then entered once, in the order of its first occurrence, as
    /// `new` enters them (so the maps, and the order they list their words in, are the
    /// same). Without ids (or with too few) the tokens are counted as by `new`.
    pub fn with_ids<'t>(
        tokens: impl IntoIterator<Item = Token<'t>> + Clone,
        ids: &[u32],
        id_count: usize,
    ) -> Self {
        if ids.is_empty() {
            return Vocabulary::new(tokens);
        }
        let mut counts = vec![0u32; id_count];
        // Each spelling at its first occurrence, in order.
        let mut first: Vec<(u32, &'t str)> = Vec::new();
        let mut total = 0u64;
        for (t, &id) in tokens.clone().into_iter().zip(ids) {
            let Some(n) = counts.get_mut(id as usize) else {
                return Vocabulary::new(tokens);
            };
            if *n == 0 {
                first.push((id, t.text));
            }
            *n += 1;
            total += 1;
        }
        let mut v = Vocabulary {
            total,
            ..Vocabulary::default()
        };
        for (id, text) in first {
            let n = counts[id as usize];
            v.exact.insert(text.to_string(), n);
            if text.chars().any(char::is_uppercase) {
                *v.lower.entry(text.to_lowercase()).or_insert(0) += n;
            } else {
                match v.lower.get_mut(text) {
                    Some(c) => *c += n,
                    None => {
                        v.lower.insert(text.to_string(), n);
                    }
                }
            }
        }
        v
    }

    /// Occurrences of exactly this spelling.
    pub fn count(&self, word: &str) -> u32 {
        self.exact.get(word).copied().unwrap_or(0)
    }

    /// Occurrences of this word in any case.
    pub fn count_any_case(&self, word: &str) -> u32 {
        let count = |lower: &str| self.lower.get(lower).copied().unwrap_or(0);
        if word.chars().any(char::is_uppercase) {
            crate::lexicon::case::with_lowercase(word, count)
        } else {
            count(word)
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::confusion::tokens::{tokens, Table};

    #[test]
    fn counting_by_id_gives_the_same_maps_in_the_same_order() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!(
                "The cat{} and the CAT, The Dog the dog w{} Ünïcode ünïcode {} ",
                i % 37,
                i * 7 % 101,
                i % 13
            ));
        }
        let table = Table::new(&text);
        let by_id = Vocabulary::with_ids(table.iter(&text), table.ids(), table.id_count());
        let plain = Vocabulary::new(tokens(&text));
        assert_eq!(by_id.total(), plain.total());
        let list = |v: &Vocabulary| -> Vec<(String, u32)> {
            v.words_at_least(1)
                .map(|(w, n)| (w.to_string(), n))
                .collect()
        };
        assert_eq!(list(&by_id), list(&plain));
        let exact = |v: &Vocabulary| -> Vec<(String, u32)> {
            v.exact.iter().map(|(w, &n)| (w.clone(), n)).collect()
        };
        assert_eq!(exact(&by_id), exact(&plain));
    }
}
