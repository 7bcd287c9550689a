//! Spelling normalisations used before a lookup: typographic apostrophes and diacritics.

use std::borrow::Cow;

/// Replace typographic apostrophes (’ ‘ ʼ ′) by the ASCII apostrophe the lexicon uses, and
/// expand the ligature presentation forms (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) into their letters.
pub fn normalize_typography(word: &str) -> Cow<'_, str> {
    // Every character it changes is outside ASCII.
    if word.is_ascii() || !word.contains(needs_normalizing) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

fn needs_normalizing(c: char) -> bool {
    matches!(
        c,
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{FB00}'..='\u{FB06}'
    )
}

/// The word without diacritics on Latin letters ("café" → "cafe", "Zürich" → "Zurich"),
/// æ and œ written as two letters ("Cœlestial" → "Coelestial").
/// Same table as `fold` in `scripts/build_lexicon.py`; letters outside it are kept.
pub fn fold_diacritics(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("Oe"),
            other => out.push(fold_char(other)),
        }
    }
    Cow::Owned(out)
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ñ' | 'ń' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography() {
        assert_eq!(normalize_typography("don\u{2019}t"), "don't");
        assert_eq!(normalize_typography("ﬁrst ﬂow oﬃce"), "first flow office");
        assert!(matches!(normalize_typography("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn diacritics() {
        assert_eq!(fold_diacritics("café"), "cafe");
        assert_eq!(fold_diacritics("Ångström"), "Angstrom");
        assert_eq!(fold_diacritics("naïve"), "naive");
        assert_eq!(fold_diacritics("Straße"), "Straße");
        assert_eq!(
            fold_diacritics("Cœlestial encyclopædia"),
            "Coelestial encyclopaedia"
        );
        assert!(matches!(fold_diacritics("plain"), Cow::Borrowed(_)));
    }
}

/// The word without a possessive ending: "London's" → "London", "workers'" → "workers",
/// "NATO'S" → "NATO". Expects ASCII apostrophes (see [`normalize_typography`]).
pub fn strip_possessive(word: &str) -> Option<&str> {
    let b = word.as_bytes();
    let n = b.len();
    if n > 2 && b[n - 2] == b'\'' && matches!(b[n - 1], b's' | b'S') {
        return Some(&word[..n - 2]);
    }
    if n > 2 && b[n - 1] == b'\'' && matches!(b[n - 2], b's' | b'S') {
        return Some(&word[..n - 1]);
    }
    None
}

#[cfg(test)]
mod possessive_tests {
    use super::*;

    #[test]
    fn possessives() {
        assert_eq!(strip_possessive("London's"), Some("London"));
        assert_eq!(strip_possessive("NATO'S"), Some("NATO"));
        assert_eq!(strip_possessive("workers'"), Some("workers"));
        assert_eq!(strip_possessive("'s"), None);
        assert_eq!(strip_possessive("cats"), None);
        assert_eq!(strip_possessive("don't"), None);
    }
}
