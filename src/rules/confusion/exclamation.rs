//! C011 exclamation-misread: an exclamation or question mark the OCR read as a lone "1"
//! or "l" after the last word of a sentence ("lie there after all 1 The world is" →
//! "lie there after all! The world is"; "Do you think her pretty 1" → "… pretty?").
//!
//! A "1" after a word is a number only where a word before it takes a number ("page 1",
//! "Chapter 1") or a unit or noun follows ("1 inch", "1 man"). Here the mark must end a
//! sentence: what follows is a closing quote, the end of the line, or a capitalised word.
//! The mark is a question mark when the sentence opens with a question word or an
//! auxiliary verb ("Do you think …", "Where is …"), else an exclamation mark. The document
//! must show the misreading twice or more; a "1" after a word that "I" often follows ("so
//! 1 had") or before one that often follows "I" ("who 1 Was") is left to the pronoun rule,
//! and a word the document numbers on ("Example 2") is a label.

use crate::edit::{Edit, Safety};
use crate::rules::{Context, RuleInfo};
use regex::Regex;
use std::sync::OnceLock;

/// Words after which "1" is a number: a reference ("page 1", "Chapter 1", "No. 1"), a
/// count or a measure.
const NUMBERED: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "chapter",
    "chap",
    "ch",
    "no",
    "nos",
    "number",
    "vol",
    "volume",
    "part",
    "book",
    "act",
    "scene",
    "fig",
    "figure",
    "table",
    "plate",
    "psalm",
    "psalms",
    "verse",
    "line",
    "lines",
    "section",
    "sect",
    "art",
    "article",
    "canto",
    "class",
    "form",
    "grade",
    "edition",
    "ed",
    "appendix",
    "note",
    "notes",
    "item",
    "step",
    "stage",
    "level",
    "phase",
    "round",
    "game",
    "room",
    "platform",
    "gate",
    "lot",
    "box",
    "series",
    "issue",
    "col",
    "column",
    "letter",
    "letters",
    "sheet",
    "folio",
    "vols",
    "parts",
    "chapters",
    "acts",
    "figs",
    "tables",
    "numbers",
    "mark",
    "division",
    "ward",
    "district",
    "station",
    "route",
    "track",
    "row",
    "seat",
    "bay",
    "berth",
    "pier",
    "dock",
    "block",
    "sec",
    "rule",
    "clause",
    "schedule",
    "exhibit",
    "annex",
    "question",
    "questions",
    "problem",
    "exercise",
    "lesson",
    "unit",
    "week",
    "day",
    "year",
    "age",
    "aged",
    "over",
    "under",
    "about",
    "than",
    "of",
    "to",
    "and",
    "or",
    "by",
    "from",
    "at",
    "in",
    "on",
    "for",
    "with",
    "the",
    "a",
    "an",
    "till",
    "until",
    "only",
    "just",
    "nearly",
    "almost",
];

/// Words that open a question ("Do you think her pretty 1" is a question).
const QUESTION_OPENERS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "where",
    "when",
    "why",
    "how",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "can",
    "could",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "am",
    "dare",
    "need",
    "wilt",
    "art",
    "hast",
    "hath",
    "dost",
    "doth",
    "didst",
    "canst",
    "shalt",
    "isn't",
    "aren't",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "hasn't",
    "haven't",
];

/// A word, one space, a lone "1" or "l", closing quotes, and what comes after.
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // The pattern is a constant: it compiles.
        Regex::new(r#"(\p{L}[\p{L}'’]*) ([1l])(["'”’]*)(?:[ \t]+(\S)|[ \t]*(\n|$))"#)
            .unwrap_or_else(|_| unreachable!())
    })
}

/// Bytes looked back for a sentence's opening word.
const MAX_SENTENCE_BYTES: usize = 400;

/// Whether the sentence that ends just before byte `end` of `text` opens with a question
/// word or an auxiliary verb.
fn asks(text: &str, end: usize) -> bool {
    // A sentence opening further back than this is not looked for (bounded work per site).
    let mut from = end.saturating_sub(MAX_SENTENCE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..end];
    // After the mark, which may be more than one byte ("“").
    let start = before
        .rfind(['.', '!', '?', '"', '“', '\n'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let first = before[start..]
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    QUESTION_OPENERS.contains(&first.to_lowercase().replace('’', "'").as_str())
}

/// Share of a word's uses followed by "I" (in the bigram list) above which a "1" after it
/// may be the pronoun ("so I", "which I").
const PRONOUN_SHARE: f64 = 0.01;
/// Sites a document needs: one "1" at a sentence end may be a stray figure; the OCR's
/// habit shows twice or more (measured on the real corpora: with one site, the ACL papers'
/// "Example 1" and "scopes 1" lines were taken for marks).
const MIN_SITES: usize = 2;

/// Share of a word's uses after "I" from which a capitalised next word ("1 Was") makes
/// the "1" the pronoun.
const FOLLOWS_I_SHARE: f64 = 0.02;

/// The words `text` follows with a number other than 1 ("Example 2", "Sense 3"): labels
/// of a numbered series. One scan of the text.
fn numbering_words(text: &str) -> rustc_hash::FxHashSet<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // The pattern is a constant: it compiles.
        Regex::new(r"(?:^|[^\p{L}\p{N}])(\p{L}+) [02-9]").unwrap_or_else(|_| unreachable!())
    });
    re.captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect()
}

