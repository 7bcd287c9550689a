//! Roman numerals stay Roman ("World War II", "Elizabeth II", "Part III"), but OCR
//! engines also print the name "Il" as "II" ("Kim II Sung", "Kim Jong II") and the word
//! "Ill" as "III" ("III health"). The difference is evidence: a short list of names and
//! titles that contain "Il", the document's own spelling of the same phrase, and for
//! "Ill" the word that follows.

use super::tokens::{windows_of, Token};
use crate::lexicon::Lexicon;
use std::collections::HashSet;

/// Names and titles with the word "Il", as token sequences.
const IL_PHRASES: &[&[&str]] = &[
    &["Kim", "Il", "Sung"],
    &["Kim", "Il", "sung"],
    &["Kim", "Jong", "Il"],
    &["Jong", "Il"],
    &["Il", "Sung"],
    &["Il", "Duce"],
    &["Il", "Postino"],
    &["Il", "Trovatore"],
    &["Il", "Penseroso"],
    &["Il", "Gattopardo"],
    &["Il", "Giornale"],
    &["Il", "Corriere"],
    &["Il", "Principe"],
    &["Il", "Milione"],
    &["Il", "Barbiere"],
];

/// Share of a word's occurrences that follow "ill" before "III word" reads "Ill word".
const ILL_MIN_SHARE: f64 = 0.005;

/// "Sung's" → "Sung".
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn adjacent(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let between = &text[a.range.end..b.range.start];
    !between.is_empty() && between.chars().all(char::is_whitespace) && between.len() <= 4
}

/// Whether the tokens around `tokens[i]` spell one of [`IL_PHRASES`] with "Il" at `i`.
fn in_il_phrase(text: &str, tokens: &[Token<'_>], i: usize) -> Option<&'static [&'static str]> {
    IL_PHRASES.iter().copied().find(|phrase| {
        let Some(at) = phrase.iter().position(|w| *w == "Il") else {
            return false;
        };
        let Some(start) = i.checked_sub(at) else {
            return false;
        };
        let Some(window) = tokens.get(start..start + phrase.len()) else {
            return false;
        };
        window
            .iter()
            .zip(phrase.iter())
            .enumerate()
            .all(|(k, (t, w))| k == at || without_possessive(t.text) == *w)
            && window.windows(2).all(|p| adjacent(text, &p[0], &p[1]))
    })
}

/// Where the document itself spells "Il": the capitalised words right before and after.
#[derive(Debug, Default)]
pub struct IlSpellings {
    before: HashSet<String>,
    after: HashSet<String>,
}

impl IlSpellings {
    /// Collect them in one pass over the text.
    pub fn of(text: &str) -> Self {
        IlSpellings::of_tokens(text, super::tokens::iter(text))
    }

    /// [`IlSpellings::of`] from the text's tokens, found already (the same tokens as a
    /// scan of `text` gives, as [`crate::rules::Context::words`] does).
    pub fn of_tokens<'t>(text: &'t str, tokens: impl Iterator<Item = Token<'t>>) -> Self {
        IlSpellings::of_windows(text, windows_of(tokens))
    }

    /// [`IlSpellings::of`] from windows of the text's tokens (each with the tokens before
    /// and after it, as [`windows_of`] gives them); windows of tokens other than "Il" may
    /// be left out.
    pub fn of_windows<'t>(
        text: &'t str,
        windows: impl Iterator<Item = (Option<Token<'t>>, Token<'t>, Option<Token<'t>>)>,
    ) -> Self {
        let mut s = IlSpellings::default();
        if !text.contains("Il") {
            return s;
        }
        for (prev, t, next) in windows {
            if t.text != "Il" {
                continue;
            }
            if let Some(p) = prev.filter(|p| adjacent(text, p, &t)) {
                if p.text.starts_with(char::is_uppercase) {
                    s.before.insert(p.text.to_string());
                }
            }
            if let Some(n) = next.filter(|n| adjacent(text, &t, n)) {
                if n.text.starts_with(char::is_uppercase) {
                    s.after.insert(n.text.to_string());
                }
            }
        }
        s
    }

    fn spells(&self, text: &str, tokens: &[Token<'_>], i: usize) -> bool {
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(i + 1);
        prev.is_some_and(|p| adjacent(text, p, &tokens[i]) && self.before.contains(p.text))
            || next.is_some_and(|n| adjacent(text, &tokens[i], n) && self.after.contains(n.text))
    }
}

/// The fix for `tokens[i]` when it is "II" standing for "Il" or "III" for "Ill", with
/// the evidence. `tokens` is a window of the text's tokens around `i` (two on each side
/// suffice); `il` says where the document spells "Il" itself.
pub fn fix(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    il: &IlSpellings,
    lex: &Lexicon,
) -> Option<(String, String)> {
    match tokens[i].text {
        "II" => {
            if let Some(phrase) = in_il_phrase(text, tokens, i) {
                return Some((
                    "Il".into(),
                    format!(
                        "'II' here is the name 'Il' of '{}', not a Roman numeral",
                        phrase.join(" ")
                    ),
                ));
            }
            if il.spells(text, tokens, i) {
                return Some((
                    "Il".into(),
                    "'II' here is 'Il': the document spells the same name with 'Il' elsewhere"
                        .into(),
                ));
            }
            None
        }
        "III" => {
            let next = tokens.get(i + 1)?;
            let prev_is_name = i.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
                adjacent(text, p, &tokens[i]) && p.text.starts_with(char::is_uppercase)
            });
            if prev_is_name
                || !adjacent(text, &tokens[i], next)
                || !next.text.chars().all(char::is_lowercase)
            {
                return None;
            }
            if lex.share_after("ill", next.text) < ILL_MIN_SHARE {
                return None;
            }
            Some((
                "Ill".into(),
                format!(
                    "'III {0}' reads 'Ill {0}': 'ill {0}' is a common phrase",
                    next.text
                ),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn fixes(text: &str) -> Vec<(String, String)> {
        let toks = tokens(text);
        let lex = Lexicon::embedded();
        let il = IlSpellings::of(text);
        (0..toks.len())
            .filter_map(|i| {
                fix(text, &toks, i, &il, lex).map(|(f, _)| (toks[i].text.to_string(), f))
            })
            .collect()
    }

    #[test]
    fn korean_names_fixed() {
        let text =
            "President Kim II Sung met the press. Kim Jong II spoke. Later Kim II\nSung left.";
        assert_eq!(fixes(text).len(), 3);
    }

    #[test]
    fn roman_numerals_stay() {
        let text = "After World War II, Elizabeth II opened Part III of the museum; \
                    Henry VIII and Vol. II of the Gazette. Richard III was king.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn ill_health_and_document_spelling() {
        assert_eq!(
            fixes("He retired through III health."),
            vec![("III".into(), "Ill".into())]
        );
        let text = "The Il Sole review. Later II Sole printed it.";
        assert_eq!(fixes(text), vec![("II".into(), "Il".into())]);
    }
}
