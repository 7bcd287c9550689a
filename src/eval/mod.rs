//! Measuring the cleaner against ground truth (`clean eval`).
//!
//! For each set of documents the raw inputs, their truths and the cleaned outputs are
//! concatenated the way `../shared/tools/bench_real.sh` does (each cleaned output followed
//! by a newline), tokenised as the referee `score.py` does ([`normalize`]), aligned with
//! difflib's algorithm ([`align`]) and scored ([`score`]): word and character error rates
//! before and after, and the truth words fixed and broken. Every edit the pipeline made
//! (and every suggestion it held back) is judged on its own, toward or away from the truth
//! ([`attribute`]), and counted for each rule code it carries.

pub mod align;
pub mod attribute;
pub mod corpus;
pub mod normalize;
pub mod report;
pub mod score;

use crate::input::{self, LoadOptions};
use crate::Cleaner;
use align::Interner;
use attribute::{Effect, RawSide};
use corpus::{DocSpec, SetSpec};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Options of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// Fold hyphenation away on all sides, as `score.py --no-hyphen`.
    pub no_hyphen: bool,
    /// How inputs are loaded.
    pub load: LoadOptions,
    /// Keep up to this many examples of edits judged away from the truth, per rule and
    /// set, to show what a rule gets wrong.
    pub away_examples: usize,
}

/// An edit judged to move the text away from the truth, for people to look at.
#[derive(Clone, Debug, Serialize)]
pub struct AwayExample {
    /// The rule code(s) of the edit.
    pub rule: String,
    /// The text the edit replaced.
    pub old: String,
    /// Its replacement.
    pub new: String,
    /// The raw region the edit was judged on.
    pub context: String,
    /// The truth words that region aligns with.
    pub truth: String,
}

/// How many edits moved the text toward the truth, away from it, or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Effects {
    /// Closer to the truth.
    pub toward: usize,
    /// Further from the truth.
    pub away: usize,
    /// No visible difference to the scorer.
    pub neither: usize,
}

impl Effects {
    /// Count one effect.
    pub fn add(&mut self, e: Effect) {
        match e {
            Effect::Toward => self.toward += 1,
            Effect::Away => self.away += 1,
            Effect::Neither => self.neither += 1,
        }
    }

    /// All edits counted.
    pub fn total(&self) -> usize {
        self.toward + self.away + self.neither
    }

    fn merge(&mut self, o: &Effects) {
        self.toward += o.toward;
        self.away += o.away;
        self.neither += o.neither;
    }
}

/// What one rule's edits did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RuleEffects {
    /// Edits applied to the output.
    pub applied: Effects,
    /// Suggestions reported but not applied (judged as if applied alone).
    pub suggested: Effects,
}

/// A document that could not be evaluated, and why.
#[derive(Clone, Debug, Serialize)]
pub struct DocError {
    /// The file involved.
    pub path: PathBuf,
    /// What went wrong.
    pub error: String,
}

impl DocError {
    /// The error as one line naming the file (once).
    pub fn message(&self) -> String {
        let path = self.path.display().to_string();
        if self.error.starts_with(&path) {
            self.error.clone()
        } else {
            format!("{path}: {}", self.error)
        }
    }
}

/// The scores of one set (or of the total).
#[derive(Clone, Debug, Default, Serialize)]
pub struct SetResult {
    /// The set's name.
    pub name: String,
    /// Documents evaluated.
    pub docs: usize,
    /// Truth words.
    pub words: usize,
    /// Truth characters (words joined by single spaces).
    pub chars: usize,
    /// Word errors of the raw input.
    pub word_errors_raw: usize,
    /// Word errors of the cleaned output.
    pub word_errors_clean: usize,
    /// Character errors of the raw input.
    pub char_errors_raw: usize,
    /// Character errors of the cleaned output.
    pub char_errors_clean: usize,
    /// Truth words wrong in the input and right in the output.
    pub fixed: usize,
    /// Truth words right in the input and wrong in the output.
    pub broken: usize,
    /// Per rule code: what its edits did.
    pub rules: BTreeMap<String, RuleEffects>,
    /// Documents that could not be evaluated.
    pub errors: Vec<DocError>,
    /// Some edits judged away from the truth (see [`EvalOptions::away_examples`]).
    pub away_examples: Vec<AwayExample>,
}

