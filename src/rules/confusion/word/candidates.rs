//! Finding C001's candidates for a token: the confusion table's lexicon words, the long s,
//! capitals read as letters, the document's own repeated words and generic edits, kept
//! per spelling with the token's own log-probability.

use super::super::longs;
use super::super::model::{self, GENERIC_COST};
use super::shape::{capital_misread, case_like, has_inner_capitals, shape_and_base, Shape};
use super::{Corrector, Scored, CACHE_LIMIT, MAX_TOKEN_BYTES, MIN_DOC_WORDS, MIN_MARGIN};
use crate::lexicon::{Entry, Lexicon};
use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc as Rc;

/// Highest channel cost searched (two common swaps).
const MAX_CHANNEL: f32 = 8.0;
/// Letters up to which a token counts as short for [`SHORT_MAX_CHANNEL`].
pub(super) const SHORT_TOKEN: usize = 3;
/// Highest channel cost searched for a short token: one common misreading (the table's
/// swaps at 5.0 and above are left out).
const SHORT_MAX_CHANNEL: f32 = 4.9;
/// Candidates kept per spelling for the context stage.
const TOP_K: usize = 5;
/// Generic edits reach lexicon words from non-words this long (in letters).
const GENERIC_LEXICON_MIN_LEN: usize = 6;

impl<'a> Corrector<'a> {
    /// The token's own log-probability and its best candidates by unigram score (at most
    /// [`TOP_K`]), cached per spelling.
    pub(super) fn unigram(&mut self, token: &str) -> Rc<(f64, Vec<Scored>)> {
        if let Some(hit) = self.cache.get(token) {
            return Rc::clone(hit);
        }
        let result = Rc::new(self.own_logp_and_candidates(token));
        self.remember_unigram(token, Rc::clone(&result));
        result
    }

    pub(super) fn remember_unigram(&mut self, token: &str, result: Rc<(f64, Vec<Scored>)>) {
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(token.to_string(), result);
    }

    /// The token's own log-probability and its candidates ([`Corrector::candidates`],
    /// which weighs them against it).
    pub(super) fn own_logp_and_candidates(&self, token: &str) -> (f64, Vec<Scored>) {
        let own = self.own_logp(token);
        (own, self.candidates(token, own))
    }

