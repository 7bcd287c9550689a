//! Learning from the reviewer: an explicit "always" answer stores a replacement pair
//! ("Kim II Sung" → "Kim Il Sung") or a word to keep ("Lalkar") in a small TOML file that
//! later runs load: pairs become the safe user rule `X001` (whole words only, reason
//! "learned from review"), kept words become protected words no rule may change.
//!
//! The file is separate from any general configuration on purpose, so the two can be
//! joined later:
//!
//! ```toml
//! keep = ["Lalkar"]
//!
//! [[replace]]
//! old = "Kim II Sung"
//! new = "Kim Il Sung"
//! ```

use crate::edit::{Edit, Safety};
use crate::error::{Error, Result};
use crate::rules::{Context, Family, Rule, RuleInfo};
use crate::Report;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;

/// Code of the rule made of learned pairs.
pub const LEARNED_CODE: &str = "X001";

/// A replacement learned from an "always" answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    /// The exact phrase to replace (matched as whole words).
    pub old: String,
    /// Its replacement.
    pub new: String,
}

/// The learned file: words to keep and pairs to replace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learned {
    /// Words or phrases no rule may change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keep: Vec<String>,
    /// Phrases always replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace: Vec<Pair>,
}

const HEADER: &str = "# Learned by `clean --review` from \"always\" answers (Y and N keys).\n\
# keep: words no rule changes; [[replace]]: whole-word phrases always replaced (rule X001).\n\n";

impl Learned {
    /// Read a learned file; a missing file is empty. Errors name the file.
    pub fn load(path: &Path) -> Result<Learned> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Learned::default()),
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        Learned::parse(&text, path)
    }

    /// Parse the text of a learned file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Learned> {
        toml::from_str(text).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        })
    }

    /// Write the file atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let body = toml::to_string(self).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        crate::fsio::write_atomic(path, format!("{HEADER}{body}").as_bytes())
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.keep.is_empty() && self.replace.is_empty()
    }

    /// Learn a pair; it replaces an earlier pair or kept word with the same old text.
    pub fn add_pair(&mut self, old: &str, new: &str) {
        self.keep.retain(|k| k != old);
        self.replace.retain(|p| p.old != old);
        self.replace.push(Pair {
            old: old.to_string(),
            new: new.to_string(),
        });
    }

    /// Learn a word to keep; it replaces an earlier pair with the same old text.
    pub fn add_keep(&mut self, word: &str) {
        self.replace.retain(|p| p.old != word);
        if !self.keep.iter().any(|k| k == word) {
            self.keep.push(word.to_string());
        }
    }

    /// The rule that applies the learned pairs, if there are any.
    pub fn rule(&self) -> Option<LearnedRule> {
        let pairs: Vec<Pair> = self
            .replace
            .iter()
            .filter(|p| !p.old.is_empty() && p.old != p.new)
            .cloned()
            .collect();
        (!pairs.is_empty()).then_some(LearnedRule {
            info: RuleInfo {
                code: LEARNED_CODE,
                name: "learned",
                family: Family::User,
                summary: "Replaces whole-word phrases a reviewer answered 'always' for",
                example: ("tbe", "the"),
                default_on: true,
            },
            pairs,
        })
    }

    /// Drop every change that touches a kept word or phrase (as whole words in the
    /// original text) and recompute the output.
    pub fn protect(&self, report: &mut Report) {
        if self.keep.is_empty() {
            return;
        }
        let text = report.document.text();
        let mut spans: Vec<Range<usize>> = self
            .keep
            .iter()
            .filter(|k| !k.is_empty())
            .flat_map(|k| whole_word_matches(text, k))
            .collect();
        if spans.is_empty() {
            return;
        }
        spans.sort_by_key(|r| r.start);
        let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
        report.changes.retain(|c| {
            let r = &c.edit.range;
            // Only spans starting within `longest` bytes before the change can touch it.
            let from = spans.partition_point(|s| s.start + longest < r.start);
            let to = spans.partition_point(|s| s.start <= r.end);
            !spans[from..to.max(from)].iter().any(|s| {
                if r.is_empty() {
                    s.start < r.start && r.start < s.end
                } else {
                    r.start < s.end && s.start < r.end
                }
            })
        });
        let applied = report.applied_edits();
        report.output = crate::edit::apply(text, applied);
    }
}

/// Whether `c` is part of a word for whole-word matching.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte ranges of `needle` in `text` not adjoining a word character on either side (where
/// the needle itself starts or ends with one).
fn whole_word_matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let starts_word = needle.chars().next().is_some_and(is_word_char);
    let ends_word = needle.chars().next_back().is_some_and(is_word_char);
    text.match_indices(needle)
        .filter(|(i, _)| {
            let end = i + needle.len();
            let before_ok =
                !starts_word || !text[..*i].chars().next_back().is_some_and(is_word_char);
            let after_ok = !ends_word || !text[end..].chars().next().is_some_and(is_word_char);
            before_ok && after_ok
        })
        .map(|(i, _)| i..i + needle.len())
        .collect()
}

/// The safe user rule made of learned pairs.
#[derive(Clone, Debug)]
pub struct LearnedRule {
    info: RuleInfo,
    pairs: Vec<Pair>,
}

