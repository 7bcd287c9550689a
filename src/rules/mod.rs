//! The rules framework: rule families, stable codes, selection, and the registry of all
//! rules. Each family lives in its own module; each rule proposes [`Edit`]s and never
//! touches the text itself.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::vocab::Vocab;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

pub mod confusion;
pub mod furniture;
pub mod hash_letter;
pub mod hyphen;
pub mod linejoin;
pub mod lines;
pub mod pagebreak;
pub mod paragraph;
pub mod scan;
pub mod spacing;
pub mod unicode;
pub mod user;

/// A family of rules. Families run as stages in the order listed here, each stage seeing
/// the text after the edits applied by earlier stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Character-level repair: ligatures, odd spaces, invisible characters, mojibake.
    Unicode,
    /// Running headers, footers and page numbers.
    Furniture,
    /// Sentences cut by a page break.
    Pagebreak,
    /// Line-end hyphenation and lost hyphens.
    Hyphen,
    /// Paragraph layout (`--unwrap`: one paragraph per line); runs after hyphenation.
    Paragraph,
    /// OCR character confusions.
    Confusion,
    /// Whitespace and punctuation spacing.
    Spacing,
    /// Rules and word lists from the user's configuration.
    User,
}

impl Family {
    /// Every family, in stage order.
    pub const ALL: [Family; 8] = [
        Family::Unicode,
        Family::Furniture,
        Family::Pagebreak,
        Family::Hyphen,
        Family::Paragraph,
        Family::Confusion,
        Family::Spacing,
        Family::User,
    ];

    /// The family's name as used by `--select` and `--ignore`.
    pub fn name(self) -> &'static str {
        match self {
            Family::Unicode => "unicode",
            Family::Furniture => "furniture",
            Family::Pagebreak => "pagebreak",
            Family::Hyphen => "hyphen",
            Family::Paragraph => "paragraph",
            Family::Confusion => "confusion",
            Family::Spacing => "spacing",
            Family::User => "user",
        }
    }
}

/// What a rule is, for `clean rules`, reports and selection.
#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    /// Stable code, e.g. `U001`; never reused for another meaning.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `ligature`.
    pub name: &'static str,
    /// The family the rule belongs to.
    pub family: Family,
    /// One line saying what the rule does.
    pub summary: &'static str,
    /// An example input and its output.
    pub example: (&'static str, &'static str),
    /// Whether the rule runs when nothing is selected explicitly.
    pub default_on: bool,
}

/// What a rule sees: the text as it stands after earlier stages, and facts about it that
/// are computed once, on first use, and shared by every rule of the stage.
pub struct Context<'a> {
    /// The current text.
    pub text: &'a str,
    vocab: OnceLock<Vocab>,
    vocab_tokens: OnceLock<crate::vocab::TokenTable>,
    /// Whether a rule of this text asked for [`Context::vocab`] or
    /// [`Context::vocab_tokens`]: only then are they patched for the next text.
    vocab_asked: std::sync::atomic::AtomicBool,
    pages: OnceLock<Vec<Range<usize>>>,
    words: OnceLock<confusion::tokens::Table>,
    /// The word tokens of the text before the last stage's changes, and those changes:
    /// [`Context::words`] patches them instead of scanning the whole text again.
    words_before: std::sync::Mutex<Option<(confusion::tokens::Table, Vec<TextChange>)>>,
    word_counts: OnceLock<confusion::vocab::Vocabulary>,
    known: OnceLock<std::sync::Arc<crate::lexicon::known::KnownWords>>,
    /// A table of lexicon answers built for an earlier text of this run (see
    /// [`Context::carry_known`]); the answers depend on the spelling alone.
    known_before: std::sync::Mutex<Option<std::sync::Arc<crate::lexicon::known::KnownWords>>>,
    /// Layout facts of the current text's lines (PDF input only), sorted by position.
    layout: Vec<crate::document::LineLayout>,
}

/// A change a stage made to the text: the byte range it replaced and the length of the
/// replacement.
pub type TextChange = (Range<usize>, usize);

/// The word tokens of a text, as [`Context::words`] finds them.
pub type WordTable = confusion::tokens::Table;

/// What a stage's context hands to the next one ([`Context::into_handover`]): its word
/// tokens, and its whitespace tokens and counts when a rule asked for them (the hyphen
/// rules do, one stage after another).
pub struct Handover {
    words: Option<WordTable>,
    vocab: Option<(crate::vocab::TokenTable, Vocab)>,
}