impl SetResult {
    /// Word error rate of the input.
    pub fn wer_raw(&self) -> f64 {
        ratio(self.word_errors_raw, self.words)
    }
    /// Word error rate of the output.
    pub fn wer_clean(&self) -> f64 {
        ratio(self.word_errors_clean, self.words)
    }
    /// Character error rate of the input.
    pub fn cer_raw(&self) -> f64 {
        ratio(self.char_errors_raw, self.chars)
    }
    /// Character error rate of the output.
    pub fn cer_clean(&self) -> f64 {
        ratio(self.char_errors_clean, self.chars)
    }
    /// Relative reduction of word errors (negative when the output is worse).
    pub fn improvement(&self) -> f64 {
        if self.word_errors_raw == 0 {
            0.0
        } else {
            (self.word_errors_raw as f64 - self.word_errors_clean as f64)
                / self.word_errors_raw as f64
        }
    }

    /// Add another set's counts into this one.
    fn merge(&mut self, o: &SetResult) {
        self.docs += o.docs;
        self.words += o.words;
        self.chars += o.chars;
        self.word_errors_raw += o.word_errors_raw;
        self.word_errors_clean += o.word_errors_clean;
        self.char_errors_raw += o.char_errors_raw;
        self.char_errors_clean += o.char_errors_clean;
        self.fixed += o.fixed;
        self.broken += o.broken;
        for (code, r) in &o.rules {
            let e = self.rules.entry(code.clone()).or_default();
            e.applied.merge(&r.applied);
            e.suggested.merge(&r.suggested);
        }
        self.errors.extend(o.errors.iter().cloned());
    }
}

/// Errors over units, as the referee divides (`max(1, units)`).
fn ratio(errors: usize, units: usize) -> f64 {
    errors as f64 / units.max(1) as f64
}

/// The result of an evaluation: each set, and the total over all of them.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    /// Each set, in discovery order.
    pub sets: Vec<SetResult>,
    /// The sums over every set (rates are of the summed counts).
    pub total: SetResult,
    /// Whether hyphenation was folded away.
    pub no_hyphen: bool,
}

impl EvalReport {
    fn new(sets: Vec<SetResult>, no_hyphen: bool) -> Self {
        let mut total = SetResult {
            name: "TOTAL".into(),
            ..SetResult::default()
        };
        for s in &sets {
            total.merge(s);
        }
        EvalReport {
            sets,
            total,
            no_hyphen,
        }
    }
}

/// Evaluate one input against its truth. Unlike a corpus, a document that cannot be read
/// is an error.
pub fn evaluate_pair(
    cleaner: &Cleaner,
    truth: &Path,
    input: &Path,
    opts: &EvalOptions,
) -> crate::Result<EvalReport> {
    let truth_text = load_text(truth, &LoadOptions::default())?;
    let loaded = input::load_path(input, &opts.load)?;
    let name = input.display().to_string();
    let mut acc = Accumulator::default();
    acc.push(cleaner, &truth_text, loaded)?;
    let set = acc.score(name, opts, Vec::new());
    Ok(EvalReport::new(vec![set], opts.no_hyphen))
}

/// Evaluate every set found under `root` (see [`corpus`]); documents that cannot be read
/// are listed in their set's errors and left out of its scores.
pub fn evaluate_corpus(
    cleaner: &Cleaner,
    root: &Path,
    input_name: &str,
    opts: &EvalOptions,
) -> crate::Result<EvalReport> {
    let specs = corpus::discover(root, input_name)?;
    let sets = in_parallel(&specs, |s| evaluate_set(cleaner, s, opts));
    Ok(EvalReport::new(sets, opts.no_hyphen))
}

