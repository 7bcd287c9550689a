//! C012 u-for-ll: the OCR read "ll" as a capital "U" inside a word ("foUy" → "folly",
//! "tiU" → "till", "wistfuUy" → "wistfully"), and the capitalised "All" as "AU" ("AU this
//! was done").
//!
//! A capital U after a lower-case letter is no spelling of English; the word with "ll" in
//! its place must be a common lexicon word. "AU" is also the symbol of gold and an
//! abbreviation, so it is read as "All" only before a lower-case word in a document that
//! shows the misreading inside words too: once where it opens a sentence or clause, three
//! times elsewhere ("we see AU the good", where a line of verse or a lost full stop hides
//! the opening).

use super::tokens::Token;
use crate::edit::{Edit, Safety};
use crate::rules::{Context, RuleInfo};

/// Misread "ll" inside words a document needs before an "AU" that opens no sentence or
/// clause ("we see AU the good", a line of verse, a lost full stop) counts as "All".
const MID_SENTENCE_HABIT: usize = 3;

/// The token with each capital U that follows a lower-case letter read as "ll", when that
/// is the only kind of capital inside it; `None` when it has no such U.
fn with_ll(token: &str) -> Option<String> {
    // Most tokens have no U at all: no copy for them.
    if !token.contains('U') {
        return None;
    }
    let mut out = String::with_capacity(token.len() + 2);
    let mut prev_lower = false;
    let mut found = false;
    for (i, c) in token.chars().enumerate() {
        if c == 'U' && prev_lower {
            out.push_str("ll");
            found = true;
            // "fuUy": the letter after the U continues the word in lower case.
            prev_lower = true;
            continue;
        }
        if i > 0 && c.is_uppercase() {
            return None;
        }
        if !c.is_alphabetic() && c != '\'' && c != '’' {
            return None;
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    found.then_some(out)
}

/// The check of rule C012.
pub fn inner_u(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !text.contains('U') {
        return;
    }
    let known = cx.known_words();
    let mut edits: Vec<Edit> = Vec::new();
    // "AU" before a lower-case word, and whether it opens a sentence or clause there.
    let mut all_sites: Vec<(Token<'_>, bool)> = Vec::new();
    // Both readings need a U in the token ("AU", or a U inside a word for `with_ll`).
    for (prev, t, next) in cx.words().windows_where(|w| w.contains('U')) {
        if t.text == "AU" {
            let lower_next = next.as_ref().is_some_and(|n| {
                n.text.starts_with(char::is_lowercase)
                    && text[t.range.end..n.range.start].chars().all(|c| c == ' ')
            });
            // Opening a sentence or a clause.
            let opens = super::tokens::after_mark(
                text,
                prev.as_ref(),
                t.range.start,
                &['.', '!', '?', ',', ';', ':'],
            );
            if lower_next {
                all_sites.push((t, opens));
            }
            continue;
        }
        let Some(fixed) = with_ll(t.text) else {
            continue;
        };
        if known.find(t.text).is_some()
            || !known
                .find(&fixed)
                .is_some_and(|f| f.entry.is_common() && !f.accents)
        {
            continue;
        }
        edits.push(Edit::new(
            t.range.clone(),
            fixed.clone(),
            info.code,
            0.95,
            Safety::Safe,
            format!(
                "'{}' read as '{fixed}': a capital U inside a lower-case word is the OCR's 'll'",
                t.text
            ),
        ));
    }
    let inside = edits.len();
    for (t, opens) in all_sites {
        let shown = if opens {
            inside > 0
        } else {
            inside >= MID_SENTENCE_HABIT
        };
        if !shown {
            continue;
        }
        let place = if opens {
            "opening a sentence"
        } else {
            "inside a sentence"
        };
        edits.push(Edit::new(
            t.range.clone(),
            "All".to_string(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'AU' {place} before a lower-case word read as 'All': this document's OCR reads 'll' as 'U' {inside} times inside words"
            ),
        ));
    }
    edits.sort_by_key(|e| e.range.start);
    out.extend(edits);
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C012", text)
    }

    #[test]
    fn a_capital_u_inside_a_word_is_ll() {
        assert_eq!(
            fixes("It was foUy to wait tiU dawn. AU this was done wistfuUy."),
            vec!["folly", "till", "All", "wistfully"]
        );
    }

    #[test]
    fn other_capitals_and_gold_stay() {
        // No misreading inside words: "AU" may be gold.
        assert!(fixes("The symbol is AU for gold. AU prices rose.").is_empty());
        // Inside a sentence, one misreading is not enough; three are.
        assert_eq!(
            fixes("It was foUy to see AU the good."),
            vec!["folly".to_string()]
        );
        assert_eq!(
            fixes("It was foUy to wait tiU the wistfuUy sung hymn; we see AU the good."),
            vec!["folly", "till", "wistfully", "All"]
        );
        // Names and acronyms with other capitals, and no word with "ll".
        assert!(fixes("McUrdy met the BBC and iPhone users in SaUx.").is_empty());
    }
}
