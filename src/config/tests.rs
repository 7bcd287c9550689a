use super::*;

fn parse(text: &str) -> Result<Config> {
    Config::parse(text, Path::new("/tmp/x/clean.toml"))
}

fn config_error(text: &str) -> (usize, String, String) {
    match parse(text) {
        Err(Error::Config {
            line, key, message, ..
        }) => (line, key, message),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn empty_is_default() {
    assert_eq!(parse("").unwrap(), Config::default());
}

#[test]
fn unknown_key_names_line_and_key() {
    let (line, key, message) = config_error("threshold = 0.5\n\ncolour = true\n");
    assert_eq!(line, 3);
    assert_eq!(key, "colour");
    assert!(message.contains("unknown field"), "{message}");
}

#[test]
fn unknown_key_in_a_rule() {
    let text = "[[rules]]\ncode = \"X101\"\nfind = \"a\"\nreplace = \"b\"\nreason = \"r\"\nregexp = true\n";
    let (line, key, _) = config_error(text);
    assert_eq!((line, key.as_str()), (6, "regexp"));
}

#[test]
fn bad_regex_names_the_rule_and_line() {
    let text = "threshold = 0.1\n[[rules]]\ncode = \"X101\"\nfind = \"a\"\nreplace = \"b\"\nreason = \"r\"\n\n[[rules]]\ncode = \"X102\"\nreason = \"r\"\nfind = \"(unclosed\"\nreplace = \"b\"\nregex = true\n";
    let (line, key, message) = config_error(text);
    assert_eq!(line, 11);
    assert_eq!(key, "rules[1].find");
    assert!(message.contains("regular expression"), "{message}");
}

#[test]
fn language_and_threshold_are_checked() {
    let (line, key, _) = config_error("\nlanguage = \"fr\"\n");
    assert_eq!((line, key.as_str()), (2, "language"));
    let (_, key, _) = config_error("threshold = 2.0\n");
    assert_eq!(key, "threshold");
    let (line, _, _) = config_error("select = [\n");
    assert!(line >= 1);
}

#[test]
fn the_learned_rule_code_is_reserved() {
    let code = crate::review::learn::LEARNED_CODE;
    let text =
        format!("[[rules]]\ncode = \"{code}\"\nfind = \"a\"\nreplace = \"b\"\nreason = \"r\"\n");
    let (line, key, _) = config_error(&text);
    assert_eq!((line, key.as_str()), (2, "rules[0].code"));
}

#[test]
fn duplicate_codes_are_errors() {
    let rule = "[[rules]]\ncode = \"X101\"\nfind = \"a\"\nreplace = \"b\"\nreason = \"r\"\n";
    let (line, key, _) = config_error(&format!("{rule}{rule}"));
    assert_eq!((line, key.as_str()), (7, "rules[1].code"));
}

#[test]
fn word_paths_are_relative_to_the_file() {
    let c = parse("words = [\"names.txt\", \"/abs/w.txt\"]\n").unwrap();
    assert_eq!(c.words[0], Path::new("/tmp/x/names.txt"));
    assert_eq!(c.words[1], Path::new("/abs/w.txt"));
}

#[test]
fn shows_as_toml_that_parses_back() {
    let text = "select = [\"unicode\", \"user\"]\nthreshold = 0.25\n[[rules]]\ncode = \"X101\"\nfind = \"(\\\\d) ?pc\"\nreplace = \"$1%\"\nreason = \"r\"\nregex = true\n";
    let c = parse(text).unwrap();
    let shown = c.to_toml();
    let back = Config::parse(&shown, Path::new("/tmp/x/clean.toml")).unwrap();
    assert_eq!(back.select, c.select);
    assert_eq!(back.threshold, c.threshold);
    assert_eq!(back.rules[0].get_ref(), c.rules[0].get_ref());
}

#[test]
fn threshold_keeps_weak_edits_out() {
    let text = "[[rules]]\ncode = \"X101\"\nfind = \"teh\"\nreplace = \"the\"\nreason = \"r\"\nconfidence = 0.4\n";
    let mut c = parse(text).unwrap();
    let report = crate::clean_text("teh", &c.to_options().unwrap()).unwrap();
    assert_eq!(report.output, "the");
    c.threshold = 0.5;
    let report = crate::clean_text("teh", &c.to_options().unwrap()).unwrap();
    assert_eq!(report.output, "teh");
    assert_eq!(report.not_applied(), 1);
}

#[test]
fn discover_walks_up() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("a/b");
    std::fs::create_dir_all(&deep).unwrap();
    assert_eq!(Config::discover(&deep), None.or(Config::discover(&deep)));
    std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
    assert_eq!(Config::discover(&deep), Some(dir.path().join(FILE_NAME)));
}
