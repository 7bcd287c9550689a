//! The document's own misreading profile: which confusions its OCR engine made. A swap is
//! active in a document when it mends several distinct non-words of it into common words
//! ("bis" for "his" is likelier in a text full of "bave", "wbich", "tbe"). Real words are
//! only replaced through swaps the document shows.

use super::model::{self, Confusion};
use crate::lexicon::Lexicon;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// Distinct non-words a swap must mend before it counts as active.
pub const MIN_TYPES: usize = 3;
/// Longest word examined (bytes).
const MAX_LEN: usize = 24;

/// The swap that turns `from` into `to` when they differ in one stretch: the differing
/// middle of each after their common prefix and suffix ("bis", "his" → ("b", "h")).
pub fn swap_between<'a, 'b>(from: &'a str, to: &'b str) -> (&'a str, &'b str) {
    let prefix = from
        .char_indices()
        .zip(to.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let (f, t) = (&from[prefix..], &to[prefix..]);
    let suffix = f
        .chars()
        .rev()
        .zip(t.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    (&f[..f.len() - suffix], &t[..t.len() - suffix])
}

/// Which swaps a document shows, worked out on demand and remembered.
pub struct Profile<'w> {
    words: Vec<&'w str>,
    /// The lexicon's answers for the document's spellings, when the caller has them.
    known: Option<&'w crate::lexicon::known::KnownWords>,
    non_words: OnceLock<Vec<&'w str>>,
    active: Mutex<HashMap<(String, String), bool>>,
}

impl<'w> Profile<'w> {
    /// A profile of the document whose distinct lower-case words are `words`.
    pub fn new(words: impl IntoIterator<Item = &'w str>) -> Self {
        Profile {
            words: words.into_iter().collect(),
            known: None,
            non_words: OnceLock::new(),
            active: Mutex::new(HashMap::default()),
        }
    }

    /// [`Profile::new`], asking `known` (the lexicon's answers for the document's
    /// spellings) instead of the lexicon whether a word is one.
    pub fn with_known(
        words: impl IntoIterator<Item = &'w str>,
        known: &'w crate::lexicon::known::KnownWords,
    ) -> Self {
        Profile {
            known: Some(known),
            ..Profile::new(words)
        }
    }

    /// The non-words [`Profile::weighed`] and [`Profile::active`] examine: the first
    /// [`SAMPLE`] of [`Profile::non_words`], which bounds their work on a long text.
    fn sample(&self, lex: &Lexicon) -> &[&'w str] {
        let non_words = self.non_words(lex);
        &non_words[..non_words.len().min(SAMPLE)]
    }

    /// The document's distinct spellings the lexicon lacks (of 3 to 24 bytes), found once.
    pub fn non_words(&self, lex: &Lexicon) -> &[&'w str] {
        self.non_words.get_or_init(|| {
            let unknown = |w: &str| match self.known {
                Some(known) => known.find(w).is_none(),
                None => lex.find(w).is_none(),
            };
            self.words
                .iter()
                .copied()
                .filter(|w| (3..=MAX_LEN).contains(&w.len()) && unknown(w))
                .collect()
        })
    }

    /// Whether the document's OCR wrote `seen` for `meant` in at least [`MIN_TYPES`]
    /// distinct non-words, and in at least 0.2% of those examined (the first 4,000, as
    /// `weighed` examines): a long text's thousands of non-words show three of almost any
    /// swap by chance.
    pub fn active(&self, lex: &Lexicon, seen: &str, meant: &str) -> bool {
        let key = (seen.to_string(), meant.to_string());
        let known = self
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .copied();
        if let Some(known) = known {
            return known;
        }
        let sample = self.sample(lex);
        let mut mended = 0;
        let mut buf = String::new();
        let mut yes = false;
        for w in sample {
            if mends(lex, w, seen, meant, &mut buf) {
                mended += 1;
                if shown(mended, sample.len(), ACTIVE_SHARE) {
                    yes = true;
                    break;
                }
            }
        }
        self.active
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, yes);
        yes
    }
}

/// Non-words examined when weighing the confusion table for a document: enough to see its
/// OCR's habits, few enough to cost little on a long text.
const SAMPLE: usize = 4000;
/// Share of the document's distinct non-words a swap must mend (besides [`MIN_TYPES`] of
/// them) for [`Profile::active`]. Measured on the real corpora: a 600 KB monograph
/// showed "ou" for "en" in three of its non-words, and "thou" became "then" five times;
/// at 0.2%, 3 fewer words broken and none fewer fixed (of all the non-words, before the
/// sample bound: at 0.5%, 4 fewer broken and 8 fewer fixed; at 1%, 4 and 19).
const ACTIVE_SHARE: f64 = 0.002;
/// Share of the examined non-words a swap must mend (besides [`MIN_TYPES`] of them) to be
/// one of the document's habits.
const HABIT_SHARE: f64 = 0.01;

/// Whether a swap that mends `found` of the `examined` non-words shows in them: in
/// [`MIN_TYPES`] of them at least, and in `share` of them.
fn shown(found: usize, examined: usize, share: f64) -> bool {
    found >= MIN_TYPES && found as f64 >= share * examined as f64
}
/// How much cheaper (nats) a habit of the document's OCR is than the table says.
const HABIT_DISCOUNT: f32 = 3.0;
/// No swap costs less than this (nats), however habitual.
const MIN_COST: f32 = 1.0;

