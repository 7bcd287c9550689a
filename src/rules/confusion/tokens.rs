//! Word tokens of a text for the confusion rules: runs of letters and digits, with
//! apostrophes inside a word kept ("don't", "Korea’s").

use std::ops::Range;

/// One word token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The token's text.
    pub text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Every word token of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inside = is_word_char(c)
            || (start.is_some()
                && is_apostrophe(c)
                && iter.peek().is_some_and(|&(_, n)| is_word_char(n)));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token {
                    range: s..i,
                    text: &text[s..i],
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            range: s..text.len(),
            text: &text[s..],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_apostrophes() {
        let t: Vec<_> = tokens("Korea’s tbe don't 'quoted' l953—x")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, vec!["Korea’s", "tbe", "don't", "quoted", "l953", "x"]);
    }
}
