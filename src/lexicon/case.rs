//! The case policy: which spellings in the lexicon a token, as written, may stand for.
//!
//! A word keeps its capitals when it is a name or an acronym, and gains capitals at the start
//! of a sentence, in titles and in ALL-CAPS headings. So a capitalised token may stand for a
//! lower-case word, but a lower-case token never stands for a name:
//!
//! | written      | may be                          | example                      |
//! |--------------|---------------------------------|------------------------------|
//! | lower case   | itself only                     | "london" is *not* "London"   |
//! | Title case   | itself, lower case              | "The" → "the"                |
//! | ALL CAPS     | itself, lower case, Title case  | "THE" → "the", "LONDON" → "London", "NATO" |
//! | mIxEd case   | itself only                     | "McDonald", "iPhone"         |

/// The case shape of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// No upper-case letter ("word", also "123").
    Lower,
    /// First letter upper case, every other lower case ("Word", "A").
    Title,
    /// At least two letters and every letter upper case ("WORD", "NATO'S").
    Upper,
    /// Anything else ("McDonald", "iPhone", "tHE").
    Mixed,
}

/// The case shape of `word`.
pub fn shape(word: &str) -> Shape {
    if word.is_ascii() {
        return ascii_shape(word.as_bytes());
    }
    general_shape(word)
}

/// [`shape`] for any text: what the ASCII fast path must agree with.
fn general_shape(word: &str) -> Shape {
    shape_of(
        word.chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| (c.is_uppercase(), c.is_lowercase())),
    )
}

/// [`shape`] of an ASCII word, byte by byte (the same rules: ASCII letters are the only
/// alphabetic characters there).
fn ascii_shape(word: &[u8]) -> Shape {
    let Some(first) = word.iter().position(u8::is_ascii_alphabetic) else {
        return Shape::Lower;
    };
    // Whole-slice tests, which the compiler runs many bytes at a time: the lexicon asks
    // the shape of every word it looks up.
    let rest = &word[first + 1..];
    let upper_after = rest.iter().any(u8::is_ascii_uppercase);
    if word[first].is_ascii_lowercase() {
        return if upper_after {
            Shape::Mixed
        } else {
            Shape::Lower
        };
    }
    if !upper_after {
        Shape::Title
    } else if !rest.iter().any(u8::is_ascii_lowercase) {
        Shape::Upper
    } else {
        Shape::Mixed
    }
}

/// The shape of a word whose letters are `letters`, each as (upper case, lower case).
fn shape_of(mut letters: impl Iterator<Item = (bool, bool)>) -> Shape {
    let Some((first_upper, _)) = letters.next() else {
        return Shape::Lower;
    };
    let (mut upper, mut lower) = (0usize, 0usize);
    for (is_upper, is_lower) in letters {
        upper += usize::from(is_upper);
        lower += usize::from(is_lower);
    }
    match (first_upper, upper, lower) {
        (false, 0, _) => Shape::Lower,
        (true, 0, _) => Shape::Title,
        (true, _, 0) => Shape::Upper,
        _ => Shape::Mixed,
    }
}

/// `word` with its first letter upper case and the rest lower case ("LONDON" → "London").
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut seen_letter = false;
    for c in word.chars() {
        if !seen_letter && c.is_alphabetic() {
            seen_letter = true;
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The spellings a token may stand for under the case policy, in the order they are tried
/// (exact first, then the ordinary lower-case word, then a capitalised name).
pub fn candidates(word: &str) -> Vec<String> {
    let mut all = vec![word.to_string()];
    all.extend(candidates_after_exact(word, shape(word)));
    all
}

/// [`candidates`] but the first (the exact spelling), for a word of shape `shape`.
pub fn candidates_after_exact(word: &str, shape: Shape) -> Vec<String> {
    match shape {
        Shape::Lower | Shape::Mixed => Vec::new(),
        Shape::Title => vec![word.to_lowercase()],
        Shape::Upper => vec![word.to_lowercase(), title_case(word)],
    }
}

/// Longest ASCII word that [`with_lowercase`] lowers on the stack.
const STACK_LOWER: usize = 64;

/// `f` of `word`'s lower case: an ASCII word up to `STACK_LOWER` (64) bytes is lowered in a
/// buffer on the stack, any other through [`str::to_lowercase`]. The rules ask the
/// document's counts and the lexicon about lower cases many times a run; this spares
/// each ask an allocation.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() && word.len() <= STACK_LOWER {
        let mut buf = [0u8; STACK_LOWER];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lowered is still ASCII, so always UTF-8.
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// Whether `word.to_lowercase() == lower`, without making the lower case of an ASCII
/// `word`.
pub fn lowers_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        word.to_lowercase() == lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_without_allocating_agree_with_to_lowercase() {
        let long = "A".repeat(STACK_LOWER + 1);
        let words = [
            "",
            "word",
            "Word",
            "WORD",
            "McDonald",
            "1953",
            "NATO'S",
            "Élan",
            "ÉLAN",
            "straße",
            "ΣΟΦΟΣ",
            long.as_str(),
        ];
        for word in words {
            let lower = word.to_lowercase();
            assert_eq!(with_lowercase(word, str::to_string), lower, "{word}");
            for other in words {
                assert_eq!(
                    lowers_to(word, &other.to_lowercase()),
                    lower == other.to_lowercase(),
                    "{word} {other}"
                );
                assert_eq!(lowers_to(word, other), lower == other, "{word} {other}");
            }
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("word"), Shape::Lower);
        assert_eq!(shape("Word"), Shape::Title);
        assert_eq!(shape("A"), Shape::Title);
        assert_eq!(shape("WORD"), Shape::Upper);
        assert_eq!(shape("NATO'S"), Shape::Upper);
        assert_eq!(shape("McDonald"), Shape::Mixed);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("1953"), Shape::Lower);
        assert_eq!(shape("Élan"), Shape::Title);
    }

    #[test]
    fn ascii_shapes_as_the_general_rule_gives_them() {
        for w in [
            "", "word", "Word", "WORD", "McDonald", "iPhone", "1953", "A", "a1B", "NATO'S", "x-Y",
            "'s", "ABc",
        ] {
            assert_eq!(shape(w), general_shape(w), "{w}");
        }
        // Every word of up to five characters from letters of both cases, a digit and
        // punctuation.
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| "aZb1'-".chars().map(move |c| format!("{w}{c}")))
                .collect();
            for w in &longer {
                assert_eq!(shape(w), general_shape(w), "{w}");
            }
            words = longer;
        }
    }

    #[test]
    fn candidate_order() {
        assert_eq!(candidates("london"), vec!["london"]);
        assert_eq!(candidates("The"), vec!["The", "the"]);
        assert_eq!(candidates("LONDON"), vec!["LONDON", "london", "London"]);
        assert_eq!(candidates("DON'T"), vec!["DON'T", "don't", "Don't"]);
        assert_eq!(title_case("o'BRIEN"), "O'brien");
    }
}