impl Profile<'_> {
    /// The confusion `table` weighed for this document: a swap that mends many of its
    /// distinct non-words into words (at least [`MIN_TYPES`] and `HABIT_SHARE` of those
    /// examined) is a habit of its OCR and costs `HABIT_DISCOUNT` nats less here.
    pub fn weighed(&self, lex: &Lexicon, table: &[Confusion]) -> Vec<Confusion> {
        let sample = self.sample(lex);
        let index = model::SwapIndex::new(table);
        let tally = sample
            .par_iter()
            .map(|w| {
                let mut hit = vec![false; table.len()];
                // The words one swap away, in one walk of the lexicon: a plain variant is
                // looked up among them (and by its accented spelling) instead of alone.
                let near = lex.words_one_swap_away(w, table, &index);
                let common = |cand: &str| {
                    lex.find_entry_near(near.as_deref(), cand)
                        .is_some_and(|e| e.is_common())
                };
                model::for_each_swap_at(table, &index, w, |k, cand, _| {
                    if !hit[k] && common(cand) {
                        hit[k] = true;
                    }
                });
                hit
            })
            .fold(
                || vec![0u32; table.len()],
                |mut acc, hit| {
                    for (a, h) in acc.iter_mut().zip(hit) {
                        *a += u32::from(h);
                    }
                    acc
                },
            )
            .reduce(
                || vec![0u32; table.len()],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            );
        table
            .iter()
            .zip(&tally)
            .map(|(c, &t)| Confusion {
                cost: if shown(t as usize, sample.len(), HABIT_SHARE) {
                    (c.cost - HABIT_DISCOUNT).max(MIN_COST)
                } else {
                    c.cost
                },
                ..*c
            })
            .collect()
    }
}

/// Where `needle` (non-empty) occurs in `hay`, left to right and not overlapping: what
/// `hay.match_indices(needle)` gives, without building a string searcher for each of the
/// many short words and one- or two-byte needles it is asked about.
fn non_overlapping_matches(hay: &str, needle: &str) -> Vec<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() && !needle.is_empty() {
        if crate::lexicon::search::starts_with(&hay[i..], needle) {
            found.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Whether writing `meant` for one `seen` in `word` gives a common word. A lost letter
/// or ligature (`seen` empty) is put back anywhere, the word's edges included: OCR loses
/// the "fi" of "first" and "fire" at their start.
fn mends(lex: &Lexicon, word: &str, seen: &str, meant: &str, buf: &mut String) -> bool {
    let positions: Vec<usize> = if seen.is_empty() {
        (0..=word.len())
            .filter(|&i| word.is_char_boundary(i))
            .collect()
    } else {
        non_overlapping_matches(word, seen)
    };
    positions.into_iter().any(|i| {
        buf.clear();
        buf.push_str(&word[..i]);
        buf.push_str(meant);
        buf.push_str(&word[i + seen.len()..]);
        lex.contains(buf)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_differing_stretch() {
        assert_eq!(swap_between("bis", "his"), ("b", "h"));
        assert_eq!(swap_between("tho", "the"), ("o", "e"));
        assert_eq!(swap_between("lie", "he"), ("li", "h"));
        assert_eq!(swap_between("re", "fire"), ("", "fi"));
    }

    #[test]
    fn habits_are_weighed_cheaper() {
        let lex = Lexicon::embedded();
        let cost = |p: &Profile<'_>, seen: &str, meant: &str| {
            p.weighed(lex, model::TABLE)
                .iter()
                .find(|c| c.seen == seen && c.meant == meant)
                .map(|c| c.cost)
        };
        let general = cost(&Profile::new([]), "o", "c");
        let noisy = Profile::new(["whioh", "suoh", "muoh", "oould", "the"]);
        assert!(cost(&noisy, "o", "c") < general, "{general:?}");
        assert_eq!(cost(&noisy, "b", "h"), cost(&Profile::new([]), "b", "h"));
    }

    #[test]
    fn matches_as_match_indices_finds_them() {
        for (hay, needle) in [
            ("iii", "ii"),
            ("rnrn", "rn"),
            ("banana", "ana"),
            ("caf\u{e9}\u{e9}", "\u{e9}"),
            ("", "a"),
            ("a", "ab"),
            ("vvvvv", "vv"),
        ] {
            let expected: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            assert_eq!(
                non_overlapping_matches(hay, needle),
                expected,
                "{hay} {needle}"
            );
        }
    }

    #[test]
    fn a_swap_is_active_when_the_document_shows_it() {
        let lex = Lexicon::embedded();
        let noisy = Profile::new(["bave", "wbich", "tbat", "the", "cat"]);
        assert!(noisy.active(lex, "b", "h"));
        let clean = Profile::new(["have", "which", "that", "bave"]);
        assert!(!clean.active(lex, "b", "h"));
    }

    #[test]
    fn a_long_text_must_show_a_swap_in_its_share_of_non_words() {
        let lex = Lexicon::embedded();
        let filler: Vec<String> = (0..2000).map(|i| format!("zq{i}xj")).collect();
        let words = |habit: &[&'static str]| -> Vec<String> {
            filler
                .iter()
                .cloned()
                .chain(habit.iter().map(|w| w.to_string()))
                .collect()
        };
        // Three of some 2,000 non-words: chance, not a habit.
        let few = words(&["bave", "wbich", "tbat"]);
        assert!(!Profile::new(few.iter().map(String::as_str)).active(lex, "b", "h"));
        let many = words(&["bave", "wbich", "tbat", "bim", "bere", "wben"]);
        assert!(Profile::new(many.iter().map(String::as_str)).active(lex, "b", "h"));
    }

    #[test]
    fn a_ligature_lost_at_the_start_of_words_is_shown() {
        let lex = Lexicon::embedded();
        let noisy = Profile::new(["rst", "gure", "nally", "the"]);
        assert!(noisy.active(lex, "", "fi"));
        let clean = Profile::new(["first", "figure", "finally", "rst"]);
        assert!(!clean.active(lex, "", "fi"));
    }
}
