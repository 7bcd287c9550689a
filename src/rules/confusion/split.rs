//! C004 split-word: a word split in two by a stray space ("con tinued", "distri bution")
//! joined again, when the joined form is a word and the two pieces are not a sensible
//! reading.
//!
//! Evidence, strongest first: a piece that is no word at all ("tinued") and the document
//! writing the joined word elsewhere. Two real words ("be cause", "a part") are never
//! joined: measured on the real corpus, such joins were right about one time in four.

use super::tokens::{self, Token};
use crate::edit::{Edit, Safety};
use crate::lexicon::case::{shape, Shape};
use crate::lexicon::known::KnownWords;
use crate::lexicon::{Entry, Lexicon};
use crate::rules::{Context, RuleInfo};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Shortest joined word, in letters: short joins ("mo at" → "moat") are mostly a misread
/// word beside a real one.
const MIN_JOINED: usize = 5;
/// Rarest SCOWL level of a joined word the document does not use elsewhere.
const MAX_JOINED_LEVEL: u8 = 50;
/// A line longer than this (bytes) is a reflowed paragraph, where a space inside a word is
/// most often a lost line-end hyphen: the join is only suggested there.
const REFLOWED_LINE: usize = 300;
/// Longest token considered (bytes): longer runs are not prose words.
const MAX_PIECE: usize = 30;

/// What a piece is as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    /// No word: absent from the lexicon, only a rare or abbreviation entry, or a single
    /// letter other than "a" and "I".
    Fragment,
    /// A common word of the lexicon.
    Word,
    /// Something to leave alone: a capitalised token the lexicon lacks (a name).
    Name,
}

pub(super) use super::word::count_of;

/// True for a common lexicon entry that is an ordinary word (not only an abbreviation).
pub(super) fn is_plain_word(e: &Entry) -> bool {
    e.is_common() && !e.abbreviation
}

/// Classify one token as a piece of a possible split word.
pub(super) fn kind(lex: &KnownWords, word: &str) -> Kind {
    let single = word.chars().nth(1).is_none();
    if single && !matches!(word, "a" | "A" | "I") {
        return Kind::Fragment;
    }
    let found = lex
        .find(word)
        .filter(|f| is_plain_word(&f.entry))
        .or_else(|| {
            // "IN" is the word "in", not only the abbreviation of Indiana; "Con" the word "con".
            (shape(word) != Shape::Lower)
                .then(|| lex.find(&word.to_lowercase()))
                .flatten()
                .filter(|f| is_plain_word(&f.entry))
        });
    match found {
        Some(_) => Kind::Word,
        _ if word.starts_with(char::is_uppercase) && shape(word) == Shape::Title => Kind::Name,
        _ => Kind::Fragment,
    }
}

/// Whether two tokens may be the halves of one word as far as case goes: "con tinued",
/// "Con tinued", "CON TINUED"; never "New York" or "de Gaulle"-like mixtures.
fn case_fits(a: &str, b: &str) -> bool {
    let upper = |s: &str| s.chars().all(|c| !c.is_lowercase());
    match shape(b) {
        Shape::Lower => matches!(shape(a), Shape::Lower | Shape::Title),
        Shape::Upper | Shape::Title if upper(b) => upper(a) && a.len() + b.len() >= 4,
        _ => false,
    }
}

/// A token made of letters only (an apostrophe allowed in the second piece: "gov
/// ernment's").
fn letters(s: &str, apostrophe: bool) -> bool {
    s.len() <= MAX_PIECE
        && s.chars()
            .all(|c| c.is_alphabetic() || (apostrophe && (c == '\'' || c == '’')))
}

/// The joined form of two pieces, if one: its replacement text, confidence, safety and
/// reason.
pub struct Join {
    /// The joined word, spelled as the pieces were.
    pub word: String,
    /// Confidence from the evidence.
    pub confidence: f32,
    /// Safe, unless the line is a reflowed paragraph (see [`split_words`]).
    pub safety: Safety,
    /// The evidence, in words.
    pub reason: String,
}

