//! Configuration: `clean.toml`, found in the working directory or one of its parents, or
//! named with `--config`. It selects rules, sets the confidence threshold and language,
//! names word lists and defines user rules. Unknown keys, bad values and bad regexes are
//! [`Error::Config`] errors naming the file, the line and the key.
//!
//! ```
//! let toml = r#"
//! ignore = ["spacing"]
//! threshold = 0.5
//!
//! [[rules]]
//! code = "X101"
//! find = "teh"
//! replace = "the"
//! reason = "a typing slip this archive makes often"
//! "#;
//! let config = ocrclean::config::Config::parse(toml, "clean.toml".as_ref())?;
//! let opts = config.to_options()?;
//! let report = ocrclean::clean_text("teh end  \n", &opts)?;
//! assert_eq!(report.output, "the end  \n");
//! # Ok::<(), ocrclean::Error>(())
//! ```

mod span;

use crate::edit::Safety;
use crate::error::{Error, Result};
use crate::limits::{parse_memory, parse_time, Limits};
use crate::rules::user::{UserRule, UserRuleSpec};
use crate::{lexicon, Options, Selection};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file name looked for in the working directory and its parents.
pub const FILE_NAME: &str = "clean.toml";

/// The languages rules exist for.
pub const LANGUAGES: &[&str] = &["en"];

/// The configuration, as written in `clean.toml` (and as `clean config --show` prints it).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Run only these rules: codes or family names (empty: the default rules).
    #[serde(default)]
    pub select: Vec<String>,
    /// Never run these rules: codes or family names.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Apply suggestions too, like `--all`.
    #[serde(default)]
    pub all: bool,
    /// Edits less confident than this (0 to 1) are reported but not applied.
    #[serde(default)]
    pub threshold: f32,
    /// The language of the documents; only `en` for now.
    #[serde(default = "default_language")]
    pub language: String,
    /// Files of words that are always valid (one per line); relative paths are relative to
    /// the configuration file's directory.
    #[serde(default)]
    pub words: Vec<PathBuf>,
    /// Memory ceiling for one input, e.g. `"4G"` or `"512M"` (default 4G).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_limit: Option<String>,
    /// Time budget for one input, e.g. `"15m"`, `"90s"` or `"none"` (default 15m).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<String>,
    /// User rules, run as the `user` family.
    #[serde(default)]
    pub rules: Vec<Spanned<RuleConfig>>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            select: Vec::new(),
            ignore: Vec::new(),
            all: false,
            threshold: 0.0,
            language: default_language(),
            words: Vec::new(),
            memory_limit: None,
            time_limit: None,
            rules: Vec::new(),
        }
    }
}

fn default_language() -> String {
    "en".to_string()
}

fn default_true() -> bool {
    true
}

fn default_confidence() -> f32 {
    0.9
}

/// One user rule, as written in a `[[rules]]` table.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    /// `X` and three digits, e.g. `X101`.
    pub code: String,
    /// The text to find, or a regex when `regex = true`.
    pub find: String,
    /// The replacement (`$1` inserts a group of a regex).
    pub replace: String,
    /// Why the replacement is right; shown with every edit.
    pub reason: String,
    /// Whether `find` is a regular expression.
    #[serde(default)]
    pub regex: bool,
    /// Match only whole words (default true).
    #[serde(default = "default_true")]
    pub word_boundary: bool,
    /// Match regardless of case.
    #[serde(default)]
    pub ignore_case: bool,
    /// From 0 to 1 (default 0.9); compared with `threshold`.
    #[serde(default = "default_confidence")]
    pub confidence: f32,
    /// `safe` (applied) or `suggestion` (applied only with `--all`).
    #[serde(default = "default_safety")]
    pub safety: Safety,
}

fn default_safety() -> Safety {
    Safety::Safe
}

impl RuleConfig {
    fn spec(&self) -> UserRuleSpec {
        UserRuleSpec {
            code: self.code.clone(),
            find: self.find.clone(),
            replace: self.replace.clone(),
            regex: self.regex,
            word_boundary: self.word_boundary,
            ignore_case: self.ignore_case,
            reason: self.reason.clone(),
            confidence: self.confidence,
            safety: self.safety,
        }
    }
}

