//! Whether two neighbouring tokens are the halves of one word that a line break, a hyphen
//! or a space split ("to\ngether", "similari-ties", "na tion"). C001 leaves such halves
//! alone: read on its own, a half often looks like a misreading of another word
//! ("gether" → "gather", "tion" → "then").

use super::tokens::Token;
use crate::lexicon::known::KnownWords;

/// Letters a word split by spaces must have for its halves to be left alone.
const MIN_SPACE_SPLIT_WORD: usize = 6;

/// The lexicon count such a word needs (about one word in 500,000): two tokens make a
/// rare word by chance ("te ther", "to their" misread, is no "tether").
const MIN_SPACE_SPLIT_COUNT: u64 = 1_000_000;

/// Whether `t` and the token before it (`prev`) or after it (`next`) are the halves of
/// one word, so that `t` is to be left alone. Two kinds of split count:
///
/// - **A line break or a joined line-end hyphen**: one line break and nothing but white
///   space between them ("to\ngether", "un\nusual"), or a hyphen and at most a space, the
///   tail in lower case ("similari-ties", "pub- lished": a text whose lines were joined
///   after it was hyphenated). The head is all letters and the joined word is common.
/// - **Spaces**, where the OCR split a word ("na tion", "pub lished"): `t` is in lower
///   case and no common word itself, and the joined word is common, of
///   [`MIN_SPACE_SPLIT_WORD`] letters or more, no abbreviation, counted
///   [`MIN_SPACE_SPLIT_COUNT`] times or more. Measured on the real corpora, leaving such
///   tails alone broke 10 fewer words and fixed one more; leaving heads alone too took 11
///   edits away from the truth and none toward it ("pre venting": "pre" had become
///   "pro").
pub(crate) fn half_of_one_word(
    text: &str,
    prev: Option<&Token<'_>>,
    t: &Token<'_>,
    next: Option<&Token<'_>>,
    known: &KnownWords,
) -> bool {
    let pairs = [prev.map(|p| (p, t)), next.map(|n| (t, n))];
    let mut pairs = pairs.iter().flatten();
    if pairs
        .clone()
        .any(|&(head, tail)| split_at_line(text, head, tail, known))
    {
        return true;
    }
    if !t.text.starts_with(|c: char| c.is_ascii_lowercase())
        || known.find(t.text).is_some_and(|f| f.entry.is_common())
    {
        return false;
    }
    pairs.any(|&(head, tail)| split_by_spaces(text, head, tail, known))
}

/// `head` and `tail` split by one line break or a joined line-end hyphen (see
/// [`half_of_one_word`]).
fn split_at_line(text: &str, head: &Token<'_>, tail: &Token<'_>, known: &KnownWords) -> bool {
    let between = &text[head.range.end..tail.range.start];
    let line_break =
        between.matches(['\n', '\r']).count() == 1 && between.chars().all(char::is_whitespace);
    let joined_line_hyphen =
        matches!(between, "-" | "- ") && tail.text.starts_with(char::is_lowercase);
    (line_break || joined_line_hyphen)
        && head.text.chars().all(char::is_alphabetic)
        && with_joined(head.text, tail.text, |joined| {
            known
                .find(joined)
                .is_some_and(|f| !f.accents && f.entry.is_common())
        })
}

/// `head` and `tail` split by white space into halves of a frequent word (see
/// [`half_of_one_word`]; the judged half's own test is made there).
fn split_by_spaces(text: &str, head: &Token<'_>, tail: &Token<'_>, known: &KnownWords) -> bool {
    let between = &text[head.range.end..tail.range.start];
    !between.is_empty()
        && between.chars().all(char::is_whitespace)
        && with_joined(head.text, tail.text, |joined| {
            joined.chars().count() >= MIN_SPACE_SPLIT_WORD
                && known.find(joined).is_some_and(|f| {
                    !f.accents
                        && f.entry.is_common()
                        && !f.entry.abbreviation
                        && f.entry.frequency >= MIN_SPACE_SPLIT_COUNT
                })
        })
}

/// Whether `text` joined to the word before it (`prev`) or after it (`next`) makes any
/// word the lexicon knows: the loosest of the split-word checks, for a short token whose
/// only candidates are generic edits ("w ith", "tim idly": such a half is no misreading of
/// its own). Unlike [`half_of_one_word`] it looks at words, not at how they are spaced.
pub(crate) fn joins_a_known_word(
    known: &KnownWords,
    prev: Option<&str>,
    text: &str,
    next: Option<&str>,
) -> bool {
    let joined_known = |a: &str, b: &str| with_joined(a, b, |joined| known.find(joined).is_some());
    prev.is_some_and(|p| joined_known(p, text)) || next.is_some_and(|n| joined_known(text, n))
}

/// `f` of `a` and `b` joined, without allocating for a word of ordinary length (C001
/// asks this of every token it judges).
pub(crate) fn with_joined<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let n = a.len() + b.len();
    if n <= buf.len() {
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        // Two strings joined are UTF-8, so this always succeeds.
        if let Ok(joined) = std::str::from_utf8(&buf[..n]) {
            return f(joined);
        }
    }
    f(&format!("{a}{b}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::confusion::tokens;

    #[test]
    fn a_token_that_joins_a_neighbour_into_a_known_word() {
        let known = KnownWords::new(std::iter::empty());
        assert!(joins_a_known_word(&known, Some("w"), "ith", Some("them")));
        assert!(joins_a_known_word(&known, Some("the"), "tim", Some("idly")));
        assert!(!joins_a_known_word(&known, Some("the"), "cat", Some("sat")));
        assert!(!joins_a_known_word(&known, None, "ith", None));
    }

    /// Whether the first (`Head`) or second (`Tail`) token of `text` is a half of a word.
    fn halves(text: &str, judged: Half) -> bool {
        let toks: Vec<_> = tokens::iter(text).collect();
        let known = KnownWords::new(std::iter::empty());
        match judged {
            Half::Head => half_of_one_word(text, None, &toks[0], Some(&toks[1]), &known),
            Half::Tail => half_of_one_word(text, Some(&toks[0]), &toks[1], None, &known),
        }
    }

    enum Half {
        Head,
        Tail,
    }

    #[test]
    fn a_word_split_by_a_line_break_or_a_joined_hyphen_has_two_halves() {
        assert!(halves("to\ngether", Half::Tail));
        assert!(halves("to\ngether", Half::Head));
        assert!(halves("similari-ties", Half::Tail));
        // Two words of a compound do not make one word without the hyphen.
        assert!(!halves("well-knowu", Half::Tail));
        // Two line breaks part paragraphs, not the halves of a word: a common head stays
        // open to judgement.
        assert!(!halves("to\n\ngether", Half::Head));
    }

    #[test]
    fn a_word_split_by_a_space_leaves_its_uncommon_halves_alone() {
        assert!(halves("na tion", Half::Tail));
        assert!(halves("pub lished", Half::Tail));
        // A common word is judged as usual, and so is a join too short or too rare.
        assert!(!halves("the re", Half::Tail));
        assert!(!halves("te ther", Half::Tail));
        // The head likewise: "pre" is no common word, "preventing" is.
        assert!(halves("pre venting", Half::Head));
        assert!(!halves("pre venting", Half::Tail));
    }

    #[test]
    fn joining_long_halves_gives_the_same_word_as_formatting_them() {
        let long = "x".repeat(70);
        assert_eq!(
            with_joined(&long, "ab", str::to_string),
            format!("{long}ab")
        );
        assert_eq!(with_joined("na", "tion", str::to_string), "nation");
        assert_eq!(with_joined("é", "t", str::to_string), "ét");
    }
}
