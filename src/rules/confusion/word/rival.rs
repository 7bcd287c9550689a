//! C001's cheap first look at a real word: whether a far more probable word one common
//! misreading away could replace it at all, searched once per spelling and remembered.

use super::shape::{case_like, shape_and_base};
use super::{lock, real_word_max_channel, Corrector, CACHE_LIMIT, CONTEXT_RATIO, MAX_TOKEN_BYTES};
use crate::lexicon::Entry;

impl<'a> Corrector<'a> {
    /// Whether some word could replace the real word `token`: one at least e^CONTEXT_RATIO
    /// times as probable (the least ratio at which context may earn the change), reached at
    /// a channel cost up to [`real_word_max_channel`] (the conditions `correct` puts on
    /// replacing a real word), in the lexicon or the document.
    /// The answer depends on the spelling alone, so it is remembered per spelling.
    pub(super) fn real_word_rival(&self, token: &str) -> bool {
        if let Some(&known) = lock(&self.rivals).get(token) {
            return known;
        }
        let found = self.search_rival(token);
        self.remember_rival(token, found);
        found
    }

    pub(super) fn remember_rival(&self, token: &str, found: bool) {
        let mut rivals = lock(&self.rivals);
        if rivals.len() >= CACHE_LIMIT {
            rivals.clear();
        }
        rivals.insert(token.to_string(), found);
    }

    /// [`Corrector::real_word_rival`], searched.
    pub(super) fn search_rival(&self, token: &str) -> bool {
        if token.len() > MAX_TOKEN_BYTES {
            return false;
        }
        let own = self.own_logp(token);
        let (shape, base) = shape_and_base(token);
        let max_channel = real_word_max_channel(token);
        let (hits, _) = self.lexicon_hits(token, &base, shape, max_channel as f32);
        let rival = |word: &str, entry: Option<Entry>| {
            self.prior(&case_like(word, shape), token, entry)
                .is_some_and(|(logp, _, _)| logp - own >= CONTEXT_RATIO)
        };
        if hits.into_iter().any(|h| rival(&h.word, Some(h.entry))) {
            return true;
        }
        let mut found = false;
        self.for_each_repeated_variant(&base, max_channel as f32, |cand, cost| {
            found = f64::from(cost) <= max_channel && rival(cand, None);
            !found
        });
        found
    }
}
