//! C005 run-together: two words run together by a lost space ("andthe", "ofthe") split
//! again.
//!
//! Only a lower-case token of letters that is no word at all (not even a rare one) and
//! that the document does not use again is split, and only where exactly one split gives
//! two common words whose pair the bigram list knows well. Names, compounds the lexicon
//! or the document knows, hyphenated and line-end tokens are never split.

use super::split::{count_of, is_plain_word};
use super::tokens::{self, Token};
use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::lexicon::Lexicon;
use crate::lexicon::BIGRAM_SCALE;
use crate::rules::{Context, RuleInfo};

/// Shortest token considered (bytes): "ofa" is too easily a misread.
const MIN_TOKEN: usize = 4;
/// Longest token considered (bytes).
const MAX_TOKEN: usize = 24;
/// Approximate number of words behind the lexicon's frequency counts (as in the word rule).
const CORPUS_WORDS: f64 = 4e11;
/// Smallest bigram count of a pair worth splitting into.
const MIN_PAIR: u64 = 50_000_000;
/// Bigram count from which the split is safe rather than a suggestion.
const SAFE_PAIR: u64 = 1_000_000_000;
/// The pair must occur this many times more often than chance (pointwise association).
const MIN_ASSOCIATION: f64 = 2.0;
/// The best split must beat the next best by this factor.
const RIVAL_FACTOR: f64 = 20.0;
/// A token the document uses this often is one of its words, not a slip.
const DOC_WORD: u32 = 3;

/// A split of a run-together token.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The two words with a space between.
    pub words: String,
    /// Byte offset of the split in the token.
    pub at: usize,
    /// The bigram count of the pair.
    pub pair: u64,
}

/// A token worth examining: ASCII lower-case letters only, of a plausible length.
fn worth_checking(token: &str) -> bool {
    (MIN_TOKEN..=MAX_TOKEN).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_lowercase())
}

/// The count of a piece as a common ordinary word, if it is one ("a" is the only
/// single letter).
fn piece_count(lex: &Lexicon, piece: &str) -> Option<f64> {
    if piece.len() == 1 && piece != "a" {
        return None;
    }
    // Pieces are lower-case ASCII: the exact entry is all the case policy allows.
    lex.lookup(piece)
        .filter(|e| is_plain_word(e) && !e.proper)
        .map(|e| count_of(&e))
}

/// The split of a token worth checking: none for a word the lexicon knows.
fn split_of(lex: &Lexicon, known: &KnownWords, token: &str) -> Option<Split> {
    if known.find(token).is_some() {
        None
    } else {
        best_split(lex, token)
    }
}

/// The one split of `token` (a word the lexicon lacks) into two common words that form
/// a well-known pair, if there is exactly one.
pub fn best_split(lex: &Lexicon, token: &str) -> Option<Split> {
    let mut best: Option<Split> = None;
    let mut rival = 0u64;
    for at in 1..token.len() {
        let (left, right) = token.split_at(at);
        let (Some(cl), Some(cr)) = (piece_count(lex, left), piece_count(lex, right)) else {
            continue;
        };
        let pair = lex.bigram(left, right);
        let expected = cl * cr * BIGRAM_SCALE / CORPUS_WORDS;
        if pair < MIN_PAIR || (pair as f64) < MIN_ASSOCIATION * expected {
            rival = rival.max(pair);
            continue;
        }
        if best.as_ref().is_none_or(|b| pair > b.pair) {
            if let Some(b) = &best {
                rival = rival.max(b.pair);
            }
            best = Some(Split {
                words: format!("{left} {right}"),
                at,
                pair,
            });
        } else {
            rival = rival.max(pair);
        }
    }
    best.filter(|b| b.pair as f64 >= RIVAL_FACTOR * rival as f64)
}

/// A common word the token becomes by one OCR confusion or one dropped letter
/// ("withall" → "withal", "wasto" → "waste"): a rival reading to the split.
pub(super) fn misread_of_word(lex: &Lexicon, token: &str) -> Option<String> {
    let mut found: Option<String> = None;
    super::model::for_each_table_swap(token, |v, _| {
        if found.is_none() && v != token && lex.contains(v) {
            found = Some(v.to_string());
        }
    });
    let mut buf = String::with_capacity(token.len());
    for i in 0..token.len() {
        if found.is_some() {
            break;
        }
        buf.clear();
        buf.push_str(&token[..i]);
        buf.push_str(&token[i + 1..]);
        if lex.contains(&buf) {
            found = Some(buf.clone());
        }
    }
    found
}

