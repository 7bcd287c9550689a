//! Resource limits for one input: a memory ceiling and a time budget (`--memory-limit`,
//! `--time-limit`, `[limits]` in `clean.toml`). A run over 100,000 archive files must not
//! let one of them take the machine's memory or the night.
//!
//! Memory is bounded by design, not by watching: the text is cleaned in segments of at most
//! [`Limits::segment_bytes`], so the rules' working memory (vocabularies, token tables,
//! caches: up to [`WORK_FACTOR`] bytes per byte of a segment) does not grow with the file.
//! What is held for the whole run is the document, the output and the list of changes,
//! about [`HELD_FACTOR`] bytes per input byte; an input whose estimate exceeds the ceiling
//! is refused before it is read. Time is checked while loading (per PDF page) and between
//! rule stages and segments; an input over its budget fails with an error naming it, and a
//! batch goes on with the next file.

use crate::error::{Error, Result};
use std::path::Path;
use std::time::{Duration, Instant};

/// Peak working memory of the rules per byte of the segment they clean (measured on
/// corpus text with every default rule: see the README's robustness section).
pub const WORK_FACTOR: u64 = 12;
/// Memory held for a whole run per byte of input: the document with its line index, the
/// output and the changes.
pub const HELD_FACTOR: u64 = 4;
/// The largest segment: big enough that a segment holds hundreds of pages of evidence
/// (document vocabulary, running heads), small enough to bound working memory.
pub const MAX_SEGMENT: usize = 32 << 20;
/// The smallest segment, whatever the memory ceiling.
pub const MIN_SEGMENT: usize = 64 << 10;

/// Limits for one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Memory ceiling in MiB for one input.
    pub memory_mb: u64,
    /// Time budget for loading and cleaning one input; `None` for no budget.
    pub time: Option<Duration>,
}

impl Default for Limits {
    /// 4 GiB and 15 minutes per input: far above what any real document needs (a 1 GB
    /// text file takes about three copies of its size), low enough to stop a runaway.
    fn default() -> Self {
        Limits {
            memory_mb: 4096,
            time: Some(Duration::from_secs(900)),
        }
    }
}

impl Limits {
    /// The ceiling in bytes.
    pub fn memory_bytes(&self) -> u64 {
        self.memory_mb.saturating_mul(1 << 20)
    }

    /// The largest input, in bytes, that fits under the ceiling.
    pub fn max_input_bytes(&self) -> u64 {
        self.memory_bytes() / HELD_FACTOR
    }

    /// How many bytes of text one segment holds under this ceiling.
    pub fn segment_bytes(&self) -> usize {
        let fit = self.memory_bytes() / (2 * WORK_FACTOR);
        usize::try_from(fit)
            .unwrap_or(usize::MAX)
            .clamp(MIN_SEGMENT, MAX_SEGMENT)
    }

    /// `Err` naming `path` when an input of `len` bytes would not fit under the ceiling.
    pub fn check_size(&self, len: u64, path: &Path) -> Result<()> {
        if len > self.max_input_bytes() {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                needed_mb: len.saturating_mul(HELD_FACTOR) >> 20,
                limit_mb: self.memory_mb,
            });
        }
        Ok(())
    }

    /// The moment an input started at `start` runs out of time.
    pub fn deadline(&self, start: Instant) -> Deadline {
        Deadline {
            at: self.time.and_then(|t| start.checked_add(t)),
            budget: self.time,
        }
    }
}

/// When the current input's time budget runs out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deadline {
    at: Option<Instant>,
    budget: Option<Duration>,
}

impl Deadline {
    /// No deadline.
    pub fn none() -> Deadline {
        Deadline::default()
    }

