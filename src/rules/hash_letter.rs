//! U006 hash-for-letter: some OCR output writes "#" for a letter its engine could not read,
//! most often "e" ("th#" → "the", "b#" → "be", "titl#" → "title") and sometimes "s"
//! ("ta#te" → "taste").
//!
//! A "#" between or after letters is no spelling of English. It is read as the one of "e"
//! and "s" that makes a common word, when exactly one does ("po#t" could be "poet" or
//! "post": it stays). The document must show the misreading in several distinct words,
//! so a lone "#" in a code sample or an issue number ("bug#12") is left alone.
//!
//! It is a character repair and runs in the first stage, with the other character rules:
//! the stages after it (line-end hyphens, spacing) must see "the", not "th#", or cleaning
//! the output again would still find work.

use crate::edit::{Edit, Safety};
use crate::lexicon::Lexicon;
use crate::rules::{Context, RuleInfo};

/// Distinct words a document must misread this way before any is changed.
const MIN_TYPES: usize = 3;
/// The letters a "#" may stand for.
const LETTERS: [char; 2] = ['e', 's'];
/// Longest token examined (bytes).
const MAX_LEN: usize = 40;

/// The word a token with one "#" stands for: the token's letters around it with the one
/// letter of [`LETTERS`] that makes a common word.
fn reading(lex: &Lexicon, left: &str, right: &str) -> Option<String> {
    let mut found = None;
    for letter in LETTERS {
        let word = format!("{left}{letter}{right}");
        // "s#" is no "ss": a word of one letter doubled is an abbreviation at best.
        let doubled = word.len() == 2 && word.as_bytes()[0] == word.as_bytes()[1];
        if !doubled
            && lex
                .find(&word)
                .is_some_and(|f| f.entry.is_common() && !f.accents)
        {
            if found.is_some() {
                return None;
            }
            found = Some(word);
        }
    }
    found
}

/// The check of rule U006.
pub fn hash_letters(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !text.contains('#') {
        return;
    }
    let lex = Lexicon::embedded();
    let bytes = text.as_bytes();
    let letters = |i: usize| bytes[i].is_ascii_alphabetic();
    let mut sites: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (at, _) in text.match_indices('#') {
        let mut start = at;
        while start > 0 && letters(start - 1) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && letters(end) {
            end += 1;
        }
        // Letters before the "#", and the token bounded by neither a word character nor
        // another "#" (a hash in "C#", "bug#12" or "##" is something else).
        let bounded = |b: Option<&u8>| {
            b.is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'#' || *b == b'_' || *b >= 0x80))
        };
        if start == at
            || end - start > MAX_LEN
            || !bounded(start.checked_sub(1).and_then(|i| bytes.get(i)))
            || !bounded(bytes.get(end))
        {
            continue;
        }
        // "C#" and other capital-letter names: at least one lower-case letter.
        let (left, right) = (&text[start..at], &text[at + 1..end]);
        if !left
            .bytes()
            .chain(right.bytes())
            .any(|b| b.is_ascii_lowercase())
        {
            continue;
        }
        if let Some(word) = reading(lex, left, right) {
            sites.push((start..end, word));
        }
    }
    let mut kinds: Vec<&str> = sites.iter().map(|(_, w)| w.as_str()).collect();
    kinds.sort_unstable_by_key(|w| w.to_lowercase());
    kinds.dedup_by_key(|w| w.to_lowercase());
    let kinds = kinds.len();
    if kinds < MIN_TYPES {
        return;
    }
    for (range, word) in sites {
        let seen = &text[range.clone()];
        let reason = format!(
            "'{seen}' read as '{word}': this document's OCR writes '#' for a letter it could not read, in {kinds} different words"
        );
        out.push(Edit::new(range, word, info.code, 0.9, Safety::Safe, reason));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        let rules = crate::rules::unicode::rules();
        let rule = rules.iter().find(|r| r.info().code == "U006").unwrap();
        crate::rules::run_rule(rule.as_ref(), text)
            .into_iter()
            .map(|e| e.replacement)
            .collect()
    }

    #[test]
    fn a_hash_for_a_letter_is_that_letter() {
        assert_eq!(
            fixes("Th# title of th# work will b# read, to taste: ta#te it."),
            vec!["The", "the", "be", "taste"]
        );
    }

    #[test]
    fn other_hashes_stay() {
        // Too few kinds of word.
        assert!(fixes("Th# end, th# end.").is_empty());
        // Ambiguous, codes and names, numbers.
        let text = "Th# titl# of th# work will b# read. A po#t, C# code, bug#12, #1 and ##.";
        assert_eq!(fixes(text), vec!["The", "title", "the", "be"]);
    }
}
