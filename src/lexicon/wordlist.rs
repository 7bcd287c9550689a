//! User words (`--dict FILE`): words that are always valid and never changed.

use super::{case, fold};
use crate::{Error, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// A set of user words, read from files of one word per line.
///
/// Lines are trimmed; empty lines and lines starting with `#` are skipped, and ` #` starts a
/// trailing comment (so "C#" stays a word). Typographic apostrophes are stored as `'`.
/// Lookups follow the lexicon's case policy (see [`super::case`]): a user word "Lalkar" also
/// accepts "LALKAR" and "Lalkar's", but not "lalkar".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordList {
    words: BTreeSet<String>,
}

impl WordList {
    /// An empty list.
    pub fn new() -> WordList {
        WordList::default()
    }

    /// Parse the text of a word file.
    pub fn parse(text: &str) -> WordList {
        let mut list = WordList::new();
        list.add_text(text);
        list
    }

    /// Read a word file (UTF-8). Errors name the file.
    pub fn load(path: &Path) -> Result<WordList> {
        let mut list = WordList::new();
        list.add_file(path)?;
        Ok(list)
    }

    /// Add the words of a word file (UTF-8). Errors name the file.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "word list is not UTF-8 (byte {})",
                    e.utf8_error().valid_up_to()
                ),
            ),
        })?;
        self.add_text(&text);
        Ok(())
    }

    /// Add the words of a word file's text.
    pub fn add_text(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim_start_matches('\u{feff}');
            let line = match line.find(" #").or_else(|| line.find("\t#")) {
                Some(i) => &line[..i],
                None => line,
            };
            let word = line.trim();
            if word.is_empty() || word.starts_with('#') {
                continue;
            }
            self.insert(word);
        }
    }

    /// Add one word.
    pub fn insert(&mut self, word: &str) {
        self.words
            .insert(fold::normalize_typography(word).into_owned());
    }

    /// True when `word`, as written, is a user word under the case policy, possibly with a
    /// possessive ending.
    pub fn contains(&self, word: &str) -> bool {
        let word = fold::normalize_typography(word);
        let known = |w: &str| case::candidates(w).iter().any(|c| self.words.contains(c));
        known(&word) || fold::strip_possessive(&word).is_some_and(known)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the list holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_and_blank_lines() {
        let list = WordList::parse("# names\nLalkar\n\n  WPK  \nC# # a language\nJuche\t# idea\n");
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["C#", "Juche", "Lalkar", "WPK"]
        );
        assert_eq!(list.len(), 4);
    }

    #[test]
    fn follows_the_case_policy() {
        let list = WordList::parse("Lalkar\nwibble\n");
        assert!(list.contains("Lalkar"));
        assert!(list.contains("LALKAR"));
        assert!(list.contains("Lalkar\u{2019}s"));
        assert!(!list.contains("lalkar"));
        assert!(list.contains("Wibble"));
        assert!(list.contains("WIBBLE"));
        assert!(!list.contains("wibbles"));
    }

    #[test]
    fn load_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let err = WordList::load(&missing).unwrap_err().to_string();
        assert!(err.contains("missing.txt"), "{err}");

        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"ok\n\xff\xfe\n").unwrap();
        let err = crate::error::chain(&WordList::load(&bad).unwrap_err());
        assert!(err.contains("bad.txt") && err.contains("UTF-8"), "{err}");

        let good = dir.path().join("good.txt");
        std::fs::write(&good, "\u{feff}Pyongyang\n").unwrap();
        assert!(WordList::load(&good).unwrap().contains("Pyongyang"));
    }
}
