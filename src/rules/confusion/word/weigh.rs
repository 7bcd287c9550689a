//! C001's decision on one occurrence: the candidates weighed against the token in the
//! context of its neighbours, the margins a change needs, one further step when the
//! correction lands on a misreading, and the reason given for it.

use super::super::halves::joins_a_known_word;
use super::super::model::GENERIC_COST;
use super::super::tokens::Token;
use super::candidates::SHORT_TOKEN;
use super::shape::{in_sentence_case, shape, Shape};
use super::{
    real_word_max_channel, Correction, Corrector, Scored, Verdict, CONTEXT_RATIO, DOC_SAFE_COUNT,
    MIN_MARGIN, OVERWHELMING_CONTEXT_FLOOR, OVERWHELMING_RATIO, REAL_WORD_MAX_CHANNEL,
    REAL_WORD_RATIO, SAFE_GAP, SAFE_MARGIN,
};
use crate::edit::Safety;
use std::sync::Arc as Rc;

/// Context can move a decision by at most this many nats.
const MAX_CONTEXT: f64 = 6.0;
/// See [`CONTEXT_RATIO`].
const CONTEXT_SUPPORT: f64 = 2.0;
/// See [`CONTEXT_RATIO`]: the token occurs at most this often in the document.
const CONTEXT_MAX_USES: u32 = 1000;
/// Candidates (best by unigram score) weighed in context.
const CONTEXT_K: usize = 3;
/// Letters from which a non-word's confusion-table correction is safe at the minimum
/// margin (measured on the real corpora: 5 letters broke one word for every two fixed
/// beyond what 6 letters fix).
const LONG_NON_WORD: usize = 6;
/// Lead (nats) a long non-word's best candidate needs over the next one to be safe.
const LONG_NON_WORD_GAP: f64 = 1.0;
/// Letters from which a non-word needs a margin of only [`LONGER_NON_WORD_MARGIN`]: a
/// spelling this long that no lexicon lists is seldom a word the writer meant (measured on
/// the real corpora: from 7 letters at margin 2, 134 more words fixed and 3 more broken;
/// from 6, 165 and 11).
const LONGER_NON_WORD: usize = 7;
/// See [`LONGER_NON_WORD`].
const LONGER_NON_WORD_MARGIN: f64 = 2.0;
/// The margin a longer non-word needs falls by this much per letter beyond
/// [`LONGER_NON_WORD`]: the longer a spelling no lexicon lists, the less likely a writer
/// meant it ("dissatisfaetion" needs less than "cighty"). Measured on the real corpora:
/// 177 more words fixed and 6 more broken (1.0 a letter: 149 and 6; 3.0: 204 and 10).
const MARGIN_PER_LETTER: f64 = 1.5;
/// The least margin [`MARGIN_PER_LETTER`] brings a long non-word down to (reached at 13
/// letters). Measured on the real corpora against −2.0 (reached at 10): 12 more words
/// fixed, none broken ("Trigonometiical", "ecdeaiastic", "comjjlacently"); −4.0 fixed 10,
/// and no floor at all the same 12. With 2.0 a letter besides, 21 more fixed and 2 more
/// broken (the name "Stebbing" became "Stabbing"), so the slope stays.
pub(super) const LONGEST_NON_WORD_MARGIN: f64 = -6.0;
/// Letters from which a non-word's generic one-edit correction (a letter outside the
/// confusion table added, dropped, changed or two swapped) may be safe, as the table's
/// are from [`LONG_NON_WORD`]: when it leads the token by e^[`GENERIC_SAFE_MARGIN`] and
/// the next candidate by e^[`LONG_NON_WORD_GAP`], fits its neighbours by
/// e^[`GENERIC_SAFE_CONTEXT`] and leaves the word's ends alone ([`edits_an_end`]).
/// Measured on the real corpora against keeping every such edit a suggestion: 36 more
/// words fixed and 1 more broken ("nothink", a dialect spelling); without the guard on
/// the ends 39 and 3 ("collecte" → "collect" for "collected", "leasures" → "measures"
/// for "pleasures"); from 6 letters, or at margin 1, a few more of each.
const GENERIC_SAFE_LETTERS: usize = 7;
/// See [`GENERIC_SAFE_LETTERS`].
const GENERIC_SAFE_MARGIN: f64 = 2.0;
/// See [`GENERIC_SAFE_LETTERS`].
const GENERIC_SAFE_CONTEXT: f64 = 1.0;
/// A non-word's confusion-table correction to a lexicon word, of any length, is safe at
/// the minimum margin when the neighbouring words alone favour it by this much (e^3, as
/// much as the margin itself), it leads the next candidate by e^[`LONG_NON_WORD_GAP`] and
/// keeps the token's first letter ("hait" → "halt", "shoro" → "share", "pnuse" →
/// "pause"). Measured on the real corpora against keeping it a suggestion: 9 more words
/// fixed, none broken, none of the 14 new safe edits away from the truth. Without the
/// lead, the neighbours also picked "fan" for "had a faU," where C012 reads "fall"; with
/// a new first letter, "iend" → "land" and "upply" → "apply" (lost first letters of
/// "friend" and "supply"). Without either condition, the neighbours' bar at e^2 instead
/// of e^3 fixed 17 more words and broke 5.
const SAFE_CONTEXT: f64 = 3.0;
/// A non-word of [`SHORT_TOKEN`] letters becomes a word one generic edit away only when
/// the neighbouring words favour that word by this much (e^3), the edit leaves the word's
/// ends alone ([`edits_an_end`]) and swaps no two letters ([`transposes`]: "teh" is a
/// typist's "the", not OCR's), and the token is no half of a word split by a space ("w
/// ith", "tim idly"): "uch" → "such", "ith" → "with", "thq" → "the". Measured on the real
/// corpora against no generic edits for such tokens: 29 more words fixed, 1 more broken
/// ("ver", a fragment the truth keeps), no set with more broken than fixed; of the 40
/// new edits 27 move toward the truth and 5 away, a wrong word for another ("mce" → "me"
/// for "once"). The same for two-letter tokens fixed 11 more and broke 2 ("wh" → "we"
/// for "which" and "why"), so they stay out; without the neighbours' bar, three- and
/// two-letter tokens together fixed 69 and broke 18.
const SHORT_GENERIC_CONTEXT: f64 = 3.0;
/// A real word of one or two letters may also change without the document showing the
/// misreading when the neighbours favour the other word by at least e^4 ("ho said" →
/// "he said") and that and its frequency together by e^11 (measured on the real
/// corpora: 20 more words fixed, none broken).
const SHORT_STRONG_CONTEXT: f64 = 4.0;
/// See [`SHORT_STRONG_CONTEXT`].
const SHORT_STRONG_TOTAL: f64 = 11.0;
/// A real word of three letters may change the same way, with the neighbours' support of
/// e^CONTEXT_SUPPORT that every context-earned change needs, when that and the other
/// word's frequency together reach e^8 ("for bis song" → "for his song", "lie said" →
/// "he said", "they arc" → "they are", "; hut no notice" → "; but no notice"). Measured
/// on the real corpora against no such change: at e^10, 20 more words fixed and none
/// broken; at e^8, 33 fixed and 1 broken ("her bow well above" → "her how well above":
/// neighbours unseen with the rare word say nothing against the common one), 14 of the
/// 15 edits e^8 adds over e^10 toward the truth; lower gains at most 2 more. The same
/// relaxation for words of one or two letters (support e^3) fixes 14 more but a fifth of
/// its edits move away from the truth ("You ll" → "You fill", "p m" → "p in").
const THREE_LETTER_TOTAL: f64 = 8.0;
/// A real word of two letters may also change, with no word from its neighbours, for a
/// word e^REAL_WORD_RATIO times as frequent that its neighbours do not speak against and
/// no other candidate comes near, when the swap between them is one the document's OCR
/// makes all through and so costs this little ("ho" → "he", "aa" → "as", "wo" → "we" in a
/// text that reads e as o). Measured on the real corpora: +22 fixed, +2 broken; at any
/// cost up to 2.5 ("om" → "am", "ma" → "me", "ha" → "he") +26 and +6, most of the new
/// edits wrong.
const HABIT_PAIR_MAX_CHANNEL: f64 = 1.5;

