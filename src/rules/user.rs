//! User rules: literal or regex replacements from the configuration (`[[rules]]` in
//! `clean.toml`), each with its own code (`X101`…, family `user`) and reason, so their
//! edits are reviewable like those of any built-in rule.

use super::{Context, Family, Rule, RuleInfo};
use crate::edit::{Edit, Safety};
use regex::Regex;
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// What a user rule replaces and with what: the plain description a configuration holds.
#[derive(Clone, Debug, PartialEq)]
pub struct UserRuleSpec {
    /// Code, `X` and three digits (e.g. `X101`).
    pub code: String,
    /// The text (or, with `regex`, the pattern) to find.
    pub find: String,
    /// The replacement; with `regex`, `$1`/`${name}` insert capture groups.
    pub replace: String,
    /// Whether `find` is a regular expression (Rust `regex` syntax).
    pub regex: bool,
    /// Match only at word boundaries (default): `teh` does not match inside `tehran`.
    pub word_boundary: bool,
    /// Match regardless of letter case.
    pub ignore_case: bool,
    /// Why the replacement is right; shown with every edit.
    pub reason: String,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
    /// Applied by default (`Safe`) or only on request (`Suggestion`).
    pub safety: Safety,
}

/// Why a user rule cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UserRuleError {
    /// The code is not `X` followed by three digits.
    #[error("code '{0}' must be X followed by three digits (e.g. X101)")]
    BadCode(String),
    /// `find` is empty.
    #[error("'find' is empty")]
    EmptyFind,
    /// `find` is not a valid regular expression.
    #[error("bad regular expression: {0}")]
    BadRegex(String),
    /// `confidence` is outside 0..=1.
    #[error("confidence {0} is not between 0 and 1")]
    BadConfidence(f32),
}

/// A compiled user rule.
#[derive(Debug)]
pub struct UserRule {
    info: RuleInfo,
    regex: Regex,
    spec: UserRuleSpec,
}

impl UserRule {
    /// Compile a rule; fails on a bad code, an empty `find`, a bad regex or confidence.
    ///
    /// ```
    /// use ocrclean::rules::user::{UserRule, UserRuleSpec};
    /// let spec = UserRuleSpec {
    ///     code: "X101".into(), find: "teh".into(), replace: "the".into(), regex: false,
    ///     word_boundary: true, ignore_case: false, reason: "common typo".into(),
    ///     confidence: 0.9, safety: ocrclean::Safety::Safe,
    /// };
    /// let rule = UserRule::new(spec).unwrap();
    /// let mut opts = ocrclean::Options::default();
    /// opts.user_rules.push(std::sync::Arc::new(rule));
    /// let report = ocrclean::clean_text("teh tehran\n", &opts).unwrap();
    /// assert_eq!(report.output, "the tehran\n");
    /// assert_eq!(report.changes[0].edit.rule, "X101");
    /// ```
    pub fn new(spec: UserRuleSpec) -> Result<UserRule, UserRuleError> {
        let c = spec.code.as_bytes();
        if !(c.len() == 4 && c[0] == b'X' && c[1..].iter().all(u8::is_ascii_digit)) {
            return Err(UserRuleError::BadCode(spec.code.clone()));
        }
        if spec.find.is_empty() {
            return Err(UserRuleError::EmptyFind);
        }
        if !(0.0..=1.0).contains(&spec.confidence) {
            return Err(UserRuleError::BadConfidence(spec.confidence));
        }
        if spec.regex {
            // Check the pattern as written, so an error quotes the user's text.
            regex::RegexBuilder::new(&spec.find)
                .size_limit(1 << 22)
                .build()
                .map_err(|e| UserRuleError::BadRegex(one_line(&e.to_string())))?;
        }
        let body = if spec.regex {
            format!("(?:{})", spec.find)
        } else {
            regex::escape(&spec.find)
        };
        let mut pattern = String::new();
        if spec.ignore_case {
            pattern.push_str("(?i)");
        }
        // A boundary only where the literal starts or ends with a word character, so that
        // `e.g.` still matches before a space; regexes always get both.
        let is_word = |ch: Option<char>| ch.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let (lead, trail) = if !spec.word_boundary {
            (false, false)
        } else if spec.regex {
            (true, true)
        } else {
            (
                is_word(spec.find.chars().next()),
                is_word(spec.find.chars().next_back()),
            )
        };
        if lead {
            pattern.push_str(r"\b");
        }
        pattern.push_str(&body);
        if trail {
            pattern.push_str(r"\b");
        }
        let regex = regex::RegexBuilder::new(&pattern)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| UserRuleError::BadRegex(one_line(&e.to_string())))?;
        let info = RuleInfo {
            code: intern(&spec.code),
            name: "user-replacement",
            family: Family::User,
            summary: intern(&format!("{} (from the configuration)", spec.reason)),
            example: (intern(&spec.find), intern(&spec.replace)),
            default_on: true,
        };
        Ok(UserRule { info, regex, spec })
    }

    /// The rule's description as given.
    pub fn spec(&self) -> &UserRuleSpec {
        &self.spec
    }
}

