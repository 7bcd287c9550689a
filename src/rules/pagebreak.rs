//! Page-break joins: a sentence that a page break (or, in text without form feeds, a stray
//! blank line) cut in two is joined again; a paragraph that ends at the page end stays a
//! paragraph.
//!
//! The line structure is kept: the break between the last line of one page and the first
//! of the next becomes a single line break. The form feed is kept wherever nothing
//! continues across it, so later stages and readers still see the pages; it goes only when
//! a word or sentence continues across it.

use super::lines::{ends_sentence, first_letter, lines, Line};
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(FnRule {
            info: RuleInfo {
                code: "P001",
                name: "page-break-join",
                family: Family::Pagebreak,
                summary: "Join a sentence or word that a page break cut in two (the form feed goes)",
                example: (
                    "The first page of the book holds some lines\nof body text, and its last sentence is\ncut in two by the end of the\n\n\x0cpage; a join mends it, and the page\nends with a full stop, as pages do.\nThe end.\n",
                    "The first page of the book holds some lines\nof body text, and its last sentence is\ncut in two by the end of the\npage; a join mends it, and the page\nends with a full stop, as pages do.\nThe end.\n",
                ),
                default_on: true,
            },
            check: page_break_join,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "P002",
                name: "blank-line-in-sentence",
                family: Family::Pagebreak,
                summary: "Remove a blank line between a line that does not end a sentence and one that starts in lower case",
                example: (
                    "Study courses were\n\norganised for all.",
                    "Study courses were\norganised for all.",
                ),
                default_on: true,
            },
            check: blank_line_in_sentence,
        }),
    ]
}

/// How the end of one line and the start of the next fit together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    /// A word split by a hyphen ("organi-" / "sation").
    Word,
    /// Clearly one sentence (no closing punctuation before a lower-case letter, or a comma).
    Sentence,
    /// Probably one sentence (no closing punctuation, but a capital follows).
    Maybe,
    /// A sentence or paragraph ends here, or nothing is known.
    No,
}

/// A letter of a script with case (Latin, Greek, Cyrillic...): lower case is evidence only
/// there.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase()
}

/// The first word of a line is made of cased letters (after opening punctuation).
fn first_word_cased(line: &str) -> bool {
    let w = line
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty()
        && w.chars()
            .all(|c| is_cased(c) || c == '-' || c == '\'' || c == '’')
}

fn fit(prev: &str, next: &str) -> Fit {
    let prev = prev.trim_end();
    let Some(first) = first_letter(next) else {
        return Fit::No;
    };
    let mut rev = prev.chars().rev();
    let last = rev.next();
    let before = rev.next();
    if last == Some('-') && before.is_some_and(char::is_alphabetic) && first.is_alphabetic() {
        return Fit::Word;
    }
    if ends_sentence(prev) {
        return Fit::No;
    }
    let Some(last) = last else {
        return Fit::No;
    };
    let continues = is_cased(last) || matches!(last, ',' | ';');
    if !continues {
        return Fit::No;
    }
    if (first.is_lowercase() && first_word_cased(next)) || matches!(last, ',' | ';') {
        Fit::Sentence
    } else {
        Fit::Maybe
    }
}

/// The line break to put where a join removes more: the first line's own break, or `\n`
/// when that break is the form feed.
fn break_of<'t>(text: &'t str, l: &Line) -> &'t str {
    if l.ends_page || l.next == l.end {
        "\n"
    } else {
        &text[l.end..l.next]
    }
}

fn page_break_join(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !super::furniture::paged(text) {
        return;
    }
    let ls = lines(text);
    let mut last_nonblank: Option<usize> = None;
    let mut crossed_page = false;
    for (i, l) in ls.iter().enumerate() {
        if l.is_blank(text) {
            crossed_page |= l.ends_page;
            continue;
        }
        if let (Some(p), true) = (last_nonblank, crossed_page) {
            let prev = &ls[p];
            let (a, b) = (prev.text(text), l.text(text));
            let (safety, conf, why) = match fit(a, b) {
                Fit::Word => (
                    Safety::Safe,
                    0.95,
                    "a word split by a hyphen continues on the next page",
                ),
                Fit::Sentence => (
                    Safety::Safe,
                    0.9,
                    "the sentence continues on the next page: the page ends without closing punctuation",
                ),
                Fit::Maybe => (
                    Safety::Suggestion,
                    0.5,
                    "the page ends without closing punctuation; the next page starts with a capital",
                ),
                Fit::No => (Safety::Safe, 0.0, ""),
            };
            if conf > 0.0 {
                out.push(Edit::new(
                    prev.end..l.start,
                    break_of(text, prev),
                    info.code,
                    conf,
                    safety,
                    why,
                ));
            }
        }
        let _ = i;
        last_nonblank = Some(i);
        crossed_page = l.ends_page;
    }
}

