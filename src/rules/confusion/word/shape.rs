//! A token's case shape and the recasing that goes with it: how C001 searches a
//! capitalised or mixed-case token and how it spells a candidate for it.

use super::Scored;

/// How a token is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    Lower,
    Title,
    Upper,
    /// Lower-case first, capitals inside ("wUl", "maBy").
    Mixed,
    /// A capital first and some, not all, inside: a capitalised word with capitals misread
    /// in it ("FIeeing", "AVick", "MoUoy").
    CapitalMixed,
}

pub(super) fn shape(word: &str) -> Shape {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    // Counted as they come: no list of the letters is kept.
    let (mut rest, mut rest_upper) = (0usize, 0usize);
    for c in chars {
        rest += 1;
        rest_upper += usize::from(c.is_uppercase());
    }
    match (first.is_uppercase(), rest_upper) {
        (false, 0) => Shape::Lower,
        (true, 0) => Shape::Title,
        (true, n) if n == rest => Shape::Upper,
        (true, _) => Shape::CapitalMixed,
        (false, _) => Shape::Mixed,
    }
}

fn recase(word: &str, shape: Shape) -> String {
    match shape {
        Shape::Lower | Shape::Mixed => word.to_string(),
        Shape::Upper => word.to_uppercase(),
        Shape::Title | Shape::CapitalMixed => {
            let mut c = word.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

/// A token's capitalisation and the form searched for it: lower case, or for mixed case
/// the token as written, its first capital lowered (the capitals inside are the misread
/// letters the confusion table knows: "FIeeing" is searched as "fIeeing").
pub(super) fn shape_and_base(token: &str) -> (Shape, String) {
    let shape = shape(token);
    let base = match shape {
        Shape::Title | Shape::Upper => token.to_lowercase(),
        Shape::Lower | Shape::Mixed => token.to_string(),
        Shape::CapitalMixed => first_lowered(token),
    };
    (shape, base)
}

/// A candidate spelled for a token of this shape: a name found as written keeps its
/// capitals; other words take the token's.
pub(super) fn case_like(cand: &str, shape: Shape) -> String {
    if cand.starts_with(char::is_uppercase) {
        cand.to_string()
    } else {
        recase(cand, shape)
    }
}

/// The spelling of the winning candidate for `token`: in capitals when the token is in
/// capitals, a name included ("NORTHUMBKRLAND" → "NORTHUMBERLAND"); in lower case inside a
/// sentence when the token's capital was part of the misreading ("Avas" → "was"); else as
/// cased.
pub(super) fn in_sentence_case(best: &Scored, token: &str, inside_sentence: bool) -> String {
    if shape(token) == Shape::Upper {
        best.word.to_uppercase()
    } else if best.capital_misread && inside_sentence {
        first_lowered(&best.word)
    } else {
        best.word.clone()
    }
}

/// `word` with its first letter in lower case.
fn first_lowered(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether `cand`, a word found for `token`, begins with a lower-case letter other than
/// the token's capital lowered: the capital was part of what the OCR misread ("Avas" for
/// "was", "Iiis" for "his"), not a capital of the text.
pub(super) fn capital_misread(token: &str, cand: &str) -> bool {
    let (Some(t), Some(c)) = (token.chars().next(), cand.chars().next()) else {
        return false;
    };
    t.is_uppercase() && c.is_lowercase() && t.to_lowercase().ne(c.to_lowercase())
}

/// Whether a mixed-case token (`base`, its first letter lowered) has capitals inside that
/// stand for misread lower-case letters: one or two capitals among at least two lower-case
/// letters, all ASCII ("wUl", "afTorded"; not "BALFOUIt").
pub(super) fn has_inner_capitals(base: &str, shape: Shape) -> bool {
    let capitals = base.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = base.bytes().filter(u8::is_ascii_lowercase).count();
    matches!(shape, Shape::Mixed | Shape::CapitalMixed)
        && base.bytes().all(|b| b.is_ascii_alphabetic())
        && (1..=2).contains(&capitals)
        && lower >= 2
}
