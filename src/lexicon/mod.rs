//! The embedded English lexicon: which tokens are known words, how common they are, and how
//! often two words follow each other.
//!
//! Built into the binary from SCOWL (words, names, abbreviations, contractions, Roman
//! numerals; American, British, Canadian and Australian spellings and their accepted
//! variants; size levels 10–80) and symspellpy's English frequency and bigram lists, by
//! `scripts/build_lexicon.py`. The data are `fst` maps, read in place: no file is needed at
//! run time and the first use costs microseconds.
//!
//! ```
//! use ocrclean::lexicon::Lexicon;
//! let lex = Lexicon::embedded();
//! assert!(lex.contains("organised") && lex.contains("organized"));
//! assert!(lex.contains("THE") && lex.contains("London") && !lex.contains("london"));
//! assert!(!lex.contains("tbe"));
//! assert!(lex.frequency("the") > lex.frequency("modem"));
//! assert!(lex.bigram("of", "the") > lex.bigram("of", "modem"));
//! ```
//!
//! Case policy (see [`case`]): exact spelling first; a Title-case token may also be the
//! lower-case word, an ALL-CAPS token the lower-case word or a capitalised name; a
//! lower-case token is never a name.

mod automaton;
pub mod case;
mod entry;
mod flat;
pub mod fold;
pub mod known;
pub mod search;
pub mod set;
mod wordlist;

pub use entry::{Entry, Regions};
pub use wordlist::WordList;

use fst::Map;
use std::sync::OnceLock;

/// Highest SCOWL level of the words [`Lexicon::contains`] accepts: SCOWL's "large" size,
/// words found in most dictionaries. The level-80 words (SCOWL's "huge" size: rare and
/// Scrabble words) are in the map too, found by [`Lexicon::find`] and marked rare by
/// [`Entry::is_common`], because many of them are also plausible OCR errors.
pub const COMMON_LEVEL: u8 = 70;

/// Highest SCOWL level in the embedded data.
pub const MAX_LEVEL: u8 = 80;

/// Dotted Latin abbreviations that SCOWL lacks (written without the final dot), found by
/// [`Lexicon::find`] with level 35.
pub const DOTTED: &[&str] = &["e.g", "i.e", "n.b", "q.v", "a.k.a"];

static WORDS_FST: &[u8] = include_bytes!("../../data/lexicon/words.fst");
static BIGRAMS_FST: &[u8] = include_bytes!("../../data/lexicon/bigrams.fst");
static ACCENTS_TSV: &str = include_str!("../../data/lexicon/accents.tsv");

/// The English lexicon: an `fst` map from word to [`Entry`], a bigram map, and the table of
/// accented words ("cafe" → "café").
pub struct Lexicon {
    /// None only if the embedded data did not parse (the tests check that they do).
    words: Option<Map<&'static [u8]>>,
    bigrams: Option<Map<&'static [u8]>>,
    /// The accented spelling of each spelling without diacritics: hashed, because every
    /// lookup of a word the map lacks asks it.
    accents: rustc_hash::FxHashMap<&'static str, &'static str>,
    /// The fixed-width copy of `words` for the searches, once built
    /// ([`Lexicon::prepare_for_large_input`]); `Some(None)` when it could not be.
    flat: OnceLock<Option<flat::Flat>>,
}

/// Run `$body` with `$a` bound to the word automaton: the flat copy when it is built, else
/// the fst; `$none` when the embedded map did not parse. Both give the same answers.
macro_rules! with_words {
    ($self:expr, $a:ident => $body:expr, $none:expr) => {
        if let Some(flat) = $self.flat.get().and_then(Option::as_ref) {
            let $a = flat;
            $body
        } else if let Some(map) = &$self.words {
            let $a = map.as_fst();
            $body
        } else {
            $none
        }
    };
}

