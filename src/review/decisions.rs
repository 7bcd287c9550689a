//! The decisions file: every review answer, saved as JSON after each answer, so quitting or
//! a crash loses nothing and `clean --decisions FILE input` can replay a review.
//!
//! A decision is keyed by content and context, not by byte offset: the rule code, the old
//! and new text, a few words before and after (whitespace collapsed) and the occurrence
//! index among changes with the same key. Inserting text before a change, or re-extracting
//! a PDF with different line breaks elsewhere, leaves its key unchanged. If the rule code
//! changed (a rule renumbered, or a change now composed with another rule), a second pass
//! matches on the rest of the key. Entries that match no change, or that a newer version
//! wrote with fields this one does not know, are kept as they are when the file is saved.

use super::state::Answer;
use crate::error::{Error, Result};
use crate::Report;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Version of the file format written.
pub const VERSION: u64 = 1;

/// How many words of context a key holds on each side.
const CONTEXT_WORDS: usize = 3;
/// At most this many characters of context on each side.
const CONTEXT_CHARS: usize = 40;

/// What identifies a change across runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Key {
    /// Rule code(s) of the change.
    pub rule: String,
    /// The original text.
    pub old: String,
    /// The proposed replacement.
    pub new: String,
    /// A few words before the change, whitespace collapsed to single spaces.
    pub before: String,
    /// A few words after the change, whitespace collapsed to single spaces.
    pub after: String,
    /// Index among the changes (in document order) with the same other fields.
    pub occurrence: usize,
}

/// One saved answer, as written in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The change it answers.
    #[serde(flatten)]
    pub key: Key,
    /// "accept", "reject" or "edit".
    pub answer: String,
    /// The reviewer's replacement when the answer is "edit".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    /// Page of the change when saved (for people; not used to match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// Line within the page when saved (for people; not used to match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Decision {
    /// The answer this decision records; `None` for an answer this version does not know.
    pub fn to_answer(&self) -> Option<Answer> {
        match (self.answer.as_str(), &self.replacement) {
            ("accept", _) => Some(Answer::Accept),
            ("reject", _) => Some(Answer::Reject),
            ("edit", Some(r)) => Some(Answer::Edit(r.clone())),
            _ => None,
        }
    }
}

/// Collapse runs of whitespace to one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The context words before `start` and after `end` of `text`: up to three words and 40
/// characters on each side, within the paragraph.
pub fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let start = floor_boundary(text, start);
    let end = floor_boundary(text, end.max(start));
    let head = &text[..start];
    let tail = &text[end..];
    let cut_back = context_len(head.char_indices().rev().map(|(i, c)| (c, i)));
    let before_raw = &head[cut_back.unwrap_or(head.len())..];
    let cut_fwd = context_len(tail.char_indices().map(|(i, c)| (c, i + c.len_utf8())));
    let after_raw = &tail[..cut_fwd.unwrap_or(0)];
    // Keep a single leading/trailing space where the context touches the change through
    // whitespace, so "a b" and "ab" contexts differ.
    let mut before = collapse(before_raw);
    if before_raw.ends_with(char::is_whitespace) && !before.is_empty() {
        before.push(' ');
    }
    let mut after = collapse(after_raw);
    if after_raw.starts_with(char::is_whitespace) && !after.is_empty() {
        after.insert(0, ' ');
    }
    (before, after)
}

/// Whether `c` ends the context: a form feed, or the second line ending of a blank line
/// (counted in `newlines`, which other whitespace leaves alone and words reset). Context
/// stays within its paragraph, so text added in another paragraph leaves keys unchanged.
fn paragraph_break(c: char, newlines: &mut usize) -> bool {
    match c {
        '\x0c' => true,
        '\n' => {
            *newlines += 1;
            *newlines >= 2
        }
        c if c.is_whitespace() => false,
        _ => {
            *newlines = 0;
            false
        }
    }
}

