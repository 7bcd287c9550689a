//! The pronoun "I" read as the digit "1" or the letter "l" ("1 have", "l am", "l'm"):
//! fixed when the next word is one that follows "I" far more often than chance, or one
//! that follows "I" elsewhere in the same document ("1 shall" where "I shall" occurs), or
//! between two lower-case words in a document written in the first person ("and 1
//! decline" where "I" is used ten times or more), or, in such a document, opening a
//! sentence ("matter. 1 toiled on", "And 1 failed") before a word that follows "I" at least
//! as often as "one" in the bigram list ("1 more" stays).

use super::tokens::{self, Token};
use crate::lexicon::Lexicon;
use rustc_hash::FxHashSet;

/// The document's own use of the pronoun "I": the words that follow it, lower-cased
/// ("shall" from "I shall"), evidence that "1 shall" is "I shall"; and how often it is used.
#[derive(Debug, Default)]
pub struct Followers {
    words: FxHashSet<String>,
    uses: usize,
}

/// A document that uses "I" this often is written in the first person: there a lone "1"
/// between two lower-case words is the pronoun, not a number.
const FIRST_PERSON_USES: usize = 10;

impl Followers {
    /// Collect the words that follow a standalone "I" (separated by spaces only) among
    /// `words`, the tokens of `text` (the stage's shared tokens).
    pub fn of<'t>(text: &'t str, words: impl IntoIterator<Item = Token<'t>>) -> Self {
        Followers::of_windows(text, tokens::windows_of(words.into_iter()))
    }

    /// [`Followers::of`] from windows of the text's tokens (each with the tokens before
    /// and after it, as [`tokens::windows_of`] gives them); windows of tokens other than
    /// "I" may be left out.
    pub fn of_windows<'t>(
        text: &'t str,
        windows: impl Iterator<Item = (Option<Token<'t>>, Token<'t>, Option<Token<'t>>)>,
    ) -> Self {
        let mut set = FxHashSet::default();
        let mut uses = 0;
        for (_, t, next) in windows {
            if t.text != "I" {
                continue;
            }
            uses += 1;
            let Some(next) = next else { continue };
            if text[t.range.end..next.range.start]
                .chars()
                .all(|c| c == ' ')
                && next.text.starts_with(char::is_lowercase)
            {
                set.insert(next.text.to_lowercase());
            }
        }
        Followers { words: set, uses }
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// Whether `prev` is a lower-case word in the same phrase as the token at `start`
/// (only spaces between, after at most one comma, semicolon or colon).
fn word_before(text: &str, prev: Option<&Token<'_>>, start: usize) -> bool {
    let Some(prev) = prev else { return false };
    let between = &text[prev.range.end..start];
    let gap = between.trim_start_matches([',', ';', ':']);
    between.len() - gap.len() <= 1
        && !gap.is_empty()
        && gap.chars().all(|c| c == ' ')
        && prev.text.chars().all(char::is_alphabetic)
        && prev.text.starts_with(char::is_lowercase)
}

/// Capitalised words after which a sentence goes on with its subject ("And 1 failed",
/// "When 1 last saw him"): in a first-person document a lone "1" there is the pronoun.
const LEADING_WORDS: &[&str] = &[
    "And",
    "But",
    "When",
    "If",
    "As",
    "Then",
    "So",
    "Now",
    "Yet",
    "Here",
    "There",
    "Once",
    "Since",
    "Though",
    "Although",
    "While",
    "Because",
    "Where",
    "Nevertheless",
    "Indeed",
    "Still",
    "Perhaps",
    "Nor",
    "Or",
    "Before",
    "After",
    "Until",
    "Unless",
    "Whilst",
    "Hence",
    "Thus",
    "Also",
    "Therefore",
    "Afterwards",
    "Again",
    // A question or a wish puts the subject after its verb ("Am 1 that brother's keeper",
    // "May 1 die", "Had 1 let go").
    "Am",
    "May",
    "Might",
    "Had",
    "Have",
    "Can",
    "Could",
    "Shall",
    "Should",
    "Will",
    "Would",
    "Must",
    "Do",
    "Did",
];

/// Whether the token at `start` begins a sentence or a clause: after `.`, `!` or `?` (and
/// any closing quotes) and a space or line break, as the first token of the text, after
/// one of [`LEADING_WORDS`] (and at most one comma: "Nevertheless, 1 toiled"), or after
/// any word and a comma ("at Guildford, 1 refer").
fn sentence_opening(text: &str, prev: Option<&Token<'_>>, start: usize) -> bool {
    if tokens::after_mark(text, prev, start, &['.', '!', '?']) {
        return true;
    }
    prev.is_some_and(|p| {
        let between = &text[p.range.end..start];
        let after_comma = between.strip_prefix(',');
        let gap = after_comma.unwrap_or(between);
        let leading = LEADING_WORDS.contains(&p.text)
            || (after_comma.is_some() && p.text.chars().all(char::is_alphabetic));
        leading && !gap.is_empty() && gap.chars().all(|c| c == ' ')
    })
}

/// Whether `word` is a word that may follow the pronoun: letters, or a contraction of them
/// ("toiled", "shan't", "can’t").
fn plain_word(word: &str) -> bool {
    word.starts_with(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

/// Share of a word's occurrences that follow "I" before the word counts as evidence
/// ("I have" 0.16, "I shall" 0.06, but "I the" 0.0004).
const MIN_SHARE: f64 = 0.02;

/// Where a lone "1" of a first-person document stands that makes it the pronoun, for the
/// reason: between two words, or opening a sentence before a word that follows "I" at
/// least as often as "one" ("I failed", "I toiled"; but "1 more" is "one more").
fn first_person_place(
    text: &str,
    prev: Option<&Token<'_>>,
    token: &Token<'_>,
    next: &Token<'_>,
    lex: &Lexicon,
    followers: &Followers,
) -> Option<String> {
    if followers.uses < FIRST_PERSON_USES || !plain_word(next.text) {
        return None;
    }
    if word_before(text, prev, token.range.start) {
        Some("between two words".to_string())
    } else if lex.bigram("i", next.text) >= lex.bigram("one", next.text)
        && sentence_opening(text, prev, token.range.start)
    {
        Some(format!("opening a sentence before '{}'", next.text))
    } else {
        None
    }
}

/// The replacement for `token` when it is "1" or "l" standing for "I", with its evidence.
pub fn as_pronoun(
    text: &str,
    prev: Option<&Token<'_>>,
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
    let common = lex.share_after("i", next.text) >= MIN_SHARE;
    let evidence = if common {
        "is a common phrase"
    } else if followers.contains(next.text) {
        "occurs elsewhere in this document"
    } else if let Some(place) = first_person_place(text, prev, token, next, lex, followers) {
        return Some((
            fixed,
            format!(
                "'{}' {place} reads as the pronoun 'I' (this document uses 'I' {} times)",
                token.text, followers.uses
            ),
        ));
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
        let followers = Followers::of(text, tokens::iter(text));
        toks.iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let prev = i.checked_sub(1).and_then(|p| toks.get(p));
                as_pronoun(text, prev, t, toks.get(i + 1), lex, &followers).map(|f| f.0)
            })
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

    #[test]
    fn first_person_documents_read_a_lone_1_between_words_as_i() {
        let first_person = "I came and I saw what I could. ".repeat(4);
        let text = format!("{first_person}For this reason 1 decline, and, 1 accede.");
        assert_eq!(fix(&text), vec!["I", "I"]);
        // Too few uses of "I": a number stays a number.
        assert!(fix("I came. For this reason 1 decline it").is_empty());
        // At a sentence opening, and after a word that opens one, the next word decides:
        // "I toiled" is no rarer than "one toiled", "one more" far commoner than "I more".
        let text =
            format!("{first_person}The road was long. 1 toiled on. And 1 failed. But 1 more came.");
        assert_eq!(fix(&text), vec!["I", "I"]);
        // After a verb that puts its subject second, after a leading word and its comma,
        // and before a contraction, the same holds.
        let text = format!(
            "{first_person}Am 1 mistaken? May 1 rest. Nevertheless, 1 toiled. So 1 shan't."
        );
        assert_eq!(fix(&text), vec!["I", "I", "I", "I"]);
        // After a comma, a clause may open with the pronoun too.
        let text = format!("{first_person}At Guildford, 1 refer to it. Hence 1 walked.");
        assert_eq!(fix(&text), vec!["I", "I"]);
        let text = format!("{first_person}Had 1 more, Will 1 more, Nevertheless, 1 more.");
        assert!(fix(&text).is_empty(), "{:?}", fix(&text));
        // After another capitalised word, a figure or a sentence end, a number stays.
        let text = format!("{first_person}See Table 1 shows it. Cut 2 1 inch. Done. 1 more");
        assert!(fix(&text).is_empty(), "{:?}", fix(&text));
    }
}
