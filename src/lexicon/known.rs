//! [`Lexicon::find`]'s answers for the spellings of one document, worked out once (on every
//! core) and shared by the rules that ask about the same tokens: each of C001, C004, C006,
//! C007, H002 and the misreading profile used to walk the word automaton again for every
//! distinct spelling. A lookup here is one hash probe; a spelling the table lacks (one made
//! by a later stage's edits, or a form no token has) is found in the lexicon as before, so
//! every answer is exactly `find`'s.

use super::{Entry, Found, Lexicon};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// What [`Lexicon::find`] says about a spelling, without the lexicon's spelling of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What the lexicon knows about the word.
    pub entry: Entry,
    /// The spelling had a possessive ending that the entry lacks.
    pub possessive: bool,
    /// The spelling's diacritics differ from the lexicon's.
    pub accents: bool,
}

impl Fact {
    /// Whether `spelling`, which the lexicon answered with this fact, is a word as written:
    /// its diacritics agree with the lexicon's, or it has none at all (English writes
    /// "cafe" and "naive" as often as "café" and "naïve"). Accents the OCR invented
    /// ("thé") make no word.
    pub fn as_written(&self, spelling: &str) -> bool {
        !self.accents
            || spelling
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_ascii())
    }
}

impl From<Found> for Fact {
    fn from(f: Found) -> Fact {
        Fact {
            entry: f.entry,
            possessive: f.possessive,
            accents: f.accents,
        }
    }
}

/// Distinct spellings below this are looked up on one thread.
const MIN_PARALLEL: usize = 256;
/// Spellings the table holds at most: bounds its memory on huge documents (the rest are
/// found in the lexicon when asked about).
const MAX_SPELLINGS: usize = 400_000;

/// [`Lexicon::find`]'s answer for each spelling of a document (and the lower-case form of
/// each capitalised one), looked up once.
pub struct KnownWords {
    lex: &'static Lexicon,
    facts: HashMap<Box<str>, Option<Fact>>,
}

impl KnownWords {
    /// The table of `spellings` (repeats are looked up once), filled on every core.
    pub fn new<'s>(spellings: impl IntoIterator<Item = &'s str>) -> KnownWords {
        use rayon::prelude::*;
        let lex = Lexicon::embedded();
        let mut seen: HashSet<&str> = HashSet::default();
        let mut distinct: Vec<&str> = Vec::new();
        let mut lowered: Vec<String> = Vec::new();
        for s in spellings {
            if distinct.len() + lowered.len() >= MAX_SPELLINGS {
                break;
            }
            if seen.insert(s) {
                distinct.push(s);
                if s.chars().any(char::is_uppercase) {
                    lowered.push(s.to_lowercase());
                }
            }
        }
        let all: Vec<&str> = distinct
            .into_iter()
            .chain(lowered.iter().map(String::as_str))
            .collect();
        let look = |s: &&str| (Box::<str>::from(*s), lex.find(s).map(Fact::from));
        let facts: Vec<(Box<str>, Option<Fact>)> = if all.len() < MIN_PARALLEL {
            all.iter().map(look).collect()
        } else {
            all.par_iter().map(look).collect()
        };
        KnownWords {
            lex,
            facts: facts.into_iter().collect(),
        }
    }

    /// A table that holds nothing: every question goes to the lexicon.
    pub fn none() -> &'static KnownWords {
        static NONE: OnceLock<KnownWords> = OnceLock::new();
        NONE.get_or_init(|| KnownWords {
            lex: Lexicon::embedded(),
            facts: HashMap::default(),
        })
    }

    /// The lexicon behind the answers.
    pub fn lexicon(&self) -> &'static Lexicon {
        self.lex
    }

    /// [`Lexicon::find`]'s answer for `word`, from the table when it holds the spelling.
    pub fn find(&self, word: &str) -> Option<Fact> {
        match self.facts.get(word) {
            Some(&fact) => fact,
            None => self.lex.find(word).map(Fact::from),
        }
    }

    /// The entry [`Lexicon::find`] gives `word` (what the lexicon's own `entry` answers).
    pub fn entry(&self, word: &str) -> Option<Entry> {
        self.find(word).map(|f| f.entry)
    }

    /// [`Lexicon::contains`]: a common word under the lexicon's case policy.
    pub fn contains(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.is_common())
    }

    /// [`Lexicon::frequency`]: the word's approximate count, 0 when unknown.
    pub fn frequency(&self, word: &str) -> u64 {
        self.entry(word).map_or(0, |e| e.frequency)
    }

    /// Number of spellings held.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// True when the table holds no spelling.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

/// The table serves the hyphenation rules' evidence as the lexicon itself does.
impl crate::vocab::WordEvidence for KnownWords {
    fn is_word(&self, word: &str) -> bool {
        self.contains(word)
    }
    fn frequency(&self, word: &str) -> u64 {
        KnownWords::frequency(self, word)
    }
    fn one_swap_words(&self, word: &str, swaps: &[super::search::Swap]) -> Vec<String> {
        crate::vocab::WordEvidence::one_swap_words(self.lex, word, swaps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_the_lexicons() {
        let words = [
            "the",
            "The",
            "THE",
            "tbe",
            "London",
            "LONDON'S",
            "london",
            "cafe",
            "café",
            "Korea’s",
            "workers'",
            "Mr.",
            "e.g.",
            "ﬁrst",
            "modem",
            "whioh",
            "naïve",
            "naive",
            "",
            "I",
            "II",
            "x",
        ];
        // Enough spellings for the parallel fill, and the few for the other path.
        let many: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        for known in [
            KnownWords::new(words.iter().copied()),
            KnownWords::new(words.iter().copied().chain(many.iter().map(String::as_str))),
            KnownWords::new(std::iter::empty()),
        ] {
            let lex = Lexicon::embedded();
            for w in words
                .iter()
                .copied()
                .chain(["THE'S", "Tbe", "Whioh", "zzz"])
            {
                assert_eq!(known.find(w), lex.find(w).map(Fact::from), "{w}");
                assert_eq!(known.contains(w), lex.contains(w), "{w}");
                assert_eq!(known.frequency(w), lex.frequency(w), "{w}");
            }
        }
        // Capitalised spellings bring their lower-case forms.
        let known = KnownWords::new(["The", "LONDON"]);
        assert_eq!(known.len(), 4);
    }
}