/// The check of rule C011.
pub fn misread_marks(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !text.contains(" 1") && !text.contains(" l") {
        return;
    }
    let lex = crate::lexicon::Lexicon::embedded();
    let mut sites = Vec::new();
    let mut numbering: Option<rustc_hash::FxHashSet<&str>> = None;
    for caps in pattern().captures_iter(text) {
        let (Some(word), Some(mark)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if NUMBERED.contains(&word.as_str().to_lowercase().as_str()) {
            continue;
        }
        // A digit before the word ("5th 1") or a word of one letter ("a 1") says nothing.
        if word.as_str().chars().count() < 2
            || text[..word.start()]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '(' | '\''))
        {
            continue;
        }
        let quoted = caps.get(3).is_some_and(|q| !q.is_empty());
        // What follows: a closing quote (then anything but a figure: '… pretty 1" said
        // Rose'), a capitalised word or opening quote, or the end of the line.
        let ends = match caps.get(4) {
            Some(next) => {
                let c = next.as_str().chars().next().unwrap_or(' ');
                (quoted && !c.is_ascii_digit()) || c.is_uppercase() || matches!(c, '"' | '“' | '‘')
            }
            None => true,
        };
        if !ends {
            continue;
        }
        let w = word.as_str();
        // "so 1 had", "who 1 was": after a word "I" often follows, the "1" is the pronoun
        // (the next word garbled into a capital).
        if lex.share_before(&w.to_lowercase(), "i") >= PRONOUN_SHARE {
            continue;
        }
        // "Example 1", "Sense 1": a label of a numbered series, which the document numbers on.
        if numbering
            .get_or_insert_with(|| numbering_words(text))
            .contains(w)
        {
            continue;
        }
        // "who 1 Was": a next word that usually follows "I" makes the "1" the pronoun.
        if let Some(next) = caps.get(4) {
            let rest = &text[next.start()..];
            let next_word: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if lex.share_after("i", &next_word) >= FOLLOWS_I_SHARE {
                continue;
            }
        }
        sites.push((
            word.end()..mark.end(),
            asks(text, word.start()),
            mark.as_str(),
            w,
        ));
    }
    if sites.len() < MIN_SITES {
        return;
    }
    for (range, question, mark, w) in sites {
        let sign = if question { "?" } else { "!" };
        out.push(Edit::new(
            range,
            sign.to_string(),
            info.code,
            0.8,
            Safety::Safe,
            format!(
                "' {mark}' after '{w}' at a sentence end read as '{sign}': no number follows such a word there",
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C011", text)
    }

    #[test]
    fn a_mark_read_as_one_is_put_back() {
        assert_eq!(
            fixes("Away with you 1 The door is open. \"Do you think her pretty 1\" said Rose."),
            vec!["!", "?"]
        );
        assert_eq!(
            fixes("God bless the Queen l\nAnd all her ships. Long may she reign 1 Amen."),
            vec!["!", "!"]
        );
    }

    #[test]
    fn a_sentence_opening_after_a_curly_quote_is_read() {
        // The opening quote is three bytes: the question's first word starts after it.
        assert_eq!(
            fixes("“Do you see it 1” she said. “Is it here 1” he said."),
            vec!["?", "?"]
        );
    }

    #[test]
    fn numbers_labels_pronouns_and_lone_cases_stay() {
        // One site is no habit.
        assert!(fixes("Let it lie there after all 1 The world is wide.").is_empty());
        assert!(fixes("See page 1 The Beginning, and Chapter 1 Of Time.").is_empty());
        assert!(fixes("He cut it 1 inch shorter and paid 1 shilling.").is_empty());
        assert!(fixes("Part of it was given to 1 Man alone, and to 1 Woman.").is_empty());
        // A numbered series; the pronoun before a capitalised "Was".
        assert!(fixes("Example 1\nIt runs. Example 2\nIt stops.").is_empty());
        assert!(fixes("He asked who 1 Was and which 1 Had seen.").is_empty());
    }
}