/// Walk characters away from a change, `(char, cut)` with `cut` the byte offset that
/// takes the character in; the last cut within the context limits.
fn context_len(chars: impl Iterator<Item = (char, usize)>) -> Option<usize> {
    let mut words = 0;
    let mut newlines = 0;
    let mut in_word = false;
    let mut cut = None;
    for (n, (c, at)) in chars.enumerate() {
        if n >= CONTEXT_CHARS || paragraph_break(c, &mut newlines) {
            break;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                if words >= CONTEXT_WORDS {
                    break;
                }
            }
        } else {
            in_word = true;
        }
        cut = Some(at);
    }
    cut
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The key of every change of a report, in order.
pub fn keys(report: &Report) -> Vec<Key> {
    let text = report.document.text();
    let mut seen: HashMap<(String, String, String, String, String), usize> = HashMap::new();
    report
        .changes
        .iter()
        .map(|c| {
            let e = &c.edit;
            let old = text.get(e.range.clone()).unwrap_or_default().to_string();
            let (before, after) = context(text, e.range.start, e.range.end);
            let n = seen
                .entry((
                    e.rule.clone(),
                    old.clone(),
                    e.replacement.clone(),
                    before.clone(),
                    after.clone(),
                ))
                .or_insert(0);
            let occurrence = *n;
            *n += 1;
            Key {
                rule: e.rule.clone(),
                old,
                new: e.replacement.clone(),
                before,
                after,
                occurrence,
            }
        })
        .collect()
}

/// The key without the rule code, with its occurrence counted among keys that agree on
/// everything but the rule.
type Loose = (String, String, String, String, usize);

fn loose_keys<'a>(keys: impl Iterator<Item = &'a Key>) -> Vec<Loose> {
    let mut seen: HashMap<(String, String, String, String), usize> = HashMap::new();
    keys.map(|k| {
        let n = seen
            .entry((
                k.old.clone(),
                k.new.clone(),
                k.before.clone(),
                k.after.clone(),
            ))
            .or_insert(0);
        let occ = *n;
        *n += 1;
        (
            k.old.clone(),
            k.new.clone(),
            k.before.clone(),
            k.after.clone(),
            occ,
        )
    })
    .collect()
}

/// The file as written: fields in a readable order.
#[derive(Serialize)]
struct File<'a> {
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a str>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
    decisions: Vec<Item<'a>>,
}

/// One entry as written: a decision of this run, or an entry kept from the file.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Decision(Decision),
    Kept(&'a Value),
}

/// A decisions file: the saved answers, and entries kept from the file that match no
/// change of this run.
#[derive(Clone, Debug, Default)]
pub struct Store {
    path: PathBuf,
    /// Name of the reviewed input (for people).
    input: Option<String>,
    /// The file's entries, parsed where possible.
    entries: Vec<(Value, Option<Decision>)>,
    /// Indices into `entries` that matched no change at the last [`Store::resolve`].
    unmatched: Vec<usize>,
    /// Top-level fields of the file this version does not know, kept when saving.
    extra: Map<String, Value>,
}