impl Handover {
    /// The handover with its whitespace tokens and counts patched from `old_text`, the
    /// text they were found in, to `new_text`, that text with `changes` made (see
    /// [`crate::vocab::patched`]); dropped when they cannot be, so the next context
    /// counts afresh.
    pub fn patched(mut self, old_text: &str, new_text: &str, changes: &[TextChange]) -> Self {
        self.vocab = self.vocab.and_then(|(toks, vocab)| {
            crate::vocab::patched(&toks, vocab, old_text, new_text, changes)
        });
        self
    }
}

impl<'a> Context<'a> {
    /// A context for `text`; nothing is computed until a rule asks.
    pub fn new(text: &'a str) -> Self {
        Context {
            text,
            vocab: OnceLock::new(),
            vocab_tokens: OnceLock::new(),
            vocab_asked: std::sync::atomic::AtomicBool::new(false),
            pages: OnceLock::new(),
            words: OnceLock::new(),
            words_before: std::sync::Mutex::new(None),
            word_counts: OnceLock::new(),
            known: OnceLock::new(),
            known_before: std::sync::Mutex::new(None),
            layout: Vec::new(),
        }
    }

    /// Give this context the table of lexicon answers an earlier stage built (see
    /// [`Context::known_words`]), so that it is not built again; spellings it lacks are
    /// looked up in the lexicon.
    pub fn carry_known(&self, known: Option<std::sync::Arc<crate::lexicon::known::KnownWords>>) {
        *self
            .known_before
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = known;
    }

    /// The table of lexicon answers, if a rule asked for it, to hand to the next stage's
    /// context ([`Context::carry_known`]).
    pub fn known_if_built(&self) -> Option<std::sync::Arc<crate::lexicon::known::KnownWords>> {
        self.known.get().cloned()
    }

    /// [`crate::lexicon::Lexicon::find`]'s answers for the word tokens of the text (and the
    /// lower-case forms of capitalised ones), looked up once on every core and shared by the
    /// rules of this stage and the next ones: the rules that ask about each spelling read
    /// them here instead of walking the lexicon again.
    pub fn known_words(&self) -> &crate::lexicon::known::KnownWords {
        self.known.get_or_init(|| {
            let before = self
                .known_before
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            before.unwrap_or_else(|| {
                // Each spelling once, told by its id where the tokens have ids.
                let ids = self.word_ids();
                let mut met = vec![
                    false;
                    if ids.is_empty() {
                        0
                    } else {
                        self.word_id_count()
                    }
                ];
                let mut ids = ids.iter();
                let distinct = self.words().filter(|_| {
                    match ids.next().and_then(|&id| met.get_mut(id as usize)) {
                        Some(m) => !std::mem::replace(m, true),
                        None => true,
                    }
                });
                std::sync::Arc::new(crate::lexicon::known::KnownWords::new(
                    distinct.map(|t| t.text),
                ))
            })
        })
    }

    /// This context with the layout facts of the current text's lines (sorted by
    /// position, in coordinates of the current text), as the PDF input gives them.
    pub fn with_layout(mut self, layout: Vec<crate::document::LineLayout>) -> Self {
        self.layout = layout;
        self
    }

    /// Layout facts of the current text's lines, sorted by position: empty for text input.
    pub fn layout(&self) -> &[crate::document::LineLayout] {
        &self.layout
    }

    /// The layout facts of the printed line whose text lies in `line` (a line of the
    /// current text, indentation and line end included or not), if the input gave any.
    pub fn line_layout(&self, line: Range<usize>) -> Option<&crate::document::LineLayout> {
        let i = self.layout.partition_point(|l| l.range.start < line.start);
        self.layout
            .get(i)
            .filter(|l| l.range.end <= line.end && !l.range.is_empty())
    }

    /// A context for `text`, which is the text of the context `words` came from (see
    /// [`Context::into_words`]) with `changes` made (sorted and apart, as
    /// [`crate::edit::for_each_applied`] gives them): the word tokens are patched around
    /// the changes instead of found again.
    pub fn after(words: Option<WordTable>, text: &'a str, changes: Vec<TextChange>) -> Self {
        let cx = Context::new(text);
        if let Some(table) = words {
            *cx.words_before
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some((table, changes));
        }
        cx
    }

    /// What the next stage's context is given of this one (see [`Handover`]).
    pub fn into_handover(mut self) -> Handover {
        let asked = self.vocab_asked.load(std::sync::atomic::Ordering::Relaxed);
        let tokens = std::mem::take(&mut self.vocab_tokens).into_inner();
        let counts = std::mem::take(&mut self.vocab).into_inner();
        let vocab = if asked { tokens.zip(counts) } else { None };
        Handover {
            words: self.into_words(),
            vocab,
        }
    }