impl Config {
    /// Parse and check the text of a configuration file; `path` names it in errors, and
    /// relative word-list paths are resolved against its directory.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| span::toml_error(&e, text, path))?;
        let err = |line: usize, key: &str, message: String| Error::Config {
            path: path.to_path_buf(),
            line,
            key: key.to_string(),
            message,
        };
        if !LANGUAGES.contains(&config.language.as_str()) {
            return Err(err(
                span::line_of_key(text, "language"),
                "language",
                format!(
                    "'{}' is not supported (supported: {})",
                    config.language,
                    LANGUAGES.join(", ")
                ),
            ));
        }
        if !(0.0..=1.0).contains(&config.threshold) {
            return Err(err(
                span::line_of_key(text, "threshold"),
                "threshold",
                format!("{} is not between 0 and 1", config.threshold),
            ));
        }
        if let Err(message) = config.limits() {
            let key = if config
                .memory_limit
                .as_deref()
                .map(parse_memory)
                .is_some_and(|r| r.is_err())
            {
                "memory_limit"
            } else {
                "time_limit"
            };
            return Err(err(span::line_of_key(text, key), key, message));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, rule) in config.rules.iter().enumerate() {
            let line = span::line_of(text, rule.span().start);
            let key_line =
                |key: &str| span::line_of_key_in(text, &rule.span(), key).unwrap_or(line);
            if let Err(e) = UserRule::new(rule.get_ref().spec()) {
                use crate::rules::user::UserRuleError as U;
                let key = match e {
                    U::BadCode(_) => "code",
                    U::EmptyFind | U::BadRegex(_) => "find",
                    U::BadConfidence(_) => "confidence",
                };
                return Err(err(
                    key_line(key),
                    &format!("rules[{i}].{key}"),
                    e.to_string(),
                ));
            }
            if rule.get_ref().code == crate::review::learn::LEARNED_CODE {
                return Err(err(
                    key_line("code"),
                    &format!("rules[{i}].code"),
                    format!(
                        "{} is the rule learned in review (clean-learned.toml); use another code",
                        crate::review::learn::LEARNED_CODE
                    ),
                ));
            }
            if !seen.insert(rule.get_ref().code.clone()) {
                return Err(err(
                    key_line("code"),
                    &format!("rules[{i}].code"),
                    format!("code {} is used by an earlier rule", rule.get_ref().code),
                ));
            }
        }
        let base = path.parent().unwrap_or(Path::new(""));
        for w in &mut config.words {
            if w.is_relative() {
                *w = base.join(&*w);
            }
        }
        Ok(config)
    }

    /// Read and check a configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// The nearest `clean.toml` in `dir` or one of its parents.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// The configuration as TOML, for `clean config --show`.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// The resource limits this configuration sets (defaults where it sets none).
    pub fn limits(&self) -> std::result::Result<Limits, String> {
        let mut limits = Limits::default();
        if let Some(m) = &self.memory_limit {
            limits.memory_mb = parse_memory(m)?;
        }
        if let Some(t) = &self.time_limit {
            limits.time = parse_time(t)?;
        }
        Ok(limits)
    }

    /// Options for a cleaning run: selection, threshold, word lists read, rules compiled.
    pub fn to_options(&self) -> Result<Options> {
        let mut words = lexicon::WordList::new();
        for path in &self.words {
            words.add_file(path)?;
        }
        let mut user_rules = Vec::new();
        for rule in &self.rules {
            let compiled = UserRule::new(rule.get_ref().spec())
                .map_err(|e| Error::Usage(format!("rule {}: {e}", rule.get_ref().code)))?;
            user_rules.push(Arc::new(compiled));
        }
        Ok(Options {
            selection: Selection {
                select: self.select.clone(),
                ignore: self.ignore.clone(),
            },
            apply_suggestions: self.all,
            load: crate::LoadOptions {
                limits: self.limits().map_err(Error::Usage)?,
                ..Default::default()
            },
            words,
            min_confidence: self.threshold,
            user_rules,
            unwrap: false,
        })
    }
}

#[cfg(test)]
mod tests;
