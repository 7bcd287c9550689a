//! Paragraph layout: `--unwrap` writes one paragraph per line. Paragraph ends are found
//! from blank lines, short last lines, closing punctuation and list markers; headings,
//! list items and verse-like runs of short lines keep their own lines. The rule is off by
//! default (the line structure is kept) and runs after hyphenation, so words split at line
//! ends are already whole.

mod measure;

use super::lines::{ends_sentence, lines, Line};
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};

/// The code of the unwrap rule, which `--unwrap` turns on.
pub const UNWRAP: &str = "P010";

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(FnRule {
        info: RuleInfo {
            code: UNWRAP,
            name: "unwrap",
            family: Family::Paragraph,
            summary: "One paragraph per line: join the lines of each paragraph (--unwrap)",
            example: (
                "Heading\n\nA paragraph that is printed over\nfour lines of type, all of which\nare full but the last one, and\nwill be joined into one.\n",
                "Heading\n\nA paragraph that is printed over four lines of type, all of which are full but the last one, and will be joined into one.\n",
            ),
            default_on: false,
        },
        check: unwrap,
    })]
}

/// True when a line starts a list item: a bullet, or a number or letter with `.` or `)`.
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['•', '◦', '▪', '·', '*', '–', '—']) || t.starts_with("- ") {
        return true;
    }
    let marker: String = t.chars().take_while(|c| !c.is_whitespace()).collect();
    let n = marker.chars().count();
    if !(2..=4).contains(&n) || !t[marker.len()..].starts_with(' ') {
        return false;
    }
    let core = marker.trim_start_matches('(');
    let Some(body) = core.strip_suffix(['.', ')']) else {
        return false;
    };
    !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_digit())
            || (body.chars().count() == 1 && body.chars().all(|c| c.is_ascii_lowercase())))
}

/// The number of a list item's marker (`3.` or `(3)`), if it is one with digits.
fn list_number(line: &str) -> Option<u32> {
    if !starts_list_item(line) {
        return None;
    }
    let t = line.trim_start().trim_start_matches('(');
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether `b`, which looks like a numbered list item, rather goes on with the sentence
/// of `a` ("… a person satisfying sense / 3. Both senses …"): `a` is a full line that
/// ends in a lower-case letter, with no punctuation to close a sentence or introduce a
/// list, and the number neither starts a list nor follows the last item seen (`last`).
fn number_goes_on(a: &str, a_short: bool, b: &str, last: Option<u32>) -> bool {
    let Some(n) = list_number(b) else {
        return false;
    };
    !a_short
        && a.trim_end().chars().last().is_some_and(char::is_lowercase)
        && n != 1
        && last.is_none_or(|l| l.checked_add(1) != Some(n))
}

fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn visible_len(line: &str) -> usize {
    line.trim().chars().count()
}

/// The usual length of a full line: the 75th percentile of non-blank line lengths.
fn full_line_len(text: &str, ls: &[Line]) -> usize {
    let mut lens: Vec<usize> = ls
        .iter()
        .map(|l| visible_len(l.text(text)))
        .filter(|&n| n > 0)
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() * 3 / 4]
}

/// A line shorter than this percentage of the usual full line ends its paragraph (or is a
/// heading or a line of verse): justified lines vary by a few characters only.
const SHORT_PERCENT: usize = 80;

/// A page's last line that ends a sentence and is shorter than this percentage of a full
/// line ends its paragraph; so does any such line in text without blank lines.
const PAGE_END_FULL_PERCENT: usize = 95;

/// Whether the text is wrapped at a fixed measure: the usual line is 20 to 200 characters
/// long and at least half the lines (and three or more) are within 15% of it. Text already unwrapped (one
/// paragraph per line) is not, so unwrapping twice changes nothing the second time.
fn hard_wrapped(text: &str, ls: &[Line], full: usize) -> bool {
    if !(20..=200).contains(&full) {
        return false;
    }
    let lens: Vec<usize> = ls
        .iter()
        .map(|l| visible_len(l.text(text)))
        .filter(|&n| n > 0)
        .collect();
    let near = lens
        .iter()
        .filter(|&&n| n * 100 >= full * 85 && n * 100 <= full * 115)
        .count();
    near >= 3 && near * 2 >= lens.len()
}

