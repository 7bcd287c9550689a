//! C016 unread-letter: a letter the OCR could not read and wrote as "~" or "^" instead
//! ("my~elf" → "myself", "si^ht" → "sight", "sa~ety" → "safety"), or a stray "~" or "^"
//! on the edge of a word ("~hope" → "hope", "supporting^" → "supporting").
//!
//! Some OCR engines write a tilde or a caret for a glyph they cannot read; in English prose
//! neither stands inside a word. Evidence: each letter from a to z in the mark's place
//! (and, at a word's edge, nothing) is tried; a reading is taken only when it is a common
//! word the lexicon counts at least a million times (ten million for a letter added at
//! the edge: "un~" is more often a cut "unguarded" than "uni") and every other such
//! reading is at least 20 times rarer ("ca~e" may be "case" or "came": it stays). The
//! pieces beside the mark hold two letters or more; a mark inside a word stands for a
//! letter, never for nothing ("t~o" is no "to"). The document must show such marks three
//! times or more, so a text that writes "~" for "about" or "^" for a power keeps them.
//! Words with digits, URLs, paths, and words with two marks or more are left alone.

use super::marked::{marked_word, reading_fact, Reading};
use crate::edit::Edit;
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Marks in words a document needs before they count as unread letters.
const MIN_SITES: usize = 3;

/// How many times more frequent the best reading must be than any other.
const MIN_LEAD: u64 = 20;

/// Letters the word needs besides the mark: one letter beside a mark ("f^", "~c") is a
/// fragment more often than a word.
const MIN_LETTERS: usize = 2;

/// The lexicon count a reading needs (about one word in 500,000): the lexicon lists rare
/// words ("erst", "nit", "inhere") that a mark turns fragments into.
const MIN_FREQUENCY: u64 = 1_000_000;

/// The lexicon count a letter added at the edge of a word needs (about one word in
/// 50,000).
const MIN_EDGE_FREQUENCY: u64 = 10_000_000;

/// The unread mark in the chunk `text[start..end]` (no white space inside), read, if one
/// reading wins.
fn site<'t>(known: &KnownWords, text: &'t str, start: usize, end: usize) -> Option<Reading<'t>> {
    let w = marked_word(text, start..end, &['~', '^'], MIN_LETTERS)?;
    let (a, b) = (w.before, w.after);
    let inside = !a.is_empty() && !b.is_empty();
    // A name ("Jo~n" may be "John") is never read in, but stands in the way of the others.
    let mut readings: Vec<(Option<String>, String, u64)> = Vec::new();
    let mut consider = |letter: String| {
        let word = format!("{a}{letter}{b}");
        let Some(f) = reading_fact(known, &word) else {
            return;
        };
        // Names are kept to stand in the way; other words must be fit to read in.
        if f.accents || f.possessive || f.entry.roman || !f.entry.is_common() {
            return;
        }
        // Upper- and lower-case entries share a count.
        let count = f.entry.frequency;
        // A letter added at the edge of a word must make a frequent word: "un~" is more
        // often a cut "unguarded" than "uni".
        let least = if inside || letter.is_empty() {
            MIN_FREQUENCY
        } else {
            MIN_EDGE_FREQUENCY
        };
        if count >= least {
            readings.push(((!f.entry.proper).then_some(letter), word, count));
        }
    };
    // Inside a word a mark stands for a letter (or more); at its end it may be a speck,
    // and at its start too unless what is left is a word of two letters ("~am", "~be":
    // more often "Cam…", "the").
    if !inside && (a.len() >= MIN_LETTERS || b.len() > MIN_LETTERS) {
        consider(String::new());
    }
    for c in b'a'..=b'z' {
        let c = if w.capital { c.to_ascii_uppercase() } else { c };
        consider((c as char).to_string());
    }
    let (letter, word, _) = super::clear_winner(readings, MIN_LEAD)?;
    Some(Reading {
        mark: w.mark,
        letter: letter?,
        word,
        written: w.written,
    })
}

/// The check of rule C016.
pub fn unread_letters(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let bytes = text.as_bytes();
    let mut marks = 0usize;
    let mut sites = Vec::new();
    let found = super::chunks_with_marks(text, memchr::memchr2_iter(b'~', b'^', bytes));
    for (i, std::ops::Range { start, end }) in found {
        // A mark touching a letter counts towards the habit, mended or not.
        let touches_letter = |k: Option<usize>| {
            k.and_then(|k| bytes.get(k))
                .is_some_and(|b| b.is_ascii_alphabetic())
        };
        if touches_letter(i.checked_sub(1)) || touches_letter(Some(i + 1)) {
            marks += 1;
        }
        sites.push((start, end));
    }
    if marks < MIN_SITES {
        return;
    }
    let known = cx.known_words();
    for (start, end) in sites {
        let Some(s) = site(known, text, start, end) else {
            continue;
        };
        let what = if s.letter.is_empty() {
            "a stray mark".to_string()
        } else {
            format!("an unread '{}'", s.letter)
        };
        let reason = format!(
            "'{}' read as '{}': {what}, written as a mark this document's OCR puts inside words {marks} times; no other reading is a word as common",
            s.written, s.word
        );
        out.push(s.edit(info.code, reason));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_changes("C016", text)
    }

    #[test]
    fn an_unread_letter_is_read_where_one_word_fits() {
        assert_eq!(
            fixes("I said to my~elf that the sa~ety and the si^ht of it gave us ~hope."),
            vec!["~→s", "~→f", "^→g", "~→"]
        );
    }

    #[test]
    fn marks_the_document_uses_stay() {
        // Too few to be the OCR's habit.
        assert!(fixes("I said to my~elf that it was so.").is_empty());
        // Numbers, powers, paths and approximations.
        let text = "It costs ~5 dollars, x^2 grows, see ~/notes and ~user, about ~10 km, 2^10.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn two_readings_as_common_stay() {
        // "h~t": "hat", "hit", "hot" and "hut" are all words.
        let text = "my~elf and sa~ety and si^ht, but h~t stays";
        assert_eq!(fixes(text), vec!["~→s", "~→f", "^→g"]);
    }

    #[test]
    fn a_name_stands_in_the_way() {
        // "Jo~n" may be "John": no "Join" for it. A capitalised common word is read
        // although the lexicon also lists it as a name.
        let text = "my~elf and sa~ety and si^ht. Jo~n came. ~ope was all we had.";
        assert_eq!(fixes(text), vec!["~→s", "~→f", "^→g", "~→H"]);
    }

    #[test]
    fn fragments_stay() {
        // A mark inside a word is no speck ("t~o" is not "to"); one before a short word
        // may be its first letter ("~am"); a letter added at a word's edge must make a
        // frequent word ("un~" is no "uni").
        let text = "my~elf and sa~ety and si^ht, then t~o and ~am and un~ stay";
        assert_eq!(fixes(text), vec!["~→s", "~→f", "^→g"]);
    }
}
