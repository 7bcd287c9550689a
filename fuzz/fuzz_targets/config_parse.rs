//! Configuration, decisions and learned files: see `ocrclean::fuzz_checks::config_parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ocrclean::fuzz_checks::config_parse(data));