/// Weigh joining `a` and `b` (written "a b"): `ka`, `kb` their kinds, at least one a
/// fragment (two real words are never joined); `doc` counts a spelling in the document
/// (any case); `cause` names what split them, for the reason ("a stray space").
pub(super) fn weigh(
    lex: &Lexicon,
    a: &str,
    b: &str,
    ka: Kind,
    kb: Kind,
    doc: &dyn Fn(&str) -> u32,
    cause: &str,
) -> Option<Join> {
    if ka == Kind::Name || kb == Kind::Name || !case_fits(a, b) {
        return None;
    }
    if ka != Kind::Fragment && kb != Kind::Fragment {
        return None;
    }
    // A single letter beside a word is more often a misread word ("f it" for "of it") or
    // a spaced initial ("L AWRENCE") than half of a split word; so is a two-letter
    // fragment beside a word ("bo as" for "be as", "we nd" for "we find").
    let len = |s: &str| s.chars().count();
    let fragment_min = if ka == Kind::Fragment && kb == Kind::Fragment {
        2
    } else {
        3
    };
    let too_short = |s: &str, k: Kind| len(s) < 2 || (k == Kind::Fragment && len(s) < fragment_min);
    if too_short(a, ka) || too_short(b, kb) || len(a) + len(b) < MIN_JOINED {
        return None;
    }
    if lost_ligature(lex, b, kb) {
        return None;
    }
    let word = format!("{a}{b}");
    // The joined word as written: not through added or dropped diacritics ("hère in").
    let found = lex.find(&word).filter(|f| !f.accents);
    let entry = found.as_ref().map(|f| f.entry);
    let lexicon_word = entry.as_ref().is_some_and(is_plain_word);
    let in_doc = doc(&word);
    if !lexicon_word && in_doc < 2 {
        return None;
    }
    // A rare joined word ("boused", "loran") is a poor reason to join.
    if entry.is_some_and(|e| e.level > MAX_JOINED_LEVEL) && in_doc == 0 {
        return None;
    }
    let elsewhere = if in_doc > 0 {
        format!("; the document writes '{word}' {in_doc} time(s)")
    } else {
        String::new()
    };
    let fragments: Vec<&str> = [(a, ka), (b, kb)]
        .iter()
        .filter(|(_, k)| *k == Kind::Fragment)
        .map(|(s, _)| *s)
        .collect();
    let what = if lexicon_word {
        format!("'{word}' is a word")
    } else {
        format!("the document writes '{word}' {in_doc} times")
    };
    let pieces = match fragments.as_slice() {
        [one] => format!("'{one}' is not a word"),
        _ => format!("neither '{a}' nor '{b}' is a word"),
    };
    let confidence = if in_doc > 0 { 0.97 } else { 0.9 };
    Some(Join {
        confidence,
        safety: Safety::Safe,
        reason: format!(
            "{cause} split '{word}': {pieces}, {what}{}",
            if lexicon_word {
                elsewhere
            } else {
                String::new()
            }
        ),
        word,
    })
}

/// A second piece (a fragment, or a word of up to three letters) that is a word once a
/// lost ligature is put back ("be lled" → "be filled", "the re" → "the fire"): the OCR
/// dropped letters; the space is not the fault.
fn lost_ligature(lex: &Lexicon, piece: &str, k: Kind) -> bool {
    (k == Kind::Fragment || piece.len() <= 3)
        && piece.starts_with(|c: char| c.is_lowercase())
        && ["fi", "fl", "ff", "ffi", "ffl"].iter().any(|lig| {
            let mut w = String::with_capacity(piece.len() + 3);
            w.push_str(lig);
            w.push_str(piece);
            lex.find(&w).is_some_and(|f| is_plain_word(&f.entry))
        })
}

/// Whether the text around `at` is one line longer than [`REFLOWED_LINE`] bytes.
fn in_reflowed_line(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let lo = at.saturating_sub(REFLOWED_LINE);
    let hi = (at + REFLOWED_LINE).min(bytes.len());
    let start = memchr::memrchr(b'\n', &bytes[lo..at]).map_or(lo, |i| lo + i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..hi]).map_or(hi, |i| at + i);
    end - start > REFLOWED_LINE
}

/// Whether the text between two tokens is exactly one space.
fn one_space(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    &text[a.range.end..b.range.start] == " "
}

/// Whether the text between two tokens is exactly one line break: `a` ends a line and `b`
/// begins the next (a page break is not one: the page-break rules join across those).
fn line_break(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    matches!(&text[a.range.end..b.range.start], "\n" | "\r\n")
}

