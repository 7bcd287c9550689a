//! OCR confusions: misread words fixed with evidence from the embedded lexicon, the OCR
//! confusion model and the document's own vocabulary.

pub mod model;
pub mod pronoun;
pub mod roman;
pub mod tokens;
pub mod vocab;
pub mod word;

use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::Edit;

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
    Box::new(FnRule {
        info: RuleInfo {
            code: "C001",
            name: "misread-word",
            family: Family::Confusion,
            summary: "Fix a word the OCR misread, when the lexicon, the document and the OCR confusion model agree",
            example: ("tbe cat sat on whioh mat", "the cat sat on which mat"),
            default_on: true,
        },
        check: misread_words,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C002",
            name: "pronoun-i",
            family: Family::Confusion,
            summary: "Read a lone '1' or 'l' as the pronoun 'I' when the next word usually follows 'I'",
            example: ("and 1 have seen it", "and I have seen it"),
            default_on: true,
        },
        check: pronoun_i,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C003",
            name: "il-not-roman",
            family: Family::Confusion,
            summary: "Read 'II' as the name 'Il' and 'III' as 'Ill' when a known name, the document or the next word says so; Roman numerals stay",
            example: ("Kim II Sung and World War II", "Kim Il Sung and World War II"),
            default_on: true,
        },
        check: il_not_roman,
    })]
}

fn il_not_roman(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let toks = tokens::tokens(cx.text);
    let lex = crate::lexicon::Lexicon::embedded();
    for (i, t) in toks.iter().enumerate() {
        if let Some((fixed, why)) = roman::fix(cx.text, &toks, i, lex) {
            out.push(Edit::new(
                t.range.clone(),
                fixed,
                info.code,
                0.95,
                crate::Safety::Safe,
                why,
            ));
        }
    }
}

fn pronoun_i(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let toks = tokens::tokens(cx.text);
    let lex = crate::lexicon::Lexicon::embedded();
    for (i, t) in toks.iter().enumerate() {
        if let Some((fixed, why)) = pronoun::as_pronoun(cx.text, t, toks.get(i + 1), lex) {
            out.push(Edit::new(
                t.range.clone(),
                fixed,
                info.code,
                0.95,
                crate::Safety::Safe,
                why,
            ));
        }
    }
}

/// True when the token sits at a line-end hyphen ("organi-\n", "-\nsation"): its other
/// half is on the next or previous line, and the hyphenation rules own it.
fn at_line_end_hyphen(text: &str, range: &std::ops::Range<usize>) -> bool {
    let after = &text[range.end..];
    let before = &text[..range.start];
    let hyphen_break = |s: &str| {
        let s = s.trim_start_matches([' ', '\t']);
        s.starts_with('\n') || s.starts_with('\r') || s.starts_with('\x0c')
    };
    (after.starts_with(['-', '\u{ad}']) && hyphen_break(&after[1..]))
        || before
            .trim_end_matches([' ', '\t', '\n', '\r', '\x0c'])
            .ends_with('-')
            && before.ends_with(['\n', '\r', '\x0c', ' ', '\t'])
            && before
                .trim_end_matches([' ', '\t'])
                .ends_with(['\n', '\r', '\x0c'])
}

/// Whether the text between two tokens keeps them in one phrase (for bigram context).
fn same_phrase(between: &str) -> bool {
    between.len() <= 4
        && !between.contains(['.', '!', '?', ';', ':', '(', ')', '"', '“', '”'])
        && between.matches('\n').count() <= 1
}

/// A token glued to brackets, slashes, operators or digits is code, a formula or a
/// reference ("S(np(dog))", "x_1", "a/b"), not prose.
fn is_code_like(text: &str, t: &tokens::Token<'_>) -> bool {
    let code = |c: char| "()[]{}<>_/\\=@#$%^&*+|~".contains(c) || c.is_ascii_digit();
    text[..t.range.start].chars().next_back().is_some_and(code)
        || text[t.range.end..].chars().next().is_some_and(code)
}

/// A short token followed by a full stop ("cf.", "Jo.", "vol.") is probably an
/// abbreviation the lexicon does not list.
fn is_abbreviation(text: &str, t: &tokens::Token<'_>) -> bool {
    t.text.chars().count() <= 3 && text[t.range.end..].starts_with('.')
}

fn misread_words(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let toks = tokens::tokens(cx.text);
    let vocab = vocab::Vocabulary::new(&toks);
    let mut corrector = word::Corrector::new(&vocab);
    for (i, t) in toks.iter().enumerate() {
        if at_line_end_hyphen(cx.text, &t.range)
            || is_abbreviation(cx.text, t)
            || is_code_like(cx.text, t)
        {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .map(|p| &toks[p])
            .filter(|p| same_phrase(&cx.text[p.range.end..t.range.start]))
            .map(|p| p.text);
        let next = toks
            .get(i + 1)
            .filter(|n| same_phrase(&cx.text[t.range.end..n.range.start]))
            .map(|n| n.text);
        if let Some(c) = corrector.correct(t, prev, next) {
            out.push(Edit::new(
                t.range.clone(),
                c.word,
                info.code,
                c.confidence,
                c.safety,
                c.reason,
            ));
        }
    }
}