    /// The best candidates for `token` by unigram score (at most [`TOP_K`]); `own` is the
    /// token's own log-probability.
    fn candidates(&self, token: &str, own: f64) -> Vec<Scored> {
        // One swap at every position copies the token each time: quadratic in its length.
        if token.len() > MAX_TOKEN_BYTES {
            return Vec::new();
        }
        let (shape, base) = shape_and_base(token);
        let mut scored: Vec<Scored> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        let lower_token = token.to_lowercase();
        let mut consider =
            |cand: &str, channel: f64, entry: Option<Entry>, scored: &mut Vec<Scored>| {
                let cased = case_like(cand, shape);
                // A lone letter is read as another short word only ("m" as "in"), never
                // grown by a lost ligature ("t" as "fit", "y" as "fly").
                if (token.len() == 1 && cand.len() > 2)
                    || crate::lexicon::case::lowers_to(&cased, &lower_token)
                    || inflection_of(&cased, token)
                    || !seen.insert(cased.clone())
                {
                    return;
                }
                if let Some((logp, doc_count, lexicon)) = self.prior(&cased, token, entry) {
                    scored.push(Scored {
                        word: cased,
                        channel,
                        logp,
                        doc_count,
                        lexicon,
                        capital_misread: false,
                    });
                }
            };
        // A token of three letters or fewer is too close to too many words for the rarer
        // swaps: only the common misreadings reach its candidates ("teh" is no misread
        // "ten").
        let max = if base.chars().count() <= SHORT_TOKEN {
            SHORT_MAX_CHANNEL
        } else {
            MAX_CHANNEL
        };
        let (hits, of_base) = self.lexicon_hits(token, &base, shape, max);
        for hit in &hits {
            consider(&hit.word, f64::from(hit.cost), Some(hit.entry), &mut scored);
        }
        // A lower-case word found for the token as written, capital included (not for its
        // lower-case base), means the capital was part of the misreading ("Hke" → "like").
        for hit in hits[of_base..]
            .iter()
            .filter(|h| capital_misread(token, &h.word))
        {
            let cased = case_like(&hit.word, shape);
            if let Some(s) = scored.iter_mut().find(|s| s.word == cased) {
                s.capital_misread = true;
            }
        }
        if self.long_s && !matches!(shape, Shape::Mixed | Shape::CapitalMixed) {
            longs::for_each_known_insertion(self.lex, self.known, &base, |cand, entry| {
                consider(cand, f64::from(longs::COST), Some(entry), &mut scored);
            });
        }
        if has_inner_capitals(&base, shape) {
            for hit in capital_reading_hits(self.lex, &base) {
                consider(&hit.word, f64::from(hit.cost), Some(hit.entry), &mut scored);
            }
        }
        if shape == Shape::Upper && token.chars().count() >= MIN_UPPER_READING {
            for hit in upper_reading_hits(self.lex, token) {
                consider(&hit.word, f64::from(hit.cost), Some(hit.entry), &mut scored);
            }
        }
        // Words only the document knows (names, terms): one swap, looked up in its counts.
        self.for_each_repeated_variant(&base, f32::INFINITY, |cand, cost| {
            consider(cand, f64::from(cost), None, &mut scored);
            true
        });
        let lower = base.to_lowercase();
        for target in &self.generic_targets {
            if model::one_edit_apart(&lower, target) {
                consider(target, f64::from(GENERIC_COST), None, &mut scored);
            }
        }
        // A long non-word for which the confusion table offers no likely word may be any
        // common word one edit away ("wilhes" for "wishes", "olitude" for "solitude"), at
        // the generic cost; not in a text printed in old spelling, whose "wordes" and
        // "entred" are one edit from today's words.
        let table_wins = scored.iter().any(|c| c.score() - own >= MIN_MARGIN);
        if !table_wins
            && !self.old_spelling
            && lexicon_edits_apply(&lower, shape)
            && self.known.find(token).is_none()
        {
            for hit in self.lex.words_one_edit_away(&lower) {
                // "lookin", "goin": speech spelled as said, not a lost letter.
                if dropped_g(&lower, &hit.word) {
                    continue;
                }
                consider(
                    &hit.word,
                    f64::from(GENERIC_COST),
                    Some(hit.entry),
                    &mut scored,
                );
            }
        }
        // A word the lexicon knows is never replaced by a spelling only the document has:
        // that spelling is as likely the document's repeated misreading of it ("dredge"
        // read "dredgo" on other pages) as the other way round.
        if self.known.find(token).is_some_and(|f| f.as_written(token)) {
            scored.retain(|s| s.lexicon);
        }
        scored.sort_by(|a, b| b.score().total_cmp(&a.score()));
        scored.truncate(TOP_K);
        scored
    }

    /// Lexicon words the confusion table reaches from `token` (its lower-cased `base`, up
    /// to two swaps, one for words of three letters or fewer) within `max_cost`; a
    /// capitalised token is also searched as written, for names and for capitals that are
    /// part of a misreading ("Avas" for "was"). Also how many of the words, listed first,
    /// were found for the base.
    pub(super) fn lexicon_hits(
        &self,
        token: &str,
        base: &str,
        shape: Shape,
        max_cost: f32,
    ) -> (Vec<crate::lexicon::search::Hit>, usize) {
        let swaps = if base.chars().count() <= 3 { 1 } else { 2 };
        let index = &self.table_index;
        let mut hits = self
            .lex
            .confusable_indexed(base, &self.table, index, swaps, max_cost);
        let of_base = hits.len();
        if matches!(shape, Shape::Title | Shape::CapitalMixed) {
            hits.extend(
                self.lex
                    .confusable_indexed(token, &self.table, index, swaps, max_cost),
            );
        }
        (hits, of_base)
    }

