//! The unit tests of C001's corrector: whole decisions on small texts, and the parts
//! (capital readings, the margins) checked alone.

use super::super::tokens::tokens;
use super::candidates::capital_reading_hits;
use super::shape::{has_inner_capitals, shape_and_base};
use super::weigh::{required_margin, LONGEST_NON_WORD_MARGIN};
use super::*;

/// A sentence of common words with nothing to mend, repeated to make a document.
const PLAIN_SENTENCE: &str = "The people of the town met in the hall and spoke of the \
    harvest, the weather and the roads, and then they went home for the night. ";

fn fix(text: &str) -> Vec<(String, String, Safety)> {
    fix_with(text, false)
}

/// The corrections of `text`, its searches worked out ahead (in parallel) or not.
fn fix_with(text: &str, prepared: bool) -> Vec<(String, String, Safety)> {
    let toks = tokens(text);
    let vocab = Vocabulary::new(toks.iter().cloned());
    let mut c = Corrector::new(&vocab);
    if prepared {
        c.prepare(toks.iter().map(|t| t.text));
    }
    toks.iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let prev = i.checked_sub(1).map(|p| toks[p].text);
            let next = toks.get(i + 1).map(|n| n.text);
            c.correct(t, prev, next)
                .map(|k| (t.text.to_string(), k.word, k.safety))
        })
        .collect()
}

#[test]
fn fixes_typical_misreads() {
    let got = fix("Tbe dog and tbe cat sat on whioh mat");
    let pairs: Vec<(&str, &str)> = got
        .iter()
        .map(|(a, b, _)| (a.as_str(), b.as_str()))
        .collect();
    assert!(pairs.contains(&("tbe", "the")), "{got:?}");
    assert!(pairs.contains(&("whioh", "which")), "{got:?}");
    assert!(pairs.contains(&("Tbe", "The")), "{got:?}");
    // Misreadings of two letters as one, or one as two.
    let got = fix("a feeHng that tJiat they suSered");
    for (seen, meant) in [
        ("feeHng", "feeling"),
        ("tJiat", "that"),
        ("suSered", "suffered"),
    ] {
        assert!(
            got.iter().any(|(a, b, _)| a == seen && b == meant),
            "{got:?}"
        );
    }
    // h and n confused, in a longer word only: "teh" is a typo, not a misread "ten".
    let got = fix("the youhg man said teh word");
    assert!(
        got.iter().any(|(a, b, _)| a == "youhg" && b == "young"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(a, _, _)| a == "teh"), "{got:?}");
    // A three-letter ligature read as "m".
    let got = fix("The omcial report came");
    assert!(
        got.iter().any(|(a, b, _)| a == "omcial" && b == "official"),
        "{got:?}"
    );
}

