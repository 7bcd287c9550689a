//! The files a user or a review session writes: `clean.toml`, the decisions file, the
//! learned file. The first byte picks the parser. Parsing must give a value or an error
//! naming the file; a configuration that parses must also build options and clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::config::Config;
use ocrclean::review::decisions::Store;
use ocrclean::review::learn::Learned;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let path = Path::new("fuzz.toml");
    match which % 3 {
        0 => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            if let Ok(config) = Config::parse(text, path) {
                let _ = config.to_toml();
                if let Ok(opts) = config.to_options() {
                    let _ = ocrclean::clean_text("Tbe l953 text, Kim II Sung.\n", &opts);
                }
            }
        }
        1 => {
            if let Ok(mut store) = Store::parse(Path::new("fuzz.decisions.json"), rest) {
                let report = ocrclean::clean_text("tbe l953 text\n\nof II Sung\n", &Default::default());
                if let Ok(report) = report {
                    let keys = ocrclean::review::decisions::keys(&report);
                    let answers = store.resolve(&keys);
                    let _ = store.render(&report, &keys, &answers);
                }
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            if let Ok(learned) = Learned::parse(text, path) {
                let _ = learned.rule();
            }
        }
    }
});