fn blank_line_in_sentence(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let ls = lines(text);
    let mut i = 0;
    while i < ls.len() {
        let l = &ls[i];
        if l.is_blank(text) || l.ends_page {
            i += 1;
            continue;
        }
        // A run of blank lines after line i, within the page.
        let mut j = i + 1;
        let mut crosses = false;
        while j < ls.len() && ls[j].is_blank(text) {
            crosses |= ls[j].ends_page;
            j += 1;
        }
        if j > i + 1 && j < ls.len() && !crosses {
            let next = &ls[j];
            let why = match fit(l.text(text), next.text(text)) {
                Fit::Word => Some("a word split by a hyphen continues after a blank line"),
                Fit::Sentence
                    if first_letter(next.text(text)).is_some_and(char::is_lowercase) =>
                {
                    Some("a blank line inside a sentence: the line before has no closing punctuation and the next starts in lower case")
                }
                _ if l.text(text).trim_end().ends_with([',', ';'])
                    && !next
                        .text(text)
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) =>
                {
                    Some("a blank line inside a sentence: the line before ends with a comma and the next does not start a sentence")
                }
                _ => None,
            };
            if let Some(why) = why {
                out.push(Edit::new(
                    l.next..next.start,
                    "",
                    info.code,
                    0.9,
                    Safety::Safe,
                    why,
                ));
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    #[test]
    fn joins_across_pages_only_inside_sentences() {
        let r = &rules()[0];
        // Pages of a few lines each: `p` is what comes before the break, `n` after.
        let body = "A line of body text that is long enough for a page\nand more body text\nthat fills it.";
        let page = |p: &str, n: &str| format!("x\n{body}\n{p}\x0c{n}\n{body}");
        let fixed = |p: &str, n: &str| fix(r.as_ref(), &page(p, n));
        assert_eq!(fixed("one\n", "two"), "x\nA line of body text that is long enough for a page\nand more body text\nthat fills it.\none\ntwo\nA line of body text that is long enough for a page\nand more body text\nthat fills it.");
        assert_eq!(
            fixed("organi-\n\n", "\nsation"),
            "x\nA line of body text that is long enough for a page\nand more body text\nthat fills it.\norgani-\nsation\nA line of body text that is long enough for a page\nand more body text\nthat fills it."
        );
        assert_eq!(
            fixed("a list,\n", "Then"),
            "x\nA line of body text that is long enough for a page\nand more body text\nthat fills it.\na list,\nThen\nA line of body text that is long enough for a page\nand more body text\nthat fills it."
        );
        let kept = page("The end.\n", "New page.");
        assert_eq!(fix(r.as_ref(), &kept), kept);
        // A capital after a line without punctuation is only a suggestion.
        let e = crate::rules::run_rule(r.as_ref(), &page("Kim Il\n", "Sung"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].safety, Safety::Suggestion);
        assert_eq!(fixed("a\r\n", "b"), "x\nA line of body text that is long enough for a page\nand more body text\nthat fills it.\na\r\nb\nA line of body text that is long enough for a page\nand more body text\nthat fills it.");
        // Not printed pages: too few lines.
        assert_eq!(fix(r.as_ref(), "one\n\x0ctwo"), "one\n\x0ctwo");
    }

    #[test]
    fn blank_line_inside_sentence() {
        let r = &rules()[1];
        assert_eq!(
            fix(r.as_ref(), "courses were\n\n\norganised"),
            "courses were\norganised"
        );
        let kept = [
            "The end.\n\nnext one",
            "A Heading\n\nThe text",
            "in 1953\n\n(a) list",
            "page\n\x0c\nnext",
            "Dear Sir,\n\nI write",
            "日本\n\nfi日本",
        ];
        assert_eq!(
            fix(r.as_ref(), "say,\n\n‘[:upper:]’, then"),
            "say,\n‘[:upper:]’, then"
        );
        for k in kept {
            assert_eq!(fix(r.as_ref(), k), k);
        }
    }
}
