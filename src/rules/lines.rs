//! Lines of a text with their byte ranges and the page they are on, for the rules that
//! reason about layout (furniture, page breaks, hyphenation, paragraphs).

use super::scan::line_break_len;

/// One line: its content range (without the line break) and where its break ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the content (where the line break starts).
    pub end: usize,
    /// Byte offset just past the line break (`end` for the last line without one).
    pub next: usize,
    /// Index of the page the line is on (0-based; form feeds separate pages).
    pub page: usize,
    /// True when the line break is a form feed (the line ends its page).
    pub ends_page: bool,
}

impl Line {
    /// The content of the line in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the line holds only spaces and tabs.
    pub fn is_blank(&self, text: &str) -> bool {
        self.text(text).trim().is_empty()
    }
}

/// Every line of `text`. A trailing line break does not open an extra empty line, but a
/// form feed always opens the next page's first line.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut page = 0;
    let mut i = 0;
    while i < bytes.len() {
        let blen = line_break_len(bytes, i);
        if blen == 0 {
            i += memchr::memchr3(b'\n', b'\r', b'\x0c', &bytes[i..]).unwrap_or(bytes.len() - i);
            continue;
        }
        let ends_page = bytes[i] == b'\x0c';
        out.push(Line {
            start,
            end: i,
            next: i + blen,
            page,
            ends_page,
        });
        if ends_page {
            page += 1;
        }
        i += blen;
        start = i;
    }
    if start < bytes.len() || out.last().is_none_or(|l| l.ends_page) {
        out.push(Line {
            start,
            end: bytes.len(),
            next: bytes.len(),
            page,
            ends_page: false,
        });
    }
    out
}

/// Index of the first line of each page in `lines`, plus `lines.len()` at the end, so
/// page `p` spans `lines[firsts[p]..firsts[p + 1]]`.
pub fn page_starts(lines: &[Line]) -> Vec<usize> {
    let mut firsts = vec![0];
    for (i, l) in lines.iter().enumerate() {
        if l.ends_page {
            firsts.push(i + 1);
        }
    }
    firsts.push(lines.len());
    firsts
}

/// True for characters that close a sentence (or a clause that may end a paragraph),
/// looking through closing quotes and brackets.
pub fn ends_sentence(line: &str) -> bool {
    let t = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', ':', '…'])
}

/// The first alphanumeric character of a line, skipping opening quotes and brackets.
pub fn first_letter(line: &str) -> Option<char> {
    line.trim_start()
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'))
        .filter(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_pages() {
        let t = "a\nb\r\n\x0cc\n";
        let ls = lines(t);
        assert_eq!(ls.len(), 4);
        assert_eq!(ls[1].text(t), "b");
        assert_eq!(ls[2].text(t), "");
        assert!(ls[2].ends_page);
        assert_eq!(ls[3].text(t), "c");
        assert_eq!(ls[3].page, 1);
        assert_eq!(page_starts(&ls), vec![0, 3, 4]);
        assert_eq!(lines("").len(), 1);
        assert_eq!(lines("x\x0c").len(), 2);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("the end.”"));
        assert!(!ends_sentence("the end,"));
        assert_eq!(first_letter("“quoted"), Some('q'));
        assert_eq!(first_letter("— dash"), None);
    }
}