/// The edit joining `a`, at a line end, to `b`, at the start of the next line, keeping the
/// line structure as a line-end hyphen join does: the rest of the word (with punctuation
/// glued to it) moves up, and the space after it becomes the line break.
fn join_across_line(text: &str, a: &Token<'_>, b: &Token<'_>) -> (Range<usize>, String) {
    let rest = &text[b.range.end..];
    let glued = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let end = b.range.end + glued;
    let moved = &text[b.range.start..end];
    if text[end..].starts_with(' ') {
        let newline = &text[a.range.end..b.range.start];
        (a.range.end..end + 1, format!("{moved}{newline}"))
    } else {
        (a.range.end..end, moved.to_string())
    }
}

/// A pair that passed the cheap checks, waiting for the document's counts.
struct Candidate<'t> {
    a: Token<'t>,
    b: Token<'t>,
    ka: Kind,
    kb: Kind,
}

/// The check of rule C004: candidates in one pass over the tokens, the document's counts
/// of their joined forms in a second, the decisions in a third.
pub fn split_words<'t>(info: &RuleInfo, cx: &Context<'t>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let lex = Lexicon::embedded();
    let known = cx.known_words();
    // Every spelling's kind at once, on every core (a kind depends on the spelling alone),
    // read per occurrence by spelling id.
    let mut kinds = tokens::ById::new(
        cx.words(),
        cx.word_ids(),
        cx.word_id_count(),
        |s| letters(s, true),
        |s| kind(known, s),
    );
    let mut candidates: Vec<Candidate<'t>> = Vec::new();
    // Sliding window: prev, a, b, next, each token with its kind when it is made of
    // letters (classified once, as it enters).
    let mut win: [Option<Slot<'t>>; 4] = [None, None, None, None];
    let mut step = |win: &[Option<Slot<'t>>; 4]| {
        if let Some(c) = check_pair(text, win) {
            candidates.push(c);
        }
    };
    for (i, t) in cx.words().enumerate() {
        win.rotate_left(1);
        let kind = letters(t.text, true).then(|| kinds.get(i, t.text, |s| kind(known, s)));
        win[3] = Some((t, kind));
        step(&win);
    }
    for _ in 0..2 {
        win.rotate_left(1);
        win[3] = None;
        step(&win);
    }
    if candidates.is_empty() {
        return;
    }
    let counts = count_in_document(
        cx,
        candidates
            .iter()
            .map(|c| format!("{}{}", c.a.text, c.b.text)),
    );
    let doc = |w: &str| counts.get(&w.to_lowercase()).copied().unwrap_or(0);
    let mut joined_until = 0usize;
    for c in candidates {
        if c.a.range.start < joined_until {
            continue;
        }
        let across_line = line_break(text, &c.a, &c.b);
        let cause = if across_line {
            "a line break without its hyphen"
        } else {
            "a stray space"
        };
        let Some(mut j) = weigh(lex, c.a.text, c.b.text, c.ka, c.kb, &doc, cause) else {
            continue;
        };
        let (range, replacement) = if across_line {
            join_across_line(text, &c.a, &c.b)
        } else {
            if j.safety == Safety::Safe && in_reflowed_line(text, c.a.range.start) {
                j.safety = Safety::Suggestion;
                j.confidence = j.confidence.min(0.6);
                j.reason.push_str(
                    "; but in a reflowed paragraph the space is most likely a lost line-end hyphen",
                );
            }
            (c.a.range.start..c.b.range.end, j.word)
        };
        joined_until = c.b.range.end;
        out.push(Edit::new(
            range,
            replacement,
            info.code,
            j.confidence,
            j.safety,
            j.reason,
        ));
    }
}

