//! C009 capital-i: a lower-case "i" the OCR read as a capital "I" at the start of a short
//! function word inside a sentence ("the men In the street", "which Is right", "Rose Bay
//! Is built").
//!
//! A capital inside a sentence may be right (a title, a line of verse, a sentence whose
//! full stop the OCR lost), so the rule asks the document: it acts only where "In", "Is",
//! "It", "Its", "Into" and "If" stand between two lower-case words more often than the
//! other capitalised function words ("The", "And", "Of", …) do. In verse, headlines and
//! title case all of them are capitalised; where only the words that begin with an "I" are,
//! the capital is the OCR's misreading of the "i".

use super::tokens::Token;
use crate::edit::{Edit, Safety};
use crate::rules::{Context, RuleInfo};

/// The words whose capital the rule questions.
const I_WORDS: &[&str] = &["In", "Is", "It", "Its", "Into", "If"];

/// Capitalised function words that do not begin with an "I": how often the document
/// capitalises words inside a sentence for reasons of its own.
const OTHER_WORDS: &[&str] = &[
    "The", "And", "Of", "To", "A", "For", "With", "But", "That", "On", "At", "By", "As", "From",
    "He", "She", "We", "They", "This", "There", "When", "Which", "Was", "Were", "Be", "Not", "Or",
    "No",
];

/// Sites a document needs before its capitals count as misreadings.
const MIN_SITES: usize = 2;

/// Whether `t` stands inside a sentence: after a word (of any case: "the Bay Is built";
/// a comma between them allowed) and before a word that begins in lower case.
fn inside_sentence(
    text: &str,
    prev: Option<&Token<'_>>,
    t: &Token<'_>,
    next: Option<&Token<'_>>,
) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    let gap_before = &text[p.range.end..t.range.start];
    let gap_after = &text[t.range.end..n.range.start];
    word(p.text)
        && gap_before.trim_start_matches(',').chars().all(|c| c == ' ')
        && !gap_before.trim_start_matches(',').is_empty()
        && gap_after.chars().all(|c| c == ' ')
        && !gap_after.is_empty()
        && n.text.starts_with(char::is_lowercase)
}

/// The check of rule C009.
pub fn capital_i(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let mut sites: Vec<Token<'_>> = Vec::new();
    let mut others = 0usize;
    for (prev, t, next) in super::tokens::windows_of(cx.words()) {
        // Every word of both lists is a capital ASCII letter and at most four more.
        if t.text.len() > 5
            || !t
                .text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_uppercase)
        {
            continue;
        }
        let is_i = I_WORDS.contains(&t.text);
        if !is_i && !OTHER_WORDS.contains(&t.text) {
            continue;
        }
        if !inside_sentence(text, prev.as_ref(), &t, next.as_ref()) {
            continue;
        }
        if is_i {
            sites.push(t);
        } else {
            others += 1;
        }
    }
    if sites.len() < MIN_SITES || others >= sites.len() {
        return;
    }
    let n = sites.len();
    for t in sites {
        let lower = format!("i{}", &t.text[1..]);
        out.push(Edit::new(
            t.range.start..t.range.end,
            lower.clone(),
            info.code,
            0.85,
            Safety::Safe,
            format!(
                "'{}' inside a sentence read as '{lower}': this document capitalises In/Is/It/Its/Into/If between lower-case words {} times and other function words {others} times, so the capital is a misread 'i'",
                t.text, n
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C009", text)
    }

    #[test]
    fn capitals_only_the_ocr_misread_are_lowered() {
        let text = "the men In the street said that It was so, and the rest Is history. \
                    He put it Into a box at Rose Bay In the evening.";
        assert_eq!(fixes(text), vec!["in", "it", "is", "into", "in"]);
    }

    #[test]
    fn capitals_the_document_uses_everywhere_stay() {
        // Verse: every line capitalised, "In" no more than "And" or "The".
        let verse = "the wind was cold And the night was long \
                     the stars went out In the sky \
                     the sea was dark The waves were high \
                     and all was still In the town";
        assert!(fixes(verse).is_empty(), "{:?}", fixes(verse));
        // One capital is not a habit; a sentence start is no site.
        assert!(fixes("the men In the street said so.").is_empty());
        assert!(fixes("It was late. In the end It is so.").is_empty());
    }
}