#[test]
fn capitals_inside_words_are_read_as_the_letters_they_resemble() {
    let got = fix("The help afTorded to us was maliciouB in the circumsLances of tLe war.");
    for (seen, meant) in [
        ("afTorded", "afforded"),
        ("maliciouB", "malicious"),
        ("circumsLances", "circumstances"),
        ("tLe", "the"),
    ] {
        assert!(
            got.iter().any(|(a, b, _)| a == seen && b == meant),
            "{seen}: {got:?}"
        );
    }
    // A capitalised word keeps its capital.
    let got = fix("FIeeing from the town, they came home.");
    assert!(
        got.iter().any(|(a, b, _)| a == "FIeeing" && b == "Fleeing"),
        "{got:?}"
    );
    // Two common words joined at a capital are written so on purpose.
    let got = fix("We used the homePage and the taskForce in the test.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn capital_readings_reach_only_words() {
    let lex = Lexicon::embedded();
    // As C001 asks: the token's base, searched when it has capitals inside.
    let words = |token: &str| -> Vec<String> {
        let (shape, base) = shape_and_base(token);
        if !has_inner_capitals(&base, shape) {
            return Vec::new();
        }
        capital_reading_hits(lex, &base)
            .into_iter()
            .map(|h| h.word)
            .collect()
    };
    assert!(words("wiU").contains(&"will".to_string()));
    assert!(words("afTorded").contains(&"afforded".to_string()));
    // The first letter is read as written, and so is every lower-case letter.
    assert!(words("Table").is_empty(), "{:?}", words("Table"));
    assert!(words("tahle").is_empty(), "{:?}", words("tahle"));
}

#[test]
fn document_evidence_fixes_dropped_letters() {
    let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
    let text = format!(
        "{filler}The communist party. A communist leader. Communist ideas. \
         The communist press. One commuist view."
    );
    let got = fix(&text);
    assert!(
        got.iter()
            .any(|(a, b, _)| a == "commuist" && b == "communist"),
        "{got:?}"
    );
    // A document of a few words gives no evidence from its own counts.
    let short = fix("The communist party. A communist leader. One commuist view.");
    assert!(
        !short
            .iter()
            .any(|(a, _, s)| a == "commuist" && *s == Safety::Safe),
        "{short:?}"
    );
}

#[test]
fn names_and_acronyms_left_alone() {
    let text = "Lalkar reported that the WPK met in Pyongyang. Lalkar added more.";
    assert!(fix(text).is_empty(), "{:?}", fix(text));
}

#[test]
fn plurals_of_document_words_are_not_misreadings() {
    let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
    let text = format!("{filler}The Maister spoke. A Maister came. Two Maisters left.");
    assert!(
        !fix(&text).iter().any(|(a, _, _)| a == "Maisters"),
        "{:?}",
        fix(&text)
    );
}

#[test]
fn lexicon_words_not_replaced_by_the_documents_misreadings() {
    let filler = "The meeting of the society was held in the hall of the town. ".repeat(9);
    let text =
        format!("{filler}The dredgo worked. A dredgo sank. The dredgo rose. Then the dredge came.");
    assert!(
        !fix(&text).iter().any(|(a, _, _)| a == "dredge"),
        "{:?}",
        fix(&text)
    );
}

#[test]
fn a_garbled_neighbour_says_nothing() {
    // "evon" is no word: its pairs with "whioh" and with "which" are both unknown, so
    // the context must not favour the rare spelling over the common one.
    let got = fix("the plan whioh evon the man saw");
    assert!(
        got.iter().any(|(a, b, _)| a == "whioh" && b == "which"),
        "{got:?}"
    );
}

#[test]
fn working_out_ahead_changes_no_decision() {
    // Enough distinct spellings for the parallel path: misreadings, real words with
    // rivals ("tho", "modem"), names, possessives and numbers.
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!(
            "Tbe man{i} said tho modem whioh was arid; Korea's l953 rnatter {i}x. \
             The communist party met the commuist leader and Aubert{i} left. "
        ));
    }
    let plain = fix_with(&text, false);
    assert!(!plain.is_empty());
    assert_eq!(fix_with(&text, true), plain);
}

#[test]
fn real_words_change_only_where_the_document_shows_the_misreading() {
    // This OCR reads h as b: "tbe", "tbat", "bave", "wbich" are no words.
    let noisy = "Tbe man said tbat be would bave come, wbich was kind. \
                 He sold bis cart and ho went home.";
    let got = fix(noisy);
    let changed = |w: &str| got.iter().any(|(a, _, _)| a == w);
    assert!(
        got.iter().any(|(a, b, _)| a == "bis" && b == "his"),
        "{got:?}"
    );
    // The same word in a document without that misreading stays where its neighbours
    // do not speak for "his" ("He sold bis cart" would change on theirs alone: see
    // `a_three_letter_word_changes_where_its_neighbours_settle_it`).
    let clean = "The man said that he would have come, which was kind. \
                 The word bis means twice.";
    let got_clean = fix(clean);
    assert!(
        !got_clean.iter().any(|(a, _, _)| a == "bis"),
        "{got_clean:?}"
    );
    assert!(!changed("kind"), "{got:?}");
}

#[test]
fn a_long_non_word_needs_only_a_clear_winner() {
    // 81 times likelier than as written (under the e^5 of a safe edit), but nine
    // letters that are no word, one table swap from one word and no other.
    let got = fix("He spoke with the prophetie voice of his fathers.");
    assert!(
        got.contains(&("prophetie".into(), "prophetic".into(), Safety::Safe)),
        "{got:?}"
    );
}

#[test]
fn a_habit_of_the_documents_ocr_costs_less() {
    // This OCR reads l as i all through ("wiil", "stiil", "oniy", …): its "habituai"
    // is "habitual", and the reason says why.
    let body = "He wiil stiil come, and he is oniy a boy who is aiso weii. \
                The feeiing was reaiiy good and the meai was smaii. ";
    let habit = format!("{} Such was his habituai way.", body.repeat(8));
    let got = fix(&habit);
    assert!(
        got.iter()
            .any(|(a, b, _)| a == "habituai" && b == "habitual"),
        "{got:?}"
    );
    // In an otherwise clean text the same word has weaker evidence: the general cost
    // of reading l as i, not the document's.
    let clean = format!(
        "{} Such was his habituai way.",
        "He will still come, and he is only a boy who is also well. ".repeat(12)
    );
    let margin = |text: &str| {
        let toks = tokens(text);
        let vocab = Vocabulary::new(toks.iter().cloned());
        let mut c = Corrector::new(&vocab);
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.text == "habituai")
            .find_map(|(i, t)| {
                c.correct(t, Some(toks[i - 1].text), toks.get(i + 1).map(|n| n.text))
            })
            .map_or(f64::NEG_INFINITY, |k| k.margin)
    };
    assert!(margin(&habit) > margin(&clean) + 2.0);
}