    /// A context for `text`, the text of the context `handover` came from with `changes`
    /// made (sorted and apart, as [`crate::edit::for_each_applied`] gives them), its
    /// whitespace tokens and counts patched already ([`Handover::patched`]): the word
    /// tokens are patched around the changes when a rule asks for them.
    pub fn after_handover(handover: Handover, text: &'a str, changes: Vec<TextChange>) -> Self {
        let cx = Context::after(handover.words, text, changes);
        if let Some((toks, vocab)) = handover.vocab {
            let _ = cx.vocab_tokens.set(toks);
            let _ = cx.vocab.set(vocab);
        }
        cx
    }

    /// The word tokens of this context's text, for [`Context::after`]: the table a rule
    /// asked for, or else the table handed to this context, patched to its text (a stage
    /// whose rules never look at words passes the table on instead of dropping it, so a
    /// later stage does not scan its whole text again).
    pub fn into_words(self) -> Option<WordTable> {
        let text = self.text;
        self.words.into_inner().or_else(|| {
            self.words_before
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .map(|(table, changes)| table.after(text, &changes))
        })
    }

    /// Note that a rule asked for the vocabulary (see `vocab_asked`). Read first, so that
    /// rules asking again on every core do not write the shared flag each time.
    fn mark_vocab_asked(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        if !self.vocab_asked.load(Relaxed) {
            self.vocab_asked.store(true, Relaxed);
        }
    }

    /// The document's own vocabulary (word counts) of the current text.
    pub fn vocab(&self) -> &Vocab {
        self.mark_vocab_asked();
        self.vocab
            .get_or_init(|| Vocab::of_tokens(self.text, self.vocab_tokens()))
    }

    /// The whitespace-separated word tokens of the current text that [`Context::vocab`]
    /// counts ([`crate::vocab::tokens`]), found once.
    pub fn vocab_tokens(&self) -> &crate::vocab::TokenTable {
        self.mark_vocab_asked();
        self.vocab_tokens
            .get_or_init(|| crate::vocab::TokenTable::of(self.text))
    }

    /// [`Context::vocab_tokens`] when a rule of this text asked for them already: a rule
    /// that only walks through them once scans the text itself otherwise
    /// ([`crate::vocab::token_iter`]), which keeps no table of them in memory.
    pub fn vocab_tokens_if_built(&self) -> Option<&crate::vocab::TokenTable> {
        self.vocab_tokens.get()
    }

    /// The word tokens of the current text (as the confusion rules see words), scanned
    /// once and shared by every rule that runs on this text.
    pub fn words(&self) -> confusion::tokens::Words<'_, 'a> {
        self.word_table().iter(self.text)
    }

    /// The spelling id of each token of [`Context::words`], in the same order: equal
    /// spellings have equal ids, in this text and the earlier ones of the run. Empty when
    /// the text is too long for a token table (rules then go by the spellings).
    pub fn word_ids(&self) -> &[u32] {
        self.word_table().ids()
    }

    /// One more than the highest id of [`Context::word_ids`].
    pub fn word_id_count(&self) -> usize {
        self.word_table().id_count()
    }

    fn word_table(&self) -> &confusion::tokens::Table {
        self.words.get_or_init(|| {
            let before = self
                .words_before
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            match before {
                Some((table, changes)) => table.after(self.text, &changes),
                None => confusion::tokens::Table::new(self.text),
            }
        })
    }

    /// Counts of the word tokens of [`Context::words`], exact and in any case: the
    /// document's evidence for the confusion rules.
    pub fn word_counts(&self) -> &confusion::vocab::Vocabulary {
        self.word_counts.get_or_init(|| {
            confusion::vocab::Vocabulary::with_ids(
                self.words(),
                self.word_ids(),
                self.word_id_count(),
            )
        })
    }

    /// Byte ranges of the pages of the current text (split at form feeds, which the ranges
    /// exclude); a text without form feeds is one page.
    pub fn pages(&self) -> &[Range<usize>] {
        self.pages.get_or_init(|| {
            let mut pages = Vec::new();
            let mut start = 0;
            for i in memchr::memchr_iter(b'\x0c', self.text.as_bytes()) {
                pages.push(start..i);
                start = i + 1;
            }
            pages.push(start..self.text.len());
            pages
        })
    }
}

/// A rule proposes edits on the current text.
pub trait Rule: Send + Sync {
    /// The rule's description.
    fn info(&self) -> &RuleInfo;
    /// Push the rule's edits for `cx.text` into `out` (any order; the pipeline sorts).
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>);
}

/// A shared rule is a rule: lets [`crate::Options`] hold user rules compiled once and
/// shared by every cleaner built from it.
impl<R: Rule + ?Sized> Rule for std::sync::Arc<R> {
    fn info(&self) -> &RuleInfo {
        (**self).info()
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
        (**self).check(cx, out)
    }
}

