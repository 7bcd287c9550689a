//! The pronoun "I" read as the digit "1" or the letter "l" ("1 have", "l am", "l'm"):
//! fixed when the next word is one that follows "I" far more often than chance.

use super::tokens::Token;
use crate::lexicon::Lexicon;

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
    if pair <= 0.0 || count <= 0.0 || pair / (count * BIGRAM_SCALE) < MIN_SHARE {
        return None;
    }
    Some((
        fixed,
        format!(
            "'{}' before '{}' reads as the pronoun 'I' ('I {}' is a common phrase)",
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
        toks.iter()
            .enumerate()
            .filter_map(|(i, t)| as_pronoun(text, t, toks.get(i + 1), lex).map(|f| f.0))
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
}
