//! The evidence C001 weighs: the priors the lexicon and the document give a word, how far
//! the document's repeats are trusted, the misreadings its OCR shows, and how much the
//! neighbouring words favour a spelling.

use super::super::model;
use super::super::profile::swap_between;
use super::shape::{shape, Shape};
use super::{
    count_of, lock, Corrector, Scored, CACHE_LIMIT, COMMON_SKIP, CORPUS_WORDS, DOC_WEIGHT,
    MIN_DOC_WORDS, REAL_WORD_MAX_CHANNEL, UNKNOWN_LOGP,
};
use crate::lexicon::{Entry, BIGRAM_SCALE};

/// Count assumed for a word the lexicon does not know, in context scoring.
const UNKNOWN_COUNT: f64 = 2e3;
/// Smallest count in the bigram list: a missing pair is rarer than this.
const BIGRAM_FLOOR: f64 = 3.2e6;
/// A token the document repeats is trusted with this share of its document frequency.
const REPEAT_TRUST: f64 = 0.1;
/// How many times as often as the word it would misread (plus one) a capitalised token must
/// occur to be the document's own word whatever the swap: an OCR habit spoils some
/// occurrences of a word, not a hundred to its one.
const MISREADING_DOMINANCE: u32 = 10;
/// SCOWL level up to which a name counts as well known for [`Corrector::well_known_name`].
/// Measured on the real corpora: 32 more words fixed and 2 broken ("Franois" →
/// "Francis", "Courtnay" → "Courtney"); at level 45, 11 and none; at 60, 33 and 2; with
/// any swap (not only the common misreadings), 48 and 4.
const WELL_KNOWN_NAME_LEVEL: u8 = 50;

impl<'a> Corrector<'a> {
    /// Log-probability of a word as a prior, from the lexicon and the document; `None`
    /// when neither knows it (or the lexicon knows it only as a rare word or an
    /// abbreviation and the document does not use it).
    /// A word the lexicon lacks counts as evidence only when the document uses it at
    /// least three times and twice as often as the token it would replace: the document's OCR
    /// errors are in its vocabulary too.
    /// `entry` is the lexicon's entry when the caller already has it.
    pub(super) fn prior(
        &self,
        word: &str,
        token: &str,
        entry: Option<Entry>,
    ) -> Option<(f64, u32, bool)> {
        let doc = self.doc_count(word);
        let total = self.vocab.total().max(1) as f64;
        let p_doc = DOC_WEIGHT * f64::from(doc) / total;
        let entry = entry.or_else(|| {
            self.known
                .find(word)
                .filter(|f| f.as_written(word))
                .map(|f| f.entry)
        });
        let lex = entry.filter(|e| e.is_common() && !e.abbreviation);
        let p_lex = lex.as_ref().map_or(0.0, |e| count_of(e) / CORPUS_WORDS);
        let doc_attested = doc >= 3 && doc >= 2 * self.vocab.count_any_case(token);
        if p_lex == 0.0 && !doc_attested {
            return None;
        }
        Some(((p_lex + p_doc).ln(), doc, lex.is_some()))
    }

    /// How often the document uses a word, as evidence for it; nothing for a document too
    /// short for its counts to mean anything (in three words, one use is a third of them).
    pub(super) fn doc_count(&self, word: &str) -> u32 {
        if self.vocab.total() < MIN_DOC_WORDS {
            0
        } else {
            self.vocab.count_any_case(word)
        }
    }

    /// `self.doc_count(word) >= 2`, answered from the filter of repeated words when it can
    /// be: a lower-case ASCII spelling the filter lacks is no repeated word.
    pub(super) fn repeats(&self, word: &str) -> bool {
        let lower_ascii = word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if lower_ascii && !self.repeated.may_hold(word) {
            return false;
        }
        self.doc_count(word) >= 2
    }

    /// How often the document repeats a token, as evidence that it is right. Only names
    /// and acronyms (capitalised tokens) earn this trust: OCR engines repeat their
    /// misreadings of lower-case words ("whioh", "bas") page after page.
    /// A capitalised token that is one of the document's own misreadings away from one of
    /// the commonest words ("Tho" in a text whose OCR writes o for e) earns no such trust,
    /// nor does an unknown one that a habit of the OCR makes of a common word ("Gothio").
    pub(super) fn trusted_repeats(&self, token: &str) -> u32 {
        if !token.starts_with(char::is_uppercase) {
            return 0;
        }
        let n = self.vocab.count(token);
        if n < 2 || self.repeated_misreading(token) {
            0
        } else {
            n
        }
    }

