//! One change as the reviewer sees it: where it is, the rule, its reason and confidence,
//! a few lines of context, and the old and new lines with the changed words emphasised
//! (ANSI colours, or `[-old-]{+new+}` markers without colour). Invisible characters are
//! made visible so a change of spaces or control characters can be seen.

use super::state::Answer;
use crate::edit::Safety;
use crate::visible::visible;
use crate::Report;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const YELLOW: &str = "\x1b[33m";
const EMPH_RED: &str = "\x1b[1;97;41m";
const EMPH_GREEN: &str = "\x1b[1;30;42m";
const RESET: &str = "\x1b[0m";

/// At most this many changed lines are drawn; the rest are counted.
const MAX_DIFF_LINES: usize = 30;

/// How to draw a change.
#[derive(Clone, Copy, Debug)]
pub struct ViewOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Lines of context before and after the changed lines.
    pub context: usize,
    /// Terminal width: context lines are cut to it.
    pub width: usize,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            color: false,
            context: 2,
            width: 100,
        }
    }
}

fn line_start(text: &str, pos: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..pos]).map_or(0, |i| i + 1)
}

fn line_end(text: &str, pos: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i + 1)
}

/// Describe an answer for the reviewer.
pub fn answer_label(a: &Answer) -> String {
    match a {
        Answer::Undecided => "undecided".into(),
        Answer::Accept => "accepted".into(),
        Answer::Reject => "rejected".into(),
        Answer::Edit(s) => format!("edited to '{}'", visible(s)),
    }
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Render change `index` of `report` with its current answer; `rule_label` names the rule
/// (e.g. "U001 ligature").
pub fn render(
    report: &Report,
    index: usize,
    answer: &Answer,
    rule_label: &str,
    opts: &ViewOptions,
) -> String {
    let mut out = String::new();
    let Some(change) = report.changes.get(index) else {
        return out;
    };
    let text = report.document.text();
    let e = &change.edit;
    let (start, end) = (e.range.start.min(text.len()), e.range.end.min(text.len()));
    let (Some(old), true) = (text.get(start..end), start <= end) else {
        return out;
    };
    let c = |code: &'static str| if opts.color { code } else { "" };
    let pos = report.position(start);
    let kind = match e.safety {
        Safety::Safe => "safe",
        Safety::Suggestion => "suggestion",
    };
    let _ = writeln!(
        out,
        "{}page {}, line {}, column {}{}   {}{rule_label}{}   {kind}, confidence {:.2}",
        c(BOLD),
        pos.page,
        pos.line,
        pos.column,
        c(RESET),
        c(YELLOW),
        c(RESET),
        e.confidence
    );
    let _ = writeln!(
        out,
        "'{}' → '{}'   {}",
        visible(old),
        visible(&e.replacement),
        e.reason
    );
    let _ = writeln!(out, "answer: {}", answer_label(answer));
    out.push('\n');

    // The changed lines, and context around them.
    let first = line_start(text, start);
    let last = if end > start && text.as_bytes()[end - 1] == b'\n' {
        end
    } else {
        line_end(text, end)
    };
    let old_region = &text[first..last];
    let new_region = format!(
        "{}{}{}",
        &text[first..start],
        e.replacement,
        &text[end..last]
    );
    let first_line = report.document.position(first).line;
    let width = opts.width.saturating_sub(8).max(20);

    let mut before = Vec::new();
    let mut p = first;
    while before.len() < opts.context && p > 0 {
        let s = line_start(text, p - 1);
        before.push(&text[s..p]);
        p = s;
    }
    for (k, l) in before.iter().rev().enumerate() {
        let n = first_line as isize - (before.len() - k) as isize;
        context_line(&mut out, n, l, width, opts);
    }

    let diff = TextDiff::from_lines(old_region, new_region.as_str());
    let (mut old_n, mut new_n) = (first_line, first_line);
    let mut drawn = 0;
    let mut hidden = 0;
    for op in diff.ops() {
        for change in diff.iter_inline_changes(op) {
            if drawn >= MAX_DIFF_LINES {
                hidden += 1;
                if change.tag() != ChangeTag::Insert {
                    old_n += 1;
                }
                continue;
            }
            drawn += 1;
            let (sign, base, emph, open, close, n) = match change.tag() {
                ChangeTag::Equal => (' ', "", "", "", "", old_n),
                ChangeTag::Delete => ('-', RED, EMPH_RED, "[-", "-]", old_n),
                ChangeTag::Insert => ('+', GREEN, EMPH_GREEN, "{+", "+}", new_n),
            };
            match change.tag() {
                ChangeTag::Equal => {
                    old_n += 1;
                    new_n += 1;
                }
                ChangeTag::Delete => old_n += 1,
                ChangeTag::Insert => new_n += 1,
            }
            let parts: Vec<(bool, String)> = change
                .iter_strings_lossy()
                .map(|(em, s)| (em, s.into_owned()))
                .collect();
            let mut line = String::new();
            let count = parts.len();
            for (k, (emphasised, part)) in parts.into_iter().enumerate() {
                let part = if k + 1 == count {
                    part.strip_suffix('\n').unwrap_or(&part).to_string()
                } else {
                    part
                };
                if part.is_empty() {
                    continue;
                }
                let shown = visible(&part);
                if emphasised {
                    if opts.color {
                        let _ = write!(line, "{emph}{shown}{RESET}{base}");
                    } else {
                        let _ = write!(line, "{open}{shown}{close}");
                    }
                } else {
                    line.push_str(&shown);
                }
            }
            let _ = writeln!(
                out,
                "{}{sign}{n:>5} │{}{} {line}{}",
                c(base),
                if opts.color && !base.is_empty() {
                    RESET
                } else {
                    ""
                },
                c(base),
                if base.is_empty() { "" } else { c(RESET) }
            );
        }
    }

    if hidden > 0 {
        let _ = writeln!(out, "        … {hidden} more changed line(s)");
    }
    let mut q = last;
    for k in 0..opts.context {
        if q >= text.len() {
            break;
        }
        let s = q;
        q = line_end(text, q);
        context_line(&mut out, (old_n + k) as isize, &text[s..q], width, opts);
    }
    out
}

fn context_line(out: &mut String, n: isize, line: &str, width: usize, opts: &ViewOptions) {
    let body = line.strip_suffix('\n').unwrap_or(line);
    let body = body.strip_suffix('\r').unwrap_or(body);
    let shown = cut(&visible(body), width);
    let n = if n < 1 { String::new() } else { n.to_string() };
    let (dim, reset) = if opts.color { (DIM, RESET) } else { ("", "") };
    let _ = writeln!(out, "{dim} {n:>5} │{reset} {shown}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clean_text, Options};

    #[test]
    fn shows_position_rule_and_word_emphasis_without_colour() {
        let text = "line one\nline two\nThe ﬂoor was wet.\nline four\nline five\nline six\n";
        let r = clean_text(text, &Options::default()).unwrap();
        let s = render(
            &r,
            0,
            &Answer::Undecided,
            "U001 ligature",
            &ViewOptions::default(),
        );
        assert!(
            s.starts_with("page 1, line 3, column 5   U001 ligature   safe"),
            "{s}"
        );
        assert!(s.contains("'ﬂ' → 'fl'"), "{s}");
        assert!(s.contains("answer: undecided"), "{s}");
        assert!(s.contains("-    3 │ The [-ﬂoor-] was wet."), "{s}");
        assert!(s.contains("+    3 │ The {+floor+} was wet."), "{s}");
        assert!(s.contains("     1 │ line one"), "{s}");
        assert!(s.contains("     5 │ line five"), "{s}");
        assert!(!s.contains("line six"), "{s}");
        assert!(!s.contains('\x1b'));
    }

    #[test]
    fn invisible_changes_are_visible_and_colour_is_used() {
        let text = "trailing   \nnext\n";
        let r = clean_text(text, &Options::default()).unwrap();
        let s = render(&r, 0, &Answer::Reject, "S001", &ViewOptions::default());
        assert!(s.contains("'   ' → ''"), "{s}");
        assert!(s.contains("answer: rejected"), "{s}");
        assert!(
            s.contains("[-   -]") || s.contains("[-trailing   -]"),
            "{s}"
        );
        let opts = ViewOptions {
            color: true,
            ..ViewOptions::default()
        };
        let s = render(&r, 0, &Answer::Undecided, "S001", &opts);
        assert!(s.contains(EMPH_RED), "{s}");
    }

    #[test]
    fn long_changes_are_cut() {
        let text = format!("a\n{}b\n", "line\n".repeat(50));
        let mut r = clean_text(&text, &Options::default()).unwrap();
        r.changes = vec![crate::Change {
            edit: crate::Edit::new(2..text.len() - 2, "", "T", 1.0, Safety::Safe, "t"),
            applied: true,
        }];
        let s = render(&r, 0, &Answer::Undecided, "T", &ViewOptions::default());
        assert!(s.lines().count() < 45, "{s}");
        assert!(s.contains("more changed line(s)"), "{s}");
    }

    #[test]
    fn out_of_range_index_renders_nothing() {
        let r = clean_text("x", &Options::default()).unwrap();
        assert_eq!(
            render(&r, 5, &Answer::Undecided, "", &ViewOptions::default()),
            ""
        );
    }
}
