//! A word spoilt by one mark the OCR wrote for a letter it could not read: C016's "~" and
//! "^", C018's guillemets. Both find the pieces either side of the mark the same way, and
//! look each reading up the same way; they differ in which letters they try and how they
//! weigh them. C017 (digits read as letters) writes its readings in the same way.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::{Fact, KnownWords};
use std::ops::Range;

/// A word in a whitespace-separated chunk, spoilt by exactly one mark.
pub(crate) struct MarkedWord<'t> {
    /// Byte range of the mark in the text.
    pub mark: Range<usize>,
    /// The letters before the mark (the first may be a capital).
    pub before: &'t str,
    /// The letters after it (lower case, but for a capital first where nothing is before).
    pub after: &'t str,
    /// The word as written: the chunk without its opening and closing punctuation.
    pub written: &'t str,
    /// Whether a letter read in the mark's place is a capital: at the start of a word
    /// that begins a sentence.
    pub capital: bool,
}

/// The word in the chunk `text[chunk]` when it holds exactly one of `marks` between plain
/// letters, `min_letters` of them or more; words with digits or two marks, addresses and
/// paths are none.
pub(crate) fn marked_word<'t>(
    text: &'t str,
    chunk: Range<usize>,
    marks: &[char],
    min_letters: usize,
) -> Option<MarkedWord<'t>> {
    let (lead, core) = super::word_core(&text[chunk.clone()], &super::OPENING_PUNCTUATION);
    let mut found = core.match_indices(marks);
    let (i, mark) = found.next()?;
    if found.next().is_some() || super::address_like(core) {
        return None;
    }
    let (a, b) = (&core[..i], &core[i + mark.len()..]);
    let letters = super::plain_letters;
    if !letters(a, true) || !letters(b, a.is_empty()) || a.len() + b.len() < min_letters {
        return None;
    }
    let at = chunk.start + lead + i;
    Some(MarkedWord {
        mark: at..at + mark.len(),
        before: a,
        after: b,
        written: core,
        capital: a.is_empty()
            && !b.starts_with(|c: char| c.is_ascii_uppercase())
            && super::sentence_start(text, chunk.start),
    })
}

/// What the lexicon says about the reading `word`. A capitalised common word is found as
/// the name it may also be ("New", "Hope"): its lower-case entry is the one that counts.
pub(crate) fn reading_fact(known: &KnownWords, word: &str) -> Option<Fact> {
    let fact = known.find(word)?;
    if !fact.entry.proper {
        return Some(fact);
    }
    let lower = word.to_lowercase();
    match known.find(&lower) {
        Some(l) if !l.entry.proper && lower != word => Some(l),
        _ => Some(fact),
    }
}

/// Whether a reading the lexicon describes by `fact` may be written in: a common word,
/// spelled as the lexicon spells it, no name, possessive or Roman numeral.
pub(crate) fn may_be_read_in(fact: &Fact) -> bool {
    !(fact.accents
        || fact.possessive
        || fact.entry.proper
        || fact.entry.roman
        || !fact.entry.is_common())
}

/// One mark read as a letter (or as nothing); C017 reads a whole word with digits in it.
pub(crate) struct Reading<'t> {
    /// Byte range of the mark (for C017, of the word).
    pub mark: Range<usize>,
    /// What replaces it.
    pub letter: String,
    /// The word once mended.
    pub word: String,
    /// The word as written, for the reason.
    pub written: &'t str,
}

impl Reading<'_> {
    /// The safe edit that writes the reading in, for rule `code` with `reason`: a mark
    /// read as a letter only where no other reading comes near, so at a fixed confidence.
    pub(crate) fn edit(&self, code: &'static str, reason: String) -> Edit {
        Edit::new(
            self.mark.clone(),
            self.letter.clone(),
            code,
            0.9,
            Safety::Safe,
            reason,
        )
    }
}