    /// Each one-swap variant of `base` (by this document's table) that the document
    /// repeats ([`Corrector::repeats`]), with the swap's cost, in the order
    /// [`model::for_each_swap_in`] meets them, leaving out the swaps dearer than
    /// `max_cost`; `f` returns false to stop. A lower-case ASCII `base` is walked along
    /// the set of repeated words, which answers all its variants at once; any other is
    /// asked about variant by variant.
    pub(super) fn for_each_repeated_variant(
        &self,
        base: &str,
        max_cost: f32,
        mut f: impl FnMut(&str, f32) -> bool,
    ) {
        // A document this short gives no counts (`doc_count`): nothing repeats.
        if self.vocab.total() < MIN_DOC_WORDS {
            return;
        }
        let (table, index) = (&self.table, &self.table_index);
        let walked =
            self.repeated
                .for_each_held_variant(base, table, index, max_cost, |cand, k| {
                    // The set holds the lower case of what the document uses twice or more.
                    match table.get(k) {
                        Some(swap) if self.doc_count(cand) >= 2 => f(cand, swap.cost),
                        _ => true,
                    }
                });
        if !walked {
            let mut go = true;
            model::for_each_swap_in(table, index, base, |cand, cost| {
                if go && cost <= max_cost && self.repeats(cand) {
                    go = f(cand, cost);
                }
            });
        }
    }
}

/// Whether a token (lower-cased `lower`, capitalised as `shape`) gets candidates one generic
/// edit away in the lexicon: a plain lower-case or capitalised word of
/// [`GENERIC_LEXICON_MIN_LEN`] letters or more, or a plain lower-case one of
/// [`SHORT_TOKEN`] letters ("uch" → "such", "ith" → "with", "thq" → "the"), which only its
/// neighbours may settle (see `weigh`'s `SHORT_GENERIC_CONTEXT`).
fn lexicon_edits_apply(lower: &str, shape: Shape) -> bool {
    let long =
        matches!(shape, Shape::Lower | Shape::Title) && lower.len() >= GENERIC_LEXICON_MIN_LEN;
    let short = shape == Shape::Lower && lower.len() == SHORT_TOKEN;
    (long || short) && lower.bytes().all(|b| b.is_ascii_lowercase())
}

/// Lexicon words a mixed-case `base` (its first letter lowered, so every capital is inside
/// the word) spells with its capitals read as the letters they resemble
/// ([`model::CAPITAL_TABLE`]): the confusion search, at most one swap per capital.
pub(super) fn capital_reading_hits(lex: &Lexicon, base: &str) -> Vec<crate::lexicon::search::Hit> {
    let capitals = base.bytes().filter(u8::is_ascii_uppercase).count();
    lex.confusable_indexed(
        base,
        model::CAPITAL_TABLE,
        model::capital_index(),
        capitals,
        f32::INFINITY,
    )
}

/// Letters a token in capitals needs for its capitals to be read as others
/// ([`model::UPPER_TABLE`]): shorter ones are as often acronyms.
const MIN_UPPER_READING: usize = 5;

/// Lexicon words a token in capitals (`token`, as written) becomes when one of its
/// capitals is read as the capital whose strokes it resembles ("BFFECTS" → "effects").
fn upper_reading_hits(lex: &Lexicon, token: &str) -> Vec<crate::lexicon::search::Hit> {
    lex.confusable_indexed(
        token,
        model::UPPER_TABLE,
        model::upper_index(),
        token.len(),
        model::CAPITAL_READING_COST,
    )
}

/// Whether `word` is `token` with the final "g" of "-ing" put back: the dialect spelling
/// of "lookin", not an OCR error.
fn dropped_g(token: &str, word: &str) -> bool {
    token.ends_with("in") && word.strip_suffix('g') == Some(token)
}

/// Whether one of two spellings is the other with a plural or possessive `s`/`es` added
/// ("Maisters" and "Maister", "sonne" and "sonnes"): an inflection the document uses, not
/// a misreading of it.
fn inflection_of(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short.as_str())
        .is_some_and(|rest| rest == "s" || rest == "es")
}