/// [`count_words`] for tokens whose spelling ids are `ids` (of `id_count` in all, see
/// [`crate::rules::Context::word_ids`]): the tokens are counted per id in an array, and
/// each spelling is then lower-cased and looked up once instead of at every occurrence.
/// The same counts; without ids (or with too few) the tokens are counted as there.
pub(super) fn count_words_by_id<'t>(
    tokens: impl Iterator<Item = Token<'t>> + Clone,
    ids: &[u32],
    id_count: usize,
    words: impl IntoIterator<Item = String>,
) -> HashMap<String, u32> {
    if ids.is_empty() {
        return count_words(tokens, words);
    }
    let mut per_id = vec![0u32; id_count];
    // Each spelling at its first occurrence.
    let mut first: Vec<(u32, &'t str)> = Vec::new();
    for (t, &id) in tokens.clone().zip(ids) {
        let Some(n) = per_id.get_mut(id as usize) else {
            return count_words(tokens, words);
        };
        if *n == 0 {
            first.push((id, t.text));
        }
        *n += 1;
    }
    let mut counts = count_words(std::iter::empty(), words);
    // As `count_words` does: a token longer than every word is not looked at.
    let longest = counts.keys().map(String::len).max().unwrap_or(0);
    let mut lower = String::new();
    for (id, text) in first {
        if text.len() > longest {
            continue;
        }
        if let Some(n) = counts.get_mut(lower_case_in(&mut lower, text)) {
            *n += per_id[id as usize];
        }
    }
    counts
}

/// How often each of `words` occurs among `tokens`, case-insensitively: one pass,
/// allocating only for the words asked about (and a buffer for capitalised tokens).
pub(super) fn count_words<'t>(
    tokens: impl Iterator<Item = Token<'t>>,
    words: impl IntoIterator<Item = String>,
) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> =
        words.into_iter().map(|w| (w.to_lowercase(), 0)).collect();
    let longest = counts.keys().map(String::len).max().unwrap_or(0);
    let mut lower = String::new();
    for t in tokens {
        if t.text.len() > longest {
            continue;
        }
        if let Some(n) = counts.get_mut(lower_case_in(&mut lower, t.text)) {
            *n += 1;
        }
    }
    counts
}

/// `text` lower-cased, letter by letter: `text` itself when it has no capital, else
/// written into `buf` (one buffer for many tokens instead of an allocation each).
fn lower_case_in<'b>(buf: &'b mut String, text: &'b str) -> &'b str {
    if text.bytes().any(|b| b.is_ascii_uppercase()) || !text.is_ascii() {
        buf.clear();
        buf.extend(text.chars().flat_map(char::to_lowercase));
        buf.as_str()
    } else {
        text
    }
}

/// The counts of [`count_words`] in the words of `cx`, by spelling id when it has them
/// ([`count_words_by_id`]).
pub(super) fn count_in_document(
    cx: &Context<'_>,
    words: impl IntoIterator<Item = String>,
) -> HashMap<String, u32> {
    count_words_by_id(cx.words(), cx.word_ids(), cx.word_id_count(), words)
}

/// A token and, when it is made of letters, its kind.
type Slot<'t> = (Token<'t>, Option<Kind>);

/// The middle pair of `win` (prev, a, b, next) when it may be one word split in two:
/// the cheap checks of shape, spacing and the lexicon; the document's counts come later.
fn check_pair<'t>(text: &'t str, win: &[Option<Slot<'t>>; 4]) -> Option<Candidate<'t>> {
    let (Some((a, Some(ka))), Some((b, Some(kb)))) = (&win[1], &win[2]) else {
        return None;
    };
    let (ka, kb) = (*ka, *kb);
    // Two real words are never joined (checked first: it settles most pairs at no cost).
    if ka != Kind::Fragment && kb != Kind::Fragment {
        return None;
    }
    if !(one_space(text, a, b) || line_break(text, a, b))
        || a.text.contains(['\'', '’'])
        || !b.text.starts_with(char::is_alphabetic)
        || skip(text, a, b)
    {
        return None;
    }
    // A fragment beside the pair continues the split ("con tin ued"): leave the chain.
    let continues = |slot: &Option<Slot<'t>>, first: bool| {
        slot.as_ref().is_some_and(|(t, k)| {
            let spaced = if first {
                one_space(text, t, a)
            } else {
                one_space(text, b, t)
            };
            spaced && *k == Some(Kind::Fragment)
        })
    };
    if continues(&win[0], true) || continues(&win[3], false) {
        return None;
    }
    Some(Candidate {
        a: a.clone(),
        b: b.clone(),
        ka,
        kb,
    })
}

/// Tokens that belong to something else: a line-end hyphenation, a hyphenated compound
/// ("self- con tained"), code or a formula.
fn skip(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let before = text[..a.range.start].chars().next_back();
    let after = text[b.range.end..].chars().next();
    let joiner =
        |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '\u{ad}' | '\u{2010}' | '\u{2011}'));
    joiner(before)
        || joiner(after)
        || super::at_line_end_hyphen(text, &a.range)
        || super::at_line_end_hyphen(text, &b.range)
        || super::is_code_like(text, a)
        || super::is_code_like(text, b)
}

