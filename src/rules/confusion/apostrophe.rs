//! C013 apostrophe-for-space: the OCR read the space between two words as an apostrophe
//! or a tilde ("at'his" → "at his", "because'of" → "because of", "own~will" → "own
//! will").
//!
//! Evidence: both parts are common words of two letters or more, the bigram list knows
//! them as a pair, the token itself is no word ("o'clock", "ma'am", "ne'er" are), and the
//! second part is no contraction ending ("'s", "'t", "'ll", "'ve", "'re", "'d", "'m").
//! The document must show the misreading twice or more.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Sites a document needs before its apostrophes count as misread spaces.
const MIN_SITES: usize = 2;

/// Endings an apostrophe joins to a word on purpose.
const CONTRACTIONS: &[&str] = &["s", "t", "ll", "ve", "re", "d", "m", "em", "n", "st", "nt"];

/// The two words of `token` when its apostrophe or tilde stands for a space.
fn parts<'t>(known: &KnownWords, token: &'t str) -> Option<(&'t str, &'t str)> {
    let i = token.find(['\'', '’', '~'])?;
    let (a, rest) = token.split_at(i);
    let sep = rest.chars().next()?;
    let b = &rest[sep.len_utf8()..];
    let word = |w: &str| {
        w.chars().count() >= 2
            && w.chars().all(char::is_alphabetic)
            && known
                .find(w)
                .is_some_and(|f| f.entry.is_common() && !f.accents)
    };
    if !word(a) || !word(b) || CONTRACTIONS.contains(&b.to_lowercase().as_str()) {
        return None;
    }
    if known.find(token).is_some() {
        return None;
    }
    let lex = known.lexicon();
    (lex.bigram(&a.to_lowercase(), &b.to_lowercase()) > 0).then_some((a, b))
}

/// The check of rule C013.
pub fn misread_spaces(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !text.contains(['\'', '’', '~']) {
        return;
    }
    let known = cx.known_words();
    let mut sites = Vec::new();
    // The whitespace-separated tokens the document's counts use, punctuation set aside.
    // The table of them when it exists, else one scan: C013 alone needs no table, and on a
    // large text the table (24 bytes a token) was the peak of the run's memory.
    let toks: Box<dyn Iterator<Item = crate::vocab::Token> + '_> = match cx.vocab_tokens_if_built()
    {
        Some(built) => Box::new(built.iter().copied()),
        None => Box::new(crate::vocab::token_iter(text)),
    };
    for t in toks {
        let token = &text[t.start..t.end];
        if let Some((a, b)) = parts(known, token) {
            let sep = t.start + a.len()..t.end - b.len();
            sites.push((sep.clone(), a, b, &text[sep]));
        }
    }
    if sites.len() < MIN_SITES {
        return;
    }
    let n = sites.len();
    for (range, a, b, sep) in sites {
        out.push(Edit::new(
            range,
            " ".to_string(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{a}{sep}{b}' read as '{a} {b}': two common words that often stand together; this document's OCR reads a space as '{sep}' {n} times"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C013", text)
    }

    #[test]
    fn a_space_read_as_an_apostrophe_is_put_back() {
        assert_eq!(
            fixes("He came at'his own pace because'of the rain, by his own~will."),
            vec![" ", " ", " "]
        );
    }

    #[test]
    fn contractions_names_and_lone_cases_stay() {
        assert!(fixes("It's five o'clock, ma'am; we'll see O'Brien's man.").is_empty());
        assert!(fixes("They don't know; you'll see it isn't so.").is_empty());
        // One site is no habit.
        assert!(fixes("He came at'his own pace.").is_empty());
    }
}
