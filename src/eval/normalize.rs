//! Tokenising text for scoring, exactly as the referee (`score.py`'s `norm`) does, while
//! remembering where each token came from in the original text.
//!
//! The referee reads files in Python's text mode (universal newlines: `\r\n` and `\r`
//! become `\n`), turns form feeds into newlines, removes soft hyphens, and with
//! `--no-hyphen` applies `re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2")` and then
//! `re.sub(r"(\w)-(\w)", r"\1\2")` before splitting on whitespace. Both substitutions are
//! reproduced here with Python's left-to-right, non-overlapping semantics (so `a-b-c`
//! becomes `ab-c`, as in Python). `\w` is approximated by `char::is_alphanumeric` or `_`,
//! which differs from Python only on a few combining marks.

use std::ops::Range;

/// Text split into scoring tokens, each with the byte range of the original text it came
/// from.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// The normalised tokens, concatenated without separators.
    text: String,
    /// Per token: its byte range in `text`.
    spans: Vec<Range<usize>>,
    /// Per token: the byte range of the original text it was made from.
    sources: Vec<Range<usize>>,
}

impl Tokens {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `i`-th token.
    pub fn get(&self, i: usize) -> &str {
        &self.text[self.spans[i].clone()]
    }

    /// Every token, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.spans.iter().map(|s| &self.text[s.clone()])
    }

    /// The byte range of the original text that token `i` was made from.
    pub fn source(&self, i: usize) -> Range<usize> {
        self.sources[i].clone()
    }

    /// Byte ranges of the original text, one per token, in order.
    pub fn sources(&self) -> &[Range<usize>] {
        &self.sources
    }
}

/// Whitespace as Python's `str.isspace` (and so `str.split` and `re`'s `\s`) sees it:
/// Unicode White_Space plus the information separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` for `str` patterns (alphanumeric or underscore), approximately.
pub fn is_py_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokenise `text` as the referee does; `no_hyphen` folds hyphenation away.
pub fn tokenize(text: &str, no_hyphen: bool) -> Tokens {
    let mut chars = universal(text);
    if no_hyphen {
        chars = join_line_hyphens(&chars);
        chars = join_inner_hyphens(&chars);
    }
    split(&chars, text)
}

/// A character of the normalised text and the byte offset of the original character it
/// stands for.
type Mapped = (char, usize);

/// Universal newlines, form feeds as newlines, soft hyphens removed.
fn universal(text: &str) -> Vec<Mapped> {
    let mut out = Vec::with_capacity(text.len());
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            '\r' => {
                if it.peek().is_some_and(|&(_, n)| n == '\n') {
                    it.next();
                }
                out.push(('\n', i));
            }
            '\x0c' => out.push(('\n', i)),
            '\u{ad}' => {}
            c => out.push((c, i)),
        }
    }
    out
}

/// `re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)`.
fn join_line_hyphens(s: &[Mapped]) -> Vec<Mapped> {
    substitute(s, |s, p| {
        // s[p] is a word character; a match needs '-', a whitespace run holding a
        // newline, then a word character (backtracking cannot help when the run is not
        // followed by one).
        if s.get(p + 1)?.0 != '-' {
            return None;
        }
        let mut q = p + 2;
        let mut newline = false;
        while let Some(&(c, _)) = s.get(q) {
            if !is_py_space(c) {
                break;
            }
            newline |= c == '\n';
            q += 1;
        }
        (newline && s.get(q).is_some_and(|&(c, _)| is_py_word(c))).then_some(q)
    })
}

/// `re.sub(r"(\w)-(\w)", r"\1\2", text)`.
fn join_inner_hyphens(s: &[Mapped]) -> Vec<Mapped> {
    substitute(s, |s, p| {
        (s.get(p + 1)?.0 == '-' && s.get(p + 2).is_some_and(|&(c, _)| is_py_word(c)))
            .then_some(p + 2)
    })
}

/// Python `re.sub` of a pattern `(\w)…(\w)` by `\1\2`: scanning left to right, at a word
/// character `p`, `matcher` returns the index of the closing word character when the
/// pattern matches there; the match is replaced by its two word characters and the scan
/// resumes after it.
fn substitute(s: &[Mapped], matcher: impl Fn(&[Mapped], usize) -> Option<usize>) -> Vec<Mapped> {
    let mut out = Vec::with_capacity(s.len());
    let mut p = 0;
    while p < s.len() {
        if is_py_word(s[p].0) {
            if let Some(end) = matcher(s, p) {
                out.push(s[p]);
                out.push(s[end]);
                p = end + 1;
                continue;
            }
        }
        out.push(s[p]);
        p += 1;
    }
    out
}

/// Split on whitespace, keeping each token's source range in `original`.
fn split(chars: &[Mapped], original: &str) -> Tokens {
    let mut t = Tokens {
        text: String::with_capacity(chars.len()),
        ..Tokens::default()
    };
    let mut start: Option<(usize, usize)> = None; // (text offset, source offset)
    let mut last_src_end = 0;
    for &(c, src) in chars {
        if is_py_space(c) {
            if let Some((ts, ss)) = start.take() {
                t.spans.push(ts..t.text.len());
                t.sources.push(ss..last_src_end);
            }
            continue;
        }
        if start.is_none() {
            start = Some((t.text.len(), src));
        }
        t.text.push(c);
        // Non-space characters are copied unchanged, so the source character is `c`.
        last_src_end = src + original[src..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some((ts, ss)) = start {
        t.spans.push(ts..t.text.len());
        t.sources.push(ss..last_src_end);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, no_hyphen: bool) -> Vec<String> {
        tokenize(text, no_hyphen)
            .iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn splits_on_python_whitespace() {
        assert_eq!(
            words("a b\tc\x0cd\u{a0}e\u{1f}f\r\ng", false),
            ["a", "b", "c", "d", "e", "f", "g"]
        );
        assert!(tokenize("  \n\x0c ", false).is_empty());
    }

    #[test]
    fn soft_hyphens_vanish() {
        assert_eq!(words("organi\u{ad}sation", false), ["organisation"]);
    }

    #[test]
    fn no_hyphen_joins_like_python() {
        assert_eq!(words("organi-\nsation", true), ["organisation"]);
        assert_eq!(words("organi- \r\n  sation", true), ["organisation"]);
        assert_eq!(words("organi-\rsation", true), ["organisation"]);
        assert_eq!(words("organi-\x0csation", true), ["organisation"]);
        // No newline in the gap: not a line-end hyphen, so the words stay apart.
        assert_eq!(words("no- tice", true), ["no-", "tice"]);
        // Non-overlapping, left to right: Python turns "a-b-c" into "ab-c".
        assert_eq!(words("a-b-c x-y", true), ["ab-c", "xy"]);
        assert_eq!(words("well-\nknown-man", true), ["wellknownman"]);
        assert_eq!(words("-x- -", true), ["-x-", "-"]);
        assert_eq!(words("organi-\nsation", false), ["organi-", "sation"]);
    }

    #[test]
    fn sources_point_into_the_original() {
        let text = "ﬁrst  organi-\r\nsation\u{ad}s end";
        let t = tokenize(text, true);
        assert_eq!(t.len(), 3);
        assert_eq!(&text[t.source(0)], "ﬁrst");
        assert_eq!(t.get(1), "organisations");
        assert_eq!(&text[t.source(1)], "organi-\r\nsation\u{ad}s");
        assert_eq!(&text[t.source(2)], "end");
    }
}
