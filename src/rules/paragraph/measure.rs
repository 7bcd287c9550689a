//! What a text's own lines say about its measure, for `--unwrap`'s guesses at paragraph
//! ends where nothing marks them: how long the lines are that the text itself shows to go
//! on (a line followed by the lower-case rest of its sentence), and whether the first
//! lines of its paragraphs are shorter than the others (an indent OCR did not keep).

use super::super::lines::{ends_sentence, Line};

/// At least this many continuing lines before their lengths are trusted.
const MIN_CONTINUING: usize = 8;

/// At least this many paragraph first lines before their lengths are trusted.
const MIN_FIRSTS: usize = 5;

/// First lines this many characters shorter than the others (as medians) show an indent:
/// one em of indentation is two to four characters of type.
const MIN_INDENT_CHARS: usize = 3;

/// Line lengths measured on the text itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    /// The 25th percentile of the lengths of lines inside a paragraph that go on (the next
    /// line is the lower-case rest of their sentence): a line shorter than this is short
    /// for this text, whatever the spread of its type. `None` with too few such lines.
    pub continuing_p25: Option<usize>,
    /// When the paragraphs' first lines (after a blank line) are clearly shorter than the
    /// lines inside paragraphs, the length halfway between the two medians: a line at
    /// least this long is not an indented first line. `None` when no indent shows.
    pub unindented_from: Option<usize>,
}

fn visible_len(line: &str) -> usize {
    line.trim().chars().count()
}

fn median(v: &mut [usize]) -> usize {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// Measure the lines `ls` of `text`.
pub fn measure(text: &str, ls: &[Line]) -> Measure {
    let mut firsts = Vec::new();
    let mut middles = Vec::new();
    for i in 0..ls.len().saturating_sub(1) {
        let (line, next) = (&ls[i], &ls[i + 1]);
        let (lt, nt) = (line.text(text), next.text(text));
        // A line that goes on: the next line, on the same page, is the lower-case rest of
        // its sentence.
        let goes_on = !line.is_blank(text)
            && !line.ends_page
            && !ends_sentence(lt)
            && nt
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if !goes_on {
            continue;
        }
        let n = visible_len(lt);
        match i.checked_sub(1).map(|p| &ls[p]) {
            Some(p) if p.is_blank(text) && !p.ends_page => firsts.push(n),
            Some(p) if !p.is_blank(text) && !p.ends_page => middles.push(n),
            _ => {}
        }
    }
    let mut m = Measure::default();
    if middles.len() >= MIN_CONTINUING {
        middles.sort_unstable();
        m.continuing_p25 = Some(middles[middles.len() / 4]);
        if firsts.len() >= MIN_FIRSTS {
            let (f, mid) = (median(&mut firsts), median(&mut middles));
            if mid >= f + MIN_INDENT_CHARS {
                m.unindented_from = Some(f + (mid - f).div_ceil(2));
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::super::super::lines::lines;
    use super::*;

    fn measured(text: &str) -> Measure {
        measure(text, &lines(text))
    }

    #[test]
    fn continuing_lines_give_the_short_quartile() {
        // Ten lines that go on, of 40 to 49 characters, and lines that end sentences.
        let mut t = String::new();
        for k in 0..10 {
            t.push_str(&"x".repeat(40 + k));
            t.push('\n');
        }
        t.push_str("and the end.\n");
        let m = measured(&t);
        assert_eq!(m.continuing_p25, Some(43));
        assert_eq!(m.unindented_from, None);
        // Too few lines say nothing.
        assert_eq!(
            measured("a line that goes\non and ends.\n"),
            Measure::default()
        );
    }

    #[test]
    fn shorter_first_lines_show_an_indent() {
        // Six paragraphs: a first line of 44 characters, two of 50, a short last line.
        let mut t = String::new();
        for _ in 0..6 {
            t.push_str(&format!("{}\n", "f".repeat(44)));
            t.push_str(&format!("{}\n", "m".repeat(50)));
            t.push_str(&format!("{}\n", "m".repeat(50)));
            t.push_str("end of it.\n\n");
        }
        let m = measured(&t);
        assert_eq!(m.unindented_from, Some(47));
        // First lines as long as the others show none.
        let t = t.replace(&"f".repeat(44), &"f".repeat(49));
        assert_eq!(measured(&t).unindented_from, None);
    }
}
