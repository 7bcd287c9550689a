//! `clean eval` agrees with the referee, `../shared/tools/score.py`.
//!
//! On every set of `../shared/corpus/real`, the documents are cleaned by the `clean`
//! binary and concatenated as `bench_real.sh` does, scored by `score.py --no-hyphen`, and
//! compared with the library's evaluation of the same documents: before and after word
//! error rates must agree within 0.005. To stay fast in CI (tests build at opt-level 1 and
//! Python's difflib is slow), each set is cut to its first documents up to about
//! [`WORDS_PER_SET`] truth words; set `OCRCLEAN_REFEREE_FULL=1` to compare whole sets.
//! Skips when `../shared` or `python3` is missing.

use ocrclean::eval::{self, align, corpus, EvalOptions};
use ocrclean::{Cleaner, Options};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const WORDS_PER_SET: usize = 2500;
const TOLERANCE: f64 = 0.005;

/// Keep a set's first documents, up to about WORDS_PER_SET truth words.
fn sample(set: &mut corpus::SetSpec) {
    let mut words = 0;
    let mut keep = 0;
    for d in &set.docs {
        if keep > 0 && words >= WORDS_PER_SET {
            break;
        }
        words += fs::read_to_string(&d.truth)
            .unwrap()
            .split_whitespace()
            .count();
        keep += 1;
    }
    set.docs.truncate(keep);
}

