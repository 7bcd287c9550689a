//! Glyph names to Unicode, following the Adobe Glyph List specification: the list itself,
//! `uniXXXX` and `uXXXX[XX]` names, ligature names joined by `_`, and suffixes after `.`.

use super::tables::GLYPH_LIST;

/// The Unicode text of a glyph name, or `None` when the name carries no known meaning
/// (such as `g12`, `cid7` or `.notdef`).
pub fn to_unicode(name: &str) -> Option<String> {
    if let Ok(i) = GLYPH_LIST.binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes())) {
        return Some(GLYPH_LIST[i].1.to_string());
    }
    // "a.sc", "one.oldstyle": the part before the first period.
    let base = match name.find('.') {
        Some(0) | None => name,
        Some(i) => &name[..i],
    };
    if base.contains('_') {
        let mut out = String::new();
        for part in base.split('_') {
            out.push_str(&component(part)?);
        }
        return (!out.is_empty()).then_some(out);
    }
    if base.len() != name.len() {
        return component(base);
    }
    component_special(name).or_else(|| tex_name(name))
}

/// Glyph names of TeX's math fonts (cmsy, cmmi, cmex) that the Adobe list lacks, and
/// the size variants of cmex (`parenleftbig`, `summationdisplay`, …) mapped to their base.
fn tex_name(name: &str) -> Option<String> {
    const TEX: &[(&str, &str)] = &[
        ("Ifractur", "ℑ"),
        ("Rfractur", "ℜ"),
        ("angbracketleft", "⟨"),
        ("angbracketright", "⟩"),
        ("arrowhookleft", "↩"),
        ("arrowhookright", "↪"),
        ("bardbl", "‖"),
        ("braceleft", "{"),
        ("braceright", "}"),
        ("bracketleft", "["),
        ("bracketright", "]"),
        ("ceilingleft", "⌈"),
        ("ceilingright", "⌉"),
        ("contintegral", "∮"),
        ("coproduct", "∐"),
        ("epsilon1", "ϵ"),
        ("floorleft", "⌊"),
        ("floorright", "⌋"),
        ("follows", "≻"),
        ("hat", "^"),
        ("integral", "∫"),
        ("intersection", "⋂"),
        ("mapsto", "↦"),
        ("negationslash", "\u{338}"),
        ("omega1", "ϖ"),
        ("owner", "∋"),
        ("parenleft", "("),
        ("parenright", ")"),
        ("phi1", "φ"),
        ("precedes", "≺"),
        ("prime", "′"),
        ("product", "∏"),
        ("radical", "√"),
        ("rho1", "ϱ"),
        ("sigma1", "ς"),
        ("slash", "/"),
        ("summation", "∑"),
        ("theta1", "ϑ"),
        ("tilde", "~"),
        ("triangle", "△"),
        ("triangleinv", "▽"),
        ("union", "⋃"),
        ("unionmulti", "⊎"),
        ("unionsq", "⊔"),
        ("vee", "∨"),
        ("vextenddouble", "‖"),
        ("vextendsingle", "|"),
        ("wedge", "∧"),
    ];
    let find = |n: &str| {
        TEX.binary_search_by(|(k, _)| k.cmp(&n))
            .ok()
            .map(|i| TEX[i].1.to_string())
    };
    if let Some(t) = find(name) {
        return Some(t);
    }
    for suffix in [
        "display", "text", "bigg", "Bigg", "big", "Big", "widest", "wider", "wide",
    ] {
        if let Some(base) = name.strip_suffix(suffix) {
            if !base.is_empty() {
                return find(base).or_else(|| component(base));
            }
        }
    }
    None
}

fn component(name: &str) -> Option<String> {
    if let Ok(i) = GLYPH_LIST.binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes())) {
        return Some(GLYPH_LIST[i].1.to_string());
    }
    component_special(name)
}

/// `uniXXXX…` (groups of four hex digits) and `uXXXX` to `uXXXXXX`.
fn component_special(name: &str) -> Option<String> {
    if let Some(hex) = name.strip_prefix("uni") {
        if hex.is_empty() || hex.len() % 4 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let units: Vec<u16> = (0..hex.len() / 4)
            .filter_map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
            .collect();
        let s: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
        return Some(s);
    }
    if let Some(hex) = name.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return char::from_u32(v).map(String::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_text() {
        assert_eq!(to_unicode("A").as_deref(), Some("A"));
        assert_eq!(to_unicode("fi").as_deref(), Some("\u{fb01}"));
        assert_eq!(to_unicode("ffl").as_deref(), Some("\u{fb04}"));
        assert_eq!(to_unicode("uni00E9").as_deref(), Some("é"));
        assert_eq!(to_unicode("uni00660069").as_deref(), Some("fi"));
        assert_eq!(to_unicode("u1F600").as_deref(), Some("😀"));
        assert_eq!(to_unicode("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(to_unicode("a.sc").as_deref(), Some("a"));
        assert_eq!(to_unicode("quotedblleft").as_deref(), Some("\u{201c}"));
        assert_eq!(to_unicode("g12"), None);
        assert_eq!(to_unicode(".notdef"), None);
        assert_eq!(to_unicode("uniZZZZ"), None);
        assert_eq!(to_unicode("summationdisplay").as_deref(), Some("∑"));
        assert_eq!(to_unicode("parenleftbigg").as_deref(), Some("("));
        assert_eq!(to_unicode("mapsto").as_deref(), Some("↦"));
    }
}
