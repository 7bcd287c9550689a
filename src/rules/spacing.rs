//! Spacing: whitespace that carries no meaning.

use super::scan::is_line_break;
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(FnRule {
        info: RuleInfo {
            code: "S001",
            name: "trailing-space",
            family: Family::Spacing,
            summary: "Remove spaces and tabs at the end of a line",
            example: ("end of line   \nnext", "end of line\nnext"),
            default_on: true,
        },
        check: trailing_space,
    })]
}

fn trailing_space(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let bytes = cx.text.as_bytes();
    let mut flag = |end: usize| {
        let mut start = end;
        while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
            start -= 1;
        }
        if start < end {
            out.push(Edit::new(
                start..end,
                "",
                info.code,
                1.0,
                Safety::Safe,
                "trailing whitespace removed",
            ));
        }
    };
    for i in memchr::memchr3_iter(b'\n', b'\r', b'\x0c', bytes) {
        // The '\n' of a "\r\n" pair has only the '\r' before it.
        if bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r' {
            continue;
        }
        debug_assert!(is_line_break(bytes[i]));
        flag(i);
    }
    flag(bytes.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    #[test]
    fn trims_every_line_ending_style() {
        let r = &rules()[0];
        assert_eq!(fix(r.as_ref(), "a \r\nb\t\rc \x0cd  "), "a\r\nb\rc\x0cd");
        assert_eq!(fix(r.as_ref(), "   "), "");
    }
}
