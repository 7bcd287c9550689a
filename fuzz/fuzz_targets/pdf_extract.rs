//! PDF loading and extraction on arbitrary bytes: see `ocrclean::fuzz_checks::pdf_extract`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The extractor turns panics inside lopdf into errors with catch_unwind; libFuzzer's
    // abort-on-panic hook would report those caught panics as crashes, so use a silent
    // hook. A panic that escapes the extractor still reaches libFuzzer and is a crash.
    std::panic::set_hook(Box::new(|_| {}));
    ocrclean::fuzz_checks::pdf_extract(data);
});
