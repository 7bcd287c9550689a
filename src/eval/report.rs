//! Rendering an [`EvalReport`]: a table for people, JSON for scripts.

use super::{Effects, EvalReport, RuleEffects, SetResult};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The report as tables: one row per set and a total, then the per-rule table of the
/// total (and of each set when `rules_per_set`), then the documents that failed.
pub fn table(r: &EvalReport, rules_per_set: bool) -> String {
    let mut out = String::new();
    let docs: usize = r.sets.iter().map(|s| s.docs).sum();
    let _ = writeln!(
        out,
        "{} set(s), {} document(s){}",
        r.sets.len(),
        docs,
        if r.no_hyphen {
            ", hyphenation folded (--no-hyphen)"
        } else {
            ""
        }
    );
    let w = r
        .sets
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    let _ = writeln!(
        out,
        "\n{:<w$} {:>5} {:>8}  {:>15}  {:>7}  {:>15}  {:>6} {:>6}",
        "set", "docs", "words", "WER raw → clean", "improv", "CER raw → clean", "fixed", "broken"
    );
    for s in r.sets.iter().chain(std::iter::once(&r.total)) {
        let _ = writeln!(
            out,
            "{:<w$} {:>5} {:>8}  {:.4} → {:.4}  {:>+6.1}%  {:.4} → {:.4}  {:>6} {:>6}",
            s.name,
            s.docs,
            s.words,
            s.wer_raw(),
            s.wer_clean(),
            s.improvement() * 100.0,
            s.cer_raw(),
            s.cer_clean(),
            s.fixed,
            s.broken
        );
    }
    out.push('\n');
    out.push_str(&rule_table("all sets", &r.total.rules));
    if rules_per_set {
        for s in &r.sets {
            out.push('\n');
            out.push_str(&rule_table(&s.name, &s.rules));
        }
    }
    for s in &r.sets {
        if s.away_examples.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\nedits judged away from the truth ({}):", s.name);
        for x in &s.away_examples {
            let _ = writeln!(
                out,
                "  {}  '{}' → '{}'   in '{}'   truth '{}'",
                x.rule,
                crate::output::visible(&x.old),
                crate::output::visible(&x.new),
                crate::output::visible(&x.context),
                x.truth
            );
        }
    }
    if !r.total.errors.is_empty() {
        let _ = writeln!(out, "\n{} document(s) not evaluated:", r.total.errors.len());
        for e in &r.total.errors {
            let _ = writeln!(out, "  {}", e.message());
        }
    }
    out
}

/// The per-rule table: applied edits and held-back suggestions, each split into toward
/// the truth, away from it, and neither; precision is toward / (toward + away).
fn rule_table(title: &str, rules: &BTreeMap<String, RuleEffects>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "rules ({title})  {:>7} {:>7} {:>6} {:>7} {:>9}   {:>9} {:>7} {:>6} {:>7}",
        "applied",
        "toward",
        "away",
        "neither",
        "precision",
        "suggested",
        "toward",
        "away",
        "neither"
    );
    if rules.is_empty() {
        out.push_str("  (no edits)\n");
    }
    let w = "rules ()".len() + title.chars().count();
    for (code, e) in rules {
        let (a, s) = (&e.applied, &e.suggested);
        let _ = writeln!(
            out,
            "{code:<w$}  {:>7} {:>7} {:>6} {:>7} {:>9}   {:>9} {:>7} {:>6} {:>7}",
            a.total(),
            a.toward,
            a.away,
            a.neither,
            precision(a),
            s.total(),
            s.toward,
            s.away,
            s.neither
        );
    }
    out
}

/// Share of an applied rule's visible edits that went toward the truth.
fn precision(e: &Effects) -> String {
    match e.toward + e.away {
        0 => "-".to_string(),
        n => format!("{:.3}", e.toward as f64 / n as f64),
    }
}

/// The report as one JSON document: every set and the total with counts and rates.
pub fn json(r: &EvalReport) -> String {
    let v = json!({
        "no_hyphen": r.no_hyphen,
        "sets": r.sets.iter().map(set_json).collect::<Vec<_>>(),
        "total": set_json(&r.total),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

fn set_json(s: &SetResult) -> Value {
    json!({
        "name": s.name,
        "docs": s.docs,
        "words": s.words,
        "chars": s.chars,
        "wer_raw": s.wer_raw(),
        "wer_clean": s.wer_clean(),
        "cer_raw": s.cer_raw(),
        "cer_clean": s.cer_clean(),
        "improvement": s.improvement(),
        "word_errors_raw": s.word_errors_raw,
        "word_errors_clean": s.word_errors_clean,
        "char_errors_raw": s.char_errors_raw,
        "char_errors_clean": s.char_errors_clean,
        "fixed": s.fixed,
        "broken": s.broken,
        "rules": s.rules,
        "errors": s.errors,
        "away_examples": s.away_examples,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{EvalReport, SetResult};
    use super::*;

    #[test]
    fn renders_rows_and_json() {
        let mut s = SetResult {
            name: "news".into(),
            docs: 2,
            words: 100,
            chars: 500,
            word_errors_raw: 10,
            word_errors_clean: 5,
            fixed: 6,
            broken: 1,
            ..SetResult::default()
        };
        s.rules.entry("U001".into()).or_default().applied.toward = 3;
        let r = EvalReport::new(vec![s], true);
        let t = table(&r, true);
        assert!(t.contains("0.1000 → 0.0500"), "{t}");
        assert!(t.contains("+50.0%"), "{t}");
        assert!(t
            .lines()
            .any(|l| l.starts_with("U001") && l.contains(" 3 ")));
        let v: Value = serde_json::from_str(&json(&r)).unwrap();
        assert_eq!(v["total"]["fixed"], 6);
        assert_eq!(v["sets"][0]["rules"]["U001"]["applied"]["toward"], 3);
        assert_eq!(v["sets"][0]["wer_clean"], 0.05);
    }
}