/// Evaluate the sets on a few threads (as many as the machine has cores, at most 4),
/// largest first, and return the results in the sets' order.
fn in_parallel(specs: &[SetSpec], work: impl Fn(&SetSpec) -> SetResult + Sync) -> Vec<SetResult> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(specs.len());
    if threads <= 1 {
        return specs.iter().map(work).collect();
    }
    let size = |s: &SetSpec| -> u64 {
        s.docs
            .iter()
            .filter_map(|d| std::fs::metadata(&d.input).ok())
            .map(|m| m.len())
            .sum()
    };
    let mut order: Vec<usize> = (0..specs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(&specs[i])));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, SetResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(k) else {
                            break;
                        };
                        mine.push((i, work(&specs[i])));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Evaluate one set of documents, scored as one concatenated text.
pub fn evaluate_set(cleaner: &Cleaner, set: &SetSpec, opts: &EvalOptions) -> SetResult {
    let mut errors: Vec<DocError> = set
        .missing
        .iter()
        .map(|(path, why)| DocError {
            path: path.clone(),
            error: why.clone(),
        })
        .collect();
    let mut acc = Accumulator::default();
    for DocSpec { input, truth, .. } in &set.docs {
        let pushed = load_text(truth, &LoadOptions::default()).and_then(|t| {
            let loaded = input::load_path(input, &opts.load)?;
            acc.push(cleaner, &t, loaded)
        });
        match pushed {
            Ok(()) => {}
            Err(e) => errors.push(DocError {
                path: input.clone(),
                error: e.to_string(),
            }),
        }
    }
    acc.score(set.name.clone(), opts, errors)
}

/// Score a raw text and a cleaned text against the truth, as `score.py TRUTH RAW CLEAN`
/// does (no per-rule figures: the edits are not known).
pub fn score_texts(name: &str, truth: &str, raw: &str, clean: &str, no_hyphen: bool) -> SetResult {
    Accumulator {
        docs: 1,
        truth: truth.to_string(),
        raw: raw.to_string(),
        clean: clean.to_string(),
        edits: Vec::new(),
    }
    .score(
        name.to_string(),
        &EvalOptions {
            no_hyphen,
            ..EvalOptions::default()
        },
        Vec::new(),
    )
}

/// Read a text file (the truth) through the usual decoding.
fn load_text(path: &Path, load: &LoadOptions) -> crate::Result<String> {
    Ok(input::load_path(path, load)?.document.into_text())
}

/// One edit of the raw text, for attribution.
struct RawEdit {
    range: Range<usize>,
    replacement: String,
    rule: String,
    applied: bool,
}

/// The concatenated texts of a set, as `bench_real.sh` builds them.
#[derive(Default)]
struct Accumulator {
    docs: usize,
    truth: String,
    raw: String,
    clean: String,
    edits: Vec<RawEdit>,
}

impl Accumulator {
    fn push(&mut self, cleaner: &Cleaner, truth: &str, loaded: input::Loaded) -> crate::Result<()> {
        let report = cleaner.clean(loaded)?;
        let offset = self.raw.len();
        self.raw.push_str(report.document.text());
        self.truth.push_str(truth);
        self.clean.push_str(&report.output);
        self.clean.push('\n');
        self.edits
            .extend(report.changes.into_iter().map(|c| RawEdit {
                range: c.edit.range.start + offset..c.edit.range.end + offset,
                replacement: c.edit.replacement,
                rule: c.edit.rule,
                applied: c.applied,
            }));
        self.docs += 1;
        Ok(())
    }