/// Tokens that belong to something else: a hyphenated compound or a line-end
/// hyphenation, code or a formula, an abbreviation (also C006's test).
pub(super) fn skip(text: &str, t: &Token<'_>) -> bool {
    let before = text[..t.range.start].chars().next_back();
    let after = text[t.range.end..].chars().next();
    let joiner = |c: Option<char>| {
        c.is_some_and(|c| matches!(c, '-' | '\u{ad}' | '\u{2010}' | '\u{2011}' | '.' | '\''))
    };
    joiner(before)
        || joiner(after) && !text[t.range.end..].starts_with(". ")
        || super::at_line_end_hyphen(text, &t.range)
        || super::is_code_like(text, t)
}

/// The check of rule C005: the splits in one pass (each spelling weighed once), the
/// document's counts of the split tokens in a second.
pub fn run_together(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let lex = Lexicon::embedded();
    let known = cx.known_words();
    // The split of each spelling (None for words and tokens with no good split), worked
    // out at once on every core (it depends on the spelling alone), read by spelling id.
    let mut seen = tokens::ById::new(
        cx.words(),
        cx.word_ids(),
        cx.word_id_count(),
        worth_checking,
        |s| split_of(lex, known, s),
    );
    let mut found: Vec<(Token<'_>, Split)> = Vec::new();
    for (i, t) in cx.words().enumerate() {
        if !worth_checking(t.text) {
            continue;
        }
        let split = seen.get(i, t.text, |s| split_of(lex, known, s));
        if let Some(split) = split {
            if !skip(text, &t) {
                found.push((t, split));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let counts = super::split::count_in_document(cx, found.iter().map(|(t, _)| t.text.to_string()));
    for (t, split) in found {
        // A token the document repeats is one of its words ("dataset"), unless the pair
        // is among the commonest of the language ("ofthe" on every page of a bad scan).
        let uses = counts.get(t.text).copied().unwrap_or(0);
        if uses >= DOC_WORD && split.pair < SAFE_PAIR {
            continue;
        }
        let misread = misread_of_word(lex, t.text);
        let strong = split.pair >= SAFE_PAIR && split.at >= 2 && t.text.len() >= 5;
        let (safety, confidence) = match (&misread, strong) {
            (None, true) => (Safety::Safe, 0.9),
            (None, false) => (Safety::Suggestion, 0.6),
            (Some(_), _) => (Safety::Suggestion, 0.4),
        };
        let mut reason = format!(
            "'{}' is not a word; '{}' is a common pair (bigram count {:.1e}) and no other split is close",
            t.text, split.words, split.pair as f64
        );
        if let Some(w) = misread {
            reason.push_str(&format!("; but '{w}' is one OCR misreading away"));
        }
        out.push(Edit::new(
            t.range.clone(),
            split.words,
            info.code,
            confidence,
            safety,
            reason,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edits of C005 on `text`: (original, replacement, safety).
    fn splits(text: &str) -> Vec<(String, String, Safety)> {
        super::super::edits_of("C005", text)
    }

    fn safe(text: &str) -> Vec<String> {
        super::super::safe_replacements("C005", text)
    }

    #[test]
    fn common_pairs_are_split() {
        assert_eq!(
            safe("Most ofthe time the cat sat andthe dog slept inthe sun."),
            vec!["of the", "and the", "in the"]
        );
    }

    #[test]
    fn words_names_and_compounds_stay() {
        for text in [
            "The notwithstanding clause and the headteacher spoke.",
            "Mr Andthe and Ofthe Ltd are names.",
            "a well-ofthe compound, ofthe-\nline",
            "code: x_ofthe = 1",
        ] {
            assert!(safe(text).is_empty(), "{text}: {:?}", splits(text));
        }
    }

    #[test]
    fn a_misread_word_is_only_a_suggestion() {
        // "withall" is one dropped letter from "withal".
        let found = splits("and withall he spoke");
        assert!(found.iter().all(|s| s.2 == Safety::Suggestion), "{found:?}");
    }

    #[test]
    fn best_split_needs_a_clear_winner() {
        let lex = Lexicon::embedded();
        let s = best_split(lex, "ofthe").unwrap();
        assert_eq!((s.words.as_str(), s.at), ("of the", 2));
        assert!(best_split(lex, "xqzvw").is_none());
    }

    #[test]
    fn document_words_stay_unless_the_pair_is_very_common() {
        let text = "the dataset, our dataset and a dataset";
        assert!(safe(text).is_empty(), "{:?}", splits(text));
    }
}