/// A word found under the case, possessive and diacritics policy of [`Lexicon::find`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The lexicon's spelling of the word ("London" for "LONDON'S", "café" for "cafe").
    pub spelling: String,
    /// What the lexicon knows about it.
    pub entry: Entry,
    /// The token had a possessive ending ('s or s') that the lexicon entry lacks.
    pub possessive: bool,
    /// The token's diacritics differ from the lexicon's spelling ("cafe" for "café").
    pub accents: bool,
}

/// How a hyphenated token is known (see [`Lexicon::compound`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compound {
    /// The lexicon lists the token itself (SCOWL has no hyphenated words, so in practice an
    /// unhyphenated word).
    Listed(Found),
    /// The lexicon lists it without its hyphens ("co-operation" → "cooperation").
    Joined(Found),
    /// Every part is a common word, but the whole is not listed ("Anglo-Korean").
    Parts {
        /// The highest (rarest) SCOWL level among the parts.
        level: u8,
        /// The smallest frequency among the parts.
        frequency: u64,
    },
}

impl Lexicon {
    /// The lexicon embedded in the binary, loaded on first use (a few microseconds: the maps
    /// are read in place, only the small accents table is indexed).
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// A new instance over the embedded data: what [`Lexicon::embedded`] does once. Use
    /// `embedded()`; this exists to measure the start-up cost.
    pub fn load() -> Lexicon {
        Lexicon::from_static(WORDS_FST, BIGRAMS_FST, ACCENTS_TSV)
    }

    /// Build a lexicon from fst bytes and an accents table; a map that does not parse is
    /// left out (the embedded data are checked by the tests).
    fn from_static(words: &'static [u8], bigrams: &'static [u8], accents: &'static str) -> Self {
        let mut accents: Vec<(&str, &str)> = accents
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect();
        accents.sort_unstable();
        // Each plain spelling's accented one, as a binary search of the sorted table finds it.
        let mut by_plain = rustc_hash::FxHashMap::default();
        for &(plain, _) in &accents {
            if let Ok(i) = accents.binary_search_by(|(k, _)| (*k).cmp(plain)) {
                by_plain.entry(plain).or_insert(accents[i].1);
            }
        }
        Lexicon {
            words: Map::new(words).ok(),
            bigrams: Map::new(bigrams).ok(),
            accents: by_plain,
            flat: OnceLock::new(),
        }
    }

    /// Inputs of at least this many bytes make [`Lexicon::prepare_for_large_input`] build
    /// the flat automaton: it takes some tens of milliseconds, which a small file would
    /// feel as start-up time, and saves about a fifth of the search time.
    pub const LARGE_INPUT: usize = 256 * 1024;

    /// Get ready for an input of `bytes` bytes: from [`Lexicon::LARGE_INPUT`] up, build
    /// the fixed-width copy of the word automaton that makes the confusion searches and
    /// lookups faster, on a thread of its own so that the first stages run meanwhile
    /// (until it is ready, the searches use the fst, with the same answers). Does nothing
    /// for a smaller input or once the copy exists.
    pub fn prepare_for_large_input(&'static self, bytes: usize) {
        if bytes < Self::LARGE_INPUT || self.flat.get().is_some() {
            return;
        }
        // If no thread can be started, the fst serves, as for a small input.
        let _ = std::thread::Builder::new()
            .name("lexicon-flat".into())
            .spawn(move || self.build_flat());
    }

    /// Build the flat copy of the word automaton now (see
    /// [`Lexicon::prepare_for_large_input`]); true when the searches now use it.
    pub fn build_flat(&self) -> bool {
        self.flat
            .get_or_init(|| {
                self.words
                    .as_ref()
                    .and_then(|m| flat::Flat::from_fst(m.as_fst()))
            })
            .is_some()
    }

    /// Number of words (all levels, every spelling and case form listed separately).
    pub fn len(&self) -> usize {
        self.words.as_ref().map_or(0, |m| m.len())
    }

    /// True when the lexicon holds no word (only if the embedded data were unreadable).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of bigrams.
    pub fn bigram_count(&self) -> usize {
        self.bigrams.as_ref().map_or(0, |m| m.len())
    }

