//! Misread words: a noisy-channel choice between the token as written and the spellings
//! the confusion model reaches from it. A candidate wins only when it is a lexicon or
//! document word and clearly more probable than the token itself and than every other
//! candidate; the margin (in nats) becomes the edit's confidence and its safety.

mod candidates;
mod evidence;
mod needs;
mod rival;
mod shape;
mod weigh;

use super::archaic;
use super::longs;
use super::model::{self, GENERIC_COST};
use super::profile::Profile;
use super::repeated::Repeated;
use super::tokens::Token;
use super::vocab::Vocabulary;
use crate::edit::Safety;
use crate::lexicon::known::KnownWords;
use crate::lexicon::Lexicon;
use needs::Need;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc as Rc, Mutex};

/// Approximate number of words behind the lexicon's frequency counts.
const CORPUS_WORDS: f64 = 4e11;
/// The count a lexicon word stands for: its frequency, or for words the frequency list
/// lacks, a count that fits their SCOWL commonness level.
pub(super) fn count_of(e: &crate::lexicon::Entry) -> f64 {
    let by_level = match e.level {
        0..=20 => 1e6,
        21..=35 => 2e5,
        36..=50 => 5e4,
        51..=70 => 1e4,
        _ => 2e3,
    };
    (e.frequency as f64).max(by_level)
}
/// A real word ("tho") is replaced only by a word at least e^6.9 ≈ 1000 times as
/// frequent ("the")…
const REAL_WORD_RATIO: f64 = 6.9;
/// …reached by one common misreading (a swap of cost 4.5 or less: "fl" lost from "flute" is
/// one), and only when the context does not favour it.
const REAL_WORD_MAX_CHANNEL: f64 = 4.5;
/// A lower-case real word of two letters may also go for a word one swap of cost up to 5.0
/// away ("oi" → "of", "lo" → "to", "ol" → "of": rare words OCR makes of common ones), when
/// both its neighbours are words that can speak for it (see `weigh`). Measured on the real
/// corpora: +29 fixed, +1 broken; without the neighbours' condition +33/+2, "Church et aL"
/// becoming "at".
const TWO_LETTER_MAX_CHANNEL: f64 = 5.0;

/// The costliest swap by which the real word `token` may be replaced: see
/// [`REAL_WORD_MAX_CHANNEL`] and [`TWO_LETTER_MAX_CHANNEL`].
fn real_word_max_channel(token: &str) -> f64 {
    let mut chars = token.chars();
    let two_lower =
        chars.by_ref().take(2).filter(|c| c.is_lowercase()).count() == 2 && chars.next().is_none();
    if two_lower {
        TWO_LETTER_MAX_CHANNEL
    } else {
        REAL_WORD_MAX_CHANNEL
    }
}
/// A word at least e^8.5 ≈ 5000 times as frequent may replace a real word of three letters
/// or more even where the neighbours lean against it by up to e^3 (down to
/// [`OVERWHELMING_CONTEXT_FLOOR`]): the commonest words ("the", "all") go with any
/// neighbour, so the bigrams cannot speak for them ("working tho dredge" → "the", "ail the
/// men" → "all"). Measured on the real corpora (session 13): +24 fixed, 0 broken; at
/// e^8 with a floor of e^-2, +24/+2; at e^9, +19/0.
const OVERWHELMING_RATIO: f64 = 8.5;
/// See [`OVERWHELMING_RATIO`].
const OVERWHELMING_CONTEXT_FLOOR: f64 = -3.0;
/// A real word may also go for a word e^4 ≈ 55 times as frequent when the neighbours favour
/// that word by e^2, the token is rare in the document, and the document's OCR shows the
/// same misreading in non-words (see [`super::profile`]).
const CONTEXT_RATIO: f64 = 4.0;
/// Words more frequent than this share of all words are never questioned.
const COMMON_SKIP: f64 = 1e-4;
/// A document shorter than this (in words) gives no evidence from its own counts.
const MIN_DOC_WORDS: u64 = 100;
/// Entries each cache holds before it starts again: bounds memory on huge documents.
const CACHE_LIMIT: usize = 200_000;
/// Prior of a word the lexicon does not know: a name, a term — or an OCR error.
const UNKNOWN_LOGP: f64 = -18.4;
/// Weight of the document's own counts against the lexicon's.
const DOC_WEIGHT: f64 = 0.5;
/// A candidate must beat the token by this many nats to be proposed at all…
pub const MIN_MARGIN: f64 = 3.0;
/// …and by this many, and the runner-up by `SAFE_GAP`, to be applied by default.
pub const SAFE_MARGIN: f64 = 5.0;
/// A lexicon word the document uses this often, replacing a token it uses once, is safe.
pub const DOC_SAFE_COUNT: u32 = 3;
/// See [`SAFE_MARGIN`].
pub const SAFE_GAP: f64 = 2.0;
/// Generic edits only reach words this long: short words are too close to each other.
const GENERIC_MIN_LEN: usize = 5;
/// Tokens longer than this (in bytes) get no candidates: no word is that long, and
/// candidate generation grows with the square of the token's length.
const MAX_TOKEN_BYTES: usize = 64;
/// Generic (non-table) edits can only win for words at least this probable.
const GENERIC_MIN_LOGP: f64 = UNKNOWN_LOGP + MIN_MARGIN + GENERIC_COST as f64;