impl<'a> Corrector<'a> {
    /// A correction that lands on a word this corrector would itself change in this place
    /// goes on to that word ("tbo" reads "tho", the document's own misreading of "the"
    /// used 14 times, and "tho" here is "the"): cleaning the output again would otherwise
    /// make the second step. One step more at most.
    pub(super) fn then_corrected(
        &self,
        token: &Token<'_>,
        first: Correction,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Correction {
        let step = Token {
            range: token.range.clone(),
            text: &first.word,
        };
        let second = match self.judge_one_step(&step, prev, next) {
            Verdict::Open(Some(second)) if second.word != token.text => second,
            _ => return first,
        };
        let safety = if first.safety == Safety::Safe && second.safety == Safety::Safe {
            Safety::Safe
        } else {
            Safety::Suggestion
        };
        Correction {
            word: second.word,
            original_len: first.original_len,
            margin: first.margin.min(second.margin),
            gap: first.gap.min(second.gap),
            safety,
            confidence: first.confidence.min(second.confidence),
            reason: format!("{}; then {}", first.reason, second.reason),
        }
    }

    /// [`Corrector::judge`] without [`Corrector::then_corrected`].
    pub(super) fn judge_one_step(
        &self,
        token: &Token<'_>,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Verdict {
        let full = token.text;
        let need = match self.needed.get(full) {
            Some(&known) => known,
            None => self.work_out_needs(full),
        };
        let Some((stem_len, real_word, known)) = need else {
            return Verdict::Settled;
        };
        let text = &full[..stem_len];
        let suffix = &full[text.len()..];
        // A real word can only lose to a far more frequent word one common misreading
        // away: when none exists, the full search cannot change it (a cheap first look).
        if real_word && !self.real_word_rival(text) {
            return Verdict::Settled;
        }
        let unigram = match self.cache.get(text) {
            Some(hit) => Rc::clone(hit),
            None => Rc::new(self.own_logp_and_candidates(text)),
        };
        let (own, cands) = (&unigram.0, &unigram.1);
        // Context moves a score by at most MAX_CONTEXT: when no candidate can win even
        // then, no occurrence of this spelling ever changes.
        let least = least_margin(!known && !real_word, text.chars().count());
        if cands
            .first()
            .is_none_or(|c| c.score() + MAX_CONTEXT - own < least)
        {
            return Verdict::Settled;
        }
        Verdict::Open(self.weigh(text, suffix, known, real_word, own, cands, prev, next))
    }

    /// The rest of [`Corrector::judge`] for a spelling that is not settled: the candidates
    /// weighed in the context of `prev` and `next`.
    #[allow(clippy::too_many_arguments)]
    fn weigh(
        &self,
        text: &str,
        suffix: &str,
        known: bool,
        real_word: bool,
        own: &f64,
        cands: &[Scored],
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<Correction> {
        let full_len = text.len() + suffix.len();
        let letters = text.chars().count();
        // A capitalised word inside a sentence is probably a name: only the document's own
        // spelling of a name may replace it ("Auhert" → "Aubert", "Oweu" → "Owen"), unless
        // it is a long one-off (names recur) that misreads a common word ("Detectivo") or,
        // when no lexicon lists it, a well-known name ("Tliomas").
        let mid_sentence_name = prev.is_some() && shape(text) == Shape::Title;
        let one_off =
            mid_sentence_name && letters >= LONGER_NON_WORD && self.vocab.count_any_case(text) == 1;
        let unlisted_one_off = one_off && self.known.find(text).is_none();
        let cands: Vec<&Scored> = cands
            .iter()
            .filter(|c| {
                !mid_sentence_name
                    || c.doc_count >= 2
                    || self.name_written_elsewhere(c)
                    || (one_off && self.ordinary_common_word(c))
                    || (unlisted_one_off && self.well_known_name(c))
            })
            .take(CONTEXT_K)
            .collect();
        // Context moves a score by at most MAX_CONTEXT: skip it when nothing can win.
        let least = least_margin(!known && !real_word, letters);
        if cands
            .first()
            .is_none_or(|c| c.score() + MAX_CONTEXT - own < least)
        {
            return None;
        }
        let prev = prev.map(|p| (p, self.count(p)));
        let next = next.map(|n| (n, self.count(n)));
        let own_context = self.context(prev, text, next);
        let mut ranked: Vec<(f64, f64, &Scored)> = cands
            .into_iter()
            .map(|c| {
                let ctx = self.context(prev, &c.word, next);
                let delta = (ctx - own_context).clamp(-MAX_CONTEXT, MAX_CONTEXT);
                (c.score() + delta, delta, c)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best_total, best_ctx, best) = ranked[0];
        let runner_up = ranked.get(1).map_or(f64::NEG_INFINITY, |r| r.0);
        let margin = best_total - own;
        let gap = best_total - runner_up;
        // A real word is changed only for a far more frequent word, reached by one common
        // misreading, that the neighbouring words do not speak against.
        let ratio = best.logp - own;
        // A word of one or two letters ("ho", "er") is too easily another: only the
        // context and the document's own misreadings can earn its change.
        let short = letters <= 2;
        // Worked out only for a real word, when the cheaper conditions leave it open: the
        // profile's answer (`document_shows`) is the costly part.
        // Without the document's word, the neighbours and the frequency ratio must settle
        // it alone, by a length's own bar: none for words of four letters or more.
        let neighbours_settle = match letters {
            0..=2 => best_ctx >= SHORT_STRONG_CONTEXT && ratio + best_ctx >= SHORT_STRONG_TOTAL,
            3 => ratio + best_ctx >= THREE_LETTER_TOTAL,
            _ => false,
        };
        let context_earns = || {
            ratio >= CONTEXT_RATIO
                && best_ctx >= CONTEXT_SUPPORT
                && self.vocab.count_any_case(text) <= CONTEXT_MAX_USES
                && (neighbours_settle || self.document_shows(text, &best.word))
        };
        // A costlier swap of a two-letter word needs both neighbours to be words: a garbled
        // one ("et aL") says nothing.
        let neighbours_are_words = || {
            [prev, next]
                .iter()
                .all(|w| w.is_some_and(|(w, _)| self.known.find(w).is_some()))
        };
        let real_word_ok = || {
            (best.channel <= REAL_WORD_MAX_CHANNEL
                || (best.channel <= real_word_max_channel(text) && neighbours_are_words()))
                && ((!short && ratio >= REAL_WORD_RATIO && best_ctx >= 0.0)
                    || (!short
                        && ratio >= OVERWHELMING_RATIO
                        && best_ctx >= OVERWHELMING_CONTEXT_FLOOR)
                    || (letters == 2
                        && best.channel <= HABIT_PAIR_MAX_CHANNEL
                        && ratio >= REAL_WORD_RATIO
                        && best_ctx >= 0.0
                        && gap >= SAFE_GAP
                        && self.document_shows(text, &best.word))
                    || context_earns())
        };
        let non_word = !known && !real_word;
        // A short token is one generic edit from too many words for its frequency alone.
        let short_generic = letters <= SHORT_TOKEN && best.channel >= f64::from(GENERIC_COST);
        if short_generic
            && (best_ctx < SHORT_GENERIC_CONTEXT
                || edits_an_end(text, &best.word)
                || transposes(text, &best.word)
                || joins_a_known_word(self.known, prev.map(|p| p.0), text, next.map(|n| n.0)))
        {
            return None;
        }
        if margin < required_margin(non_word, letters, gap) || (real_word && !real_word_ok()) {
            return None;
        }
        // "A word spelled right three times and wrong once is strong evidence."
        let document_says = best.lexicon
            && best.doc_count >= DOC_SAFE_COUNT
            && self.vocab.count_any_case(text) == 1
            && gap >= SAFE_GAP;
        // A non-word this long is no reading worth keeping: one confusion-table candidate
        // clearly ahead of the others is enough ("tremhling" → "trembling").
        let long_non_word = !known
            && !real_word
            && letters >= LONG_NON_WORD
            && best.channel < f64::from(GENERIC_COST)
            && gap >= LONG_NON_WORD_GAP;
        // A long non-word one generic edit from a word that fits here: safe too, unless
        // the edit is at an end of the word, where OCR loses letters of a longer one.
        let long_generic = !known
            && !real_word
            && letters >= GENERIC_SAFE_LETTERS
            && best.channel >= f64::from(GENERIC_COST)
            && margin >= GENERIC_SAFE_MARGIN
            && gap >= LONG_NON_WORD_GAP
            && best_ctx >= GENERIC_SAFE_CONTEXT
            && !edits_an_end(text, &best.word);
        // A non-word whose table correction the neighbours themselves settle.
        let context_settles = !known
            && !real_word
            && best.lexicon
            && best.channel < f64::from(GENERIC_COST)
            && best_ctx >= SAFE_CONTEXT
            && gap >= LONG_NON_WORD_GAP
            && same_first_letter(text, &best.word);
        let safe = (margin >= SAFE_MARGIN && gap >= SAFE_GAP)
            || document_says
            || long_non_word
            || long_generic
            || context_settles;
        // The token's probability as an unknown spelling takes no account of its length;
        // the smaller margin a long non-word needs stands for that (a spelling this long
        // that no lexicon lists is seldom a word), so the confidence and the odds given in
        // the reason count it as evidence: an edit the margin earns is never "0× likelier".
        let odds = margin + (MIN_MARGIN - required_margin(non_word, letters, gap));
        // A suggestion failed a test of a safe edit, so only its odds beyond the bar every
        // correction clears speak for it: at the bar it is a coin toss (measured on the
        // real corpora, suggestions at e^3 to e^4.6 were right about half the time, those
        // above about four times in five).
        let confidence = if safe {
            1.0 - (-odds).exp()
        } else {
            1.0 / (1.0 + (MIN_MARGIN - odds).exp())
        };
        let confidence = confidence.clamp(0.0, 0.999) as f32;
        let spelled = in_sentence_case(best, text, prev.is_some());
        Some(Correction {
            reason: explain(
                text,
                &spelled,
                best,
                known,
                real_word,
                self.habit(text, &best.word),
                best_ctx,
                odds,
            ),
            word: format!("{spelled}{suffix}"),
            original_len: full_len,
            margin,
            gap,
            safety: if safe {
                Safety::Safe
            } else {
                Safety::Suggestion
            },
            confidence,
        })
    }
}

/// The margin a correction needs over the token as written: [`MIN_MARGIN`], or for a
/// non-word of [`LONGER_NON_WORD`] letters or more whose best candidate leads the next by
/// [`LONG_NON_WORD_GAP`], [`LONGER_NON_WORD_MARGIN`] less [`MARGIN_PER_LETTER`] for each
/// further letter (down to [`LONGEST_NON_WORD_MARGIN`]).
pub(super) fn required_margin(non_word: bool, letters: usize, gap: f64) -> f64 {
    if non_word && letters >= LONGER_NON_WORD && gap >= LONG_NON_WORD_GAP {
        let beyond = (letters - LONGER_NON_WORD) as f64;
        (LONGER_NON_WORD_MARGIN - MARGIN_PER_LETTER * beyond).max(LONGEST_NON_WORD_MARGIN)
    } else {
        MIN_MARGIN
    }
}

/// Whether the one-edit correction of `token` into `word` drops the token's last letter
/// ("collecte" → "collect", as likely "collected" cut short), or drops or changes its
/// first ("Ipromise" → "Promise", "leasures" → "measures" for "pleasures"): at the ends
/// of a word OCR loses letters, of the word or of its neighbour, and the generic edit
/// cannot tell which word they belonged to.
pub(super) fn edits_an_end(token: &str, word: &str) -> bool {
    let (token, word) = (token.to_lowercase(), word.to_lowercase());
    let shorter = word.chars().count() + 1 == token.chars().count();
    let drops_last = shorter && token.starts_with(&word);
    let drops_first = shorter && token.ends_with(&word);
    let first_changed =
        token.chars().count() == word.chars().count() && !same_first_letter(&token, &word);
    drops_last || drops_first || first_changed
}

/// Whether `word` is `token` with two neighbouring letters swapped ("teh" for "the"): a
/// typist's slip, which OCR does not make.
pub(super) fn transposes(token: &str, word: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (token.chars().collect(), word.chars().collect());
    // The first letter where they differ and the next must be each other's, the rest equal.
    let Some(i) = a.iter().zip(&b).position(|(x, y)| x != y) else {
        return false;
    };
    a.len() == b.len()
        && i + 1 < a.len()
        && a[i] == b[i + 1]
        && a[i + 1] == b[i]
        && a[i + 2..] == b[i + 2..]
}

/// Whether `token` and `word` start with the same letter, whatever its case.
fn same_first_letter(token: &str, word: &str) -> bool {
    match (token.chars().next(), word.chars().next()) {
        (Some(a), Some(b)) => a.to_lowercase().eq(b.to_lowercase()),
        (a, b) => a == b,
    }
}

/// The least margin [`required_margin`] may ask of a token, whatever its candidates' gap.
fn least_margin(non_word: bool, letters: usize) -> f64 {
    required_margin(non_word, letters, f64::INFINITY)
}

/// The reason given for a correction: what the token is, what the word (`spelled` as the
/// edit writes it) is and by which misreading it became the token, and how much likelier
/// the word is (`odds`, in nats).
#[allow(clippy::too_many_arguments)]
fn explain(
    token: &str,
    spelled: &str,
    best: &Scored,
    token_known: bool,
    real_word: bool,
    habit: bool,
    context: f64,
    odds: f64,
) -> String {
    let what = match (token_known, real_word) {
        (true, true) => format!("'{token}' is a word, but a far less likely one here"),
        (true, false) => format!("'{token}' is a rare word"),
        (false, true) => format!("'{token}' recurs in this document but is no word"),
        (false, false) => format!("'{token}' is not a word"),
    };
    let mut evidence = Vec::new();
    if best.lexicon {
        evidence.push("a common word".to_string());
    }
    match best.doc_count {
        0 => {}
        1 => evidence.push("used once elsewhere in this document".to_string()),
        n => evidence.push(format!("used {n} times in this document")),
    }
    let mut how = if best.channel >= f64::from(GENERIC_COST) {
        "one letter added, dropped, changed or two swapped".to_string()
    } else if habit {
        "a misreading this document's OCR makes often".to_string()
    } else {
        "a typical OCR misreading".to_string()
    };
    if context >= 1.0 {
        how.push_str(", fits the neighbouring words");
    }
    format!(
        "{what}; '{spelled}' is {} ({how}; {:.0}× likelier)",
        evidence.join(" and "),
        odds.exp().min(1e9)
    )
}