/// What the whole text says about its layout, for [`paragraph_ends`].
struct Layout {
    /// The usual length of a full line.
    full: usize,
    /// The usual indentation of a line.
    base_indent: usize,
    /// No blank line marks a paragraph: sentence ends on lines not quite full are guesses.
    no_blank_lines: bool,
    /// The lengths the text's own lines show (see [`measure::Measure`]).
    measure: measure::Measure,
}

/// Whether the break between lines `a` and `b` (non-blank, with only a line break or a
/// page break between) ends a paragraph. `prev` is the line before `a` when it is not
/// blank: a hyphen join moved the rest of a word from `a` up to it, so what `prev` holds
/// beyond a full line counts as part of `a`. `page_end_guess`: a page break lies between
/// and the text gives no other sign of where paragraphs start (no indentation).
/// `last_number`: the number of the last numbered list item before `b`.
fn paragraph_ends(
    prev: Option<&str>,
    a: &str,
    b: &str,
    page_end_guess: bool,
    last_number: Option<u32>,
    lay: &Layout,
) -> bool {
    let full = lay.full;
    let short_len = |n: usize| n * 100 < full * SHORT_PERCENT;
    let moved_up = prev.map_or(0, |p| visible_len(p).saturating_sub(full));
    let a_len = visible_len(a) + moved_up;
    // A sentence that ends on a line that is not quite full ends its paragraph at a page
    // end (OCR keeps no indentation, so the next page cannot say) or in text without
    // blank lines; not quite full means under 95% of a full line and shorter than three
    // in four of the lines the text shows to go on (proportional type varies).
    let not_full = ends_sentence(a)
        && a_len * 100 < full * PAGE_END_FULL_PERCENT
        && lay.measure.continuing_p25.is_none_or(|p| a_len < p);
    // Where first lines of paragraphs are shorter than the others (an indent OCR lost), a
    // next page that starts with a line as long as the others goes on with the paragraph.
    let b_unindented = lay
        .measure
        .unindented_from
        .is_some_and(|m| visible_len(b) >= m);
    let a_short = short_len(a_len)
        || (page_end_guess && not_full && !b_unindented)
        || (lay.no_blank_lines && not_full);
    if (starts_list_item(b) && !number_goes_on(a, a_short, b, last_number))
        || starts_list_item(a) && a_short
    {
        return true;
    }
    let base_indent = lay.base_indent;
    if indent(b) > base_indent + 1 && indent(b) > indent(a) {
        return true;
    }
    if a_short {
        // A short line ends a paragraph, a heading or a line of verse, unless it is
        // followed by the lower-case rest of its sentence.
        let continues = !ends_sentence(a)
            && b.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !short_len(visible_len(b));
        return !continues;
    }
    false
}

