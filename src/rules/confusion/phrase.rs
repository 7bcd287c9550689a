//! C006 run-on phrase: several words run together by lost spaces ("werenoneofthe",
//! "andinKent", "himselfthat") segmented again.
//!
//! C005 splits a token in two where the bigram list knows the pair; this rule finds the
//! likeliest segmentation of a longer run into common words (a Viterbi search over the
//! token with word frequencies as costs), and applies it only when
//! - the token is letters only and no word at all, and the document does not use it again;
//! - every piece is a common ordinary word (a name only where the token has its capital,
//!   "Milton"), no piece is a lone letter, and a capital letter inside the token starts a
//!   piece;
//! - every two neighbouring pieces are a pair the bigram list knows;
//! - one piece is a function word ("of", "the", "had"): compounds run together ("farmhouses",
//!   "icebound") are often written whole on purpose, phrases with a function word are not;
//! - the best segmentation beats every other one clearly.
//!
//! Capitalised tokens without a capital inside are names and stay; pieces other than
//! function words have four letters or more. It is safe when it wins by a wide margin and
//! the token is not one letter from a word ("lookin", "nobod"); otherwise a suggestion.

use super::split::{count_in_document, count_of, is_plain_word};
use super::tokens::Token;
use crate::edit::{Edit, Safety};
use crate::lexicon::Lexicon;
use crate::rules::{Context, RuleInfo};

/// Shortest token considered (bytes).
const MIN_TOKEN: usize = 5;
/// Longest token considered (bytes): the search is quadratic in the length.
const MAX_TOKEN: usize = 48;
/// Shortest piece that is not a function word (bytes).
const MIN_CONTENT: usize = 4;
/// Longest piece (bytes).
const MAX_PIECE: usize = 20;
/// Approximate number of words behind the lexicon's frequency counts (as in the word rule).
const CORPUS_WORDS: f64 = 4e11;
/// Cost of each lost space, in nats: fewer pieces are likelier.
const SPACE_COST: f64 = 2.0;
/// A piece at least this frequent is a function word (about one word in 1,000).
const FUNCTION_COUNT: f64 = 4e8;
/// The best segmentation must beat the next by this many nats…
const MIN_MARGIN: f64 = 3.0;
/// …and by this many to be applied by default.
const SAFE_MARGIN: f64 = 6.0;
/// A token the document uses this often is one of its words, not a slip.
const DOC_WORD: u32 = 3;

/// A segmentation of a run-on token.
#[derive(Clone, Debug, PartialEq)]
pub struct Segmentation {
    /// The words, with single spaces between.
    pub words: String,
    /// How much likelier it is than the next best segmentation, in nats.
    pub margin: f64,
}

/// The cost of a piece of `token` (`start..end`) as a word, if it can be one.
fn piece_cost(lex: &Lexicon, token: &str, start: usize, end: usize) -> Option<(f64, bool)> {
    let piece = &token[start..end];
    let mut chars = piece.chars();
    let first = chars.next()?;
    // A capital letter is only allowed as the first letter of a piece.
    if chars.any(char::is_uppercase) {
        return None;
    }
    // A lone letter ("a", "I") fits between any two pieces of garble.
    if piece.len() == 1 {
        return None;
    }
    let entry = if first.is_uppercase() {
        // "Kent" as written, or a common word capitalised at the start of the token.
        lex.lookup(piece).filter(is_plain_word).or_else(|| {
            (start == 0)
                .then(|| lex.lookup(&piece.to_lowercase()))
                .flatten()
                .filter(|e| is_plain_word(e) && !e.proper)
        })
    } else {
        lex.lookup(piece).filter(|e| is_plain_word(e) && !e.proper)
    }?;
    let count = count_of(&entry);
    let function = count >= FUNCTION_COUNT;
    // Short rare words ("yam", "sh", "er") are what any string of letters falls into.
    if !function && piece.len() < MIN_CONTENT {
        return None;
    }
    Some(((CORPUS_WORDS / count).ln() + SPACE_COST, function))
}

/// One partial segmentation in the search: its cost, where its last piece starts, which of
/// the two kept there it extends, and whether it has a function word.
#[derive(Clone, Copy)]
struct Path {
    cost: f64,
    from: usize,
    rank: usize,
    function: bool,
}

