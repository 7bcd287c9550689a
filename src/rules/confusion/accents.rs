//! C010 stray-accent: an accent the OCR put on an English word ("Hère" → "Here",
//! "Tempérance" → "Temperance", "à" → "a"), as an engine reading with a French model does.
//!
//! Evidence: the word without its accents is a common lexicon word, and the lexicon knows
//! no spelling with these accents; the document makes the misreading often (several such
//! words), so a lone "rôle" or "régime" in an English text is left as it is. A word next
//! to a foreign word with accents is part of a quotation and is left too, and so are the
//! accents English print sets on purpose: a diaeresis ("naïve"), a sounded "-èd" in verse,
//! the French "à".

use super::tokens::Token;
use crate::edit::{Edit, Safety};
use crate::lexicon::{fold, Lexicon};
use crate::rules::{Context, RuleInfo};

/// Accented English words a document needs before its accents count as the OCR's habit.
const MIN_SITES: usize = 3;

/// Whether `word` carries a diacritic that [`fold::fold_diacritics`] removes.
fn has_accent(word: &str) -> bool {
    !word.is_ascii() && fold::fold_diacritics(word) != word
}

/// Accents English print sets on purpose: a diaeresis ("naïve", "Danaïdes", "coöperate"),
/// the grave of a sounded "-èd" in verse ("abhorrèd"), and the French "à" standing alone
/// ("à priori", "bric-à-brac").
fn written_so(token: &str) -> bool {
    token.contains(['ä', 'ë', 'ï', 'ö', 'ü', 'ÿ', 'Ä', 'Ë', 'Ï', 'Ö', 'Ü'])
        || token.ends_with("èd")
        || matches!(token, "à" | "À")
}

/// The plain spelling of `token` when its accents are the OCR's: the lexicon finds the
/// token only through its plain form, a common word, and knows no accented spelling of it.
fn plain_english(lex: &Lexicon, token: &str) -> Option<String> {
    if !has_accent(token) || written_so(token) {
        return None;
    }
    let found = lex.find(token)?;
    if !found.accents || !found.entry.is_common() || !found.spelling.is_ascii() {
        return None;
    }
    let plain = fold::fold_diacritics(token).into_owned();
    // æ and œ fold to two letters; a token that folds to something the lexicon does not
    // find as written is not a plain English word.
    lex.find(&plain).filter(|f| !f.accents)?;
    Some(plain)
}

/// The check of rule C010.
pub fn stray_accents(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    if cx.text.is_ascii() {
        return;
    }
    let lex = Lexicon::embedded();
    // A foreign word with accents (one the lexicon does not know even without them:
    // "déjà", "été") beside a token puts it in a quotation.
    let foreign = |w: &Option<Token<'_>>| {
        w.as_ref()
            .is_some_and(|w| has_accent(w.text) && plain_english(lex, w.text).is_none())
    };
    let mut sites: Vec<(Token<'_>, String, bool)> = Vec::new();
    // Only a token with a letter beyond ASCII has accents.
    for (prev, t, next) in cx.words().windows_where(|w| !w.is_ascii()) {
        if !has_accent(t.text) {
            continue;
        }
        if let Some(plain) = plain_english(lex, t.text) {
            let quoted = foreign(&prev) || foreign(&next);
            sites.push((t, plain, quoted));
        }
    }
    if sites.len() < MIN_SITES {
        return;
    }
    let n = sites.len();
    for (t, plain, quoted) in sites {
        if quoted {
            continue;
        }
        out.push(Edit::new(
            t.range.clone(),
            plain.clone(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{}' read as '{plain}': the lexicon knows the word only without accents, and this document's OCR puts accents on {n} English words",
                t.text
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C010", text)
    }

    #[test]
    fn accents_the_ocr_added_are_removed() {
        let text = "Hère the Tempérance Society met at the Collège, and thé man spoke.";
        assert_eq!(fixes(text), vec!["Here", "Temperance", "College", "the"]);
    }

    #[test]
    fn accents_of_known_words_quotations_and_single_cases_stay() {
        // Accents set on purpose.
        let meant = "Hère the Tempérance Society met at the Collège: a naïve man, his love \
                     abhorrèd, spoke à propos.";
        assert_eq!(fixes(meant), vec!["Here", "Temperance", "College"]);
        // One accented word is no habit of the OCR.
        assert!(fixes("His rôle in the affair was small.").is_empty());
        // Words the lexicon spells with accents stay.
        assert!(
            fixes("The café, the séance and the protégé, hère and thère.")
                .iter()
                .all(|w| w != "cafe" && w != "seance" && w != "protege")
        );
        // A word beside a foreign word is part of a quotation.
        let quoted = "Hère we read Thèse words: déjà Création and mètres.";
        assert_eq!(fixes(quoted), vec!["Here", "These", "metres"]);
    }
}