fn unwrap(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let ls = lines(text);
    let full = full_line_len(text, &ls);
    if !hard_wrapped(text, &ls, full) {
        return;
    }
    let base_indent = {
        let mut ind: Vec<usize> = ls
            .iter()
            .filter(|l| !l.is_blank(text))
            .map(|l| indent(l.text(text)))
            .collect();
        ind.sort_unstable();
        ind.get(ind.len() / 2).copied().unwrap_or(0)
    };
    let nonblank: Vec<usize> = (0..ls.len()).filter(|&i| !ls[i].is_blank(text)).collect();
    // Text that marks no paragraph with a blank line (PDF text without indentation): a
    // sentence that ends a line that is not quite full ends its paragraph too.
    let blank = ls
        .iter()
        .filter(|l| l.is_blank(text) && !(l.ends_page && l.start == l.end))
        .count();
    // Text whose paragraphs start with an indented line (PDF text, typed text) says where
    // they start; sentence ends on lines that are not full then say nothing more.
    let indented = nonblank
        .iter()
        .filter(|&&i| indent(ls[i].text(text)) > base_indent + 1)
        .count();
    let marks_indent = indented >= 2;
    let lay = Layout {
        full,
        base_indent,
        no_blank_lines: blank * 50 < nonblank.len() && !marks_indent,
        measure: measure::measure(text, &ls),
    };
    let mut last_number = None;
    for w in nonblank.windows(2) {
        if let Some(n) = list_number(ls[w[0]].text(text)) {
            last_number = Some(n);
        }
        let (a, b) = (&ls[w[0]], &ls[w[1]]);
        // A real blank line between them ends the paragraph; the empty "line" that a form
        // feed right after a line break makes is not one.
        let blank_between = ls[w[0] + 1..w[1]]
            .iter()
            .any(|l| !(l.ends_page && l.start == l.end));
        if blank_between {
            continue;
        }
        let across_page = ls[w[0]..w[1]].iter().any(|l| l.ends_page);
        let (at, bt) = (a.text(text), b.text(text));
        let prev = (w[0] > 0 && !ls[w[0] - 1].is_blank(text)).then(|| ls[w[0] - 1].text(text));
        let guess_at_page_end = across_page && !marks_indent;
        if paragraph_ends(prev, at, bt, guess_at_page_end, last_number, &lay) {
            continue;
        }
        let start = a.start + at.trim_end().len();
        let end = b.start + (bt.len() - bt.trim_start().len());
        let hyphen = at.trim_end().ends_with('-')
            && at
                .trim_end()
                .trim_end_matches('-')
                .chars()
                .last()
                .is_some_and(char::is_alphabetic);
        let glue = if hyphen { "" } else { " " };
        let unindented_next = ends_sentence(at)
            && lay
                .measure
                .unindented_from
                .is_some_and(|m| visible_len(bt) >= m);
        let why = if across_page && unindented_next {
            "the paragraph goes on across the page break: the next page starts with a line as long as a paragraph's inner lines, not a shorter (indented) first line"
        } else if across_page {
            "the paragraph goes on across the page break: the last line of the page is full"
        } else if hyphen {
            "the paragraph goes on; the line-end hyphen is kept"
        } else {
            "the paragraph goes on: the line is full and the next line is not indented, a list item or a heading"
        };
        out.push(Edit::new(
            start..end,
            glue,
            info.code,
            0.8,
            Safety::Safe,
            why,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    #[test]
    fn joins_paragraph_lines_keeps_structure() {
        let r = &rules()[0];
        let t = "Title\n\nThis is a long line of a paragraph that\ncontinues here on the next line of\ntext and ends.\nNext paragraph starts here and it\nends.\n";
        assert_eq!(
            fix(r.as_ref(), t),
            "Title\n\nThis is a long line of a paragraph that continues here on the next line of text and ends.\nNext paragraph starts here and it ends.\n"
        );
    }

    #[test]
    fn unwrapping_twice_changes_nothing_more() {
        let r = &rules()[0];
        let t = "This is a long line of a paragraph that\ncontinues here on the next line of\ntext and ends.\nNext paragraph starts here and it\ngoes on for a while to the end of\nthe text.\n";
        let once = fix(r.as_ref(), t);
        assert_ne!(once, t);
        assert_eq!(fix(r.as_ref(), &once), once);
    }

    #[test]
    fn verse_and_lists_stay() {
        let r = &rules()[0];
        let t = "A long line of prose that fills the measure well\nand goes on to the end of a line here\nRoses are red,\nviolets are blue.\n\n1. first item\n2. second item\n";
        let out = fix(r.as_ref(), t);
        assert!(out.contains("Roses are red,\nviolets are blue."), "{out}");
        assert!(out.contains("1. first item\n2. second item"), "{out}");
        assert!(starts_list_item("(a) thing"));
        assert!(!starts_list_item("And so"));
        assert!(!starts_list_item("1945. He"));
    }

    #[test]
    fn indented_starts_mark_paragraphs_alone() {
        let r = &rules()[0];
        // No blank lines, but indented first lines: a sentence that ends on a line not
        // quite full ("… a line.") is no paragraph end, nor is the end of a page.
        let t = "   The first paragraph starts here with a long\n\
                 line and it goes on with another line. Then\n\
                 a sentence ends here on a short line.\n\
                 It goes on with words on the line after this\n\
                 one and ends it here on this line of text.\n\
                 \x0cBut the page goes on with the paragraph still\n\
                 and ends it on a short line.\n\
                 \x20  Here the second paragraph starts with words\n\
                 and more words to fill the line of print up\n\
                 and ends.\n";
        let out = fix(r.as_ref(), t);
        let paras: Vec<&str> = out.lines().collect();
        assert_eq!(paras.len(), 2, "{out}");
        assert!(paras[0].ends_with("on a short line."), "{out}");
        assert!(paras[1].starts_with("   Here the second"), "{out}");
    }

    #[test]
    fn page_break_inside_paragraph_joins() {
        let r = &rules()[0];
        let t = "A long line of prose that fills it well\nand it goes on to the end of this page.\n\x0cThe next page goes on with the same one\nand ends it.\n";
        assert_eq!(
            fix(r.as_ref(), t),
            "A long line of prose that fills it well and it goes on to the end of this page. The next page goes on with the same one and ends it.\n"
        );
        // A sentence that ends a page on a line that is not full ends the paragraph.
        let t = "A long line of prose that fills it well\nand it goes on to the end of a page.\n\x0cThe next page goes on with the same one\nand ends it.\n";
        assert_eq!(
            fix(r.as_ref(), t),
            "A long line of prose that fills it well and it goes on to the end of a page.\n\x0cThe next page goes on with the same one and ends it.\n"
        );
    }

    /// Five paragraphs of a text printed with indented first lines, read without the
    /// indent (OCR): each first line holds a few characters less than the others.
    const INDENT_LOST: &str = "The old mill by the river ground flour for the whole\nvalley for more than two hundred years, and the families who\nworked there passed the trade from parents to children\nwithout a break until the railway came and the big steam\nmills in the city took their custom away one farm at a time.\n\nWhen the last miller retired the building stood empty\nfor a decade, its wheel locked by rust and its roof open to\nthe rain, until a group of neighbours formed a trust, raised\nmoney at fairs and concerts and persuaded the county to\nlease them the site for a token rent each year.\n\nThe restoration took six summers of weekend work by\nvolunteers who learned carpentry, masonry and millwrighting\nas they went, and who kept careful notes of every beam they\nreplaced so that visitors could later see which parts of the\nmachine were old and which were new.\n\nSchool groups come most weeks in spring, and the guides\nlet the children lift a sack of grain on the hoist, feel the\nwarmth of freshly ground meal and listen to the rumble of\nthe gears through the wooden floor, which most of them say\nis the best part of the visit.\n\nThe trust now hopes to open a second building across\nthe lane where the miller once kept his horses, and it has\nasked the county for a longer lease so that it can borrow\nthe money it needs for the work without the risk of losing\nthe site before the loan is repaid.\n";

    #[test]
    fn a_page_that_starts_with_an_unindented_line_goes_on() {
        let r = &rules()[0];
        // A sentence ends the page on a line 93% full (54 of 58 characters).
        let before = "\nToday the wheel turns again on open days and the stones\ngrind a little flour for the shop beside the car park.\n\x0c";
        // The next page starts with a line as long as a paragraph's inner lines: no
        // indent was lost there, so the paragraph goes on.
        let t = format!("{INDENT_LOST}{before}Upstairs, a room now holds the account books, tools and the\nphotographs that the families gave back to the trust.\n");
        let ls = lines(&t);
        let m = measure::measure(&t, &ls);
        let from = m.unindented_from.expect("first lines are shorter");
        assert!(from > 51 && from <= 59, "{m:?}");
        let out = fix(r.as_ref(), &t);
        assert!(
            out.contains("the car park. Upstairs, a room now holds"),
            "{out}"
        );
        let mut edits = Vec::new();
        r.check(&Context::new(&t), &mut edits);
        assert!(
            edits
                .iter()
                .any(|e| e.reason.contains("not a shorter (indented) first line")),
            "{edits:?}"
        );
        // A short first line there is an indented one: the paragraph ended with the page.
        let t = format!("{INDENT_LOST}{before}Upstairs, a room holds the books and tools that the\nfamilies gave back to the trust when they heard of it.\n");
        let out = fix(r.as_ref(), &t);
        assert!(
            out.contains("the car park.\n\x0cUpstairs, a room holds"),
            "{out}"
        );
    }

    #[test]
    fn ragged_lines_end_no_paragraph_within_their_spread() {
        let r = &rules()[0];
        // No blank lines and proportional type: lines that go on hold 53 to 62
        // characters. "… we hear." (54, 93% of a full line) is within that spread, so
        // the paragraph goes on; "… up the road to the hill." (48) is short for this text.
        let t = "The ferry across the estuary has run since the war, first with\na small wooden launch and later with a steel boat that\ncarries cars, bicycles and the post, and most people on the\nfar shore have never known a week without it, we hear.\nThe crossing takes twenty minutes in calm weather and twice\nthat when the wind is against the tide, so the timetable\nprinted on the pier is more of a hope than a promise,\nand regular passengers learn to read the water before they\nread the clock and plan their day around the turning tide.\nOn the busiest summer days the boat makes sixteen trips,\nand the crew of three take their meals in turns on the\nbench behind the wheelhouse while the queue of cars grows\nalong the lane and back up the road to the hill.\nIn winter the boat is hauled out for a month of repairs,\nand a small launch without room for cars takes its place,\nso the farmers on the far side bring in their feed early.\n";
        let ls = lines(t);
        let m = measure::measure(t, &ls);
        assert_eq!(m.continuing_p25, Some(54));
        assert!(54 * 100 < full_line_len(t, &ls) * PAGE_END_FULL_PERCENT);
        let out = fix(r.as_ref(), t);
        let paras: Vec<&str> = out.lines().collect();
        assert_eq!(paras.len(), 2, "{out}");
        assert!(paras[0].contains("we hear. The crossing"), "{out}");
        assert!(paras[1].starts_with("In winter"), "{out}");
    }

    #[test]
    fn a_number_inside_a_sentence_is_no_list_item() {
        let r = &rules()[0];
        // "sense / 3." ends a full line without punctuation, and 3 is no next item.
        let t = "Words for the weather in the valley, as the farmers use them:\n1. Fair: dry and bright, with little wind from any side.\n2. Soft: a fine rain that hardly wets the hay.\n3. Dirty: rain and wind together from the west.\nThe second word is older than the others and was used to mean\nweather like that described in the third sense, or sense\n3. Both words are heard less often now, since the radio gives\nthe forecast in the plain terms of the weather service.\n".to_string();
        let out = fix(r.as_ref(), &t);
        assert!(out.contains("or sense 3. Both words"), "{out}");
        assert!(
            out.contains("\n2. Soft") && out.contains("\n3. Dirty"),
            "{out}"
        );
        // The next number of the list, or a line that ends with punctuation, starts an item.
        let t2 = t.replace("3. Both words", "4. Both words");
        assert!(fix(r.as_ref(), &t2).contains("\n4. Both words"));
        let t3 = t.replace("or sense\n3.", "or sense:\n3.");
        assert!(fix(r.as_ref(), &t3).contains("\n3. Both words"));
    }
}