/// A proposed correction of one token.
#[derive(Clone, Debug)]
pub struct Correction {
    /// The replacement, cased like the token.
    pub word: String,
    /// Length in bytes of the token it replaces.
    pub original_len: usize,
    /// Margin over the token, in nats.
    pub margin: f64,
    /// Margin over the runner-up candidate, in nats.
    pub gap: f64,
    /// Applied by default or not.
    pub safety: Safety,
    /// Confidence from 0 to 1.
    pub confidence: f32,
    /// The evidence, in words.
    pub reason: String,
}

/// What is known about one candidate spelling.
#[derive(Clone, Debug)]
struct Scored {
    word: String,
    channel: f64,
    logp: f64,
    doc_count: u32,
    lexicon: bool,
    /// The token's capital was part of the misreading of a lower-case word ("Avas" for
    /// "was", "Hke" for "like"): inside a sentence the word is written in lower case.
    capital_misread: bool,
}

impl Scored {
    fn score(&self) -> f64 {
        self.logp - self.channel
    }
}

/// The word-level corrector for one document.
pub struct Corrector<'a> {
    lex: &'static Lexicon,
    /// The lexicon's answers for the document's spellings, looked up once.
    known: &'a KnownWords,
    vocab: &'a Vocabulary,
    /// Lower-case words the document uses often enough for a generic edit (a dropped or
    /// wrong letter, outside the confusion table) to reach them.
    generic_targets: Vec<String>,
    /// The lower-case words the document uses at least twice (see [`Corrector::repeats`]).
    repeated: Repeated,
    cache: HashMap<String, Rc<(f64, Vec<Scored>)>>,
    /// Context counts of words met as neighbours.
    counts: Mutex<HashMap<String, f64>>,
    /// [`Corrector::real_word_rival`]'s answer for each spelling asked about.
    rivals: Mutex<HashMap<String, bool>>,
    /// Spellings already found not worth questioning (common words, numbers, codes).
    settled: HashSet<String>,
    /// [`Corrector::needs`]'s answer per spelling, the stem given by its length: worked out
    /// once by [`Corrector::prepare`] and read by every occurrence's [`Corrector::correct`].
    needed: HashMap<String, Need>,
    /// Whether this document lost the long s of old print (see [`super::longs`]).
    long_s: bool,
    /// Whether this document is printed in old spelling (see [`super::archaic`]).
    old_spelling: bool,
    /// The confusions this document's OCR made (see [`super::profile`]).
    profile: Profile<'a>,
    /// Capitalised spellings found to be a repeated misreading of a common word.
    misreadings: Mutex<HashMap<String, bool>>,
    /// The confusion table weighed for this document (see [`Profile::weighed`]).
    table: Vec<model::Confusion>,
    /// Its [`model::SwapIndex`].
    table_index: model::SwapIndex,
}