/// Run score.py on three texts and return its JSON.
fn score_py(script: &Path, truth: &[u8], raw: &[u8], clean: &[u8]) -> serde_json::Value {
    let tmp = tempfile::tempdir().unwrap();
    let paths = ["t", "o", "c"].map(|n| tmp.path().join(n));
    for (p, data) in paths.iter().zip([truth, raw, clean]) {
        fs::write(p, data).unwrap();
    }
    let out = Command::new("python3")
        .arg(script)
        .args(&paths)
        .args(["--no-hyphen", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "score.py failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn word_error_rates_agree_with_score_py() {
    let root = Path::new("../shared/corpus/real");
    let script = Path::new("../shared/tools/score.py");
    if !root.is_dir() || !script.is_file() {
        eprintln!("skipping: ../shared/corpus/real or score.py not found");
        return;
    }
    if !python() {
        eprintln!("skipping: python3 not found");
        return;
    }
    let full = std::env::var_os("OCRCLEAN_REFEREE_FULL").is_some();
    let cleaner = Cleaner::new(&Options::default()).unwrap();
    let opts = EvalOptions {
        no_hyphen: true,
        ..EvalOptions::default()
    };
    let bin = assert_cmd::cargo::cargo_bin("clean");
    let sets = corpus::discover(root, "ocr.txt").unwrap();
    assert!(!sets.is_empty());
    for mut set in sets {
        if !full {
            sample(&mut set);
        }
        // What bench_real.sh feeds score.py.
        let (mut t, mut o, mut c) = (Vec::new(), Vec::new(), Vec::new());
        for d in &set.docs {
            t.extend(fs::read(&d.truth).unwrap());
            o.extend(fs::read(&d.input).unwrap());
            let out = Command::new(&bin)
                .args(["-q", "-"])
                .stdin(Stdio::from(fs::File::open(&d.input).unwrap()))
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "clean failed on {}",
                d.input.display()
            );
            c.extend(out.stdout);
            c.push(b'\n');
        }
        let py = score_py(script, &t, &o, &c);
        let ours = eval::evaluate_set(&cleaner, &set, &opts);
        assert!(ours.errors.is_empty(), "{:?}", ours.errors);
        let (pr, pc) = (
            py["wer_raw"].as_f64().unwrap(),
            py["wer_clean"].as_f64().unwrap(),
        );
        eprintln!(
            "{:<22} {:>3} docs {:>6} words  WER raw {:.4} (score.py {:.4})  clean {:.4} (score.py {:.4})  fixed {} ({})  broken {} ({})",
            set.name,
            set.docs.len(),
            ours.words,
            ours.wer_raw(),
            pr,
            ours.wer_clean(),
            pc,
            ours.fixed,
            py["fixed"],
            ours.broken,
            py["broken"]
        );
        assert!(
            (ours.wer_raw() - pr).abs() <= TOLERANCE,
            "{}: raw WER {} vs score.py {}",
            set.name,
            ours.wer_raw(),
            pr
        );
        assert!(
            (ours.wer_clean() - pc).abs() <= TOLERANCE,
            "{}: clean WER {} vs score.py {}",
            set.name,
            ours.wer_clean(),
            pc
        );
    }
}

/// The truth with deterministic damage: a hypothesis that fixes most raw errors and
/// makes new ones, so fixed, broken and both error rates are all exercised.
fn damage(truth: &str) -> String {
    let mut out = String::new();
    for (i, w) in truth.split(' ').enumerate() {
        match i % 29 {
            0 => out.push_str(&w.replace('e', "c")),
            7 => {
                out.push_str(w);
                continue; // joined with the next word
            }
            13 => continue, // dropped
            19 => out.push_str(&w.to_uppercase()),
            _ => out.push_str(w),
        }
        out.push(' ');
    }
    out
}

#[test]
fn scores_agree_with_score_py_on_damaged_truth() {
    let root = Path::new("../shared/corpus/real");
    let script = Path::new("../shared/tools/score.py");
    if !root.is_dir() || !script.is_file() || !python() {
        eprintln!("skipping: ../shared/corpus/real, score.py or python3 not found");
        return;
    }
    for mut set in corpus::discover(root, "ocr.txt").unwrap() {
        sample(&mut set);
        let (mut t, mut o) = (String::new(), String::new());
        for d in &set.docs {
            t.push_str(&String::from_utf8_lossy(&fs::read(&d.truth).unwrap()));
            o.push_str(&String::from_utf8_lossy(&fs::read(&d.input).unwrap()));
        }
        let c = damage(&t);
        let py = score_py(script, t.as_bytes(), o.as_bytes(), c.as_bytes());
        let ours = eval::score_texts(&set.name, &t, &o, &c, true);
        let pair = |k: &str| py[k].as_u64().unwrap() as usize;
        eprintln!(
            "{:<22} word errors {}/{} ({}/{})  CER {:.4}/{:.4} ({:.4}/{:.4})  fixed {} ({})  broken {} ({})",
            set.name,
            ours.word_errors_raw,
            ours.word_errors_clean,
            pair("word_errors_raw"),
            pair("word_errors_clean"),
            ours.cer_raw(),
            ours.cer_clean(),
            py["cer_raw"].as_f64().unwrap(),
            py["cer_clean"].as_f64().unwrap(),
            ours.fixed,
            pair("fixed"),
            ours.broken,
            pair("broken"),
        );
        assert_eq!(ours.words, pair("words"), "{}", set.name);
        let close = |a: f64, b: &serde_json::Value| (a - b.as_f64().unwrap()).abs() <= TOLERANCE;
        assert!(close(ours.wer_raw(), &py["wer_raw"]), "{}", set.name);
        assert!(close(ours.wer_clean(), &py["wer_clean"]), "{}", set.name);
        assert!(close(ours.cer_raw(), &py["cer_raw"]), "{}", set.name);
        assert!(close(ours.cer_clean(), &py["cer_clean"]), "{}", set.name);
        let slack = ours.words / 200;
        assert!(ours.fixed.abs_diff(pair("fixed")) <= slack, "{}", set.name);
        assert!(
            ours.broken.abs_diff(pair("broken")) <= slack,
            "{}",
            set.name
        );
    }
}

/// An opcode as Python prints it.
type Op = (String, usize, usize, usize, usize);

/// A small deterministic generator (no extra dependency).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn alignment_is_difflib_on_random_sequences() {
    if !python() {
        eprintln!("skipping: python3 not found");
        return;
    }
    let mut rng = Lcg(7);
    let mut cases = Vec::new();
    for _ in 0..60 {
        let vocab = 2 + rng.next(12);
        let a: Vec<u32> = (0..rng.next(40)).map(|_| rng.next(vocab) as u32).collect();
        // b: a copy of a with random damage, so there are long matches to find.
        let mut b = Vec::new();
        for &x in &a {
            match rng.next(6) {
                0 => {}
                1 => b.push(rng.next(vocab) as u32),
                2 => {
                    b.push(x);
                    b.push(rng.next(vocab) as u32);
                }
                _ => b.push(x),
            }
        }
        cases.push((a, b));
    }
    let input = serde_json::to_string(&cases).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("cases.json");
    fs::write(&file, input).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(
            "import difflib,json,sys\n\
             cases=json.load(open(sys.argv[1]))\n\
             print(json.dumps([[list(o) for o in difflib.SequenceMatcher(None,a,b,autojunk=False).get_opcodes()] for a,b in cases]))",
        )
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected: Vec<Vec<Op>> = serde_json::from_slice(&out.stdout).unwrap();
    for ((a, b), exp) in cases.iter().zip(expected) {
        let got: Vec<Op> = align::opcodes(a, b)
            .into_iter()
            .map(|o| {
                let tag = match o.tag {
                    align::Tag::Equal => "equal",
                    align::Tag::Replace => "replace",
                    align::Tag::Delete => "delete",
                    align::Tag::Insert => "insert",
                };
                (tag.to_string(), o.i1, o.i2, o.j1, o.j2)
            })
            .collect();
        assert_eq!(got, exp, "a={a:?} b={b:?}");
    }
}
