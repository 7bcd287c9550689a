//! Text input on arbitrary bytes: sniffing, BOMs, encoding detection, decoding, and the
//! document model built from the result. Also with a forced legacy encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::input::{load_bytes, LoadOptions};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = ocrclean::input::text::decode(data.to_vec(), None);
    let _ = ocrclean::input::text::decode(data.to_vec(), Some(encoding_rs::WINDOWS_1252));
    let strict = LoadOptions {
        strict: data.first().is_some_and(|b| b & 1 == 1),
        ..LoadOptions::default()
    };
    if let Ok(loaded) = load_bytes(data.to_vec(), Path::new("fuzz.txt"), &strict) {
        let _ = loaded.document.text().len();
    }
});
