//! Word tokens of a text for the confusion rules: runs of letters and digits, with
//! apostrophes inside a word kept ("don't", "Korea’s"). The scan is byte-wise for ASCII,
//! so tokenising costs little next to the rules.

use std::ops::Range;

/// One word token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The token's text.
    pub text: &'a str,
}

/// The character at byte `i` and its length, or `None` at the end.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// An iterator over the word tokens of a text.
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        // Skip to the start of a word.
        let start = loop {
            let (c, len) = char_at(text, self.pos)?;
            if c.is_alphanumeric() {
                break self.pos;
            }
            self.pos += len;
        };
        let mut end = start;
        while let Some((c, len)) = char_at(text, end) {
            let inside = c.is_alphanumeric()
                || (is_apostrophe(c)
                    && char_at(text, end + len).is_some_and(|(n, _)| n.is_alphanumeric()));
            if !inside {
                break;
            }
            end += len;
        }
        self.pos = end;
        Some(Token {
            range: start..end,
            text: &text[start..end],
        })
    }
}

/// Iterate over the word tokens of `text`, in order.
pub fn iter(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Each token with the one before and the one after it.
pub fn windows(
    text: &str,
) -> impl Iterator<Item = (Option<Token<'_>>, Token<'_>, Option<Token<'_>>)> {
    let mut it = iter(text).peekable();
    let mut prev: Option<Token<'_>> = None;
    std::iter::from_fn(move || {
        let cur = it.next()?;
        let next = it.peek().cloned();
        let out = (prev.take(), cur.clone(), next);
        prev = Some(cur);
        Some(out)
    })
}

/// Every word token of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    iter(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_apostrophes() {
        let t: Vec<_> = tokens("Korea’s tbe don't 'quoted' l953—x naïve")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            vec!["Korea’s", "tbe", "don't", "quoted", "l953", "x", "naïve"]
        );
    }
}
