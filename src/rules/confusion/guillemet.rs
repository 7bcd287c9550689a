//! C018 guillemet-for-letter: a letter the OCR read as a guillemet ("chest»" → "chests",
//! "»pent" → "spent", "th«" → "the", "»as" → "was", "sign»d" → "signed").
//!
//! Some engines, reading old newspaper type, write "«" or "»" for a letter they could not
//! make out, most often an "s", then a "w", an "e" or an "a". In English prose a guillemet
//! is no letter; in French or German prose it is a quotation mark, and a quoting text keeps
//! to one convention: «…» (French) or »…« (German). Evidence that a document's guillemets
//! are misread letters: three or more of them touch letters, and either one sits between
//! two letters ("sign»d", never a quotation mark) or the document's guillemets at the
//! edges of words follow both conventions, two times or more each.
//!
//! Each letter from a to z in the mark's place is weighed by how often such a misreading
//! stands for it (`weight`) times the lexicon count of the word it makes; a reading is
//! taken only when it is a common word the lexicon counts a million times or more, no name
//! or abbreviation, and twenty times ahead of every other reading, names included. The
//! pieces beside the mark are plain letters, two or more in all; chunks with two marks,
//! digits ("5«" may be "5s."), addresses and paths stay.

use super::marked::{marked_word, may_be_read_in, reading_fact, Reading};
use crate::edit::Edit;
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Guillemets touching letters a document needs before they count as misread letters.
const MIN_SITES: usize = 3;

/// Guillemets at the edges of words a document must show in each quoting convention
/// (French «…», German »…«) before they count as misreadings when none sits inside a word.
const MIN_MIXED: usize = 2;

/// How many times the best reading's weighed count must exceed any other's.
const MIN_LEAD: u64 = 20;

/// The lexicon count a reading needs (about one word in 500,000).
const MIN_FREQUENCY: u64 = 1_000_000;

/// Letters a word needs besides the mark.
const MIN_LETTERS: usize = 2;

/// How often, per thousand, a guillemet stands for `letter` relative to an "s": the
/// shapes of old newspaper type the OCR turns into guillemets. It never stands for
/// nothing: at a word's edge the word without it is more often wrong ("»applies" for
/// "supplies", "River»" for "Rivers") than right.
fn weight(letter: u8) -> u64 {
    match letter {
        b's' => 1000,
        b'w' => 300,
        b'e' => 120,
        b'a' => 100,
        _ => 10,
    }
}

/// The byte positions of the guillemets of `text` (each two bytes in UTF-8).
fn guillemets(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(0xC2, text.as_bytes())
        .filter(|&i| matches!(text.as_bytes().get(i + 1), Some(0xAB | 0xBB)))
}

/// Whether the guillemets of `text` are the OCR's misread letters rather than quotation
/// marks: see the module's documentation.
fn misread_habit(text: &str) -> bool {
    let (mut inside, mut french, mut german) = (0usize, 0usize, 0usize);
    for i in guillemets(text) {
        let opening = text.as_bytes()[i + 1] == 0xAB;
        let before = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let after = text[i + 2..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        match (before, after) {
            (true, true) => inside += 1,
            // «word or word»: the French convention; »word or word«: the German one.
            (false, true) if opening => french += 1,
            (true, false) if !opening => french += 1,
            (false, true) | (true, false) => german += 1,
            (false, false) => {}
        }
    }
    inside + french + german >= MIN_SITES && (inside >= 1 || french.min(german) >= MIN_MIXED)
}

/// The guillemet in the chunk `text[start..end]` read as a letter, if one reading wins.
fn site<'t>(known: &KnownWords, text: &'t str, start: usize, end: usize) -> Option<Reading<'t>> {
    let w = marked_word(text, start..end, &['«', '»'], MIN_LETTERS)?;
    // Readings that may not be applied (a name: "Jo«n" may be "John") still stand in
    // the way of the others.
    let mut readings: Vec<(Option<String>, String, u64)> = Vec::new();
    for c in b'a'..=b'z' {
        let written = (if w.capital { c.to_ascii_uppercase() } else { c }) as char;
        let word = format!("{}{written}{}", w.before, w.after);
        let Some(f) = reading_fact(known, &word) else {
            continue;
        };
        if f.entry.frequency < MIN_FREQUENCY {
            continue;
        }
        let weighed = f.entry.frequency.saturating_mul(weight(c));
        readings.push((
            may_be_read_in(&f).then(|| written.to_string()),
            word,
            weighed,
        ));
    }
    let (letter, word, _) = super::clear_winner(readings, MIN_LEAD)?;
    Some(Reading {
        mark: w.mark,
        letter: letter?,
        word,
        written: w.written,
    })
}

/// The check of rule C018.
pub fn guillemets_for_letters(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !misread_habit(text) {
        return;
    }
    let known = cx.known_words();
    for (_, std::ops::Range { start, end }) in super::chunks_with_marks(text, guillemets(text)) {
        let Some(s) = site(known, text, start, end) else {
            continue;
        };
        let reason = format!(
            "'{}' read as '{}': a guillemet for '{}', as this document's OCR writes letters it could not read; no other reading is nearly as likely",
            s.written, s.word, s.letter
        );
        out.push(s.edit(info.code, reason));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_changes("C018", text)
    }

    #[test]
    fn a_guillemet_between_letters_marks_the_habit() {
        assert_eq!(
            fixes("He sign»d the paper. The chest» were full and the rate« were high."),
            vec!["»→e", "»→s", "«→s"]
        );
    }

    #[test]
    fn quotation_marks_stay() {
        // French and German quotations keep to one convention.
        assert!(fixes("Il dit «bonjour» et «merci» puis «adieu» enfin.").is_empty());
        assert!(fixes("Er sagte »guten Tag« und »danke« und »tschüss« dann.").is_empty());
        // Too few to be a habit.
        assert!(fixes("The chest» was full.").is_empty());
    }

    #[test]
    fn both_conventions_mark_the_habit() {
        let text = "It »as late. The chest» and the rate« were high; the «mall ones were Ne«.";
        assert_eq!(fixes(text), vec!["»→w", "»→s", "«→s", "«→s", "«→w"]);
    }

    #[test]
    fn ambiguous_readings_and_fragments_stay() {
        // Numbers and two marks stay; so does a reading no word makes, one that a reading
        // as common rivals ("h»t": "hat", "hot", "hit"), and one a name rivals ("Jo«n" may
        // be "John", not "Join").
        let text = "He sign»d for 5« and »«ab and qz»x, h»t and Jo«n, the chest» and rate«.";
        assert_eq!(fixes(text), vec!["»→e", "»→s", "«→s"]);
    }
}
