//! C001's early checks on a spelling, before any search: whether it is worth questioning
//! at all (numbers, codes, acronyms, common words and old spellings are not), which stem
//! is searched, and whether it is a real word; worked out once per spelling.

use super::super::archaic;
use super::shape::{shape, Shape};
use super::{Corrector, CACHE_LIMIT, COMMON_SKIP, CORPUS_WORDS};

impl<'a> Corrector<'a> {
    /// The early checks of [`Corrector::correct`], shared with [`Corrector::prepare`]: the
    /// stem to search for a token spelled `full`, whether it is a real word (a common word,
    /// or a name the document repeats, which [`Corrector::real_word_rival`] is asked about)
    /// and whether the lexicon knows it at all; `None` when the token is settled.
    pub(super) fn needs<'t>(&mut self, full: &'t str) -> Option<(&'t str, bool, bool)> {
        let need = match self.needed.get(full) {
            Some(&known) => known,
            None => {
                let need = self.work_out_needs(full);
                self.remember_need(full, need);
                need
            }
        };
        need.map(|(stem_len, real_word, known)| (&full[..stem_len], real_word, known))
    }

    pub(super) fn remember_need(&mut self, full: &str, need: Need) {
        if self.needed.len() >= CACHE_LIMIT {
            self.needed.clear();
        }
        self.needed.insert(full.to_string(), need);
    }

    /// [`Corrector::needs`], worked out: the stem is given by its length.
    pub(super) fn work_out_needs(&self, full: &str) -> Need {
        if full.contains(['\'', '’']) && self.known.find(full).is_some() {
            return None;
        }
        // Correct the stem of a possessive ("Korea's", "workers'"): the ending stays.
        // Other apostrophes (contractions the lexicon lacks) are left alone.
        let text = match full.find(['\'', '’']) {
            None => full,
            Some(i) if i > 0 && matches!(&full[i..], "'s" | "’s" | "'" | "’") => &full[..i],
            Some(i) if misread_apostrophe(full, i) => full,
            Some(_) => return None,
        };
        if !worth_checking(text) {
            return None;
        }
        let known = self.known.find(text).filter(|f| f.as_written(text));
        if known
            .as_ref()
            .is_some_and(|f| f.entry.frequency as f64 > COMMON_SKIP * CORPUS_WORDS)
        {
            return None;
        }
        // An old spelling in a document printed in old spelling is no misreading ("hee").
        if known.is_none() && self.old_spelling && self.old_spelling_of_a_word(text) {
            return None;
        }
        let real_word =
            known.as_ref().is_some_and(|f| f.entry.is_common()) || self.trusted_repeats(text) >= 2;
        Some((text.len(), real_word, known.is_some()))
    }

    /// Whether `text`, lower case or capitalised, is an old spelling of a common word
    /// ([`archaic::modern_form`]).
    fn old_spelling_of_a_word(&self, text: &str) -> bool {
        match shape(text) {
            Shape::Lower => archaic::modern_form(self.lex, text).is_some(),
            Shape::Title => archaic::modern_form(self.lex, &text.to_lowercase()).is_some(),
            _ => false,
        }
    }
}

/// [`Corrector::needs`]'s answer for a spelling: the length of its stem, whether it is a
/// real word and whether the lexicon knows it; `None` when it is settled.
pub(super) type Need = Option<(usize, bool, bool)>;

/// Tokens the word rule leaves alone: single characters, numbers and codes, short
/// acronyms, Roman numerals.
fn worth_checking(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let chars = token.chars().count();
    // A lone lower-case letter other than "a" is no English word: the OCR misread a short
    // one ("m" for "in", "n" for "a"); the real-word conditions decide whether context
    // earns the change.
    if chars == 1 && token != "a" && token.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    if chars < 2 || letters + 1 < chars || letters == 0 || (letters < chars && letters < 3) {
        return false;
    }
    if shape(token) == Shape::Upper && chars <= 4 {
        return false;
    }
    if token.chars().all(|c| "IVXLCDM".contains(c)) {
        return false;
    }
    true
}

/// Whether the apostrophe at byte `i` of `full` is more likely the OCR's than the
/// writer's, so that the whole token is searched, apostrophe and all: letters read as
/// one ("fi'om" for "from", "man'a" for "man's", "o'ered" for "offered") or a speck
/// ("thin'k"). It is the token's only apostrophe, inside a word of letters in lower case
/// (the first may be a capital), not a contraction's ("we'll", "ne'er", "o'er"), not after
/// a single letter that French elides or a capital (the elisions "n'est", "l'homme", and
/// names such as "O'Brien" stay) and not before a capital ("D'Arcy").
fn misread_apostrophe(full: &str, i: usize) -> bool {
    let before = &full[..i];
    let mark = full[i..].chars().next().map_or(0, char::len_utf8);
    let after = &full[i + mark..];
    // The contractions, and the poets' elisions of "e" ("o'er", "e'en").
    let contraction =
        super::super::CONTRACTION_ENDINGS.contains(&after) || matches!(after, "er" | "en");
    // The letters French elides before an apostrophe ("l'", "d'", "qu'").
    let elision = |c: char| "cdjlmnqst".contains(c);
    let lead_ok = before.chars().count() >= 2
        || before
            .chars()
            .all(|c| c.is_ascii_lowercase() && !elision(c));
    lead_ok
        && !after.is_empty()
        && !contraction
        && !after.contains(['\'', '’'])
        && after.chars().all(char::is_lowercase)
        && before.chars().all(char::is_alphabetic)
        && before.chars().skip(1).all(char::is_lowercase)
}