#[test]
fn a_repeated_capital_is_a_name_unless_the_ocr_shows_the_misreading() {
    // This OCR reads e as o ("wero", "mado", "havo", "somo"): its repeated "Tho" is
    // "The", not a name.
    let noisy = "Tho men wero here. Tho boys mado somo noise. Tho girls havo gone.";
    let got = super::super::edits_of("C001", noisy);
    let tho = got
        .iter()
        .filter(|(a, b, _)| a == "Tho" && b == "The")
        .count();
    assert_eq!(tho, 3, "{got:?}");
    // Without that pattern a repeated capitalised word is trusted.
    let clean = "Tho men were here. Tho boys made some noise. Tho girls have gone.";
    let got = super::super::edits_of("C001", clean);
    assert!(!got.iter().any(|(a, _, _)| a == "Tho"), "{got:?}");
}

#[test]
fn old_spellings_stay_in_a_text_printed_in_them() {
    // This OCR reads h as b ("bis", "wbich"); the print spells "hee", "owne", "againe".
    let body = "Then hee tooke his owne horse and rode downe againe to the towne, for \
                hee would keepe his word, and bis men went with him, wbich was well. ";
    let text = body.repeat(6);
    let got = super::super::edits_of("C001", &text);
    assert!(!got.iter().any(|(a, _, _)| a == "hee"), "{got:?}");
    assert!(!got.iter().any(|(a, _, _)| a == "owne"), "{got:?}");
    assert!(
        got.iter().any(|(a, b, _)| a == "wbich" && b == "which"),
        "{got:?}"
    );
}

#[test]
fn a_long_non_word_may_be_one_edit_from_a_word_outside_the_table() {
    let body = PLAIN_SENTENCE;
    let text = format!(
        "{} They spoke of their wilhes and of the committe of the town. She was \
         lookin at the river. The WILHES stayed.",
        body.repeat(4)
    );
    let got = super::super::edits_of("C001", &text);
    let pairs: Vec<(&str, &str)> = got
        .iter()
        .map(|(a, b, _)| (a.as_str(), b.as_str()))
        .collect();
    assert!(pairs.contains(&("wilhes", "wishes")), "{got:?}");
    assert!(pairs.contains(&("committe", "committee")), "{got:?}");
    // Speech spelled as said, and capitals, are no one-edit misreadings.
    assert!(
        !pairs.iter().any(|(a, _)| *a == "lookin" || *a == "WILHES"),
        "{got:?}"
    );
    // In a text printed in old spelling, "wordes" is no misread "words".
    let old = "Then hee tooke his owne horse and rode downe againe to the towne, for \
               hee would keepe his wordes and his men went with him. ";
    let got = super::super::edits_of("C001", &old.repeat(6));
    assert!(!got.iter().any(|(a, _, _)| a == "wordes"), "{got:?}");
}

/// The corrections of `tail` at the end of a document of [`PLAIN_SENTENCE`]s, whose
/// counts make the evidence of a real text.
fn fix_after_plain_text(tail: &str) -> Vec<(String, String, Safety)> {
    fix(&format!("{} {tail}", PLAIN_SENTENCE.repeat(4)))
}

/// Whether `got` changes `from` to `to` with this safety.
fn has(got: &[(String, String, Safety)], from: &str, to: &str, safety: Safety) -> bool {
    got.iter()
        .any(|(a, b, s)| a == from && b == to && *s == safety)
}

/// Whether `got` changes `from` to `to`, safe or suggested.
fn changes(got: &[(String, String, Safety)], from: &str, to: &str) -> bool {
    times_changed(got, from, to) > 0
}

/// How many of the edits `got` change `from` into `to`.
fn times_changed(got: &[(String, String, Safety)], from: &str, to: &str) -> usize {
    got.iter().filter(|(a, b, _)| a == from && b == to).count()
}