/// A rule made of its description and a plain function: most rules need no state.
pub struct FnRule {
    /// The rule's description.
    pub info: RuleInfo,
    /// Proposes the rule's edits.
    pub check: fn(&RuleInfo, &Context<'_>, &mut Vec<Edit>),
}

impl Rule for FnRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
        (self.check)(&self.info, cx, out)
    }
}

/// Every rule the library has, in stage order: by family, and within a family in the
/// order its module lists them (which is not the order of their codes).
pub fn registry() -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    rules.extend(unicode::rules());
    rules.extend(furniture::rules());
    rules.extend(pagebreak::rules());
    rules.extend(hyphen::rules());
    rules.extend(paragraph::rules());
    rules.extend(confusion::rules());
    rules.extend(spacing::rules());
    rules.sort_by_key(|r| r.info().family);
    rules
}

/// Which rules run: `--select` and `--ignore` lists of codes or family names.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// When non-empty, only these codes/families run (default-off rules included).
    pub select: Vec<String>,
    /// Codes/families that never run.
    pub ignore: Vec<String>,
}

impl Selection {
    /// Check every name against the registry, so a typo is an error, not a silent no-op.
    pub fn validate(&self, rules: &[Box<dyn Rule>]) -> Result<()> {
        for name in self.select.iter().chain(&self.ignore) {
            let known = Family::ALL.iter().any(|f| f.name() == name.to_lowercase())
                || rules
                    .iter()
                    .any(|r| r.info().code.eq_ignore_ascii_case(name));
            if !known {
                return Err(Error::UnknownRule(name.clone()));
            }
        }
        Ok(())
    }

    /// Whether a rule runs under this selection.
    pub fn includes(&self, info: &RuleInfo) -> bool {
        let matches = |name: &String| {
            info.code.eq_ignore_ascii_case(name) || info.family.name() == name.to_lowercase()
        };
        let selected = if self.select.is_empty() {
            info.default_on
        } else {
            self.select.iter().any(matches)
        };
        selected && !self.ignore.iter().any(matches)
    }
}

/// Shared test helper: the edits a rule proposes on a text, sorted.
#[cfg(test)]
pub(crate) fn run_rule(rule: &dyn Rule, text: &str) -> Vec<Edit> {
    let mut out = Vec::new();
    rule.check(&Context::new(text), &mut out);
    out.sort_by_key(|e| e.range.start);
    out
}

/// Shared test helper: apply a rule's edits to a text.
#[cfg(test)]
pub(crate) fn fix(rule: &dyn Rule, text: &str) -> String {
    crate::edit::apply(text, &run_rule(rule, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_examples_hold() {
        let rules = registry();
        let mut codes: Vec<_> = rules.iter().map(|r| r.info().code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), rules.len());
        for r in &rules {
            let (input, output) = r.info().example;
            if furniture::LAYOUT_RULES.contains(&r.info().code) {
                // Text has no layout facts: the rule's own tests check its example.
                assert_eq!(fix(r.as_ref(), input), input);
                continue;
            }
            assert_eq!(
                fix(r.as_ref(), input),
                output,
                "example of {}",
                r.info().code
            );
        }
    }

    #[test]
    fn a_stage_that_never_looks_at_words_hands_their_table_on() {
        let first = "The tbe cat sat on the mat.";
        let cx = Context::new(first);
        assert!(cx.words().count() > 0);
        let changes: Vec<TextChange> = vec![(4..7, 3)];
        let second = "The the cat sat on the mat.";
        // The middle stage asks for nothing; its table still reaches the third.
        let middle = Context::after(cx.into_words(), second, changes);
        let handed = middle.into_words().expect("the table is handed on");
        let third = "The the dog sat on the mat.";
        let last = Context::after(Some(handed), third, vec![(8..11, 3)]);
        let expected: Vec<_> = confusion::tokens::iter(third).collect();
        assert_eq!(last.words().collect::<Vec<_>>(), expected);
        assert_eq!(last.word_ids().len(), expected.len());
        // "the" spelled at 4 and 19 has one id.
        assert_eq!(last.word_ids()[1], last.word_ids()[5]);
    }

    #[test]
    fn selection_by_family_and_code() {
        let rules = registry();
        let sel = Selection {
            select: vec!["unicode".into()],
            ignore: vec!["U002".into()],
        };
        sel.validate(&rules).unwrap();
        let chosen: Vec<_> = rules
            .iter()
            .filter(|r| sel.includes(r.info()))
            .map(|r| r.info().code)
            .collect();
        assert!(chosen.contains(&"U001"));
        assert!(!chosen.contains(&"U002"));
        assert!(chosen.iter().all(|c| c.starts_with('U')));
        let bad = Selection {
            select: vec!["nope".into()],
            ignore: vec![],
        };
        assert!(bad.validate(&rules).is_err());
    }
}