/// The likeliest segmentation of `token` into two or more words, when it has a function
/// word and beats every other segmentation by `MIN_MARGIN` nats.
pub fn segment(lex: &Lexicon, token: &str) -> Option<Segmentation> {
    let n = token.len();
    // The two cheapest paths ending at each byte offset.
    let mut best: Vec<Vec<Path>> = vec![Vec::new(); n + 1];
    best[0].push(Path {
        cost: 0.0,
        from: 0,
        rank: 0,
        function: false,
    });
    for end in 1..=n {
        if !token.is_char_boundary(end) {
            continue;
        }
        let mut here: Vec<Path> = Vec::new();
        let first = end.saturating_sub(MAX_PIECE);
        for (start, before) in best.iter().enumerate().take(end).skip(first) {
            if before.is_empty() || !token.is_char_boundary(start) {
                continue;
            }
            // The whole token as one piece is no segmentation.
            if start == 0 && end == n {
                continue;
            }
            let Some((cost, function)) = piece_cost(lex, token, start, end) else {
                continue;
            };
            for (rank, p) in before.iter().enumerate() {
                here.push(Path {
                    cost: p.cost + cost,
                    from: start,
                    rank,
                    function: p.function || function,
                });
            }
        }
        here.sort_by(|a, b| a.cost.total_cmp(&b.cost));
        here.truncate(2);
        best[end] = here;
    }
    let top = *best[n].first()?;
    let margin = best[n].get(1).map_or(f64::INFINITY, |p| p.cost - top.cost);
    if !top.function || margin < MIN_MARGIN {
        return None;
    }
    // Walk back from the end.
    let mut pieces: Vec<&str> = Vec::new();
    let (mut end, mut path) = (n, top);
    while end > 0 {
        pieces.push(&token[path.from..end]);
        end = path.from;
        if end > 0 {
            path = *best[end].get(path.rank)?;
        }
    }
    pieces.reverse();
    // Every two neighbouring words must be a pair the bigram list knows: evidence that the
    // pieces are a phrase, not a string of letters that happens to spell short words.
    if pieces.windows(2).any(|w| lex.bigram(w[0], w[1]) == 0) {
        return None;
    }
    Some(Segmentation {
        words: pieces.join(" "),
        margin,
    })
}

/// A token worth examining: ASCII letters, of a plausible length, not all capitals, and
/// not a capitalised word without a capital inside (a name: "Winchelsea", "Takahashi").
fn worth_checking(token: &str) -> bool {
    let inner_capital = token.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    let starts_capital = token.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    (MIN_TOKEN..=MAX_TOKEN).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_alphabetic())
        && token.bytes().any(|b| b.is_ascii_lowercase())
        && (!starts_capital || inner_capital)
}

/// A common word one edit away from `token` (a letter changed, dropped, added or two
/// swapped: "lookin" → "looking", "nobod" → "nobody"): a rival reading to the segmentation.
fn one_edit_from_word(lex: &Lexicon, token: &str) -> Option<String> {
    if let Some(w) = super::runon::misread_of_word(lex, token) {
        return Some(w);
    }
    if crate::lexicon::is_plain(token) {
        plain_one_edit_from_word(lex, token)
    } else {
        any_one_edit_from_word(lex, token)
    }
}

/// The second part of [`one_edit_from_word`]: the first common word one letter inserted,
/// replaced or swapped with the next away, trying each place in turn.
fn any_one_edit_from_word(lex: &Lexicon, token: &str) -> Option<String> {
    let bytes = token.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(token.len() + 1);
    let is_word = |buf: &[u8]| {
        std::str::from_utf8(buf)
            .ok()
            .filter(|w| lex.contains(w))
            .map(str::to_string)
    };
    for i in 0..=bytes.len() {
        for c in b'a'..=b'z' {
            buf.clear();
            buf.extend_from_slice(&bytes[..i]);
            buf.push(c);
            buf.extend_from_slice(&bytes[i..]);
            if let Some(w) = is_word(&buf) {
                return Some(w);
            }
            if i < bytes.len() {
                buf.clear();
                buf.extend_from_slice(bytes);
                buf[i] = c;
                if let Some(w) = is_word(&buf) {
                    return Some(w);
                }
            }
        }
        if i + 1 < bytes.len() {
            buf.clear();
            buf.extend_from_slice(bytes);
            buf.swap(i, i + 1);
            if let Some(w) = is_word(&buf) {
                return Some(w);
            }
        }
    }
    None
}

/// The check of rule C006.
/// The second part of [`one_edit_from_word`] for a plain token (lower-case ASCII letters
/// and digits), in the same order: the insertions and replacements at each place come from
/// two walks of the automaton ([`Lexicon::contains_with_letter_between`]) instead of 52
/// lookups.
fn plain_one_edit_from_word(lex: &Lexicon, token: &str) -> Option<String> {
    let bytes = token.as_bytes();
    for i in 0..=bytes.len() {
        let inserted = lex.contains_with_letter_between(&token[..i], &token[i..]);
        let replaced = (i < bytes.len())
            .then(|| lex.contains_with_letter_between(&token[..i], &token[i + 1..]));
        for (k, letter) in (b'a'..=b'z').enumerate() {
            if inserted[k] {
                return Some(format!(
                    "{}{}{}",
                    &token[..i],
                    char::from(letter),
                    &token[i..]
                ));
            }
            if replaced.is_some_and(|r| r[k]) {
                return Some(format!(
                    "{}{}{}",
                    &token[..i],
                    char::from(letter),
                    &token[i + 1..]
                ));
            }
        }
        if i + 1 < bytes.len() {
            let mut swapped = bytes.to_vec();
            swapped.swap(i, i + 1);
            if let Some(w) = std::str::from_utf8(&swapped)
                .ok()
                .filter(|w| lex.contains(w))
            {
                return Some(w.to_string());
            }
        }
    }
    None
}