#[cfg(test)]
mod tests {
    use crate::edit::Safety;

    /// The edits of C004 on `text`: (original, replacement, safety).
    fn joins(text: &str) -> Vec<(String, String, Safety)> {
        super::super::edits_of("C004", text)
    }

    fn safe(text: &str) -> Vec<String> {
        super::super::safe_replacements("C004", text)
    }

    #[test]
    fn a_line_break_that_lost_its_hyphen_is_joined_keeping_the_lines() {
        let text = "the most comprehen\nsive history, by Mar\ngaret, was to\ngether\nwith notes";
        let got = joins(text);
        assert_eq!(
            got,
            vec![
                ("\nsive ".to_string(), "sive\n".to_string(), Safety::Safe),
                (
                    "\ngaret, ".to_string(),
                    "garet,\n".to_string(),
                    Safety::Safe
                ),
                ("\ngether".to_string(), "gether".to_string(), Safety::Safe),
            ]
        );
        // Two words, a page break, a blank line: no join.
        for kept in [
            "he came to\nday after day",
            "comprehen\x0csive",
            "comprehen\n\nsive",
        ] {
            assert_eq!(joins(kept), vec![], "{kept:?}");
        }
    }

    #[test]
    fn fragments_are_joined() {
        assert_eq!(
            safe("The rain con tinued all night, and the distri bution of bread stopped."),
            vec!["continued", "distribution"]
        );
        assert_eq!(safe("Con tinued on page four."), vec!["Continued"]);
        assert_eq!(safe("THE GOVERNMENT CON TINUED"), vec!["CONTINUED"]);
    }

    #[test]
    fn two_real_words_are_never_joined() {
        // Not even as a suggestion; names ("New York") neither.
        for text in [
            "They lived a part of the year in town.",
            "He walked in to the room and on to the stage.",
            "Some times are harder than others.",
            "Any one of them would do, be cause or not.",
            "It was New York in the summer.",
        ] {
            assert!(joins(text).is_empty(), "{text}: {:?}", joins(text));
        }
    }

    #[test]
    fn misread_short_words_and_initials_stay() {
        for text in [
            "and we nd the way home",
            "it was to ll the cup",
            "L AWRENCE and S ECOND",
            "f it was so, bo as he said",
            "a con tin ued story",
        ] {
            assert!(safe(text).is_empty(), "{text}: {:?}", joins(text));
        }
    }

    #[test]
    fn hyphens_and_code_are_kept() {
        // (A line break without a hyphen is joined keeping the lines: see
        // a_line_break_that_lost_its_hyphen_is_joined_keeping_the_lines.)
        for text in ["it con-\ntinued and con- tinued", "x = con tinued(y)"] {
            assert!(safe(text).is_empty(), "{text}: {:?}", joins(text));
        }
    }

    #[test]
    fn reflowed_paragraphs_only_suggest() {
        let mut text = "word ".repeat(80);
        text.push_str("the rain con tinued ");
        text.push_str(&"word ".repeat(80));
        let found = joins(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2, Safety::Suggestion);
    }

    #[test]
    fn counts_by_id_are_the_counts() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!(
                "Continued con{} CONTINUED tinued Ünïcode ünïcode x{} ",
                i % 7,
                i % 11
            ));
        }
        let table = crate::rules::confusion::tokens::Table::new(&text);
        let words = || {
            ["continued", "Con3", "ÜNÏCODE", "x5", "absent", "tinued"]
                .map(String::from)
                .into_iter()
        };
        let by_id =
            super::count_words_by_id(table.iter(&text), table.ids(), table.id_count(), words());
        let plain = super::count_words(table.iter(&text), words());
        assert_eq!(by_id, plain);
        assert_eq!(by_id.get("continued"), Some(&600));
    }

    #[test]
    fn counts_are_case_insensitive() {
        let c = super::count_words(
            crate::rules::confusion::tokens::iter("Continued, continued and CONTINUED con"),
            ["continued".into()],
        );
        assert_eq!(c.get("continued"), Some(&3));
    }
}