impl Rule for LearnedRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
        for p in &self.pairs {
            for r in whole_word_matches(cx.text, &p.old) {
                out.push(Edit::new(
                    r,
                    p.new.clone(),
                    LEARNED_CODE,
                    1.0,
                    Safety::Safe,
                    format!("learned from review: '{}' → '{}'", p.old, p.new),
                ));
            }
        }
    }
}

/// The phrases an "always" answer can store for a change of `range` in `text` to
/// `replacement`: the whole word(s) around the change, then with one more word before,
/// after, and both. Each is `(old, new)`. A change with no letter or digit in its old or
/// new text (spaces, punctuation) is not learned; phrases never cross a line end.
pub fn phrase_choices(text: &str, range: Range<usize>, replacement: &str) -> Vec<(String, String)> {
    let Some(changed) = text.get(range.clone()) else {
        return Vec::new();
    };
    if !changed
        .chars()
        .chain(replacement.chars())
        .any(char::is_alphanumeric)
    {
        return Vec::new();
    }
    let word_start = extend_back(text, range.start);
    let word_end = extend_forward(text, range.end);
    let one_before = extend_back(text, skip_space_back(text, word_start));
    let one_after = extend_forward(text, skip_space_forward(text, word_end));
    let spans = [
        (word_start, word_end),
        (one_before, word_end),
        (word_start, one_after),
        (one_before, one_after),
    ];
    let mut out: Vec<(String, String)> = Vec::new();
    for (s, e) in spans {
        let old = &text[s..e];
        if !old.chars().any(char::is_alphanumeric) || old.contains(['\n', '\r', '\x0c']) {
            continue;
        }
        let new = format!(
            "{}{}{}",
            &text[s..range.start],
            replacement,
            &text[range.end..e]
        );
        let pair = (old.to_string(), new);
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}

fn extend_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[..i].chars().next_back() {
        if !is_word_char(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

fn extend_forward(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Step back over spaces and tabs (not line ends) and one punctuation-free gap.
fn skip_space_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[..i].chars().next_back() {
        if c != ' ' && c != '\t' {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

fn skip_space_forward(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if c != ' ' && c != '\t' {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cleaner, Options};

    #[test]
    fn phrase_choices_widen_by_words() {
        let t = "said Kim II Sung today";
        let i = t.find("II").unwrap();
        let c = phrase_choices(t, i..i + 2, "Il");
        assert_eq!(
            c,
            vec![
                ("II".to_string(), "Il".to_string()),
                ("Kim II".into(), "Kim Il".into()),
                ("II Sung".into(), "Il Sung".into()),
                ("Kim II Sung".into(), "Kim Il Sung".into()),
            ]
        );
        // A ligature inside a word learns the whole word.
        let t = "the ﬁrst";
        let c = phrase_choices(t, 4..7, "fi");
        assert_eq!(c[0], ("ﬁrst".to_string(), "first".to_string()));
        // Spaces alone are not learned.
        assert!(phrase_choices("a  \nb", 1..3, "").is_empty());
    }

    #[test]
    fn file_round_trip_and_rule() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("learned.toml");
        assert!(Learned::load(&path).unwrap().is_empty());
        let mut l = Learned::default();
        l.add_pair("Kim II Sung", "Kim Il Sung");
        l.add_keep("Lalkar");
        l.add_keep("Lalkar");
        l.save(&path).unwrap();
        let back = Learned::load(&path).unwrap();
        assert_eq!(back, l);
        assert_eq!(back.keep, vec!["Lalkar".to_string()]);

        // The built-in C003 rule knows this name too: leave the learned rule alone here.
        let opts = Options {
            selection: crate::Selection {
                select: vec![],
                ignore: vec!["confusion".into()],
            },
            ..Options::default()
        };
        let mut cleaner = Cleaner::new(&opts).unwrap();
        cleaner.add_rule(Box::new(back.rule().unwrap()));
        let loaded = crate::input::load_bytes(
            b"Kim II Sung met Kim II Sungs; World War II.\n".to_vec(),
            Path::new("-"),
            &Default::default(),
        )
        .unwrap();
        let r = cleaner.clean(loaded).unwrap();
        assert_eq!(r.output, "Kim Il Sung met Kim II Sungs; World War II.\n");
        assert_eq!(r.changes[0].edit.rule, LEARNED_CODE);
        assert!(r.changes[0].edit.reason.starts_with("learned from review"));
    }

    #[test]
    fn kept_words_drop_changes() {
        let mut r = crate::clean_text("The ﬁrst and Oﬃce.  \n", &Options::default()).unwrap();
        let n = r.changes.len();
        let l = Learned {
            keep: vec!["Oﬃce".into()],
            replace: vec![],
        };
        l.protect(&mut r);
        assert_eq!(r.changes.len(), n - 1);
        assert_eq!(r.output, "The first and Oﬃce.\n");
    }

    #[test]
    fn broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("learned.toml");
        std::fs::write(&path, "keep = 3").unwrap();
        let e = Learned::load(&path).unwrap_err().to_string();
        assert!(e.contains("learned.toml"), "{e}");
    }
}
