//! Show the layout facts the PDF input gives each line (size against the page's body,
//! gaps above and below in body line spacings, band, spanning columns, centred).
//!
//! Usage: `cargo run --example layout_facts -- file.pdf [LINES]` (LINES: how many lines of
//! each page's top and bottom to show; all lines when not given).

use ocrclean::input::{load_path, LoadOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: layout_facts FILE.pdf [LINES]");
        std::process::exit(2);
    };
    let edge: Option<usize> = args.next().and_then(|n| n.parse().ok());
    let loaded = match load_path(std::path::Path::new(&path), &LoadOptions::default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let doc = &loaded.document;
    let pages = doc.pages();
    for (p, page) in pages.iter().enumerate() {
        let facts: Vec<_> = doc
            .layout()
            .iter()
            .filter(|l| page.start <= l.range.start && l.range.end <= page.end)
            .collect();
        println!("== page {} ({} lines)", p + 1, facts.len());
        for (i, l) in facts.iter().enumerate() {
            let shown = edge.is_none_or(|n| i < n || i + n >= facts.len());
            if !shown {
                continue;
            }
            let gap = |g: Option<f32>| g.map_or("-".to_string(), |g| format!("{g:.2}"));
            let text: String = doc.text()[l.range.clone()].chars().take(70).collect();
            println!(
                "{:5.2} up {:>5} down {:>5} {:?}{}{} | {text}",
                l.size,
                gap(l.gap_above),
                gap(l.gap_below),
                l.band,
                if l.spans_columns { " spans" } else { "" },
                if l.centred { " centred" } else { "" },
            );
        }
    }
}
