//! C014 mark-in-word: a mark inside a word that the OCR made of a speck or a thin letter.
//! A speck on the page read as a full stop inside a word ("exhi.bit" → "exhibit", "yea.r"
//! → "year") or glued to the front of one in the middle of a sentence ("it .must have
//! been" → "it must have been") goes; an "l" or "i" read as "!" between letters
//! ("be!ieve", "wa!ked", "h!s") is put back.
//!
//! Evidence: the word with the mark mended is a common word of three letters or more, and
//! the written form is no word the lexicon knows ("e.g", "a.m"). Inside a word, the two
//! pieces must not both be words (a full stop with its space lost, "chimney.must", stays:
//! the dot may end a sentence) nor single letters ("a.t"); for "!", exactly one of "l" and
//! "i" must make a word. Before a word, the dot must follow a word or a comma on the same
//! line (not the end of a sentence) and be followed by a lower-case word. URLs, e-mail
//! addresses and numbers are never touched. The document must show each kind of mark twice
//! or more.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Sites a document needs before its dots count as specks.
const MIN_SITES: usize = 2;

/// Letters the word without the dot needs.
const MIN_WORD_LEN: usize = 3;

/// What a mark is, and where it sits in its whitespace-separated chunk.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Kind {
    /// A full stop before the word, in the middle of a sentence: a speck.
    DotBefore,
    /// A full stop between two pieces of the word: a speck.
    DotInside,
    /// A "!" between two pieces of the word: a thin letter.
    Bang,
}

/// One mark: its byte range, what replaces it, and the word it spoils.
struct Site<'t> {
    mark: std::ops::Range<usize>,
    replacement: &'static str,
    word: String,
    written: &'t str,
    kind: Kind,
}

/// Whether `w` is a common word of the lexicon (as written or in lower case), with no
/// accents added.
fn common(known: &KnownWords, w: &str) -> bool {
    w.len() >= MIN_WORD_LEN
        && known
            .find(w)
            .is_some_and(|f| f.entry.is_common() && !f.accents)
}

/// Whether the piece `w` is a word by itself: any word the lexicon knows of two letters
/// or more, or "a" (the lexicon lists every letter).
fn any_word(known: &KnownWords, w: &str) -> bool {
    w == "a" || (w.len() >= 2 && known.find(w).is_some())
}

/// The speck in the chunk `text[start..end]` (no white space inside), if any.
fn site<'t>(known: &KnownWords, text: &'t str, start: usize, end: usize) -> Option<Site<'t>> {
    let chunk = &text[start..end];
    // The word proper: trailing punctuation set aside.
    let core = chunk.trim_end_matches(super::CLOSING_PUNCTUATION);
    if core.is_empty() || super::address_like(core) || known.find(core).is_some() {
        return None;
    }
    if let Some(word) = core.strip_prefix('.') {
        let plain = word.len() >= MIN_WORD_LEN && word.bytes().all(|b| b.is_ascii_lowercase());
        if !plain || !common(known, word) || !mid_sentence_before(text, start) {
            return None;
        }
        return Some(Site {
            mark: start..start + 1,
            replacement: "",
            word: word.to_string(),
            written: core,
            kind: Kind::DotBefore,
        });
    }
    let i = core.find(['.', '!'])?;
    let (a, b) = (&core[..i], &core[i + 1..]);
    let letters = |s: &str, first_may_be_capital: bool| {
        !s.is_empty() && super::plain_letters(s, first_may_be_capital)
    };
    if !letters(a, true) || !letters(b, false) {
        return None;
    }
    let mark = start + i..start + i + 1;
    if core.as_bytes()[i] == b'!' {
        let mut words = ["l", "i"]
            .into_iter()
            .map(|letter| (letter, format!("{a}{letter}{b}")))
            .filter(|(_, w)| common(known, w));
        let (letter, word) = words.next()?;
        if words.next().is_some() {
            return None;
        }
        return Some(Site {
            mark,
            replacement: letter,
            word,
            written: core,
            kind: Kind::Bang,
        });
    }
    let joined = format!("{a}{b}");
    let letters_alone = a.len() == 1 && b.len() == 1;
    if letters_alone || !common(known, &joined) || (any_word(known, a) && any_word(known, b)) {
        return None;
    }
    Some(Site {
        mark,
        replacement: "",
        word: joined,
        written: core,
        kind: Kind::DotInside,
    })
}

/// Whether the chunk starting at `start` stands in the middle of a sentence: on the same
/// line, the chunk before it ends with a letter or a comma.
fn mid_sentence_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    if before.len() == start {
        return false;
    }
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == ',')
}

/// The check of rule C014.
pub fn marks_in_words(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let known = cx.known_words();
    let marks = memchr::memchr2_iter(b'.', b'!', text.as_bytes());
    let sites: Vec<Site<'_>> = super::chunks_with_marks(text, marks)
        .filter_map(|(_, chunk)| site(known, text, chunk.start, chunk.end))
        .collect();
    let specks = sites.iter().filter(|s| s.kind != Kind::Bang).count();
    let bangs = sites.len() - specks;
    for s in sites {
        let (n, what) = match s.kind {
            Kind::DotBefore => (specks, "a speck read as a full stop before a common word"),
            Kind::DotInside => (specks, "a speck read as a full stop inside a common word"),
            Kind::Bang => (bangs, "a thin letter read as '!' inside a common word"),
        };
        if n < MIN_SITES {
            continue;
        }
        out.push(Edit::new(
            s.mark,
            s.replacement.to_string(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{}' read as '{}': {what}; this document's OCR shows it {n} times",
                s.written, s.word
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_changes("C014", text)
    }

    #[test]
    fn specks_inside_and_before_words_go() {
        assert_eq!(
            fixes("I was willing to exhi.bit myself that yea.r, and it .must have been so."),
            vec![".→", ".→", ".→"]
        );
    }

    #[test]
    fn full_stops_abbreviations_and_addresses_stay() {
        let text = "It was late.Then we left, e.g. at 5 a.m. with Mr. Smith. \
                    See www.example.com or mail a.b@c.org, version 1.5 of the file.txt. \
                    The chimney.must be swept. Ends here. .and then.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn a_thin_letter_read_as_a_bang_is_put_back() {
        assert_eq!(
            fixes("I be!ieve he wa!ked home and took h!s hat. Stop! Go!"),
            vec!["!→l", "!→l", "!→i"]
        );
        // One mark of a kind is no habit, whatever the other kind shows.
        assert_eq!(
            fixes("I be!ieve it was exhi.bit and yea.r"),
            vec![".→", ".→"]
        );
    }

    #[test]
    fn one_speck_is_no_habit() {
        assert!(fixes("I was willing to exhi.bit myself.").is_empty());
    }
}
