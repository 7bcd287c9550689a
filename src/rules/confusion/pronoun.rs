//! The pronoun "I" read as the digit "1" or the letter "l" ("1 have", "l am", "l'm"):
//! fixed when the next word is one that follows "I" far more often than chance, or one
//! that follows "I" elsewhere in the same document ("1 shall" where "I shall" occurs).

use super::tokens::{self, Token};
use crate::lexicon::Lexicon;
use rustc_hash::FxHashSet;

/// The words that follow the pronoun "I" in a document, lower-cased ("shall" from
/// "I shall"): the document's own evidence that "1 shall" is "I shall".
#[derive(Debug, Default)]
pub struct Followers(FxHashSet<String>);

impl Followers {
    /// Collect the words that follow a standalone "I" (separated by spaces only).
    pub fn of(text: &str) -> Self {
        let mut set = FxHashSet::default();
        for (_, t, next) in tokens::windows(text) {
            if t.text != "I" {
                continue;
            }
            let Some(next) = next else { continue };
            if text[t.range.end..next.range.start]
                .chars()
                .all(|c| c == ' ')
                && next.text.starts_with(char::is_lowercase)
            {
                set.insert(next.text.to_lowercase());
            }
        }
        Followers(set)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(&word.to_lowercase())
    }
}

/// Share of a word's occurrences that follow "I" before the word counts as evidence
/// ("I have" 0.16, "I shall" 0.06, but "I the" 0.0004).
const MIN_SHARE: f64 = 0.02;
/// Bigram scale against word counts (see the word rule).
const BIGRAM_SCALE: f64 = 8.0;

/// The replacement for `token` when it is "1" or "l" standing for "I", with its evidence.
pub fn as_pronoun(
    text: &str,
    token: &Token<'_>,
    next: Option<&Token<'_>>,
    lex: &Lexicon,
    followers: &Followers,
) -> Option<(String, String)> {
    let (head, tail) = match token.text.find(['\'', '’']) {
        Some(i) => token.text.split_at(i),
        None => (token.text, ""),
    };
    if head != "1" && head != "l" {
        return None;
    }
    // "£1", "No.1", "p.1": a number, not a word.
    let before = text[..token.range.start].chars().next_back();
    if before.is_some_and(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '(' | '\''))
    {
        return None;
    }
    let fixed = format!("I{tail}");
    if !tail.is_empty() {
        return lex.find(&fixed).filter(|f| f.entry.contraction).map(|_| {
            (
                fixed.clone(),
                format!("'{}' is not a word; '{fixed}' is", token.text),
            )
        });
    }
    let next = next?;
    let between = &text[token.range.end..next.range.start];
    if !between.chars().all(|c| c == ' ') || !next.text.starts_with(char::is_lowercase) {
        return None;
    }
    let pair = lex.bigram("i", next.text) as f64;
    let count = lex.frequency(next.text) as f64;
    let common = pair > 0.0 && count > 0.0 && pair / (count * BIGRAM_SCALE) >= MIN_SHARE;
    let evidence = if common {
        "is a common phrase"
    } else if followers.contains(next.text) {
        "occurs elsewhere in this document"
    } else {
        return None;
    };
    Some((
        fixed,
        format!(
            "'{}' before '{}' reads as the pronoun 'I' ('I {}' {evidence})",
            token.text, next.text, next.text
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn fix(text: &str) -> Vec<String> {
        let toks = tokens(text);
        let lex = Lexicon::embedded();
        let followers = Followers::of(text);
        toks.iter()
            .enumerate()
            .filter_map(|(i, t)| as_pronoun(text, t, toks.get(i + 1), lex, &followers).map(|f| f.0))
            .collect()
    }

    #[test]
    fn pronoun_fixed_numbers_kept() {
        assert_eq!(
            fix("and 1 have seen it; l am sure l'm right"),
            vec!["I", "I", "I'm"]
        );
        assert!(fix("it cost £1 and 1 pound more, page 1 of 3, 1 inch").is_empty());
        assert!(fix("see 1 the first").is_empty());
    }

    #[test]
    fn the_documents_own_phrases_are_evidence() {
        // "I shall" is too rare in the bigram list to count, but this document says it.
        assert_eq!(fix("and 1 shall go"), Vec::<String>::new());
        assert_eq!(fix("I shall stay, and 1 shall go"), vec!["I"]);
        // "I" never precedes "inch" here: a measure stays a number.
        assert!(fix("I shall stay; cut 1 inch more").is_empty());
        // Only a standalone "I" counts: "Part I shall" is not "I" + "shall" evidence in a
        // way that changes numbers before other words.
        assert!(fix("I shall stay; Table 1 shows it").is_empty());
    }
}