    /// The entry of `word` spelled exactly so (case and diacritics included; typographic
    /// apostrophes count as `'`, ligatures such as "ﬁ" as their letters), at any level.
    pub fn lookup(&self, word: &str) -> Option<Entry> {
        self.get(&fold::normalize_typography(word))
    }

    /// The entry of `word` under the case policy ("The", "THE" → "the"; "LONDON" →
    /// "London"; never "london" → "London"), a possessive ending and diacritics, at any
    /// level. See [`Lexicon::find`] for the spelling that matched.
    pub fn lookup_any_case(&self, word: &str) -> Option<Entry> {
        self.find(word).map(|f| f.entry)
    }

    /// True when `word`, as written, is a common word: found by [`Lexicon::find`] with a
    /// level up to [`COMMON_LEVEL`].
    pub fn contains(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.is_common())
    }

    /// The approximate count of `word` (found as by [`Lexicon::find`]), 0 when unknown.
    pub fn frequency(&self, word: &str) -> u64 {
        self.entry(word).map_or(0, |e| e.frequency)
    }

    /// The entry [`Lexicon::find`] would give, without building its spelling: for a plain
    /// word ([`is_plain`]) from one lookup of the exact spelling (and the accented one when
    /// that fails), for another at once when the exact spelling is a common word.
    fn entry(&self, word: &str) -> Option<Entry> {
        if is_plain(word) {
            // `find`'s answer for a plain word, from one lookup of the exact spelling.
            return self.find_plain_entry(word, self.get(word));
        }
        if let Some(e) = self
            .get(&fold::normalize_typography(word))
            .filter(Entry::is_common)
        {
            return Some(e);
        }
        self.find(word).map(|f| f.entry)
    }

    /// Find `word` as written, at any level: the exact spelling and the case policy
    /// ([`case::candidates`]), each also with diacritics added or removed ("cafe" ↔ "café");
    /// then without a possessive ending ("Korea's", "workers'"); then as a dotted
    /// abbreviation ("Mr.", "U.S.", "e.g.", see `Lexicon::find_dotted`). Typographic
    /// apostrophes count as `'` and ligatures ("ﬁ") as their letters. Other punctuation is
    /// the caller's to strip: "the." and "(the" are not found.
    pub fn find(&self, word: &str) -> Option<Found> {
        if is_plain(word) {
            self.find_plain(word)
        } else {
            self.find_general(word)
        }
    }

    /// [`Lexicon::find`] for any word: typography normalised, then the case forms, a
    /// possessive and dotted abbreviations tried.
    fn find_general(&self, word: &str) -> Option<Found> {
        let word = fold::normalize_typography(word);
        if word.is_empty() {
            return None;
        }
        if let Some(found) = self.find_cased(&word) {
            return Some(found);
        }
        if let Some(base) = fold::strip_possessive(&word) {
            if let Some(f) = self.find_cased(base) {
                return Some(Found {
                    possessive: true,
                    ..f
                });
            }
        }
        self.find_dotted(&word)
    }

    /// [`Lexicon::find`] for a plain word ([`is_plain`]): it has no case forms,
    /// typography, possessive or dots, so only the exact spelling and the accented one
    /// remain to try. Most words of a text are plain; this spares them the general path.
    fn find_plain(&self, word: &str) -> Option<Found> {
        let found = |spelling: &str, entry: Entry, accents: bool| Found {
            spelling: spelling.to_string(),
            entry,
            possessive: false,
            accents,
        };
        if let Some(entry) = self.get(word) {
            return Some(found(word, entry, false));
        }
        let accented = self.accented(word)?;
        self.get(accented).map(|entry| found(accented, entry, true))
    }

    /// A dotted abbreviation: "Mr.", "etc.", "approx." (an abbreviation entry plus a final
    /// dot); "U.S.", "U.K", "a.m." (letters with dots whose undotted form is an abbreviation
    /// entry); or one of [`DOTTED`] ("e.g.", "i.e."). Returns the lexicon's (undotted)
    /// spelling, or the dotted form for the built-in ones.
    fn find_dotted(&self, word: &str) -> Option<Found> {
        let base = word.strip_suffix('.').unwrap_or(word);
        if base.is_empty() || base.starts_with('.') || base.ends_with('.') {
            return None;
        }
        if !base.contains('.') {
            if base.len() == word.len() {
                return None;
            }
            return self.find_cased(base).filter(|f| f.entry.abbreviation);
        }
        let segments: Vec<&str> = base.split('.').collect();
        if segments
            .iter()
            .any(|s| s.is_empty() || s.chars().count() > 3 || !s.chars().all(char::is_alphabetic))
        {
            return None;
        }
        let lower = base.to_lowercase();
        if DOTTED.contains(&lower.as_str()) {
            return Some(Found {
                spelling: format!("{lower}."),
                entry: Entry {
                    frequency: 0,
                    level: 35,
                    proper: false,
                    abbreviation: true,
                    contraction: false,
                    roman: false,
                    variant: false,
                    regions: Regions {
                        american: true,
                        british: true,
                        canadian: true,
                        australian: true,
                    },
                },
                possessive: false,
                accents: false,
            });
        }
        self.find_cased(&segments.concat())
            .filter(|f| f.entry.abbreviation)
    }

    /// The exact spelling when it is a common word; else, of the case candidates of `word`
    /// and the same with diacritics added or removed, the commonest the lexicon lists (lowest
    /// level; the earliest on a tie). So "Polish" is the name, "POLISH" the word "polish",
    /// and a Title-case token whose exact form is only a rare name is the common word.
    fn find_cased(&self, word: &str) -> Option<Found> {
        let mut best: Option<Found> = None;
        // The exact spelling is the first case candidate: looked up once, for both uses.
        let exact = self.get(word);
        if let Some(e) = exact.filter(Entry::is_common) {
            return Some(Found {
                spelling: word.to_string(),
                entry: e,
                possessive: false,
                accents: false,
            });
        }
        let consider = |best: &mut Option<Found>, spelling: &str, entry: Entry, accents: bool| {
            if best.as_ref().is_none_or(|b| entry.level < b.entry.level) {
                *best = Some(Found {
                    spelling: spelling.to_string(),
                    entry,
                    possessive: false,
                    accents,
                });
            }
        };
        // The other case candidates, after the exact spelling ([`case::candidates`]); only
        // Title and ALL-CAPS spellings have any.
        let others = case::candidates_after_exact(word, case::shape(word));
        if let Some(e) = exact {
            consider(&mut best, word, e, false);
        }
        for c in &others {
            if let Some(e) = self.get(c) {
                consider(&mut best, c, e, false);
            }
        }
        if best.is_some() {
            return best;
        }
        let folded = fold::fold_diacritics(word);
        if folded != word {
            for c in case::candidates(&folded) {
                if let Some(e) = self.get(&c) {
                    consider(&mut best, &c, e, true);
                }
            }
        } else {
            for c in std::iter::once(word).chain(others.iter().map(String::as_str)) {
                if let Some(accented) = self.accented(c) {
                    if let Some(e) = self.get(accented) {
                        consider(&mut best, accented, e, true);
                    }
                }
            }
        }
        best
    }

    /// How a hyphenated `word` is known: listed itself, listed without hyphens, or made of
    /// common words (every part found with a level up to [`COMMON_LEVEL`]). Unhyphenated
    /// words are [`Compound::Listed`] when found. Hyphens: `-`, U+2010, U+2011.
    pub fn compound(&self, word: &str) -> Option<Compound> {
        if let Some(f) = self.find(word) {
            return Some(Compound::Listed(f));
        }
        let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
        if !word.contains(is_hyphen) {
            return None;
        }
        let parts: Vec<&str> = word.split(is_hyphen).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        if parts.iter().all(|p| {
            p.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        }) {
            let joined: String = parts.concat();
            if let Some(f) = self.find(&joined).filter(|f| f.entry.is_common()) {
                return Some(Compound::Joined(f));
            }
        }
        let mut level = 0;
        let mut frequency = u64::MAX;
        for part in parts {
            let f = self.find(part).filter(|f| f.entry.is_common())?;
            level = level.max(f.entry.level);
            frequency = frequency.min(f.entry.frequency);
        }
        Some(Compound::Parts { level, frequency })
    }

    /// The share of `word`'s uses that come right after `first` ("i" before "have": 0.16),
    /// from the bigram list; 0 when either count is unknown.
    pub fn share_after(&self, first: &str, word: &str) -> f64 {
        self.share_of(self.bigram(first, word), word)
    }

    /// The share of `word`'s uses that come right before `next`, from the bigram list; 0
    /// when either count is unknown.
    pub fn share_before(&self, word: &str, next: &str) -> f64 {
        self.share_of(self.bigram(word, next), word)
    }

    /// A bigram count as a share of `word`'s uses (see [`BIGRAM_SCALE`]); 0 when either
    /// count is unknown.
    fn share_of(&self, pair: u64, word: &str) -> f64 {
        let count = self.frequency(word) as f64;
        if pair > 0 && count > 0.0 {
            pair as f64 / (count * BIGRAM_SCALE)
        } else {
            0.0
        }
    }

    /// The approximate count of the bigram "`a` `b`" (case-insensitive), 0 when unknown.
    pub fn bigram(&self, a: &str, b: &str) -> u64 {
        // Two short ASCII words (the usual case) make their key in a buffer on the stack:
        // ASCII needs no typography folding, and its lower case is the ASCII one.
        const SHORT_KEY: usize = 64;
        if a.is_ascii() && b.is_ascii() && a.len() + b.len() < SHORT_KEY {
            let mut key = [b' '; SHORT_KEY];
            for (k, c) in key.iter_mut().zip(a.bytes()) {
                *k = c.to_ascii_lowercase();
            }
            for (k, c) in key[a.len() + 1..].iter_mut().zip(b.bytes()) {
                *k = c.to_ascii_lowercase();
            }
            return self
                .bigrams
                .as_ref()
                .and_then(|m| m.get(&key[..a.len() + b.len() + 1]))
                .map_or(0, entry::bucket_count);
        }
        self.bigram_any(a, b)
    }

    /// [`Lexicon::bigram`] for any two words: typography folded, lower-cased, the key built
    /// in a new string.
    fn bigram_any(&self, a: &str, b: &str) -> u64 {
        let a = fold::normalize_typography(a).to_lowercase();
        let b = fold::normalize_typography(b).to_lowercase();
        let mut key = String::with_capacity(a.len() + b.len() + 1);
        key.push_str(&a);
        key.push(' ');
        key.push_str(&b);
        self.bigrams
            .as_ref()
            .and_then(|m| m.get(key.as_bytes()))
            .map_or(0, entry::bucket_count)
    }

    /// Words reachable from `token` (spelled exactly, case included) by one to
    /// `max_swaps` of the given swaps at a total cost up to `max_cost`: the candidate
    /// search of the OCR confusion rules. See [`search`].
    pub fn confusable(
        &self,
        token: &str,
        swaps: &[search::Swap],
        max_swaps: usize,
        max_cost: f32,
    ) -> Vec<search::Hit> {
        with_words!(
            self,
            a => search::search(a, token, swaps, max_swaps, max_cost),
            Vec::new()
        )
    }

    /// [`Lexicon::contains`] for `prefix` + one lower-case ASCII letter + `suffix`, indexed
    /// by the letter (`b'a'` at 0): from one walk ([`Lexicon::lookup_letter_between`]) when
    /// both pieces are plain lower-case ASCII, else from 26 lookups. The same answers.
    pub fn contains_with_letter_between(&self, prefix: &str, suffix: &str) -> [bool; 26] {
        let plain = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        };
        let mut word = String::with_capacity(prefix.len() + suffix.len() + 1);
        let spell = |word: &mut String, letter: u8| {
            word.clear();
            word.push_str(prefix);
            word.push(char::from(letter));
            word.push_str(suffix);
        };
        let mut out = [false; 26];
        if !(plain(prefix) && plain(suffix)) {
            for (slot, letter) in out.iter_mut().zip(b'a'..=b'z') {
                spell(&mut word, letter);
                *slot = self.contains(&word);
            }
            return out;
        }
        // A plain word is found as written or by its accented spelling
        // ([`Lexicon::find_plain_entry`]).
        let found = self.lookup_letter_between(prefix, suffix);
        for ((slot, entry), letter) in out.iter_mut().zip(found).zip(b'a'..=b'z') {
            *slot = match entry {
                Some(e) => e.is_common(),
                None => {
                    spell(&mut word, letter);
                    self.find_plain_entry(&word, None)
                        .is_some_and(|e| e.is_common())
                }
            };
        }
        out
    }

    /// The entries [`Lexicon::lookup`] gives for `prefix` + one lower-case ASCII letter +
    /// `suffix`, indexed by the letter (`b'a'` at 0): one walk of the prefix through the word
    /// automaton, then only the letters some word continues with, instead of 26 lookups.
    pub fn lookup_letter_between(&self, prefix: &str, suffix: &str) -> [Option<Entry>; 26] {
        let mut found = [None; 26];
        let plain =
            |s: &str| matches!(fold::normalize_typography(s), std::borrow::Cow::Borrowed(_));
        if !plain(prefix) || !plain(suffix) {
            // Typography folds across the pieces: look each word up as `lookup` would.
            let mut word = String::with_capacity(prefix.len() + suffix.len() + 1);
            for (slot, letter) in found.iter_mut().zip(b'a'..=b'z') {
                word.clear();
                word.push_str(prefix);
                word.push(char::from(letter));
                word.push_str(suffix);
                *slot = self.lookup(&word);
            }
            return found;
        }
        with_words!(self, a => letter_between(a, prefix, suffix, &mut found), ());
        found
    }

    /// Every word reachable from `token` (spelled exactly) by exactly one of `swaps`, at
    /// any cost, sorted by spelling; `None` when the search was cut short (see
    /// [`search`]). For callers that would otherwise look each one-swap variant up.
    /// `index` is the [`search::SwapIndex`] of `swaps`.
    pub fn words_one_swap_away(
        &self,
        token: &str,
        swaps: &[search::Swap],
        index: &search::SwapIndex,
    ) -> Option<Vec<search::Hit>> {
        let (hits, complete) = with_words!(
            self,
            a => search::search_within_budget(a, token, swaps, Some(index), 1, f32::INFINITY),
            return None
        );
        complete.then_some(hits)
    }

    /// The words one edit from `token` (one letter replaced, added or dropped, or two
    /// neighbours swapped: any letters, not only an OCR confusion), sorted by spelling;
    /// `token` as written, so a caller passes it lower-cased.
    pub fn words_one_edit_away(&self, token: &str) -> Vec<search::Hit> {
        with_words!(self, a => search::one_edit(a, token), Vec::new())
    }

    /// For each `i` in `from..word.len()` in order, the entry of `word` with `letter` put in
    /// before its byte `i`, when the lexicon lists that spelling exactly: `f` gets `i` and
    /// the entry. One walk along the word instead of a lookup per spelling. For a plain
    /// `word` ([`is_plain`]) and a lower-case ASCII letter, these are [`Lexicon::find`]'s
    /// answers for the spellings without a change of accents (a plain spelling is found as
    /// itself, or else only by its accented form).
    pub fn for_each_insertion_entry(
        &self,
        word: &str,
        letter: u8,
        from: usize,
        mut f: impl FnMut(usize, Entry),
    ) {
        with_words!(
            self,
            a => insertion_entries(a, word.as_bytes(), letter, from, &mut f),
            ()
        )
    }

    /// [`Lexicon::confusable`] with the [`search::SwapIndex`] of `swaps`, which spares the
    /// search a pass over the whole table at each position of the token.
    pub fn confusable_indexed(
        &self,
        token: &str,
        swaps: &[search::Swap],
        index: &search::SwapIndex,
        max_swaps: usize,
        max_cost: f32,
    ) -> Vec<search::Hit> {
        with_words!(
            self,
            a => search::search_within_budget(a, token, swaps, Some(index), max_swaps, max_cost).0,
            Vec::new()
        )
    }

    /// [`Lexicon::find`]'s entry for a lower-case ASCII word of letters and digits whose
    /// exact entry (from the map, or `None` when the map lacks it) the caller already has:
    /// such a word is found as itself or, failing that, by its accented spelling.
    pub fn find_plain_entry(&self, word: &str, exact: Option<Entry>) -> Option<Entry> {
        debug_assert!(is_plain(word));
        exact.or_else(|| self.accented(word).and_then(|a| self.get(a)))
    }

    /// The entry [`Lexicon::find`] gives `word`, read from `near` (the words one swap from
    /// some token, sorted, as [`Lexicon::words_one_swap_away`] gives them) when `word` is
    /// plain and one of its variants: the walk that found them spares a lookup per variant.
    pub fn find_entry_near(&self, near: Option<&[search::Hit]>, word: &str) -> Option<Entry> {
        match near {
            Some(near) if is_plain(word) => {
                let exact = near
                    .binary_search_by(|h| h.word.as_str().cmp(word))
                    .ok()
                    .map(|i| near[i].entry);
                self.find_plain_entry(word, exact)
            }
            _ => self.find(word).map(|f| f.entry),
        }
    }

    fn get(&self, word: &str) -> Option<Entry> {
        with_words!(
            self,
            a => automaton::Automaton::get(&a, word.as_bytes()).map(Entry::unpack),
            None
        )
    }

    /// The accented spelling whose diacritics-free form is `plain`.
    fn accented(&self, plain: &str) -> Option<&'static str> {
        self.accents.get(plain).copied()
    }
}

