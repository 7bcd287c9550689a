//! PDF loading and text extraction on arbitrary bytes, then the default rules on the text.
//! The extractor must return text or an error; it must never panic, hang or run away
//! with memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::input::pdf::{extract, PdfOptions};

fuzz_target!(|data: &[u8]| {
    // The extractor turns panics inside lopdf into errors with catch_unwind; libFuzzer's
    // abort-on-panic hook would report those caught panics as crashes, so use a silent
    // hook. A panic that escapes `extract` still reaches libFuzzer and is a crash.
    std::panic::set_hook(Box::new(|_| {}));
    if let Ok(extracted) = extract(data, &PdfOptions::default()) {
        let _ = ocrclean::clean_text(&extracted.text, &Default::default());
    }
});
