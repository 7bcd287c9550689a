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

    /// [`Corrector::real_word_rival`], searched. The candidates are weighed first against
    /// the token's listed probability ([`Corrector::listed_logp`]), a lower bound of its
    /// own: when no candidate clears the ratio against that, none clears it against the
    /// token's full probability, whose document part ([`Corrector::trusted_repeats`])
    /// costs a walk of the lexicon, so it is worked out only when a candidate does.
    pub(super) fn search_rival(&self, token: &str) -> bool {
        if token.len() > MAX_TOKEN_BYTES {
            return false;
        }
        let (shape, base) = shape_and_base(token);
        let max_channel = real_word_max_channel(token);
        let (hits, _) = self.lexicon_hits(token, &base, shape, max_channel as f32);
        let logp = |word: &str, entry: Option<Entry>| {
            self.prior(&case_like(word, shape), token, entry)
                .map(|(logp, _, _)| logp)
        };
        let mut best = hits
            .into_iter()
            .filter_map(|h| logp(&h.word, Some(h.entry)))
            .fold(f64::NEG_INFINITY, f64::max);
        // Raises `best` by the document's repeated words until it clears `floor`.
        let raise_until = |best: &mut f64, floor: f64| {
            if *best - floor < CONTEXT_RATIO {
                self.for_each_repeated_variant(&base, max_channel as f32, |cand, cost| {
                    if f64::from(cost) <= max_channel {
                        *best = best.max(logp(cand, None).unwrap_or(f64::NEG_INFINITY));
                    }
                    *best - floor < CONTEXT_RATIO
                });
            }
            *best - floor >= CONTEXT_RATIO
        };
        if !raise_until(&mut best, self.listed_logp(token)) {
            return false;
        }
        raise_until(&mut best, self.own_logp(token))
    }
}