/// How much larger the bigram list's counts run than its word counts would make a pair
/// by chance: a pair's count is divided by this times the word's count for its share.
pub const BIGRAM_SCALE: f64 = 8.0;

/// Whether [`Lexicon::find_plain_entry`] applies to `word`: non-empty, every byte an ASCII
/// lower-case letter or digit (no case forms, typography, diacritics, possessive or dots
/// for `find` to try).
pub fn is_plain(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// [`Lexicon::for_each_insertion_entry`] on one form of the automaton.
fn insertion_entries<A: automaton::Automaton>(
    a: A,
    word: &[u8],
    letter: u8,
    from: usize,
    f: &mut impl FnMut(usize, Entry),
) {
    let (mut node, mut out) = (a.root(), 0u64);
    for (i, &b) in word.iter().enumerate() {
        if i >= from {
            let end = a
                .step(node, letter)
                .and_then(|(n, o)| a.follow(n, out + o, &word[i..]));
            if let Some((n, o)) = end.filter(|&(n, _)| a.is_final(n)) {
                f(i, Entry::unpack(o + a.final_output(n)));
            }
        }
        // Every later spelling starts with the word's bytes up to `i`.
        match a.step(node, b) {
            Some((n, o)) => (node, out) = (n, out + o),
            None => return,
        }
    }
}

/// The entries of `prefix` + one lower-case ASCII letter + `suffix` in `words`, into
/// `found` by the letter: one walk of the prefix, then only the letters some word
/// continues with.
fn letter_between<A: automaton::Automaton>(
    words: A,
    prefix: &str,
    suffix: &str,
    found: &mut [Option<Entry>; 26],
) {
    let Some((node, out)) = words.follow(words.root(), 0, prefix.as_bytes()) else {
        return;
    };
    words.for_each_transition(node, |inp, next, o| {
        let Some(slot) = inp
            .checked_sub(b'a')
            .and_then(|i| found.get_mut(usize::from(i)))
        else {
            return;
        };
        if let Some((end, out)) = words.follow(next, out + o, suffix.as_bytes()) {
            if words.is_final(end) {
                *slot = Some(Entry::unpack(out + words.final_output(end)));
            }
        }
    });
}

#[cfg(test)]
mod tests;
