//! Replays every committed fuzz input through the check of its fuzz target, so a crash the
//! fuzzer once found stays fixed. Inputs live in `tests/data/fuzz/TARGET/`: each crash
//! found by `scripts/fuzz.sh`, minimised with `cargo +nightly fuzz tmin`, plus a small set
//! of inputs from the fuzzer's corpus that reach deep into the parser (only corpora grown
//! from the project's own seeds are committed, never third-party text).

use std::path::Path;

fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        eprintln!("replaying {}", path.display());
        check(&data);
        n += 1;
    }
    n
}

#[test]
fn committed_fuzz_inputs_run_cleanly() {
    let mut total = 0;
    total += replay("pdf_extract", ocrclean::fuzz_checks::pdf_extract);
    total += replay("text_decode", ocrclean::fuzz_checks::text_decode);
    total += replay("pipeline", |d| {
        if let Ok(text) = std::str::from_utf8(d) {
            ocrclean::fuzz_checks::pipeline(text);
        }
    });
    total += replay("config_parse", ocrclean::fuzz_checks::config_parse);
    assert!(total > 0, "no fuzz inputs found under tests/data/fuzz");
}
