//! C007 lost letter: a letter the OCR read as a space ("t e" for "the", "thou h" for
//! "though", "throu h" for "through") put back.
//!
//! Two tokens one space apart on a line, at least one of them no word (a fragment), are
//! joined with one letter between them when exactly one letter makes a common word of them,
//! clearly commoner than any other letter, or no letter, would. Joins that need no letter
//! are C004's;
//! hyphenated, code-like and line-end tokens are left alone.

use super::split::{count_of, is_plain_word};
use super::tokens::{self, Token};
use crate::edit::{Edit, Safety};
use crate::lexicon::Lexicon;
use crate::rules::{Context, RuleInfo};

/// The joined word must be at least this common (its count in the lexicon's corpus).
const MIN_COUNT: f64 = 1e6;
/// From this count, with a clear winner, the join is applied by default.
const SAFE_COUNT: f64 = 2e7;
/// The best letter's word must be this many times commoner than the next letter's.
const RIVAL_FACTOR: f64 = 20.0;
/// A lone letter beside a real word joins only into a word this long ("thou h" → "though").
const MIN_LONE_JOIN: usize = 6;
/// Longest piece considered (bytes).
const MAX_PIECE: usize = 16;

/// Whether a piece is no word: the lexicon lacks it, or it is a lone letter other than
/// "a" and "I".
fn fragment(lex: &crate::lexicon::known::KnownWords, piece: &str) -> bool {
    if piece.len() == 1 {
        return !matches!(piece, "a" | "A" | "I");
    }
    lex.find(piece).is_none()
}

/// The common word `left` + one letter + `right` spell, when one letter clearly wins.
pub fn lost_letter(lex: &Lexicon, left: &str, right: &str) -> Option<String> {
    let left_lower = left.to_lowercase();
    let mut best: Option<(String, f64)> = None;
    // The two pieces joined without a letter are a rival reading ("con tinued" is C004's).
    let mut rival = lex
        .lookup(&format!("{left_lower}{right}"))
        .filter(is_plain_word)
        .map_or(0.0, |e| count_of(&e));
    // Every letter's word at once: one walk of the left piece through the lexicon.
    let entries = lex.lookup_letter_between(&left_lower, right);
    for (letter, entry) in ('a'..='z').zip(entries) {
        let Some(count) = entry
            .filter(|e| is_plain_word(e) && !e.proper)
            .map(|e| count_of(&e))
        else {
            continue;
        };
        match &best {
            Some((_, c)) if *c >= count => rival = rival.max(count),
            _ => {
                if let Some((_, c)) = &best {
                    rival = rival.max(*c);
                }
                best = Some((format!("{left_lower}{letter}{right}"), count));
            }
        }
    }
    let (word, count) = best?;
    (count >= MIN_COUNT && count >= RIVAL_FACTOR * rival).then_some(word)
}

/// A piece worth joining: ASCII letters of a plausible length; only the left one may have
/// a capital, and only as its first letter.
fn plain(piece: &str, left: bool) -> bool {
    let mut bytes = piece.bytes();
    let first_ok = bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || (left && b.is_ascii_uppercase()));
    piece.len() <= MAX_PIECE && first_ok && bytes.all(|b| b.is_ascii_lowercase())
}

/// Whether the text next to a token ties it to something else (a hyphen, an apostrophe, a
/// full stop inside an abbreviation, a digit).
fn tied(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(
            c,
            '-' | '\u{ad}' | '\u{2010}' | '\u{2011}' | '\'' | '’' | '.' | '/' | '_'
        ) || c.is_alphanumeric()
    })
}

/// The check of rule C007.
pub fn lost_letters<'a>(info: &RuleInfo, cx: &Context<'a>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let lex = Lexicon::embedded();
    let known = cx.known_words();
    let mut last_end = 0;
    // Whether each spelling is a fragment (most tokens are words met again and again),
    // worked out at once for the spellings that may be pieces, read by spelling id.
    let mut fragments = tokens::ById::new(
        cx.words(),
        cx.word_ids(),
        cx.word_id_count(),
        |s| plain(s, true),
        |s| fragment(known, s),
    );
    for (i, (_, left, next)) in tokens::windows_of(cx.words()).enumerate() {
        let Some(right) = next else { continue };
        if left.range.start < last_end || &text[left.range.end..right.range.start] != " " {
            continue;
        }
        if !plain(left.text, true) || !plain(right.text, false) {
            continue;
        }
        let left_frag = fragments.get(i, left.text, |s| fragment(known, s));
        let right_frag = fragments.get(i + 1, right.text, |s| fragment(known, s));
        if !left_frag && !right_frag {
            continue;
        }
        let before = text[..left.range.start].chars().next_back();
        let after = text[right.range.end..].chars().next();
        let after_tied = tied(after) && !text[right.range.end..].starts_with(". ");
        if tied(before) || after_tied || excluded(text, &left) || excluded(text, &right) {
            continue;
        }
        let Some(word) = lost_letter(lex, left.text, right.text) else {
            continue;
        };
        // A lone letter beside a real word is as likely a misread word of its own ("to r"
        // for "to a", "m on" for "in on"): only a long enough word earns the join.
        let lone_beside_word = (left_frag != right_frag)
            && (if left_frag { left.text } else { right.text }).len() == 1;
        if lone_beside_word && word.len() < MIN_LONE_JOIN {
            continue;
        }
        let count = lex.lookup(&word).map(|e| count_of(&e)).unwrap_or(0.0);
        let safe = count >= SAFE_COUNT;
        let fixed = if left.text.starts_with(|c: char| c.is_ascii_uppercase()) {
            crate::lexicon::case::title_case(&word)
        } else {
            word.clone()
        };
        let reason = format!(
            "'{} {}' is no word; one letter lost as a space makes the common word '{fixed}', and no other letter comes close",
            left.text, right.text
        );
        last_end = right.range.end;
        out.push(Edit::new(
            left.range.start..right.range.end,
            fixed,
            info.code,
            if safe { 0.85 } else { 0.5 },
            if safe {
                Safety::Safe
            } else {
                Safety::Suggestion
            },
            reason,
        ));
    }
}

/// Tokens other rules own: line-end hyphen halves and code.
fn excluded(text: &str, t: &Token<'_>) -> bool {
    super::at_line_end_hyphen(text, &t.range) || super::is_code_like(text, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_clear_letter_is_put_back() {
        let lex = Lexicon::embedded();
        assert_eq!(lost_letter(lex, "t", "e").as_deref(), Some("the"));
        assert_eq!(lost_letter(lex, "thou", "h").as_deref(), Some("though"));
        assert_eq!(lost_letter(lex, "throu", "h").as_deref(), Some("through"));
        assert_eq!(lost_letter(lex, "xq", "zv"), None);
    }

    #[test]
    fn joins_in_running_text() {
        let got = super::super::safe_replacements("C007", "and t e man went throu h the door");
        assert_eq!(got, vec!["the", "through"]);
    }

    #[test]
    fn words_and_tied_tokens_stay() {
        for text in [
            "a so it was",     // two words
            "the x-t e ray",   // a hyphenated compound
            "call t e.g. now", // an abbreviation
            "value t e2 here", // code
        ] {
            assert!(
                super::super::safe_replacements("C007", text).is_empty(),
                "{text}"
            );
        }
    }
}