#[test]
fn a_long_non_words_generic_edit_is_safe_where_it_fits_and_spares_the_ends() {
    let got = fix_after_plain_text(
        "They held a monogoly of the trade. The innate strengt of the men was great. \
         A merchantz came here.",
    );
    // A letter changed inside the word, or added at its end, the word fitting its
    // neighbours: safe.
    assert!(has(&got, "monogoly", "monopoly", Safety::Safe), "{got:?}");
    assert!(has(&got, "strengt", "strength", Safety::Safe), "{got:?}");
    // Its last letter dropped: as likely a longer word cut short, so only a suggestion.
    assert!(
        has(&got, "merchantz", "merchant", Safety::Suggestion),
        "{got:?}"
    );
}

#[test]
fn a_non_words_table_correction_is_safe_where_the_neighbours_settle_it() {
    // Neither leads its token by the safe margin of e^5; "after a … ," and "glad to … me"
    // speak for them by more than e^3.
    let got = fix_after_plain_text(
        "And after a pnuse, they went on. He was glad to groot me at the door.",
    );
    assert!(has(&got, "pnuse", "pause", Safety::Safe), "{got:?}");
    assert!(has(&got, "groot", "greet", Safety::Safe), "{got:?}");
}

#[test]
fn a_three_letter_non_word_may_be_one_edit_from_a_word_its_neighbours_ask_for() {
    let got = fix_after_plain_text(
        "There was no uch thing in the town. He came ith his wife and son. It was a \
         big wh and then.",
    );
    assert!(changes(&got, "uch", "such"), "{got:?}");
    assert!(changes(&got, "ith", "with"), "{got:?}");
    // Two letters are one edit from too many words: "wh" may be "which", "why", "who".
    assert!(!got.iter().any(|(a, _, _)| a == "wh"), "{got:?}");
}

#[test]
fn generic_edits_at_the_ends_of_a_word_are_told_apart() {
    use super::weigh::edits_an_end;
    assert!(edits_an_end("collecte", "collect"));
    assert!(edits_an_end("Ipromise", "promise"));
    assert!(edits_an_end("leasures", "measures"));
    assert!(!edits_an_end("strengt", "strength"));
    assert!(!edits_an_end("mountainz", "mountains"));
    assert!(!edits_an_end("monogoly", "monopoly"));
    assert!(!edits_an_end("rovided", "provided"));
    use super::weigh::transposes;
    assert!(transposes("teh", "the"));
    assert!(!transposes("thq", "the"));
    assert!(!transposes("the", "the"));
}

#[test]
fn a_correction_goes_on_when_it_lands_on_a_misreading() {
    // This OCR writes "tho" for "the" all through; "tbo" is one swap from "tho" and
    // two from "the", and "tho" here would be the next run's "the".
    let body = "They came to tho town and saw tho river by tho bridge in tho morning. ";
    let text = format!("{} Then they went to tbo hall.", body.repeat(8));
    let got = super::super::edits_of("C001", &text);
    assert!(
        got.iter().any(|(a, b, _)| a == "tbo" && b == "the"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, b, _)| b == "tho"), "{got:?}");
}

#[test]
fn a_capital_inside_a_sentence_may_become_a_name_the_document_writes() {
    let body = PLAIN_SENTENCE;
    let text = format!(
        "{} Then Owen spoke. The letter from Oweu came. He turns back, and Turris stays.",
        body.repeat(4)
    );
    let got = super::super::edits_of("C001", &text);
    assert!(
        got.iter().any(|(a, b, _)| a == "Oweu" && b == "Owen"),
        "{got:?}"
    );
    // A common word seen once elsewhere is no evidence against a name.
    assert!(!got.iter().any(|(a, _, _)| a == "Turris"), "{got:?}");
}

#[test]
fn a_long_one_off_capital_inside_a_sentence_may_be_a_misread_word() {
    let body = PLAIN_SENTENCE;
    let text = format!(
        "{} Then the evening Detectivo came by. Later Jaspar came, and Jaspar left.",
        body.repeat(6)
    );
    let got = super::super::edits_of("C001", &text);
    assert!(
        got.iter()
            .any(|(a, b, _)| a == "Detectivo" && b == "Detective"),
        "{got:?}"
    );
    // A short name one letter from a word, used twice, stays.
    assert!(!got.iter().any(|(a, _, _)| a == "Jaspar"), "{got:?}");
    // Used twice, even a long capital is a name the document spells this way.
    let twice = format!(
        "{} Then the evening Detectivo came by, and the Detectivo left.",
        body.repeat(6)
    );
    let got = super::super::edits_of("C001", &twice);
    assert!(!got.iter().any(|(a, _, _)| a == "Detectivo"), "{got:?}");
}

