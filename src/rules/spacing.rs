//! Spacing: whitespace that carries no meaning.

use super::scan::is_line_break;
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(FnRule {
            info: RuleInfo {
                code: "S001",
                name: "trailing-space",
                family: Family::Spacing,
                summary: "Remove spaces and tabs at the end of a line",
                example: ("end of line   \nnext", "end of line\nnext"),
                default_on: true,
            },
            check: trailing_space,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "S002",
                name: "space-after-comma",
                family: Family::Spacing,
                summary:
                    "Put back the space after a comma or semicolon between two lower-case words",
                example: ("the empire,had fallen", "the empire, had fallen"),
                default_on: true,
            },
            check: space_after_comma,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "S003",
                name: "stray-period",
                family: Family::Spacing,
                summary: "Remove a full stop after a word that cannot end a sentence (an article, a possessive, a preposition, conjunction, auxiliary or subject pronoun) when a lower-case word follows",
                example: ("he saw a. man in. the road", "he saw a man in the road"),
                default_on: true,
            },
            check: stray_period,
        }),
    ]
}

/// Words that end no sentence before a lower-case word: articles, possessives,
/// prepositions, conjunctions, auxiliaries and subject pronouns. A full stop after one of
/// them is a speck the OCR read.
const NO_SENTENCE_END: &[&str] = &[
    "a", "an", "the", "my", "our", "your", "his", "her", "its", "their", "and", "or", "of", "to",
    "in", "at", "by", "for", "with", "from", "that", "which", "but", "as", "if", "not", "is",
    "was", "were", "are", "be", "had", "have", "he", "she", "we", "they",
];

fn stray_period(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    for i in memchr::memchr_iter(b'.', text.as_bytes()) {
        let Some(word) = word_ending_at(text, i, 1) else {
            continue;
        };
        if !NO_SENTENCE_END.contains(&word) {
            continue;
        }
        // A lower-case word must follow on the same line, after spaces.
        let after = &text[i + 1..];
        let rest = after.trim_start_matches(' ');
        if rest.len() == after.len() || word_starting_at(text, text.len() - rest.len()).is_none() {
            continue;
        }
        // "5 in. long": inches.
        let before = text[..i - word.len()].trim_end_matches(' ');
        if word == "in" && before.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        out.push(Edit::new(
            i..i + 1,
            "",
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{word}' ends no sentence and a lower-case word follows: the full stop is a speck"
            ),
        ));
    }
}

/// The lower-case ASCII word of at least `min` letters that ends at byte `end`
/// (exclusive), if the text before it is a space, a line start or an opening bracket or
/// quote.
fn word_ending_at(text: &str, end: usize, min: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let start = lower_run_start(bytes, end);
    let free = start == 0 || matches!(bytes[start - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'"');
    (free && end - start >= min.max(1)).then(|| &text[start..end])
}

/// The lower-case ASCII word that starts at byte `start`, if it ends at a space, a line
/// end or sentence punctuation.
fn word_starting_at(text: &str, start: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_lowercase() {
        end += 1;
    }
    let free = end == bytes.len()
        || matches!(
            bytes[end],
            b' ' | b'\t' | b'\n' | b'\r' | b'.' | b',' | b';' | b'!' | b'?' | b')' | b'"'
        );
    (free && end - start >= 2).then(|| &text[start..end])
}

/// Where the run of lower-case ASCII letters that ends at byte `end` starts.
fn lower_run_start(bytes: &[u8], end: usize) -> usize {
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_lowercase() {
        start -= 1;
    }
    start
}

/// The lower-case ASCII word of two letters or more that ends at byte `end` right after a
/// comma or semicolon.
fn word_after_comma_ending_at(text: &str, end: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let start = lower_run_start(bytes, end);
    (start > 0 && matches!(bytes[start - 1], b',' | b';') && end - start >= 2)
        .then(|| &text[start..end])
}

fn space_after_comma(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let lex = crate::lexicon::Lexicon::embedded();
    let word = |w: &str| {
        lex.lookup(w)
            .is_some_and(|e| e.is_common() && !e.abbreviation)
    };
    for i in memchr::memchr2_iter(b',', b';', text.as_bytes()) {
        // The left word may follow another comma this rule spaces ("be,the;the"): all of a
        // run is spaced at once, so that cleaning the output again finds nothing.
        let left = word_ending_at(text, i, 2).or_else(|| word_after_comma_ending_at(text, i));
        let (Some(left), Some(right)) = (left, word_starting_at(text, i + 1)) else {
            continue;
        };
        if word(left) && word(right) {
            out.push(Edit::new(
                i + 1..i + 1,
                " ",
                info.code,
                0.95,
                Safety::Safe,
                format!("'{left}' and '{right}' are words: a space follows the punctuation between them"),
            ));
        }
    }
}

fn trailing_space(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let bytes = cx.text.as_bytes();
    let mut flag = |end: usize| {
        let mut start = end;
        while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
            start -= 1;
        }
        if start < end {
            out.push(Edit::new(
                start..end,
                "",
                info.code,
                1.0,
                Safety::Safe,
                "trailing whitespace removed",
            ));
        }
    };
    for i in memchr::memchr3_iter(b'\n', b'\r', b'\x0c', bytes) {
        // The '\n' of a "\r\n" pair has only the '\r' before it.
        if bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r' {
            continue;
        }
        debug_assert!(is_line_break(bytes[i]));
        flag(i);
    }
    flag(bytes.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    #[test]
    fn a_space_after_a_comma_between_words() {
        let r = &rules()[1];
        assert_eq!(
            fix(r.as_ref(), "the empire,had fallen; and,would rise"),
            "the empire, had fallen; and, would rise"
        );
        // A run of words and commas is spaced in one go: a second run finds nothing.
        assert_eq!(fix(r.as_ref(), "be,the;the end"), "be, the; the end");
        // Numbers, code, names and prefixed terms stay.
        for kept in [
            "1,841 and 11,1841",
            "f(x,y)",
            "dc:creator",
            "rdf;type",
            "a,b",
            "London,Paris",
            "x.the,and",
        ] {
            assert_eq!(fix(r.as_ref(), kept), kept);
        }
    }

    #[test]
    fn a_stray_period_after_a_function_word() {
        let r = &rules()[2];
        assert_eq!(
            fix(
                r.as_ref(),
                "he saw a. man in. the road and. then he was. very tired"
            ),
            "he saw a man in the road and then he was very tired"
        );
        // Sentence ends, inches, other words and capitals after stay.
        for kept in [
            "it was in. The end",
            "cut 5 in. long",
            "he ran. then",
            "Vol. a",
            "of.the",
        ] {
            assert_eq!(fix(r.as_ref(), kept), kept);
        }
    }

    #[test]
    fn trims_every_line_ending_style() {
        let r = &rules()[0];
        assert_eq!(fix(r.as_ref(), "a \r\nb\t\rc \x0cd  "), "a\r\nb\rc\x0cd");
        assert_eq!(fix(r.as_ref(), "   "), "");
    }
}