    /// Whether the budget is spent.
    pub fn expired(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err` naming `path` when the budget is spent.
    pub fn check(&self, path: &Path) -> Result<()> {
        if self.expired() {
            return Err(self.exceeded(path));
        }
        Ok(())
    }

    /// The error of an input, named by `path`, that ran out of this budget.
    pub fn exceeded(&self, path: &Path) -> Error {
        Error::TimeLimit {
            path: path.to_path_buf(),
            seconds: self.budget.map_or(0, |b| b.as_secs()),
        }
    }
}

/// A leading decimal number and the lower-case unit after it (`"1.5 GiB"` → 1.5, `"gib"`).
fn number_and_unit(s: &str) -> Option<(f64, String)> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    Some((num.parse().ok()?, unit.trim().to_ascii_lowercase()))
}

/// Parse a memory size such as `4096`, `512M`, `4G` or `1.5GiB` into MiB.
pub fn parse_memory(s: &str) -> std::result::Result<u64, String> {
    let (value, unit) =
        number_and_unit(s).ok_or_else(|| format!("bad memory size '{s}' (e.g. 512M, 4G)"))?;
    let scale = match unit.as_str() {
        "" | "m" | "mb" | "mib" => 1.0,
        "g" | "gb" | "gib" => 1024.0,
        "t" | "tb" | "tib" => 1024.0 * 1024.0,
        _ => return Err(format!("bad memory unit in '{s}' (use M or G)")),
    };
    let mb = (value * scale).round();
    if !(1.0..=1e12).contains(&mb) {
        return Err(format!("memory size '{s}' is out of range"));
    }
    Ok(mb as u64)
}

/// Parse a duration such as `90`, `90s`, `15m`, `2h` or `none` (no budget).
pub fn parse_time(s: &str) -> std::result::Result<Option<Duration>, String> {
    let t = s.trim().to_ascii_lowercase();
    if matches!(t.as_str(), "none" | "off" | "0") {
        return Ok(None);
    }
    let (value, unit) =
        number_and_unit(&t).ok_or_else(|| format!("bad time '{s}' (e.g. 90s, 15m, none)"))?;
    let scale = match unit.as_str() {
        "" | "s" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        _ => return Err(format!("bad time unit in '{s}' (use s, m or h)")),
    };
    let secs = value * scale;
    if !(0.001..=1e9).contains(&secs) {
        return Err(format!("time '{s}' is out of range"));
    }
    Ok(Some(Duration::from_secs_f64(secs)))
}

/// Cut `text` into consecutive segments of at most about `max` bytes and of about equal
/// size (no short tail with too little evidence), at places where no rule works across: a
/// blank line between paragraphs (not beside a page break), else a line end, else a
/// character boundary. The segments concatenate to `text`.
pub fn segments(text: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let max = max.max(1);
    let count = text.len().div_ceil(max).max(1);
    let target = text.len().div_ceil(count).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let window_end = floor_char(text, start + target);
        let window = &text[start..window_end];
        // The last good cut in the second half of the window.
        let half = floor_char(window, window.len() / 2);
        let cut = last_paragraph_break(window, half)
            .or_else(|| last_break(&window[half..], &['\n', '\r']).map(|i| half + i))
            .or_else(|| last_break(&window[half..], &[' ', '\t']).map(|i| half + i))
            .unwrap_or(window.len());
        let cut = if cut == 0 { window.len().max(1) } else { cut };
        let mut cut = ceil_char(text, start + cut) - start;
        // Never between the CR and LF of a line end.
        if text.as_bytes().get(start + cut - 1) == Some(&b'\r')
            && text.as_bytes().get(start + cut) == Some(&b'\n')
        {
            cut += 1;
        }
        out.push(start..start + cut);
        start += cut;
    }
    out.push(start..text.len());
    out
}

/// The position just after the last of `chars` in `s` that does not split a CRLF pair.
fn last_break(s: &str, chars: &[char]) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut end = s.len();
    while let Some(i) = s[..end].rfind(chars) {
        if !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            return Some(i + 1);
        }
        end = i;
    }
    None
}

/// The position just after the last blank line (`\n\n`, `\r\n\r\n` or `\r\r`) at or
/// after `from` in `window` whose surroundings hold no form feed (a page break is where
/// rules join text across).
fn last_paragraph_break(window: &str, from: usize) -> Option<usize> {
    let bytes = window.as_bytes();
    let mut end = window.len();
    loop {
        let (i, len) = ["\n\n", "\n\r\n", "\r\r"]
            .iter()
            .filter_map(|p| window[..end].rfind(p).map(|i| (i, p.len())))
            .max_by_key(|&(i, _)| i)?;
        if i < from {
            return None;
        }
        let near = &bytes[i.saturating_sub(2)..(i + len + 2).min(bytes.len())];
        if !near.contains(&b'\x0c') {
            return Some(i + len);
        }
        end = i + 1;
    }
}

/// The smallest character boundary at or above `i`.
fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest character boundary at or below `i`.
fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text_and_cut_at_paragraphs() {
        let para = "word ".repeat(30) + "\n" + &"more ".repeat(30) + "\n\n";
        let text = para.repeat(50);
        let segs = segments(&text, 1000);
        assert!(segs.len() > 5);
        assert_eq!(segs[0].start, 0);
        assert_eq!(segs.last().map(|r| r.end), Some(text.len()));
        for w in segs.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with("\n\n"));
        }
        assert!(segs.iter().all(|r| r.len() <= 1000));
    }

    #[test]
    fn segments_without_line_ends_cut_at_char_boundaries() {
        let text = "é".repeat(1000);
        let segs = segments(&text, 101);
        assert!(segs
            .iter()
            .all(|r| text.is_char_boundary(r.start) && r.len() <= 101));
        assert_eq!(segs.last().map(|r| r.end), Some(text.len()));
    }

    #[test]
    fn cuts_never_split_words_or_crlf_pairs() {
        for eol in ["\r\n", "\r"] {
            let text = format!("some words on a line{eol}").repeat(200);
            let paragraphs = format!("a paragraph{eol}{eol}").repeat(100);
            for r in &segments(&paragraphs, 200)[..] {
                assert!(paragraphs[..r.end].ends_with(&format!("{eol}{eol}")));
            }
            let segs = segments(&text, 500);
            assert!(segs.len() > 2);
            for r in &segs[..segs.len() - 1] {
                assert!(
                    text[..r.end].ends_with(eol),
                    "{:?}",
                    &text[r.end - 3..r.end]
                );
            }
        }
        let text = "word ".repeat(1000);
        for r in segments(&text, 300) {
            assert!(text[r].ends_with(' '));
        }
    }

    #[test]
    fn short_text_is_one_segment() {
        assert_eq!(segments("abc", 10), vec![0..3]);
        assert_eq!(segments("", 10), vec![0..0]);
    }

    #[test]
    fn paragraph_breaks_beside_page_breaks_are_not_cut() {
        let text = format!("{}\n\n\x0cnext\n", "a ".repeat(40));
        let segs = segments(&text, 60);
        for r in &segs[..segs.len() - 1] {
            assert!(!text[r.clone()].ends_with("\n\n") || !text[r.end..].starts_with('\x0c'));
        }
    }

    #[test]
    fn memory_and_time_parse() {
        assert_eq!(parse_memory("512M"), Ok(512));
        assert_eq!(parse_memory("4G"), Ok(4096));
        assert_eq!(parse_memory("1.5GiB"), Ok(1536));
        assert_eq!(parse_memory("300"), Ok(300));
        assert!(parse_memory("lots").is_err());
        assert!(parse_memory("0").is_err());
        assert_eq!(parse_time("90"), Ok(Some(Duration::from_secs(90))));
        assert_eq!(parse_time("15m"), Ok(Some(Duration::from_secs(900))));
        assert_eq!(parse_time("none"), Ok(None));
        assert!(parse_time("soon").is_err());
    }

    #[test]
    fn size_check_names_the_file() {
        let limits = Limits {
            memory_mb: 1,
            time: None,
        };
        let e = limits
            .check_size(10 << 20, Path::new("big.txt"))
            .unwrap_err();
        assert!(e.to_string().starts_with("big.txt: "), "{e}");
        assert!(limits.check_size(1000, Path::new("small.txt")).is_ok());
    }

    #[test]
    fn deadline_expires() {
        let limits = Limits {
            memory_mb: 1,
            time: Some(Duration::from_millis(1)),
        };
        let d = limits.deadline(Instant::now() - Duration::from_secs(1));
        assert!(d.expired());
        assert!(d.check(Path::new("slow.txt")).is_err());
        assert!(!Deadline::none().expired());
    }
}
