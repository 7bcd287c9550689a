//! Text decoding on arbitrary bytes: see `ocrclean::fuzz_checks::text_decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ocrclean::fuzz_checks::text_decode(data));