#[test]
fn a_repeated_unknown_capital_made_by_a_habit_is_no_name() {
    // This OCR reads c as o all through ("oould", "muoh", "sinoe", …): its repeated
    // "Gothio" is "Gothic", though it is no misreading of one of the commonest words.
    let body = "He oould not say muoh, sinoe the oity was quiet and the ohuroh was \
                olosed for the winter; the olook struok one and the ooach was late. ";
    let noisy = format!(
        "{} Gothio arches stood there. Gothio windows faced the road.",
        body.repeat(8)
    );
    let got = super::super::edits_of("C001", &noisy);
    assert_eq!(times_changed(&got, "Gothio", "Gothic"), 2, "{got:?}");
    // In a text whose OCR shows no such habit the repeated spelling is a name.
    let clean = format!(
        "{} Gothio arches stood there. Gothio windows faced the road.",
        "He could not say much, since the city was quiet and the church was closed. ".repeat(8)
    );
    let got = super::super::edits_of("C001", &clean);
    assert!(!got.iter().any(|(a, _, _)| a == "Gothio"), "{got:?}");
}

#[test]
fn a_longer_non_word_needs_a_smaller_margin() {
    // "infenor" → "inferior" is e^2.45 likelier than the misreading as written in the
    // document it comes from: under the e^3 a shorter non-word or a real word needs.
    assert_eq!(required_margin(true, "infenor".len(), 2.0), 2.0);
    assert_eq!(required_margin(true, "infenr".len(), 2.0), MIN_MARGIN);
    assert_eq!(required_margin(false, "infenor".len(), 2.0), MIN_MARGIN);
    // A close runner-up keeps the full margin.
    assert_eq!(required_margin(true, "infenor".len(), 0.5), MIN_MARGIN);
    // Each letter more lowers it, to a floor.
    assert_eq!(required_margin(true, "perfeotness".len(), 2.0), -4.0);
    assert_eq!(required_margin(true, "infenors".len(), 2.0), 0.5);
    assert_eq!(required_margin(true, "Trigonometiical".len(), 2.0), -6.0);
    assert_eq!(required_margin(true, 40, 2.0), LONGEST_NON_WORD_MARGIN);
    // "dissatisfaction" is a rarer word than a shorter non-word's candidate needs.
    let got = fix("a feeling of dissatisfaetion with the plan");
    assert!(
        got.iter()
            .any(|(a, b, _)| a == "dissatisfaetion" && b == "dissatisfaction"),
        "{got:?}"
    );
}

#[test]
fn a_short_real_word_changes_where_both_neighbours_speak_for_the_other() {
    let got = fix("and then ho said that it was so");
    assert!(
        got.iter().any(|(a, b, _)| a == "ho" && b == "he"),
        "{got:?}"
    );
    // One neighbour, or none that speaks for it, is not enough.
    assert!(fix("the cry was ho").is_empty());
}

#[test]
fn a_two_letter_word_changes_where_the_document_shows_the_misreading() {
    // A page whose OCR reads e as o ("boen", "whoro", "thoso" are no words, and the
    // profile makes that swap cheap): its "ho" is "he" even where the neighbours say
    // nothing for either word.
    let page = |opening: &str| {
        format!(
            "{opening} The farmer said he kept his sheep on the hill above the village, \
             and his wife sold bread and milk at the market each week. When the rain \
             came the children stayed inside and read old books by the fire, while \
             their father, as he always did, mended nets for the boats that would sail \
             at dawn. With the magnates ho marches round the hall. The last of the \
             visitors left before the snow closed the pass for the winter months."
        )
    };
    let noisy = page(
        "They had boen there since the spring, and novor asked whoro thoso men went \
         after the harvest was in. Ovory one of thom soomed woary of the long road, and \
         nono of them know the way back to the river.",
    );
    let got = fix(&noisy);
    assert!(
        got.iter().any(|(a, b, _)| a == "ho" && b == "he"),
        "{got:?}"
    );
    // The same page without that misreading keeps its "ho".
    let clean = page(
        "They had been there since the spring, and never asked where those men went \
         after the harvest was in. Every one of them seemed weary of the long road, and \
         none of them knew the way back to the river.",
    );
    let got = fix(&clean);
    assert!(!got.iter().any(|(a, _, _)| a == "ho"), "{got:?}");
}