    /// Whether `token`, lower-cased, is one table swap from one of the commonest words
    /// through a swap the document's OCR shows (see [`super::super::profile`]), or, when the
    /// lexicon does not know it, from any common word (for a capitalised token, also one
    /// spelled with its capital, as names are) through a habit of the document's OCR;
    /// remembered.
    fn repeated_misreading(&self, token: &str) -> bool {
        if let Some(&known) = lock(&self.misreadings).get(token) {
            return known;
        }
        let lower = token.to_lowercase();
        // The words one swap away, found in one walk of the lexicon: a plain variant that is
        // none of them is found by `find` only through its accented spelling.
        let near = self
            .lex
            .words_one_swap_away(&lower, model::TABLE, model::table_index());
        let very_common =
            |e: Option<Entry>| e.is_some_and(|e| e.frequency as f64 > COMMON_SKIP * CORPUS_WORDS);
        // A spelling the lexicon lacks is also doubtful when a habit of this document's OCR
        // ([`Profile::weighed`]) makes it of any common word ("Gothio" for "Gothic").
        let unknown = self.known.find(token).is_none();
        let common = |e: Option<Entry>| e.is_some_and(|e| e.is_common());
        // A word the document writes far more often than the word it would misread is the
        // document's own ("Pte", a hundred times, is no misread "Pee").
        let written = self.vocab.count(token);
        let outnumbers = |cand: &str| {
            written > MISREADING_DOMINANCE.saturating_mul(self.vocab.count_any_case(cand) + 1)
        };
        let mut found = false;
        model::for_each_table_swap(&lower, |cand, _| {
            if found || outnumbers(cand) {
                return;
            }
            // Looked up once for both questions.
            let entry = self.lex.find_entry_near(near.as_deref(), cand);
            found = (very_common(entry) && self.document_shows(&lower, cand))
                || (unknown && common(entry) && self.habit(&lower, cand));
        });
        // A name is found as written: "america" is no word, so a capitalised token is also
        // read through the swaps in its own case ("Amerioa", "Atlantio", "Ravmond").
        if !found && unknown && shape(token) == Shape::Title {
            model::for_each_table_swap(token, |cand, _| {
                found = found
                    || (!outnumbers(cand)
                        && common(self.lex.find(cand).map(|f| f.entry))
                        && self.habit(&lower, &cand.to_lowercase()));
            });
        }
        let mut cache = lock(&self.misreadings);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(token.to_string(), found);
        found
    }

    /// The token's own log-probability as written.
    pub(super) fn own_logp(&self, token: &str) -> f64 {
        let repeats = self.trusted_repeats(token);
        let total = self.vocab.total().max(1) as f64;
        let trusted = if repeats >= 2 {
            (REPEAT_TRUST * f64::from(repeats) / total).ln()
        } else {
            UNKNOWN_LOGP
        };
        self.listed_logp(token).max(trusted)
    }

    /// The part of [`Corrector::own_logp`] that the lexicon gives (at least
    /// [`UNKNOWN_LOGP`]): a lower bound of it that costs one lookup.
    pub(super) fn listed_logp(&self, token: &str) -> f64 {
        self.known
            .find(token)
            .filter(|f| f.as_written(token))
            .map_or(UNKNOWN_LOGP, |f| {
                (count_of(&f.entry) / CORPUS_WORDS).ln().max(UNKNOWN_LOGP)
            })
    }

    /// Whether `token` becomes `word` by one swap that this document's weighed table makes
    /// cheaper than the general one (a habit of its OCR, see
    /// [`Profile::weighed`](super::super::profile::Profile::weighed)).
    pub(super) fn habit(&self, token: &str, word: &str) -> bool {
        let (token, word) = (token.to_lowercase(), word.to_lowercase());
        let (seen, meant) = swap_between(&token, &word);
        self.table.iter().zip(model::TABLE).any(|(mine, general)| {
            mine.seen == seen && mine.meant == meant && mine.cost < general.cost
        })
    }

