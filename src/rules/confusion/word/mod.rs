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
mod tests {
    use super::super::tokens::tokens;
    use super::candidates::capital_reading_hits;
    use super::shape::{has_inner_capitals, shape_and_base};
    use super::weigh::{required_margin, LONGEST_NON_WORD_MARGIN};
    use super::*;

    /// A sentence of common words with nothing to mend, repeated to make a document.
    const PLAIN_SENTENCE: &str = "The people of the town met in the hall and spoke of the \
        harvest, the weather and the roads, and then they went home for the night. ";

    fn fix(text: &str) -> Vec<(String, String, Safety)> {
        fix_with(text, false)
    }

    /// The corrections of `text`, its searches worked out ahead (in parallel) or not.
    fn fix_with(text: &str, prepared: bool) -> Vec<(String, String, Safety)> {
        let toks = tokens(text);
        let vocab = Vocabulary::new(toks.iter().cloned());
        let mut c = Corrector::new(&vocab);
        if prepared {
            c.prepare(toks.iter().map(|t| t.text));
        }
        toks.iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let prev = i.checked_sub(1).map(|p| toks[p].text);
                let next = toks.get(i + 1).map(|n| n.text);
                c.correct(t, prev, next)
                    .map(|k| (t.text.to_string(), k.word, k.safety))
            })
            .collect()
    }

    #[test]
    fn fixes_typical_misreads() {
        let got = fix("Tbe dog and tbe cat sat on whioh mat");
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|(a, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert!(pairs.contains(&("tbe", "the")), "{got:?}");
        assert!(pairs.contains(&("whioh", "which")), "{got:?}");
        assert!(pairs.contains(&("Tbe", "The")), "{got:?}");
        // Misreadings of two letters as one, or one as two.
        let got = fix("a feeHng that tJiat they suSered");
        for (seen, meant) in [
            ("feeHng", "feeling"),
            ("tJiat", "that"),
            ("suSered", "suffered"),
        ] {
            assert!(
                got.iter().any(|(a, b, _)| a == seen && b == meant),
                "{got:?}"
            );
        }
        // h and n confused, in a longer word only: "teh" is a typo, not a misread "ten".
        let got = fix("the youhg man said teh word");
        assert!(
            got.iter().any(|(a, b, _)| a == "youhg" && b == "young"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(a, _, _)| a == "teh"), "{got:?}");
        // A three-letter ligature read as "m".
        let got = fix("The omcial report came");
        assert!(
            got.iter().any(|(a, b, _)| a == "omcial" && b == "official"),
            "{got:?}"
        );
    }

    #[test]
    fn capitals_inside_words_are_read_as_the_letters_they_resemble() {
        let got = fix("The help afTorded to us was maliciouB in the circumsLances of tLe war.");
        for (seen, meant) in [
            ("afTorded", "afforded"),
            ("maliciouB", "malicious"),
            ("circumsLances", "circumstances"),
            ("tLe", "the"),
        ] {
            assert!(
                got.iter().any(|(a, b, _)| a == seen && b == meant),
                "{seen}: {got:?}"
            );
        }
        // A capitalised word keeps its capital.
        let got = fix("FIeeing from the town, they came home.");
        assert!(
            got.iter().any(|(a, b, _)| a == "FIeeing" && b == "Fleeing"),
            "{got:?}"
        );
        // Two common words joined at a capital are written so on purpose.
        let got = fix("We used the homePage and the taskForce in the test.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn capital_readings_reach_only_words() {
        let lex = Lexicon::embedded();
        // As C001 asks: the token's base, searched when it has capitals inside.
        let words = |token: &str| -> Vec<String> {
            let (shape, base) = shape_and_base(token);
            if !has_inner_capitals(&base, shape) {
                return Vec::new();
            }
            capital_reading_hits(lex, &base)
                .into_iter()
                .map(|h| h.word)
                .collect()
        };
        assert!(words("wiU").contains(&"will".to_string()));
        assert!(words("afTorded").contains(&"afforded".to_string()));
        // The first letter is read as written, and so is every lower-case letter.
        assert!(words("Table").is_empty(), "{:?}", words("Table"));
        assert!(words("tahle").is_empty(), "{:?}", words("tahle"));
    }

    #[test]
    fn document_evidence_fixes_dropped_letters() {
        let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
        let text = format!(
            "{filler}The communist party. A communist leader. Communist ideas. \
             The communist press. One commuist view."
        );
        let got = fix(&text);
        assert!(
            got.iter()
                .any(|(a, b, _)| a == "commuist" && b == "communist"),
            "{got:?}"
        );
        // A document of a few words gives no evidence from its own counts.
        let short = fix("The communist party. A communist leader. One commuist view.");
        assert!(
            !short
                .iter()
                .any(|(a, _, s)| a == "commuist" && *s == Safety::Safe),
            "{short:?}"
        );
    }

    #[test]
    fn names_and_acronyms_left_alone() {
        let text = "Lalkar reported that the WPK met in Pyongyang. Lalkar added more.";
        assert!(fix(text).is_empty(), "{:?}", fix(text));
    }

    #[test]
    fn plurals_of_document_words_are_not_misreadings() {
        let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
        let text = format!("{filler}The Maister spoke. A Maister came. Two Maisters left.");
        assert!(
            !fix(&text).iter().any(|(a, _, _)| a == "Maisters"),
            "{:?}",
            fix(&text)
        );
    }

    #[test]
    fn lexicon_words_not_replaced_by_the_documents_misreadings() {
        let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
        let text = format!(
            "{filler}The dredgo worked. A dredgo sank. The dredgo rose. Then the dredge came."
        );
        assert!(
            !fix(&text).iter().any(|(a, _, _)| a == "dredge"),
            "{:?}",
            fix(&text)
        );
    }

    #[test]
    fn a_garbled_neighbour_says_nothing() {
        // "evon" is no word: its pairs with "whioh" and with "which" are both unknown, so
        // the context must not favour the rare spelling over the common one.
        let got = fix("the plan whioh evon the man saw");
        assert!(
            got.iter().any(|(a, b, _)| a == "whioh" && b == "which"),
            "{got:?}"
        );
    }

    #[test]
    fn working_out_ahead_changes_no_decision() {
        // Enough distinct spellings for the parallel path: misreadings, real words with
        // rivals ("tho", "modem"), names, possessives and numbers.
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!(
                "Tbe man{i} said tho modem whioh was arid; Korea's l953 rnatter {i}x. \
                 The communist party met the commuist leader and Aubert{i} left. "
            ));
        }
        let plain = fix_with(&text, false);
        assert!(!plain.is_empty());
        assert_eq!(fix_with(&text, true), plain);
    }

    #[test]
    fn real_words_change_only_where_the_document_shows_the_misreading() {
        // This OCR reads h as b: "tbe", "tbat", "bave", "wbich" are no words.
        let noisy = "Tbe man said tbat be would bave come, wbich was kind. \
                     He sold bis cart and ho went home.";
        let got = fix(noisy);
        let changed = |w: &str| got.iter().any(|(a, _, _)| a == w);
        assert!(
            got.iter().any(|(a, b, _)| a == "bis" && b == "his"),
            "{got:?}"
        );
        // The same word in a document without that misreading stays: its neighbours
        // favour "his", but not strongly enough to earn the change alone ("in bis pocket"
        // would: see `a_three_letter_word_changes_where_its_neighbours_settle_it`; "ho"
        // goes on its neighbours' word alone, see the test after the next).
        let clean = "The man said that he would have come, which was kind. \
                     He sold bis cart and ho went home.";
        let got_clean = fix(clean);
        assert!(
            !got_clean.iter().any(|(a, _, _)| a == "bis"),
            "{got_clean:?}"
        );
        assert!(!changed("kind"), "{got:?}");
    }

    #[test]
    fn a_long_non_word_needs_only_a_clear_winner() {
        // 81 times likelier than as written (under the e^5 of a safe edit), but nine
        // letters that are no word, one table swap from one word and no other.
        let got = fix("He spoke with the prophetie voice of his fathers.");
        assert!(
            got.contains(&("prophetie".into(), "prophetic".into(), Safety::Safe)),
            "{got:?}"
        );
    }

    #[test]
    fn a_habit_of_the_documents_ocr_costs_less() {
        // This OCR reads l as i all through ("wiil", "stiil", "oniy", …): its "habituai"
        // is "habitual", and the reason says why.
        let body = "He wiil stiil come, and he is oniy a boy who is aiso weii. \
                    The feeiing was reaiiy good and the meai was smaii. ";
        let habit = format!("{} Such was his habituai way.", body.repeat(8));
        let got = fix(&habit);
        assert!(
            got.iter()
                .any(|(a, b, _)| a == "habituai" && b == "habitual"),
            "{got:?}"
        );
        // In an otherwise clean text the same word has weaker evidence: the general cost
        // of reading l as i, not the document's.
        let clean = format!(
            "{} Such was his habituai way.",
            "He will still come, and he is only a boy who is also well. ".repeat(12)
        );
        let margin = |text: &str| {
            let toks = tokens(text);
            let vocab = Vocabulary::new(toks.iter().cloned());
            let mut c = Corrector::new(&vocab);
            toks.iter()
                .enumerate()
                .filter(|(_, t)| t.text == "habituai")
                .find_map(|(i, t)| {
                    c.correct(t, Some(toks[i - 1].text), toks.get(i + 1).map(|n| n.text))
                })
                .map_or(f64::NEG_INFINITY, |k| k.margin)
        };
        assert!(margin(&habit) > margin(&clean) + 2.0);
    }

    #[test]
    fn a_repeated_capital_is_a_name_unless_the_ocr_shows_the_misreading() {
        // This OCR reads e as o ("wero", "mado", "havo", "somo"): its repeated "Tho" is
        // "The", not a name.
        let noisy = "Tho men wero here. Tho boys mado somo noise. Tho girls havo gone.";
        let got = super::super::edits_of("C001", noisy);
        let tho = got
            .iter()
            .filter(|(a, b, _)| a == "Tho" && b == "The")
            .count();
        assert_eq!(tho, 3, "{got:?}");
        // Without that pattern a repeated capitalised word is trusted.
        let clean = "Tho men were here. Tho boys made some noise. Tho girls have gone.";
        let got = super::super::edits_of("C001", clean);
        assert!(!got.iter().any(|(a, _, _)| a == "Tho"), "{got:?}");
    }

    #[test]
    fn old_spellings_stay_in_a_text_printed_in_them() {
        // This OCR reads h as b ("bis", "wbich"); the print spells "hee", "owne", "againe".
        let body = "Then hee tooke his owne horse and rode downe againe to the towne, for \
                    hee would keepe his word, and bis men went with him, wbich was well. ";
        let text = body.repeat(6);
        let got = super::super::edits_of("C001", &text);
        assert!(!got.iter().any(|(a, _, _)| a == "hee"), "{got:?}");
        assert!(!got.iter().any(|(a, _, _)| a == "owne"), "{got:?}");
        assert!(
            got.iter().any(|(a, b, _)| a == "wbich" && b == "which"),
            "{got:?}"
        );
    }

    #[test]
    fn a_long_non_word_may_be_one_edit_from_a_word_outside_the_table() {
        let body = PLAIN_SENTENCE;
        let text = format!(
            "{} They spoke of their wilhes and of the committe of the town. She was \
             lookin at the river. The WILHES stayed.",
            body.repeat(4)
        );
        let got = super::super::edits_of("C001", &text);
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|(a, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert!(pairs.contains(&("wilhes", "wishes")), "{got:?}");
        assert!(pairs.contains(&("committe", "committee")), "{got:?}");
        // Speech spelled as said, and capitals, are no one-edit misreadings.
        assert!(
            !pairs.iter().any(|(a, _)| *a == "lookin" || *a == "WILHES"),
            "{got:?}"
        );
        // In a text printed in old spelling, "wordes" is no misread "words".
        let old = "Then hee tooke his owne horse and rode downe againe to the towne, for \
                   hee would keepe his wordes and his men went with him. ";
        let got = super::super::edits_of("C001", &old.repeat(6));
        assert!(!got.iter().any(|(a, _, _)| a == "wordes"), "{got:?}");
    }

    #[test]
    fn a_correction_goes_on_when_it_lands_on_a_misreading() {
        // This OCR writes "tho" for "the" all through; "tbo" is one swap from "tho" and
        // two from "the", and "tho" here would be the next run's "the".
        let body = "They came to tho town and saw tho river by tho bridge in tho morning. ";
        let text = format!("{} Then they went to tbo hall.", body.repeat(8));
        let got = super::super::edits_of("C001", &text);
        assert!(
            got.iter().any(|(a, b, _)| a == "tbo" && b == "the"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, b, _)| b == "tho"), "{got:?}");
    }

    #[test]
    fn a_capital_inside_a_sentence_may_become_a_name_the_document_writes() {
        let body = PLAIN_SENTENCE;
        let text = format!(
            "{} Then Owen spoke. The letter from Oweu came. He turns back, and Turris stays.",
            body.repeat(4)
        );
        let got = super::super::edits_of("C001", &text);
        assert!(
            got.iter().any(|(a, b, _)| a == "Oweu" && b == "Owen"),
            "{got:?}"
        );
        // A common word seen once elsewhere is no evidence against a name.
        assert!(!got.iter().any(|(a, _, _)| a == "Turris"), "{got:?}");
    }

    #[test]
    fn a_long_one_off_capital_inside_a_sentence_may_be_a_misread_word() {
        let body = PLAIN_SENTENCE;
        let text = format!(
            "{} Then the evening Detectivo came by. Later Jaspar came, and Jaspar left.",
            body.repeat(6)
        );
        let got = super::super::edits_of("C001", &text);
        assert!(
            got.iter()
                .any(|(a, b, _)| a == "Detectivo" && b == "Detective"),
            "{got:?}"
        );
        // A short name one letter from a word, used twice, stays.
        assert!(!got.iter().any(|(a, _, _)| a == "Jaspar"), "{got:?}");
        // Used twice, even a long capital is a name the document spells this way.
        let twice = format!(
            "{} Then the evening Detectivo came by, and the Detectivo left.",
            body.repeat(6)
        );
        let got = super::super::edits_of("C001", &twice);
        assert!(!got.iter().any(|(a, _, _)| a == "Detectivo"), "{got:?}");
    }

    #[test]
    fn a_repeated_unknown_capital_made_by_a_habit_is_no_name() {
        // This OCR reads c as o all through ("oould", "muoh", "sinoe", …): its repeated
        // "Gothio" is "Gothic", though it is no misreading of one of the commonest words.
        let body = "He oould not say muoh, sinoe the oity was quiet and the ohuroh was \
                    olosed for the winter; the olook struok one and the ooach was late. ";
        let noisy = format!(
            "{} Gothio arches stood there. Gothio windows faced the road.",
            body.repeat(8)
        );
        let got = super::super::edits_of("C001", &noisy);
        let gothic = got
            .iter()
            .filter(|(a, b, _)| a == "Gothio" && b == "Gothic")
            .count();
        assert_eq!(gothic, 2, "{got:?}");
        // In a text whose OCR shows no such habit the repeated spelling is a name.
        let clean = format!(
            "{} Gothio arches stood there. Gothio windows faced the road.",
            "He could not say much, since the city was quiet and the church was closed. ".repeat(8)
        );
        let got = super::super::edits_of("C001", &clean);
        assert!(!got.iter().any(|(a, _, _)| a == "Gothio"), "{got:?}");
    }

    #[test]
    fn a_longer_non_word_needs_a_smaller_margin() {
        // "infenor" → "inferior" is e^2.45 likelier than the misreading as written in the
        // document it comes from: under the e^3 a shorter non-word or a real word needs.
        assert_eq!(required_margin(true, "infenor".len(), 2.0), 2.0);
        assert_eq!(required_margin(true, "infenr".len(), 2.0), MIN_MARGIN);
        assert_eq!(required_margin(false, "infenor".len(), 2.0), MIN_MARGIN);
        // A close runner-up keeps the full margin.
        assert_eq!(required_margin(true, "infenor".len(), 0.5), MIN_MARGIN);
        // Each letter more lowers it, to a floor.
        assert_eq!(required_margin(true, "perfeotness".len(), 2.0), -2.0);
        assert_eq!(required_margin(true, "infenors".len(), 2.0), 0.5);
        assert!(required_margin(true, 40, 2.0) >= LONGEST_NON_WORD_MARGIN);
        // "dissatisfaction" is a rarer word than a shorter non-word's candidate needs.
        let got = fix("a feeling of dissatisfaetion with the plan");
        assert!(
            got.iter()
                .any(|(a, b, _)| a == "dissatisfaetion" && b == "dissatisfaction"),
            "{got:?}"
        );
    }

    #[test]
    fn a_short_real_word_changes_where_both_neighbours_speak_for_the_other() {
        let got = fix("and then ho said that it was so");
        assert!(
            got.iter().any(|(a, b, _)| a == "ho" && b == "he"),
            "{got:?}"
        );
        // One neighbour, or none that speaks for it, is not enough.
        assert!(fix("the cry was ho").is_empty());
    }

    #[test]
    fn a_two_letter_word_changes_where_the_document_shows_the_misreading() {
        // A page whose OCR reads e as o ("boen", "whoro", "thoso" are no words, and the
        // profile makes that swap cheap): its "ho" is "he" even where the neighbours say
        // nothing for either word.
        let page = |opening: &str| {
            format!(
                "{opening} The farmer said he kept his sheep on the hill above the village, \
                 and his wife sold bread and milk at the market each week. When the rain \
                 came the children stayed inside and read old books by the fire, while \
                 their father, as he always did, mended nets for the boats that would sail \
                 at dawn. With the magnates ho marches round the hall. The last of the \
                 visitors left before the snow closed the pass for the winter months."
            )
        };
        let noisy = page(
            "They had boen there since the spring, and novor asked whoro thoso men went \
             after the harvest was in. Ovory one of thom soomed woary of the long road, and \
             nono of them know the way back to the river.",
        );
        let got = fix(&noisy);
        assert!(
            got.iter().any(|(a, b, _)| a == "ho" && b == "he"),
            "{got:?}"
        );
        // The same page without that misreading keeps its "ho".
        let clean = page(
            "They had been there since the spring, and never asked where those men went \
             after the harvest was in. Every one of them seemed weary of the long road, and \
             none of them knew the way back to the river.",
        );
        let got = fix(&clean);
        assert!(!got.iter().any(|(a, _, _)| a == "ho"), "{got:?}");
    }

    #[test]
    fn a_three_letter_word_changes_where_its_neighbours_settle_it() {
        // No misreading of h as b elsewhere on the page: the neighbours alone earn it.
        let got = fix("Then he thanked the boy for bis song and sent him home with a coin.");
        assert!(
            got.iter().any(|(a, b, _)| a == "bis" && b == "his"),
            "{got:?}"
        );
        // The real word where its neighbours want it stays.
        let got = fix("The ball flew in a high arc over the wall and into the garden.");
        assert!(!got.iter().any(|(a, _, _)| a == "arc"), "{got:?}");
    }

    #[test]
    fn a_garbled_well_known_name_inside_a_sentence_is_mended() {
        let got = fix("In the old days the philosopher Soorates taught the young men of the city.");
        assert!(
            got.iter()
                .any(|(a, b, _)| a == "Soorates" && b == "Socrates"),
            "{got:?}"
        );
        // A name that may be the writer's own spelling of another stays.
        let got = fix("The report was written by the surgeon Abernethy for the hospital board.");
        assert!(!got.iter().any(|(a, _, _)| a == "Abernethy"), "{got:?}");
    }

    #[test]
    fn real_common_words_left_alone() {
        assert!(fix("the modern modem was in an arid land near the bee hive").is_empty());
    }
}