impl Rule for UserRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
        for caps in self.regex.captures_iter(cx.text) {
            let Some(m) = caps.get(0) else { continue };
            if m.is_empty() {
                continue;
            }
            let mut replacement = String::new();
            if self.spec.regex {
                caps.expand(&self.spec.replace, &mut replacement);
            } else {
                replacement.push_str(&self.spec.replace);
            }
            out.push(Edit::new(
                m.range(),
                replacement,
                self.info.code,
                self.spec.confidence,
                self.spec.safety,
                self.spec.reason.clone(),
            ));
        }
    }
}

/// A regex error message on one line (the `regex` crate draws a multi-line caret).
fn one_line(msg: &str) -> String {
    msg.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A `'static` copy of `s`, shared by every rule that names the same text. [`RuleInfo`]
/// holds `&'static str`; interning bounds the memory to the distinct texts of all
/// configurations ever loaded, however many cleaners are built from them.
fn intern(s: &str) -> &'static str {
    static TABLE: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| Mutex::new(HashSet::new()));
    let mut set = match table.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(&found) = set.get(s) {
        return found;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    fn spec(find: &str, replace: &str, regex: bool) -> UserRuleSpec {
        UserRuleSpec {
            code: "X101".into(),
            find: find.into(),
            replace: replace.into(),
            regex,
            word_boundary: true,
            ignore_case: false,
            reason: "test".into(),
            confidence: 0.9,
            safety: Safety::Safe,
        }
    }

    #[test]
    fn literal_respects_word_boundaries() {
        let r = UserRule::new(spec("teh", "the", false)).unwrap();
        assert_eq!(fix(&r, "teh tehran teh."), "the tehran the.");
    }

    #[test]
    fn literal_with_punctuation_edges() {
        let r = UserRule::new(spec("e.g.", "for example", false)).unwrap();
        assert_eq!(fix(&r, "see e.g. this"), "see for example this");
        // Dots are literal, not "any character".
        assert_eq!(fix(&r, "see eXgX this"), "see eXgX this");
    }

    #[test]
    fn regex_with_groups() {
        let r = UserRule::new(spec(r"(\d+) ?per ?cent", "$1%", true)).unwrap();
        assert_eq!(fix(&r, "42 per cent and 7percent"), "42% and 7%");
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(matches!(
            UserRule::new(spec("(", "x", true)),
            Err(UserRuleError::BadRegex(_))
        ));
        let mut s = spec("a", "b", false);
        s.code = "U001".into();
        assert!(matches!(UserRule::new(s), Err(UserRuleError::BadCode(_))));
        assert!(matches!(
            UserRule::new(spec("", "b", false)),
            Err(UserRuleError::EmptyFind)
        ));
    }

    #[test]
    fn interning_shares_text() {
        assert!(std::ptr::eq(intern("abc"), intern("abc")));
    }
}