#[test]
fn a_three_letter_word_changes_where_its_neighbours_settle_it() {
    // No misreading of h as b elsewhere on the page: the neighbours alone earn it.
    let got = fix("Then he thanked the boy for bis song and sent him home with a coin.");
    assert!(
        got.iter().any(|(a, b, _)| a == "bis" && b == "his"),
        "{got:?}"
    );
    // With one neighbour only, across a semicolon, when it speaks clearly.
    let got = fix("She would not go with them; hut no notice had been taken of it.");
    assert!(
        got.iter().any(|(a, b, _)| a == "hut" && b == "but"),
        "{got:?}"
    );
    // The real word where its neighbours want it stays.
    let got = fix("The ball flew in a high arc over the wall and into the garden.");
    assert!(!got.iter().any(|(a, _, _)| a == "arc"), "{got:?}");
}

#[test]
fn a_garbled_well_known_name_inside_a_sentence_is_mended() {
    let got = fix("In the old days the philosopher Soorates taught the young men of the city.");
    assert!(
        got.iter()
            .any(|(a, b, _)| a == "Soorates" && b == "Socrates"),
        "{got:?}"
    );
    // A name that may be the writer's own spelling of another stays.
    let got = fix("The report was written by the surgeon Abernethy for the hospital board.");
    assert!(!got.iter().any(|(a, _, _)| a == "Abernethy"), "{got:?}");
}

#[test]
fn real_common_words_left_alone() {
    assert!(fix("the modern modem was in an arid land near the bee hive").is_empty());
}

#[test]
fn a_rare_two_letter_word_goes_for_a_costlier_swap_only_between_words() {
    // "oi" (i read for f) and "ol" (l for f) are swaps of cost 5: allowed for a
    // two-letter word when both neighbours are words that speak for the change.
    let got = fix_after_plain_text(
        "He spoke at the union oi the two towns. She was paid a salary ol five pounds a year.",
    );
    assert!(changes(&got, "oi", "of"), "{got:?}");
    assert!(changes(&got, "ol", "of"), "{got:?}");
    // (The condition that both neighbours be words is measured on the real corpora, where
    // "Church et aL" became "at" without it; a page that shows that misreading elsewhere
    // makes the swap cheap enough for the common bar, so no short text here tells the two
    // apart.)
}

#[test]
fn and_read_as_ami_is_mended_where_the_neighbours_want_and() {
    // "nd" read as "mi" is one swap of the table; "ami" is a rare word, "and" the
    // commonest but one.
    let got = fix_after_plain_text("He walked between the shops ami booths of the old town.");
    assert!(changes(&got, "ami", "and"), "{got:?}");
}

