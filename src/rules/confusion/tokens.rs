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
#[derive(Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip to the start of a word; ASCII bytes are classified without decoding.
        let start = loop {
            let b = *bytes.get(self.pos)?;
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break self.pos;
                }
                self.pos += 1;
                continue;
            }
            let (c, len) = char_at(text, self.pos)?;
            if c.is_alphanumeric() {
                break self.pos;
            }
            self.pos += len;
        };
        let mut end = start;
        // Runs of ASCII letters and digits, the common case, byte by byte.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        while let Some((c, len)) = char_at(text, end) {
            let inside = c.is_alphanumeric()
                || (is_apostrophe(c)
                    && char_at(text, end + len).is_some_and(|(n, _)| n.is_alphanumeric()));
            if !inside {
                break;
            }
            end += len;
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
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

/// Each token of `text` with the one before and the one after it.
pub fn windows(
    text: &str,
) -> impl Iterator<Item = (Option<Token<'_>>, Token<'_>, Option<Token<'_>>)> {
    windows_of(iter(text))
}

/// Each token of `tokens` with the one before and the one after it.
pub fn windows_of<'a>(
    tokens: impl Iterator<Item = Token<'a>>,
) -> impl Iterator<Item = (Option<Token<'a>>, Token<'a>, Option<Token<'a>>)> {
    let mut it = tokens.peekable();
    let mut prev: Option<Token<'a>> = None;
    std::iter::from_fn(move || {
        let cur = it.next()?;
        let next = it.peek().cloned();
        let out = (prev.take(), cur.clone(), next);
        prev = Some(cur);
        Some(out)
    })
}

/// The word tokens of one text, found once and kept as byte spans of 8 bytes each, so
/// that the rules of a stage share one scan (see [`crate::rules::Context::words`]).
#[derive(Debug, Default)]
pub struct Table {
    /// (start, end) of each token; empty when the text is too long for `u32` offsets.
    spans: Vec<(u32, u32)>,
    /// True when the text was too long for the table: [`Table::iter`] scans instead.
    scan: bool,
}

impl Table {
    /// Tokenise `text` once.
    pub fn new(text: &str) -> Self {
        if u32::try_from(text.len()).is_err() {
            return Table {
                spans: Vec::new(),
                scan: true,
            };
        }
        // Casts are lossless: every offset is at most `text.len()`, which fits in u32.
        let spans = iter(text)
            .map(|t| (t.range.start as u32, t.range.end as u32))
            .collect();
        Table { spans, scan: false }
    }

    /// The tokens of `text`, which must be the text the table was built from.
    pub fn iter<'c, 'a>(&'c self, text: &'a str) -> Words<'c, 'a> {
        Words {
            text,
            inner: if self.scan {
                Inner::Scan(iter(text))
            } else {
                Inner::Table(self.spans.iter())
            },
        }
    }
}

/// The tokens of a [`Table`], in order.
#[derive(Clone)]
pub struct Words<'c, 'a> {
    text: &'a str,
    inner: Inner<'c, 'a>,
}

#[derive(Clone)]
enum Inner<'c, 'a> {
    Table(std::slice::Iter<'c, (u32, u32)>),
    Scan(Tokens<'a>),
}

impl<'a> Iterator for Words<'_, 'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        match &mut self.inner {
            Inner::Table(spans) => {
                let &(start, end) = spans.next()?;
                let range = start as usize..end as usize;
                let text = self.text.get(range.clone())?;
                Some(Token { range, text })
            }
            Inner::Scan(tokens) => tokens.next(),
        }
    }
}

/// The distinct spellings among `tokens` that `wanted` accepts (the first `limit` of
/// them), each with `answer`'s answer for it, worked out on every core: for the rules
/// whose per-spelling answers depend on the spelling alone, to fill their caches at once.
pub fn answers<'a, T: Send>(
    tokens: impl Iterator<Item = Token<'a>>,
    limit: usize,
    wanted: impl Fn(&str) -> bool,
    answer: impl Fn(&'a str) -> T + Sync,
) -> Vec<(&'a str, T)> {
    use rayon::prelude::*;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut distinct: Vec<&'a str> = Vec::new();
    for t in tokens {
        if distinct.len() >= limit {
            break;
        }
        if wanted(t.text) && seen.insert(t.text) {
            distinct.push(t.text);
        }
    }
    distinct.into_par_iter().map(|s| (s, answer(s))).collect()
}

/// Every word token of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    iter(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_the_scan_s_tokens() {
        let text = "Korea’s tbe don't 'quoted' l953—x naïve\n\x0cend";
        let table = Table::new(text);
        assert_eq!(table.iter(text).collect::<Vec<_>>(), tokens(text));
        assert_eq!(Table::new("").iter("").count(), 0);
    }

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
