//! Widths of the standard 14 fonts, for PDFs that name one of them without `/Widths`.

use super::tables::STANDARD_14;

/// Character widths (1/1000 em) of one standard font, sorted by character.
pub type Metrics = &'static [(char, u16)];

/// The metrics of the standard font a `/BaseFont` name stands for (including common
/// aliases such as Arial and TimesNewRoman and subset prefixes like `ABCDEF+`).
pub fn standard14(base_font: &str) -> Option<Metrics> {
    let name = match base_font.split_once('+') {
        Some((prefix, rest)) if prefix.len() == 6 => rest,
        _ => base_font,
    };
    let lower = name.to_ascii_lowercase().replace(['-', ',', ' '], "");
    let bold = lower.contains("bold");
    let italic = lower.contains("italic") || lower.contains("oblique");
    let family = if lower.starts_with("courier") {
        "Courier"
    } else if lower.starts_with("helvetica") || lower.starts_with("arial") {
        "Helvetica"
    } else if lower.starts_with("times") {
        "Times"
    } else if lower.starts_with("symbol") {
        return find("Symbol");
    } else if lower.starts_with("zapfdingbats") {
        return find("ZapfDingbats");
    } else {
        return None;
    };
    let full = match (family, bold, italic) {
        ("Times", false, false) => "Times-Roman".to_string(),
        ("Times", true, false) => "Times-Bold".to_string(),
        ("Times", false, true) => "Times-Italic".to_string(),
        ("Times", true, true) => "Times-BoldItalic".to_string(),
        (f, false, false) => f.to_string(),
        (f, true, false) => format!("{f}-Bold"),
        (f, false, true) => format!("{f}-Oblique"),
        (f, true, true) => format!("{f}-BoldOblique"),
    };
    find(&full)
}

fn find(name: &str) -> Option<Metrics> {
    STANDARD_14
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, m)| *m)
}

/// The width of the first character of `text` in `metrics`.
pub fn width(metrics: Metrics, text: &str) -> Option<u16> {
    let c = text.chars().next()?;
    metrics
        .binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .map(|i| metrics[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_find_metrics() {
        let h = standard14("Helvetica").unwrap();
        assert_eq!(width(h, "A"), Some(667));
        let a = standard14("ABCDEF+Arial,Bold").unwrap();
        assert_eq!(width(a, "A"), Some(722));
        let t = standard14("Times-Roman").unwrap();
        assert_eq!(width(t, " "), Some(250));
        assert!(standard14("CMR10").is_none());
    }
}