#[test]
fn an_f_read_as_l_is_mended() {
    // "l" for "f" is a swap at 5.0: it mends non-words and rare words alone.
    let got = fix_after_plain_text("She waited lor him by the gate. They oflered him a seat.");
    assert!(has(&got, "lor", "for", Safety::Safe), "{got:?}");
    assert!(changes(&got, "oflered", "offered"), "{got:?}");
    // Real words stay: "lull", "lame", "lit" are no misreadings of "full", "fame", "fit".
    let got = fix_after_plain_text("There was a lull in the talk. The lame man lit a lamp.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn an_apostrophe_no_contraction_explains_is_read_as_the_letters_it_spoils() {
    let got = fix_after_plain_text(
        "He came fi'om the gi'eat house. The old coat was torn. I thin'k so. He o'ered \
         us breaki'ast.",
    );
    for (from, to) in [
        ("fi'om", "from"),
        ("gi'eat", "great"),
        ("thin'k", "think"),
        ("o'ered", "offered"),
        ("breaki'ast", "breakfast"),
    ] {
        assert!(changes(&got, from, to), "{from}: {got:?}");
    }
    // Contractions, French elisions and names keep their apostrophes.
    let got = fix_after_plain_text(
        "He said it n'est pas so. Young O'Donoghue and D'Arcy came. We'll see, ne'er fear.",
    );
    assert!(!got.iter().any(|(a, _, _)| a.contains('\'')), "{got:?}");
}

#[test]
fn a_word_written_without_its_accents_is_a_word() {
    // English writes "cafe" and "naive" as often as "café" and "naïve": no misreading
    // of "case".
    let got = fix_after_plain_text("They met at a cafe near the river. She was naive about it.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_real_word_goes_for_a_far_commoner_one_that_the_neighbours_cannot_speak_for() {
    // "the" follows and precedes almost anything: the bigrams lean slightly against it
    // here, but it is ten thousand times as frequent as "tho", one common misreading away.
    let got = fix_after_plain_text("The winches for working tho dredge are driven by steam.");
    assert!(has(&got, "tho", "the", Safety::Safe), "{got:?}");
    // Less overwhelming ratios still need the neighbours' support.
    let got =
        fix_after_plain_text("The ball flew in a high arc over the wall and into the garden.");
    assert!(!got.iter().any(|(a, _, _)| a == "arc"), "{got:?}");
}

#[test]
fn letters_split_or_joined_in_old_print_are_read_back() {
    let got = fix_after_plain_text(
        "The whole fanuly came in the nrorning. He held it in his haiul. They phiyed cards.",
    );
    for (from, to) in [
        ("fanuly", "family"),
        ("nrorning", "morning"),
        ("haiul", "hand"),
        ("phiyed", "played"),
    ] {
        assert!(changes(&got, from, to), "{from}: {got:?}");
    }
}

/// The rival search, which weighs its candidates against the token's listed probability
/// before its full one, answers as the plain definition does: some candidate (lexicon hit
/// or repeated variant within the real-word cost) at least e^CONTEXT_RATIO times as
/// probable as the token's full probability. Names the document repeats ("Tho" in an OCR
/// that writes o for e, "Hale", "Bell") are where the two probabilities differ.
#[test]
fn rival_search_agrees_with_its_definition() {
    let text = format!(
        "{} Tho men wero here. Tho boys mado somo noise. Hale and Bell met Hale, \
         Bell and Mr Hall at tbe mill; tile roof, oven door, bis hat, hie coat, Tho end. \
         Mr Wbite came; Mr Wbite went; Mr Wbite stayed.",
        PLAIN_SENTENCE.repeat(6)
    );
    let toks = tokens(&text);
    let vocab = Vocabulary::new(toks.iter().cloned());
    let c = Corrector::new(&vocab);
    let definition = |token: &str| {
        let own = c.own_logp(token);
        let (shape, base) = shape_and_base(token);
        let max_channel = real_word_max_channel(token);
        let rival = |word: &str, entry| {
            c.prior(&super::shape::case_like(word, shape), token, entry)
                .is_some_and(|(logp, _, _)| logp - own >= CONTEXT_RATIO)
        };
        let (hits, _) = c.lexicon_hits(token, &base, shape, max_channel as f32);
        let mut found = hits.into_iter().any(|h| rival(&h.word, Some(h.entry)));
        c.for_each_repeated_variant(&base, max_channel as f32, |cand, cost| {
            found = found || (f64::from(cost) <= max_channel && rival(cand, None));
            !found
        });
        found
    };
    let mut answers = (0, 0);
    for t in &toks {
        let got = c.search_rival(t.text);
        assert_eq!(got, definition(t.text), "{}", t.text);
        if got {
            answers.0 += 1;
        } else {
            answers.1 += 1;
        }
    }
    // Both answers occur, so the comparison says something; "Wbite", repeated, is one
    // whose rival clears its listed probability but not its full one.
    assert!(answers.0 > 0 && answers.1 > 0, "{answers:?}");
    assert!(c.listed_logp("Wbite") + CONTEXT_RATIO < c.own_logp("Wbite"));
}

/// The correction of the first occurrence of `token` in `text`, between its neighbours.
fn correction_of(text: &str, token: &str) -> Option<Correction> {
    let toks = tokens(text);
    let vocab = Vocabulary::new(toks.iter().cloned());
    let mut c = Corrector::new(&vocab);
    let i = toks.iter().position(|t| t.text == token)?;
    let prev = i.checked_sub(1).map(|p| toks[p].text);
    c.correct(&toks[i], prev, toks.get(i + 1).map(|n| n.text))
}

/// A long non-word is corrected at a margin below the usual one, even a negative one (a
/// spelling this long that no lexicon lists is seldom a word): its confidence and the odds
/// its reason gives count that, instead of calling the word "0× likelier".
#[test]
fn a_long_non_word_correction_states_its_odds_with_the_length_allowance() {
    let text = format!("{} The unfortiinates were fed.", PLAIN_SENTENCE.repeat(4));
    let fix = correction_of(&text, "unfortiinates").expect("a correction");
    assert_eq!(fix.word, "unfortunates");
    assert!(fix.margin < 0.4, "{}", fix.margin);
    assert!(fix.confidence > 0.9, "{}", fix.confidence);
    assert!(
        !fix.reason.contains(" 0×") && !fix.reason.contains(" 1×"),
        "{}",
        fix.reason
    );
}

/// A suggestion's confidence counts only its odds beyond the bar every correction clears:
/// "wiedom" → "wisdom" (a generic edit, 53× likelier, not safe) is far from certain.
#[test]
fn a_suggestion_is_less_confident_than_its_odds_alone_would_say() {
    let text = format!("{} His wiedom was great.", PLAIN_SENTENCE.repeat(4));
    let fix = correction_of(&text, "wiedom").expect("a suggestion");
    assert_eq!(
        (fix.word.as_str(), fix.safety),
        ("wisdom", Safety::Suggestion)
    );
    assert!(fix.margin > MIN_MARGIN, "{}", fix.margin);
    let at_margin = 1.0 - (-fix.margin).exp() as f32;
    assert!(
        (0.5..0.9).contains(&fix.confidence) && fix.confidence < at_margin - 0.1,
        "{} (margin {})",
        fix.confidence,
        fix.margin
    );
}

/// A repeated capitalised token earns no trust as a name when a habit of the document's
/// OCR (here o for c) makes it of a common name spelled with its capital: "america" is no
/// word, but "America" is. Inside a sentence a name is mended only to the document's own
/// spelling, so the text also prints it right twice.
#[test]
fn a_repeated_name_the_ocr_misread_is_mended() {
    let text = format!(
        "{} Suoh a voyage to Amerioa was muoh talked of. Eaoh man who went to Amerioa \
         wrote whioh ship he took, and the faoe of Amerioa changed. Eaoh reaohed it. \
         They sailed to America, and America was kind.",
        PLAIN_SENTENCE.repeat(8)
    );
    let got = super::super::edits_of("C001", &text);
    assert_eq!(times_changed(&got, "Amerioa", "America"), 3, "{got:?}");
}

/// The tail of a word that white space split is no misreading of its own ("tion" had
/// become "then", "lished" "listed").
#[test]
fn the_halves_of_a_split_word_stay() {
    let text = format!(
        "{} The history of the na tion was pub lished in the spring, pre venting doubt.",
        PLAIN_SENTENCE.repeat(4)
    );
    let got = super::super::edits_of("C001", &text);
    assert!(
        got.iter()
            .all(|(from, _, _)| !matches!(from.as_str(), "tion" | "lished" | "pre")),
        "{got:?}"
    );
}

/// A particle of a European name stays before the name, though the frequency list lacks
/// it ("von" had become "van" and "won").
#[test]
fn name_particles_before_a_name_stay() {
    let text = format!(
        "{} Admiral von Tirpitz met Von Wrede and the men of zu Guttenberg. \
         They had von the race.",
        PLAIN_SENTENCE.repeat(4)
    );
    let got = super::super::edits_of("C001", &text);
    assert!(
        got.iter().all(|(from, _, _)| from != "Von" && from != "zu"),
        "{got:?}"
    );
    assert_eq!(
        got.iter().filter(|(from, _, _)| from == "von").count(),
        1,
        "{got:?}"
    );
}

/// A capitalised word the document writes far more often than the word one of its OCR's
/// habits would make of it is the document's own, however the habit reads it ("Pte", a
/// hundred times, stayed no "Pee" written once).
#[test]
fn a_name_written_far_more_often_than_its_misread_word_stays() {
    let text = format!(
        "{} Suoh a voyage was muoh talked of. Eaoh man wrote whioh ship he took. {} \
         They sailed to America.",
        PLAIN_SENTENCE.repeat(8),
        "Then Amerioa came and spoke. ".repeat(70)
    );
    let got = super::super::edits_of("C001", &text);
    assert_eq!(times_changed(&got, "Suoh", "Such"), 1, "{got:?}");
    assert_eq!(times_changed(&got, "Amerioa", "America"), 0, "{got:?}");
}

/// A word in capitals may have one capital misread for another whose strokes it
/// resembles (B or K for E, X for N), and stays in capitals when mended, a name included;
/// a short one is as often an acronym.
#[test]
fn a_word_in_capitals_reads_a_misread_capital_and_keeps_its_capitals() {
    let text = format!(
        "{} THE BFFECTS OF THE WAR ON THE CARPBTS, PROPKR AND TRAXSIT, IN NORTHUMBKRLAND; \
         THB END.",
        PLAIN_SENTENCE.repeat(4)
    );
    let got = super::super::edits_of("C001", &text);
    for (from, to) in [
        ("BFFECTS", "EFFECTS"),
        ("CARPBTS", "CARPETS"),
        ("PROPKR", "PROPER"),
        ("TRAXSIT", "TRANSIT"),
        ("NORTHUMBKRLAND", "NORTHUMBERLAND"),
    ] {
        assert!(changes(&got, from, to), "{from}: {got:?}");
    }
    assert!(!got.iter().any(|(a, _, _)| a == "THB"), "{got:?}");
}
