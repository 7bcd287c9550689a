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

/// Whether `ending` follows an apostrophe on purpose: a contraction's
/// ([`super::CONTRACTION_ENDINGS`]) or the old "'st" and "'nt" ("wou'dst", "do'nt").
fn contraction(ending: &str) -> bool {
    super::CONTRACTION_ENDINGS.contains(&ending) || matches!(ending, "st" | "nt")
}

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
    if !word(a) || !word(b) || contraction(&b.to_lowercase()) {
        return None;
    }
    if known.find(token).is_some() {
        return None;
    }
    let lex = known.lexicon();
    (lex.bigram(&a.to_lowercase(), &b.to_lowercase()) > 0).then_some((a, b))
}

/// The tokens of [`crate::vocab::token_iter`] whose whitespace-separated chunk holds an
/// apostrophe or a tilde, in order: the same tokens as the whole scan gives for those
/// chunks (a scan that starts at a chunk's start finds what the whole scan finds there).
fn tokens_with_separator(text: &str) -> impl Iterator<Item = crate::vocab::Token> + '_ {
    let bytes = text.as_bytes();
    // '’' is E2 80 99: its last byte is found, and the two before it checked.
    let marks = memchr::memchr3_iter(b'\'', b'~', 0x99, bytes).filter_map(move |i| {
        if bytes[i] != 0x99 {
            return Some(i);
        }
        let at = i.checked_sub(2)?;
        (bytes[at] == 0xE2 && bytes[at + 1] == 0x80).then_some(at)
    });
    let mut done = 0usize;
    marks.filter_map(move |i| {
        if i < done {
            return None;
        }
        // The chunk around the mark: from after the white space before it to the next.
        let std::ops::Range { start, end } = super::chunk_around(text, i);
        done = end;
        let t = crate::vocab::token_iter(&text[start..]).next()?;
        let t = crate::vocab::Token {
            start: start + t.start,
            end: start + t.end,
            line_end_hyphen: t.line_end_hyphen,
        };
        (t.start < end).then_some(t)
    })
}

/// The check of rule C013.
pub fn misread_spaces(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    if !text.contains(['\'', '’', '~']) {
        return;
    }
    let known = cx.known_words();
    let mut sites = Vec::new();
    // The whitespace-separated tokens the document's counts use, punctuation set aside:
    // only those with an apostrophe or a tilde can be a site, so only the chunks that hold
    // one are tokenised (the whole text was, and C013 needs no table of them).
    for t in tokens_with_separator(text) {
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

    #[test]
    fn chunks_with_a_separator_give_the_whole_scan_s_tokens() {
        const PIECES: &[&str] = &[
            "at",
            "'",
            "’",
            "~",
            "his",
            " ",
            "\n",
            "-\n",
            "\u{a0}",
            "(",
            ")",
            "é",
            "x-",
            ".",
            "don't",
            "’s",
            "\u{2019}",
            "\u{3000}",
            "a\u{2018}b",
        ];
        let mut state: u64 = 11;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n
        };
        let has_sep =
            |t: &crate::vocab::Token, text: &str| text[t.start..t.end].contains(['\'', '’', '~']);
        for _ in 0..3000 {
            let text: String = (0..next(30)).map(|_| PIECES[next(PIECES.len())]).collect();
            let whole: Vec<_> = crate::vocab::token_iter(&text)
                .filter(|t| has_sep(t, &text))
                .collect();
            let found: Vec<_> = super::tokens_with_separator(&text)
                .filter(|t| has_sep(t, &text))
                .collect();
            assert_eq!(whole, found, "{text:?}");
        }
    }
}
