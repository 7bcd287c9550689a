//! C017 digit-for-letter: a digit the OCR put inside a word for the letter it resembles
//! ("w1th" → "with", "pe0ple" → "people", "wa3" → "was", "8econd" → "Second").
//!
//! The reverse of C008. Each digit shaped like a letter is read as that letter (0 as o, 1
//! as l or i, 3, 5 and 8 as s, 6 as o); a reading is taken only when it is a common word
//! the lexicon counts at least a million times, of an ordinary dictionary's core (SCOWL
//! level 50 at most), no name or abbreviation, and every other reading is at least 20
//! times rarer. Evidence that the digit is no number: the word
//! holds one or two digits among letters, makes three letters or more once read, and is
//! lower case or capitalised. A word that starts with its digit needs three letters after
//! it, so amounts and ordinals ("10s", "3rd", "50ft", "4s", "3cc") stay; codes in capitals
//! ("A1", "U8"), words with other digits (2, 4, 7, 9), addresses and paths stay too.

use super::marked::Reading;
use crate::edit::Edit;
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// How many times more frequent the best reading must be than any other.
const MIN_LEAD: u64 = 20;

/// The lexicon count a reading needs (about one word in 500,000).
const MIN_FREQUENCY: u64 = 1_000_000;

/// The highest SCOWL size level a reading may have: a word of an ordinary dictionary's
/// core. Labels and codes read as rarer words ("el3" → "els", "a13" → "ais", both level 70).
const MAX_LEVEL: u8 = 50;

/// Digits a word may hold to be read.
const MAX_DIGITS: usize = 2;

/// Letters a reading needs: "t0", "0f" and "n6" are as often variables and labels.
const MIN_READING: usize = 3;

/// Letters a word needs after a digit it starts with ("8econd", not "3rd").
const MIN_AFTER_LEADING_DIGIT: usize = 3;

/// The letters a digit may stand for, in lower case.
fn letters_for(digit: u8) -> &'static [u8] {
    match digit {
        b'0' | b'6' => b"o",
        b'1' => b"li",
        b'3' | b'5' | b'8' => b"s",
        _ => b"",
    }
}

/// The reading of the chunk `text[start..end]`: the byte range of the word as written and
/// the word it stands for.
fn reading(
    known: &KnownWords,
    text: &str,
    start: usize,
    end: usize,
) -> Option<(std::ops::Range<usize>, String)> {
    let chunk = &text[start..end];
    let (lead, core) = super::word_core(chunk, &super::OPENING_PUNCTUATION);
    let bytes = core.as_bytes();
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    if !(1..=MAX_DIGITS).contains(&digits)
        || bytes.len() < MIN_READING
        || !bytes.iter().all(u8::is_ascii_alphanumeric)
        || bytes
            .iter()
            .any(|&b| b.is_ascii_digit() && letters_for(b).is_empty())
    {
        return None;
    }
    // Lower case, or one capital first: "We3t", not "AL1".
    if bytes.iter().skip(1).any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let leading_digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if leading_digits > 0 && bytes.len() - leading_digits < MIN_AFTER_LEADING_DIGIT {
        return None;
    }
    // A digit in a word's first place stands for a capital where a sentence begins (an
    // opening quote set apart: '. " 8ugar').
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘".contains(c));
    let capital = leading_digits > 0 && super::sentence_start(before, before.len());
    let mut spellings: Vec<Vec<u8>> = vec![Vec::with_capacity(bytes.len())];
    for b in bytes {
        let options = if b.is_ascii_digit() {
            letters_for(*b)
        } else {
            std::slice::from_ref(b)
        };
        spellings = spellings
            .iter()
            .flat_map(|s| options.iter().map(move |&c| [s.as_slice(), &[c]].concat()))
            .collect();
    }
    if capital {
        spellings
            .iter_mut()
            .for_each(|s| s[0].make_ascii_uppercase());
    }
    let mut readings: Vec<((), String, u64)> = Vec::new();
    for spelling in spellings {
        let Ok(word) = String::from_utf8(spelling) else {
            continue;
        };
        let Some(f) = known.find(&word) else {
            continue;
        };
        let e = f.entry;
        if f.accents || f.possessive || e.proper || e.abbreviation || e.roman || e.level > MAX_LEVEL
        {
            continue;
        }
        if e.frequency >= MIN_FREQUENCY {
            readings.push(((), word, e.frequency));
        }
    }
    let ((), word, _) = super::clear_winner(readings, MIN_LEAD)?;
    let at = start + lead;
    Some((at..at + core.len(), word))
}

/// The check of rule C017.
pub fn digits_for_letters(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let bytes = text.as_bytes();
    let letter = |k: Option<usize>| {
        k.and_then(|k| bytes.get(k))
            .is_some_and(|b| b.is_ascii_alphabetic())
    };
    let digits_by_letters = (0..bytes.len()).filter(|&i| {
        bytes[i].is_ascii_digit() && (letter(i.checked_sub(1)) || letter(Some(i + 1)))
    });
    let chunks: Vec<_> = super::chunks_with_marks(text, digits_by_letters).collect();
    if chunks.is_empty() {
        return;
    }
    let known = cx.known_words();
    for (_, range) in chunks {
        if super::address_like(&text[range.clone()]) {
            continue;
        }
        let Some((at, word)) = reading(known, text, range.start, range.end) else {
            continue;
        };
        let written = &text[at.clone()];
        let reason = format!(
            "'{written}' read as '{word}': a digit shaped like the letter it stands for; no other reading is a word as common"
        );
        let reading = Reading {
            mark: at,
            letter: word.clone(),
            word,
            written,
        };
        out.push(reading.edit(info.code, reason));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_changes("C017", text)
    }

    #[test]
    fn a_digit_inside_a_word_is_read_as_its_letter() {
        assert_eq!(
            fixes("He was pleased w1th the pe0ple who wa3 there. 8econd, it was bes1de us. \" 8ugar?\""),
            vec!["w1th→with", "pe0ple→people", "wa3→was", "8econd→Second", "bes1de→beside", "8ugar→Sugar"]
        );
    }

    #[test]
    fn numbers_amounts_and_codes_stay() {
        let text = "It cost 10s 6d, the 3rd time, 50ft deep, 4s. each; the A1 and U8 codes, \
                    the t0 and x1 variables, 2nd place, mp3 files, a 6ft wall, 3cc, el2 and el3.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn two_readings_as_common_stay() {
        // "b1t" may be "bit" or "blt" and "s1ip" "slip" or "siip": only one is a word, so
        // they go. "ta1l" may be "tall" or "tail", both words, neither 20 times the other;
        // "11ke" starts with two digits and has two letters left, like an amount.
        assert_eq!(
            fixes("a b1t of that s1ip in the ta1l 11ke"),
            vec!["b1t→bit", "s1ip→slip"]
        );
    }
}
