//! Every rule on arbitrary UTF-8, every byte accounted for: see
//! `ocrclean::fuzz_checks::pipeline`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| ocrclean::fuzz_checks::pipeline(text));