pub fn run_on_phrases(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let lex = Lexicon::embedded();
    let known = cx.known_words();
    // Each spelling's segmentation (it depends on the spelling alone), worked out at once
    // on every core and read by spelling id.
    let segmentation = |s: &str| {
        if known.find(s).is_some() {
            None
        } else {
            segment(lex, s)
        }
    };
    let mut seen = super::tokens::ById::new(
        cx.words(),
        cx.word_ids(),
        cx.word_id_count(),
        worth_checking,
        segmentation,
    );
    let mut found: Vec<(Token<'_>, Segmentation)> = Vec::new();
    for (i, t) in cx.words().enumerate() {
        if !worth_checking(t.text) {
            continue;
        }
        let seg = seen.get(i, t.text, segmentation);
        if let Some(seg) = seg {
            if !super::runon::skip(text, &t) {
                found.push((t, seg));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let counts = count_in_document(cx, found.iter().map(|(t, _)| t.text.to_string()));
    for (t, seg) in found {
        if counts.get(&t.text.to_lowercase()).copied().unwrap_or(0) >= DOC_WORD {
            continue;
        }
        let misread = one_edit_from_word(lex, &t.text.to_lowercase());
        let safe = misread.is_none() && seg.margin >= SAFE_MARGIN;
        let mut reason = format!(
            "'{}' is not a word; '{}' are common words, {} likelier than any other reading as words",
            t.text,
            seg.words,
            if seg.margin.is_finite() {
                format!("{:.0}×", seg.margin.exp().min(1e9))
            } else {
                "far".to_string()
            }
        );
        if let Some(w) = misread {
            reason.push_str(&format!("; but '{w}' is one letter away"));
        }
        out.push(Edit::new(
            t.range.clone(),
            seg.words,
            info.code,
            if safe { 0.9 } else { 0.5 },
            if safe {
                Safety::Safe
            } else {
                Safety::Suggestion
            },
            reason,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segmented(token: &str) -> Option<String> {
        segment(Lexicon::embedded(), token).map(|s| s.words)
    }

    #[test]
    fn phrases_with_function_words_are_segmented() {
        assert_eq!(
            segmented("werenoneofthe").as_deref(),
            Some("were none of the")
        );
        assert_eq!(segmented("theyhadgone").as_deref(), Some("they had gone"));
        assert_eq!(segmented("inthemorning").as_deref(), Some("in the morning"));
        assert_eq!(segmented("himselfthat").as_deref(), Some("himself that"));
    }

    #[test]
    fn plain_tokens_find_the_same_word_one_edit_away() {
        let lex = Lexicon::embedded();
        for token in [
            "werenoneofthe",
            "theyhadgone",
            "inthemorning",
            "xqzvwofthe",
            "hous",
            "teh",
            "cafe",
            "naive",
            "abc1",
            "a",
            "",
            "zzzzzz",
            "wiht",
            "recieve",
            "ofthe",
            "andthe",
            "soonafter",
            "ther",
        ] {
            assert_eq!(
                plain_one_edit_from_word(lex, token),
                any_one_edit_from_word(lex, token),
                "{token}"
            );
        }
        for prefix in ["", "ca", "q", "the"] {
            for suffix in ["", "e", "ing", "zz"] {
                let got = lex.contains_with_letter_between(prefix, suffix);
                for (k, letter) in (b'a'..=b'z').enumerate() {
                    let word = format!("{prefix}{}{suffix}", char::from(letter));
                    assert_eq!(got[k], lex.contains(&word), "{word}");
                }
            }
        }
    }

    #[test]
    fn compounds_and_garble_are_not() {
        // No function word: a compound, which texts write whole on purpose.
        assert_eq!(segmented("farmhouses"), None);
        // Letters that are no words, and short words strung together with no known pairs
        // between them.
        assert_eq!(segmented("xqzvwofthe"), None);
        assert_eq!(segmented("humoristics"), None);
    }

    #[test]
    fn document_words_and_hyphenated_tokens_stay() {
        let edits = super::super::edits_of("C006", "a werenoneofthe b");
        assert_eq!(edits.len(), 1, "{edits:?}");
        let repeated = "werenoneofthe, werenoneofthe and werenoneofthe";
        assert!(super::super::edits_of("C006", repeated).is_empty());
        assert!(super::super::edits_of("C006", "well-werenoneofthe").is_empty());
    }
}