    fn score(self, name: String, opts: &EvalOptions, errors: Vec<DocError>) -> SetResult {
        let no_hyphen = opts.no_hyphen;
        let truth = normalize::tokenize(&self.truth, no_hyphen);
        let raw = normalize::tokenize(&self.raw, no_hyphen);
        let clean = normalize::tokenize(&self.clean, no_hyphen);
        let tw: Vec<&str> = truth.iter().collect();
        let rw: Vec<&str> = raw.iter().collect();
        let cw: Vec<&str> = clean.iter().collect();
        let mut ids = Interner::default();
        let ti = ids.intern(tw.iter().copied());
        let ri = ids.intern(rw.iter().copied());
        let ci = ids.intern(cw.iter().copied());
        let before = score::align(&ti, &ri, &tw, &rw);
        let after = score::align(&ti, &ci, &tw, &cw);
        let fixed = before
            .correct
            .iter()
            .zip(&after.correct)
            .filter(|(b, a)| !**b && **a)
            .count();
        let broken = before
            .correct
            .iter()
            .zip(&after.correct)
            .filter(|(b, a)| **b && !**a)
            .count();
        let side = RawSide {
            text: &self.raw,
            tokens: &raw,
            opcodes: &before.opcodes,
            truth: &tw,
            no_hyphen,
        };
        let mut rules: BTreeMap<String, RuleEffects> = BTreeMap::new();
        let mut away_examples = Vec::new();
        let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.edits {
            let j = side.judge(&e.range, &e.replacement);
            let effect = j.effect;
            if effect == Effect::Away && e.applied && opts.away_examples > 0 {
                let n = shown.entry(e.rule.as_str()).or_default();
                if *n < opts.away_examples {
                    *n += 1;
                    away_examples.push(AwayExample {
                        rule: e.rule.clone(),
                        old: self.raw[e.range.clone()].to_string(),
                        new: e.replacement.clone(),
                        context: self.raw[j.region.clone()].to_string(),
                        truth: tw[j.truth.clone()].join(" "),
                    });
                }
            }
            for code in e.rule.split('+') {
                let r = rules.entry(code.to_string()).or_default();
                if e.applied {
                    r.applied.add(effect);
                } else {
                    r.suggested.add(effect);
                }
            }
        }
        SetResult {
            name,
            docs: self.docs,
            words: tw.len(),
            chars: score::joined_len(&tw),
            word_errors_raw: before.word_errors,
            word_errors_clean: after.word_errors,
            char_errors_raw: before.char_errors,
            char_errors_clean: after.char_errors,
            fixed,
            broken,
            rules,
            errors,
            away_examples,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    #[test]
    fn scores_a_pair_and_attributes_rules() {
        let tmp = tempfile::tempdir().unwrap();
        let truth = tmp.path().join("t.txt");
        let input = tmp.path().join("i.txt");
        std::fs::write(&truth, "The first flow of the river.\n").unwrap();
        std::fs::write(&input, "The ﬁrst ﬂow  of tbe river.   \n").unwrap();
        // Unicode rules only, so the figures do not move as other families grow.
        let opts = Options {
            selection: crate::Selection {
                select: vec!["unicode".into()],
                ignore: vec![],
            },
            ..Options::default()
        };
        let cleaner = Cleaner::new(&opts).unwrap();
        let r = evaluate_pair(&cleaner, &truth, &input, &EvalOptions::default()).unwrap();
        let s = &r.sets[0];
        assert_eq!(s.words, 6);
        assert_eq!(s.word_errors_raw, 3);
        assert_eq!(s.word_errors_clean, 1);
        assert_eq!((s.fixed, s.broken), (2, 0));
        let lig = &s.rules["U001"].applied;
        assert_eq!((lig.toward, lig.away), (2, 0));
        assert!(s.rules.values().all(|r| r.applied.away == 0));
        assert_eq!(r.total.words, 6);
        assert!((s.improvement() - 2.0 / 3.0).abs() < 1e-9);
    }
}