impl<'a> Corrector<'a> {
    /// A corrector using the embedded lexicon and the document's vocabulary.
    pub fn new(vocab: &'a Vocabulary) -> Self {
        Corrector::with_known(vocab, KnownWords::none())
    }

    /// [`Corrector::new`], reading the lexicon's answers for the document's spellings from
    /// `known` (the same answers, looked up once for all the rules).
    pub fn with_known(vocab: &'a Vocabulary, known: &'a KnownWords) -> Self {
        let mut generic_targets: Vec<String> = Vec::new();
        let total = vocab.total().max(1) as f64;
        let long_enough = vocab.total() >= MIN_DOC_WORDS;
        for (w, n) in vocab.words_at_least(2).filter(|_| long_enough) {
            let p = DOC_WEIGHT * f64::from(n) / total;
            let long = w.chars().count() >= GENERIC_MIN_LEN;
            if long && p.ln() >= GENERIC_MIN_LOGP && w.chars().all(char::is_alphabetic) {
                generic_targets.push(w.to_string());
            }
        }
        let lex = Lexicon::embedded();
        // The set of repeated words is built on another core meanwhile.
        let (repeated, (profile, long_s, old_spelling)) = rayon::join(
            || Repeated::new(vocab.words_at_least(2).map(|(w, _)| w)),
            || {
                let profile = Profile::with_known(vocab.words_at_least(1).map(|(w, _)| w), known);
                // One pass over the document's non-words serves the long s and the profile.
                let long_s = long_enough && longs::document_shows_it(lex, profile.non_words(lex));
                let old_spelling = long_enough
                    && archaic::document_shows_it(
                        lex,
                        profile.non_words(lex),
                        |w| vocab.count(w),
                        vocab.total(),
                    );
                (profile, long_s, old_spelling)
            },
        );
        let table = if long_enough {
            profile.weighed(lex, model::TABLE)
        } else {
            model::TABLE.to_vec()
        };
        Corrector {
            table_index: model::SwapIndex::new(&table),
            table,
            lex,
            known,
            vocab,
            long_s,
            old_spelling,
            profile,
            misreadings: Default::default(),
            generic_targets,
            repeated,
            cache: HashMap::default(),
            settled: HashSet::default(),
            needed: HashMap::default(),
            counts: Default::default(),
            rivals: Default::default(),
        }
    }

    /// Whether a spelling was already found not worth questioning: [`Corrector::correct`]
    /// returns `None` for it whatever its neighbours, so a caller may skip it at the cost
    /// of one hash lookup.
    pub fn is_settled(&self, token: &str) -> bool {
        self.settled.contains(token)
    }