impl Store {
    /// Read a decisions file; a missing file is an empty store (nothing decided yet). A file
    /// that is not a JSON object is an error naming it, so a reviewer's work is never
    /// overwritten by accident.
    pub fn load(path: &Path) -> Result<Store> {
        match std::fs::read(path) {
            Ok(bytes) => Store::parse(path, &bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Store {
                path: path.to_path_buf(),
                ..Store::default()
            }),
            Err(source) => Err(Error::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parse the bytes of a decisions file read from `path` (which names it in errors and
    /// is where [`Store::save`] writes).
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Store> {
        let mut store = Store {
            path: path.to_path_buf(),
            ..Store::default()
        };
        let bad = |why: String| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not a decisions file: {why}"),
            ),
        };
        let value: Value = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        let Value::Object(mut top) = value else {
            return Err(bad("expected a JSON object".into()));
        };
        let decisions = top.remove("decisions").unwrap_or(Value::Array(Vec::new()));
        let Value::Array(list) = decisions else {
            return Err(bad("'decisions' is not a list".into()));
        };
        store.input = top
            .remove("input")
            .and_then(|v| v.as_str().map(str::to_string));
        top.remove("version");
        store.extra = top;
        store.entries = list
            .into_iter()
            .map(|v| {
                let d = serde_json::from_value::<Decision>(v.clone()).ok();
                (v, d)
            })
            .collect();
        Ok(store)
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Record the name of the reviewed input.
    pub fn set_input(&mut self, input: &str) {
        self.input = Some(input.to_string());
    }

    /// Number of entries read from the file.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the file held no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries that matched no change at the last [`Store::resolve`].
    pub fn unmatched(&self) -> usize {
        self.unmatched.len()
    }

    /// The saved answer of each change (by key), matching on the full key first and then
    /// on the key without its rule code. Remembers which entries matched nothing.
    pub fn resolve(&mut self, keys: &[Key]) -> Vec<Answer> {
        let mut answers = vec![Answer::Undecided; keys.len()];
        let mut used = vec![false; self.entries.len()];
        let mut exact: HashMap<&Key, usize> = HashMap::new();
        for (j, (_, d)) in self.entries.iter().enumerate() {
            if let Some(d) = d {
                exact.entry(&d.key).or_insert(j);
            }
        }
        let mut matched = vec![false; keys.len()];
        for (i, k) in keys.iter().enumerate() {
            if let Some(&j) = exact.get(k) {
                if let Some(a) = self.entries[j].1.as_ref().and_then(Decision::to_answer) {
                    answers[i] = a;
                }
                used[j] = true;
                matched[i] = true;
            }
        }
        // Second pass: ignore the rule code.
        let parsed: Vec<(usize, &Decision)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(j, (_, d))| d.as_ref().map(|d| (j, d)))
            .collect();
        let stored_loose = loose_keys(parsed.iter().map(|(_, d)| &d.key));
        let mut by_loose: HashMap<&Loose, usize> = HashMap::new();
        for (n, l) in stored_loose.iter().enumerate() {
            let j = parsed[n].0;
            if !used[j] {
                by_loose.entry(l).or_insert(j);
            }
        }
        let current_loose = loose_keys(keys.iter());
        for (i, l) in current_loose.iter().enumerate() {
            if matched[i] {
                continue;
            }
            if let Some(&j) = by_loose.get(l) {
                if used[j] {
                    continue;
                }
                if let Some(a) = self.entries[j].1.as_ref().and_then(Decision::to_answer) {
                    answers[i] = a;
                }
                used[j] = true;
            }
        }
        self.unmatched = (0..self.entries.len()).filter(|&j| !used[j]).collect();
        answers
    }

    /// The file's JSON: one decision per answered change (in document order), then the
    /// entries kept from the file that matched no change.
    pub fn render(&self, report: &Report, keys: &[Key], answers: &[Answer]) -> String {
        let mut list: Vec<Item<'_>> = Vec::new();
        for (i, (k, a)) in keys.iter().zip(answers).enumerate() {
            let (answer, replacement) = match a {
                Answer::Undecided => continue,
                Answer::Accept => ("accept", None),
                Answer::Reject => ("reject", None),
                Answer::Edit(r) => ("edit", Some(r.clone())),
            };
            let pos = report
                .changes
                .get(i)
                .map(|c| report.position(c.edit.range.start));
            list.push(Item::Decision(Decision {
                key: k.clone(),
                answer: answer.to_string(),
                replacement,
                page: pos.map(|p| p.page),
                line: pos.map(|p| p.line),
            }));
        }
        for &j in &self.unmatched {
            list.push(Item::Kept(&self.entries[j].0));
        }
        let file = File {
            version: VERSION,
            input: self.input.as_deref(),
            extra: &self.extra,
            decisions: list,
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Write the answers to the file atomically.
    pub fn save(&self, report: &Report, keys: &[Key], answers: &[Answer]) -> Result<()> {
        crate::fsio::write_atomic(&self.path, self.render(report, keys, answers).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        super::super::test_report(text)
    }

    #[test]
    fn context_takes_a_few_words_collapsed() {
        let t = "one two  three\nfour ﬁve six seven eight";
        let i = t.find('ﬁ').unwrap();
        let (b, a) = context(t, i, i + 'ﬁ'.len_utf8());
        assert_eq!(b, "two three four ");
        assert_eq!(a, "ve six seven");
        let (b, a) = context("ﬁ", 0, 3);
        assert_eq!((b.as_str(), a.as_str()), ("", ""));
    }

    #[test]
    fn identical_changes_get_occurrence_indices() {
        let r = report("x ﬁ y\nx ﬁ y\nz ﬁ y\n");
        let k = keys(&r);
        assert_eq!(k.len(), 3);
        assert_eq!(k[0].occurrence, 0);
        assert_eq!(k[1].occurrence, 0, "contexts differ: line before");
        let r = report("a b c d x ﬁ y\na b c d x ﬁ y\n");
        let k = keys(&r);
        assert_ne!(k[0], k[1]);
    }

    #[test]
    fn round_trip_and_rekey_after_text_shifts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        let text = "The ﬁrst line.\nThe ﬂoor and the ﬁeld.\nThe ﬁrst line.\n";
        let r = report(text);
        let k = keys(&r);
        assert_eq!(k.len(), 4);
        let answers = vec![
            Answer::Accept,
            Answer::Reject,
            Answer::Edit("fi".into()),
            Answer::Undecided,
        ];
        let mut store = Store::load(&path).unwrap();
        assert!(store.is_empty());
        assert_eq!(store.resolve(&k), vec![Answer::Undecided; 4]);
        store.set_input("t.txt");
        store.save(&r, &k, &answers).unwrap();

        let mut again = Store::load(&path).unwrap();
        assert_eq!(again.len(), 3);
        assert_eq!(again.resolve(&k), answers);

        // Insert a paragraph before everything: byte offsets all shift, keys do not.
        let shifted = format!("A new preface with an ﬁnal word.\n\n{text}");
        let r2 = report(&shifted);
        let k2 = keys(&r2);
        assert_eq!(k2.len(), 5);
        let mut again = Store::load(&path).unwrap();
        let a2 = again.resolve(&k2);
        assert_eq!(a2[0], Answer::Undecided, "the new change is undecided");
        assert_eq!(&a2[1..], &answers[..]);
        assert_eq!(again.unmatched(), 0);
    }

    #[test]
    fn unknown_and_obsolete_entries_are_kept() {
        let r = report("The ﬁrst\nThe ﬁrst\n");
        let k = keys(&r);
        let entry = |k: &Key, answer: &str| {
            let mut v = serde_json::to_value(k).unwrap();
            v["answer"] = answer.into();
            v["colour"] = "red".into();
            v
        };
        let file = serde_json::json!({
            "version": 9,
            "future": true,
            "decisions": [
                entry(&k[0], "accept"),
                {"rule":"Z999","old":"q","new":"r","before":"","after":"","occurrence":0,"answer":"accept"},
                {"something":"else"},
                entry(&k[1], "maybe"),
            ]
        });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        std::fs::write(&path, file.to_string()).unwrap();
        let mut store = Store::load(&path).unwrap();
        let a = store.resolve(&k);
        assert_eq!(a, vec![Answer::Accept, Answer::Undecided]);
        assert_eq!(store.unmatched(), 2);
        assert_ne!(k[0], k[1]);
        let out = store.render(&r, &k, &a);
        assert!(out.contains("Z999") && out.contains("something") && out.contains("future"));
        assert!(
            !out.contains("maybe"),
            "the unknown answer matched and was replaced"
        );
    }

    #[test]
    fn renamed_rule_still_matches() {
        let r = report("The ﬁrst\n");
        let mut k = keys(&r);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        let store = Store::load(&path).unwrap();
        store.save(&r, &k, &[Answer::Reject]).unwrap();
        k[0].rule = "X001".into();
        let mut store = Store::load(&path).unwrap();
        assert_eq!(store.resolve(&k), vec![Answer::Reject]);
    }

    #[test]
    fn broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        std::fs::write(&path, "not json").unwrap();
        let e = Store::load(&path).unwrap_err().to_string();
        assert!(e.contains("d.json"), "{e}");
    }
}