    /// Whether `cand`, a candidate for a capitalised one-off inside a sentence (seven
    /// letters or more, used only once: see [`Corrector::weigh`]), is an ordinary
    /// lower-case common word, no name: the token misreads it ("Detectivo", "Collego",
    /// "Agnostioism"; short names one letter from a word, "Jaspar", "Millar", "Moy", stay).
    pub(super) fn ordinary_common_word(&self, cand: &Scored) -> bool {
        let lower = cand.word.to_lowercase();
        self.lex
            .find(&lower)
            .is_some_and(|f| f.spelling == lower && !f.entry.proper && f.entry.is_common())
    }

    /// Whether `cand`, a candidate for a capitalised one-off inside a sentence that no
    /// lexicon lists (see [`Corrector::weigh`]), is a well-known name one common
    /// misreading away: a swap of cost [`REAL_WORD_MAX_CHANNEL`] at most reaches it, and
    /// the lexicon spells it so as a name at level [`WELL_KNOWN_NAME_LEVEL`] or below
    /// ("Tliomas" → "Thomas", "Soorates" → "Socrates", "Moiitreal" → "Montreal"). A
    /// rarer name, or one a costlier swap reaches, is as likely the writer's own spelling
    /// of another ("Abernethy", "Georgio" stay).
    pub(super) fn well_known_name(&self, cand: &Scored) -> bool {
        cand.channel <= REAL_WORD_MAX_CHANNEL
            && self.lex.find(&cand.word).is_some_and(|f| {
                f.spelling == cand.word && f.entry.proper && f.entry.level <= WELL_KNOWN_NAME_LEVEL
            })
    }

    /// Whether a candidate for a capitalised token inside a sentence is a name the lexicon
    /// knows that the document writes elsewhere, capitalised as here ("Oweu" beside one
    /// "Owen"): a name once seen is evidence; a common word seen once ("Turns" for the
    /// name "Turris") is not.
    pub(super) fn name_written_elsewhere(&self, cand: &Scored) -> bool {
        self.vocab.count(&cand.word) >= 1
            && self.lex.find(&cand.word).is_some_and(|f| f.entry.proper)
    }

    /// Whether the document's OCR made the misreading that turns `word` into `token`.
    pub(super) fn document_shows(&self, token: &str, word: &str) -> bool {
        let (token, word) = (token.to_lowercase(), word.to_lowercase());
        let (seen, meant) = swap_between(&token, &word);
        self.profile.active(self.lex, seen, meant)
    }

    /// The count behind a word for context scoring.
    pub(super) fn count(&self, word: &str) -> f64 {
        if let Some(&c) = lock(&self.counts).get(word) {
            return c;
        }
        let c = self
            .known
            .find(word)
            .map_or(UNKNOWN_COUNT, |f| count_of(&f.entry));
        let mut counts = lock(&self.counts);
        if counts.len() >= CACHE_LIMIT {
            counts.clear();
        }
        counts.insert(word.to_string(), c);
        c
    }

    /// How much the neighbours favour `word`, in nats: the bigram counts with the previous
    /// and next word against what the word's own frequency leads one to expect. A pair
    /// missing from the bigram list counts as just below the list's smallest count, or
    /// as expected when the expectation is lower than that (rare neighbours say nothing:
    /// both spellings then score their independence estimate, with no floor that would
    /// favour a rare spelling next to a garbled word).
    /// `prev` and `next` come with their counts ([`Corrector::count`]), looked up once for
    /// the token and all its candidates.
    pub(super) fn context(
        &self,
        prev: Option<(&str, f64)>,
        word: &str,
        next: Option<(&str, f64)>,
    ) -> f64 {
        let fw = self.count(word);
        let side = |pair: u64, other_count: f64| {
            let expected = fw * other_count * BIGRAM_SCALE / CORPUS_WORDS;
            let floor = expected.min(BIGRAM_FLOOR);
            ((pair as f64).max(floor).max(f64::MIN_POSITIVE) / fw).ln()
        };
        let mut total = 0.0;
        if let Some((p, count)) = prev {
            total += side(self.lex.bigram(p, word), count);
        }
        if let Some((n, count)) = next {
            total += side(self.lex.bigram(word, n), count);
        }
        total
    }
}
