//! C015 zero-for-o: the OCR read the interjection "O" of verse and address as the digit
//! zero ("sea. 0 brother David", "to thee, 0 sire").
//!
//! Evidence: a "0" standing alone after a pause (the chunk before it ends with a comma or a
//! stop) and before a common word of three letters or more, with no digit among the three
//! chunks on either side (a score, a table or a list of numbers keeps its zeros). The
//! document must show it twice or more, and more often than it writes a lone "0" among
//! numbers.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Sites a document needs before its lone zeros count as the interjection.
const MIN_SITES: usize = 2;

/// Chunks on each side of the zero that must hold no digit.
const NUMBER_FREE: usize = 3;

/// Whether `chunk` is a common word of three letters or more, punctuation after it set
/// aside.
fn common_word(known: &KnownWords, chunk: &str) -> bool {
    let word = chunk.trim_end_matches([',', ';', ':', '.', '!', '?']);
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && known
            .find(word)
            .is_some_and(|f| f.entry.is_common() && !f.entry.abbreviation)
}

/// Up to `n` whitespace-separated chunks of `text` ending before byte `at`, nearest first.
fn chunks_before(text: &str, at: usize, n: usize) -> impl Iterator<Item = &str> {
    text[..at].split_ascii_whitespace().rev().take(n)
}

/// Up to `n` whitespace-separated chunks of `text` starting at or after byte `at`.
fn chunks_after(text: &str, at: usize, n: usize) -> impl Iterator<Item = &str> {
    text[at..].split_ascii_whitespace().take(n)
}

/// The check of rule C015. Only the chunks around each lone "0" are read: the text is not
/// split into a table of chunks (a large input would hold one entry per word).
pub fn zero_for_o(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let bytes = text.as_bytes();
    let lone = |i: usize| {
        let space = |b: Option<&u8>| b.is_none_or(u8::is_ascii_whitespace);
        space(i.checked_sub(1).and_then(|k| bytes.get(k))) && space(bytes.get(i + 1))
    };
    let zeros: Vec<usize> = memchr::memchr_iter(b'0', bytes)
        .filter(|&i| lone(i))
        .collect();
    if zeros.len() < MIN_SITES {
        return;
    }
    let known = cx.known_words();
    let has_digit = |c: &str| c.bytes().any(|b| b.is_ascii_digit());
    let mut sites = Vec::new();
    // Lone zeros with a digit near: numbers, evidence against the misreading.
    let mut among_numbers = 0usize;
    for at in zeros {
        let near_number = chunks_before(text, at, NUMBER_FREE)
            .chain(chunks_after(text, at + 1, NUMBER_FREE))
            .any(has_digit);
        if near_number {
            among_numbers += 1;
            continue;
        }
        let (Some(prev), Some(next)) = (
            chunks_before(text, at, 1).next(),
            chunks_after(text, at + 1, 1).next(),
        ) else {
            continue;
        };
        if prev.ends_with([',', ';', ':', '.', '!', '?']) && common_word(known, next) {
            sites.push((at, next));
        }
    }
    if sites.len() < MIN_SITES || among_numbers >= sites.len() {
        return;
    }
    let n = sites.len();
    for (at, next) in sites {
        out.push(Edit::new(
            at..at + 1,
            "O".to_string(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'0 {next}' read as 'O {next}': the interjection, after a pause and before a word, with no number near; this document's OCR shows it {n} times"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C015", text)
    }

    #[test]
    fn the_interjection_read_as_zero_is_put_back() {
        assert_eq!(
            fixes("They sailed the angry sea. 0 brother, come! I call to thee, 0 sire, now."),
            vec!["O", "O"]
        );
    }

    #[test]
    fn numbers_and_lone_cases_stay() {
        // Scores, lists and tables keep their zeros; one site is no habit.
        assert!(fixes("They won 3, 0 goals came. It was 1, 0 points then, 2, 0 wins.").is_empty());
        let zeros_as_numbers = "The result: 0 points. Then, 0 wins. Scores were 0 and 0 and 0.";
        assert!(fixes(zeros_as_numbers).is_empty());
        assert!(fixes("They sailed the angry sea. 0 brother, come!").is_empty());
        // A document that writes more lone zeros as numbers than as the interjection.
        let more_numbers = "They sailed the angry sea. 0 brother, come! I call to thee, \
                            0 sire, now. The grid read x 0 y 0 z 0 at the end.";
        assert!(fixes(more_numbers).is_empty());
    }
}