    /// Work out ahead, on every core, what [`Corrector::correct`] will ask about each of
    /// these spellings (the rival search and the candidate search, the costly parts), so
    /// that its calls find the answers remembered. Both depend on the spelling alone, so
    /// the decisions are the same with or without this; which spellings are worked out
    /// follows `correct`'s early checks (`Corrector::needs`) and only affects speed.
    pub fn prepare<'t>(&mut self, spellings: impl IntoIterator<Item = &'t str>) {
        let mut seen: HashSet<&str> = HashSet::default();
        let todo: Vec<&str> = spellings
            .into_iter()
            .filter(|s| !self.settled.contains(*s) && seen.insert(s))
            .collect();
        let this = &*self;
        let work = |full: &&'t str| -> PreparedSpelling<'t> {
            let known_need = this.needed.get(*full).copied();
            let need = known_need.unwrap_or_else(|| this.work_out_needs(full));
            let new_need = known_need.is_none().then_some(need);
            let Some((stem_len, real_word, _)) = need else {
                return (*full, new_need, None);
            };
            let stem = &full[..stem_len];
            let rival = real_word.then(|| {
                let known = lock(&this.rivals).get(stem).copied();
                known.unwrap_or_else(|| this.search_rival(stem))
            });
            let unigram = (rival != Some(false) && !this.cache.contains_key(stem))
                .then(|| this.own_logp_and_candidates(stem));
            (*full, new_need, Some((stem, Prepared { rival, unigram })))
        };
        // Few spellings are worked out here, on this thread: [`Corrector::judge`] would
        // otherwise search them again at every occurrence.
        let found: Vec<PreparedSpelling<'_>> = if todo.len() < MIN_PARALLEL {
            todo.iter().map(work).collect()
        } else {
            todo.par_iter().map(work).collect()
        };
        for (full, need, _) in &found {
            if let Some(need) = need {
                self.remember_need(full, *need);
            }
        }
        for (stem, p) in found.into_iter().filter_map(|(_, _, p)| p) {
            if let Some(rival) = p.rival {
                self.remember_rival(stem, rival);
            }
            if let Some(unigram) = p.unigram {
                self.remember_unigram(stem, Rc::new(unigram));
            }
        }
    }

    /// Remember that a spelling is not worth questioning (the memory is bounded).
    pub(super) fn settle(&mut self, token: &str) {
        if self.settled.len() >= CACHE_LIMIT {
            self.settled.clear();
        }
        self.settled.insert(token.to_string());
    }

    /// Decide on one token occurrence, given the words before and after it in the same
    /// sentence.
    pub fn correct(
        &mut self,
        token: &Token<'_>,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<Correction> {
        let full = token.text;
        if self.settled.contains(full) {
            return None;
        }
        // Remember the spelling's answers for its later occurrences.
        if let Some((text, real_word, _)) = self.needs(full) {
            if !real_word || self.real_word_rival(text) {
                self.unigram(text);
            }
        }
        match self.judge(token, prev, next) {
            Verdict::Settled => {
                self.settle(full);
                None
            }
            Verdict::Open(c) => c,
        }
    }

    /// [`Corrector::correct`]'s decision on one occurrence, reading the answers remembered
    /// per spelling and working out (without remembering) those it lacks: the same
    /// decision, so occurrences may be judged on every core at once.
    pub(super) fn judge(
        &self,
        token: &Token<'_>,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Verdict {
        match self.judge_one_step(token, prev, next) {
            Verdict::Open(Some(c)) => {
                Verdict::Open(Some(self.then_corrected(token, c, prev, next)))
            }
            verdict => verdict,
        }
    }
}

/// [`Corrector::judge`]'s answer for one occurrence.
pub(super) enum Verdict {
    /// No occurrence of this spelling ever changes: it may be settled.
    Settled,
    /// This occurrence's correction, if any.
    Open(Option<Correction>),
}

/// Fewer distinct spellings than this are not worth sharing out among threads.
const MIN_PARALLEL: usize = 64;

/// What [`Corrector::prepare`] worked out for one spelling: the spelling, its
/// [`Corrector::needs`] answer when newly worked out, and its stem's answers.
type PreparedSpelling<'t> = (&'t str, Option<Need>, Option<(&'t str, Prepared)>);

/// What [`Corrector::prepare`] worked out for one stem.
struct Prepared {
    /// For a real word, whether it has a rival.
    rival: Option<bool>,
    /// The stem's own log-probability and candidates, unless `correct` will not need
    /// them or they were known.
    unigram: Option<(f64, Vec<Scored>)>,
}

/// The guarded map, even if a thread panicked while holding it (the maps hold answers
/// that are each complete or absent).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
