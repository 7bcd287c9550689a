//! The real `clean --review` driven through a pseudo-terminal (tmux): accept, reject, edit,
//! undo, quit-and-resume and Ctrl-C. Skips with a note when tmux is not installed.

use ocrclean::{clean_text, edit, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A project-written text: ligatures, trailing spaces, mojibake, a soft hyphen.
const TEXT: &str = "The \u{fb01}rst meeting was held in the o\u{fb03}ce.  \n\
The treasurer\u{e2}\u{20ac}\u{2122}s report was read in the \u{fb02}at.\n\
Members thanked the secretary for the reorgan\u{ad}isation.\n\
The \u{fb01}nal item was the date of the next meeting.\n";

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// One tmux server with one pane running a command in a directory.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, dir: &Path, command: &str) -> Tmux {
        let socket = format!("clean-review-test-{}-{name}", std::process::id());
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "120", "-y", "45", "-c"])
            .arg(dir)
            .arg(command)
            .status()
            .unwrap();
        assert!(status.success());
        Tmux { socket }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J"])
    }

    /// Wait until the screen shows `what` (10 s at most).
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Send one key and wait for the status line to show `status`.
    fn answer(&self, key: &str, status: &str) -> String {
        self.keys(&[key]);
        self.wait_for(status)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// The ids of the processes whose command line (arguments joined by spaces) is `command`,
/// read from /proc (no procps needed).
fn processes_running(command: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|raw| {
                let args: Vec<String> = raw
                    .split(|b| *b == 0)
                    .filter(|a| !a.is_empty())
                    .map(|a| String::from_utf8_lossy(a).into_owned())
                    .collect();
                args.join(" ") == command
            })
        })
        .collect()
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_clean"))
}

fn review_command(extra: &str) -> String {
    format!(
        "NO_COLOR=1 {} in.txt --review -o out.txt {extra}; rc=$?; stty -a | grep -o -- '-*icanon' | sed 's/^/TTY:/'; echo EXIT=$rc; sleep 60",
        bin().display()
    )
}

fn setup() -> (tempfile::TempDir, ocrclean::Report) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), TEXT).unwrap();
    let opts = Options {
        apply_suggestions: true,
        ..Options::default()
    };
    (dir, clean_text(TEXT, &opts).unwrap())
}

/// The end-to-end check of a review of `text`: accepting every change gives the output of
/// `clean --all`; rejecting one change (and accepting the rest) leaves exactly that spot as
/// in the input; quitting half-way and running again resumes at the next undecided change.
fn end_to_end(name: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, text).unwrap();
    let opts = Options {
        apply_suggestions: true,
        ..Options::default()
    };
    let report = clean_text(text, &opts).unwrap();
    let n = report.changes.len();
    if n == 0 {
        eprintln!("note: {name}: no changes to review");
        return;
    }
    let all = assert_cmd::Command::cargo_bin("clean")
        .unwrap()
        .arg("--all")
        .arg(&input)
        .output()
        .unwrap()
        .stdout;
    let all = String::from_utf8(all).unwrap();
    let out_path = dir.path().join("out.txt");
    let decisions = dir.path().join("out.txt.decisions.json");

    // 1. Accept everything.
    let t = Tmux::start(&format!("{name}-all"), dir.path(), &review_command(""));
    let first = t.wait_for(&format!("[1/{n}, 0 accepted"));
    assert!(first.contains("Accept this change ["), "{first}");
    for k in 1..n {
        t.answer("y", &format!("[{}/{n}, {k} accepted", k + 1));
    }
    let end = t.answer("y", "EXIT=0");
    assert!(
        end.contains(&format!("{n} accepted, 0 rejected, 0 undecided")),
        "{end}"
    );
    assert!(end.contains("TTY:icanon"), "terminal restored: {end}");
    drop(t);
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), all, "{name}");

    // 2. Reject one change in the middle, accept the others.
    std::fs::remove_file(&decisions).unwrap();
    let reject = n / 2;
    let t = Tmux::start(&format!("{name}-reject"), dir.path(), &review_command(""));
    t.wait_for(&format!("[1/{n},"));
    for k in 0..n {
        let key = if k == reject { "n" } else { "y" };
        let accepted = k + 1 - usize::from(k >= reject);
        let rejected = usize::from(k >= reject);
        if k + 1 < n {
            t.answer(
                key,
                &format!("[{}/{n}, {accepted} accepted, {rejected} rejected", k + 2),
            );
        } else {
            t.answer(key, "EXIT=0");
        }
    }
    drop(t);
    let kept: Vec<&ocrclean::Edit> = report
        .changes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != reject)
        .map(|(_, c)| &c.edit)
        .collect();
    let out = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(out, edit::apply(text, kept), "{name}");
    // The rejected spot reads as in the input: the text up to it is the output's own
    // prefix shifted by the earlier edits, and the original old text follows it there.
    let r = &report.changes[reject].edit.range;
    let shift: isize = report.changes[..reject]
        .iter()
        .map(|c| c.edit.delta())
        .sum();
    let at = (r.start as isize + shift) as usize;
    assert_eq!(&out[at..at + r.len()], &text[r.clone()], "{name}");

    // 3. Quit half-way, then run again: it resumes at the next undecided change.
    std::fs::remove_file(&decisions).unwrap();
    let half = n / 2;
    let t = Tmux::start(&format!("{name}-half"), dir.path(), &review_command(""));
    t.wait_for(&format!("[1/{n},"));
    for k in 0..half {
        t.answer("y", &format!("[{}/{n}, {} accepted", k + 2, k + 1));
    }
    t.answer("q", "EXIT=0");
    drop(t);
    let t = Tmux::start(&format!("{name}-again"), dir.path(), &review_command(""));
    let s = t.wait_for(&format!("[{}/{n}, {half} accepted, 0 rejected", half + 1));
    if half > 0 {
        assert!(s.contains(&format!("Resumed: {half} of {n}")), "{s}");
    }
}

#[test]
fn end_to_end_on_a_project_text() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    end_to_end("text", TEXT);
}

#[test]
fn end_to_end_on_the_seed_article() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let Ok(text) = std::fs::read_to_string("../shared/samples/seed-article.txt") else {
        eprintln!("note: ../shared/samples/seed-article.txt not found; skipping");
        return;
    };
    end_to_end("seed", &text);
}

#[test]
fn reject_edit_undo_quit_and_resume() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    let t = Tmux::start("resume", dir.path(), &review_command(""));
    t.wait_for(&format!("[1/{n},"));
    t.answer("y", &format!("[2/{n}, 1 accepted, 0 rejected"));
    // Reject change 2.
    t.answer("n", &format!("[3/{n}, 1 accepted, 1 rejected"));
    // Accept 3, then undo it.
    t.answer("y", &format!("[4/{n}, 2 accepted, 1 rejected"));
    let s = t.answer("u", "Undone");
    assert!(
        s.contains(&format!("[3/{n}, 1 accepted, 1 rejected")),
        "{s}"
    );
    // Edit change 3.
    t.keys(&["e"]);
    t.wait_for("New text");
    t.keys(&["C-u"]);
    t.literal("EDITED");
    t.wait_for("EDITED");
    t.answer(
        "Enter",
        &format!("[4/{n}, 1 accepted, 1 rejected, 1 edited"),
    );
    // Quit half-way: the output holds the answers, undecided safe changes applied.
    let end = t.answer("q", "EXIT=0");
    assert!(end.contains("TTY:icanon"), "{end}");
    let out = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    let expected: Vec<ocrclean::Edit> = report
        .changes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let mut e = c.edit.clone();
            match i {
                0 => Some(e),
                1 => None,
                2 => {
                    e.replacement = "EDITED".into();
                    Some(e)
                }
                _ => (e.safety == ocrclean::Safety::Safe).then_some(e),
            }
        })
        .collect();
    assert_eq!(out, edit::apply(TEXT, &expected));
    let rejected = &report.changes[1].edit;
    assert!(out.contains(&TEXT[rejected.range.clone()]));
    drop(t);

    // Run again: it resumes at the next undecided change, change 4.
    let t = Tmux::start("resume2", dir.path(), &review_command(""));
    let s = t.wait_for(&format!("[4/{n}, 1 accepted, 1 rejected, 1 edited"));
    assert!(s.contains("Resumed: 3 of"), "{s}");
    // Go back to change 2 and see its saved answer.
    t.keys(&["k", "k"]);
    let s = t.wait_for(&format!("[2/{n},"));
    assert!(s.contains("answer: rejected"), "{s}");
}

#[test]
fn ctrl_c_keeps_saved_answers_and_restores_the_terminal() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    let t = Tmux::start("ctrlc", dir.path(), &review_command(""));
    t.wait_for(&format!("[1/{n},"));
    t.answer("n", &format!("[2/{n}, 0 accepted, 1 rejected"));
    t.answer("y", &format!("[3/{n}, 1 accepted, 1 rejected"));
    let end = t.answer("C-c", "EXIT=130");
    assert!(end.contains("interrupted; 2 answer(s) saved"), "{end}");
    assert!(end.contains("TTY:icanon"), "terminal restored: {end}");
    assert!(!dir.path().join("out.txt").exists(), "no output on Ctrl-C");
    let saved = std::fs::read_to_string(dir.path().join("out.txt.decisions.json")).unwrap();
    assert_eq!(saved.matches("\"answer\"").count(), 2, "{saved}");
    // The saved answers replay without a terminal.
    let replay = assert_cmd::Command::cargo_bin("clean")
        .unwrap()
        .arg("--decisions")
        .arg(dir.path().join("out.txt.decisions.json"))
        .arg(dir.path().join("in.txt"))
        .output()
        .unwrap();
    let out = String::from_utf8(replay.stdout).unwrap();
    let first = &report.changes[0].edit;
    assert!(out.starts_with(&TEXT[..first.range.end]), "{out}");
}

#[test]
fn sigterm_keeps_saved_answers_and_restores_the_terminal() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    // A learned-file name no other test uses marks this test's process.
    let marker = "--learn sigterm-test-learned.toml";
    let t = Tmux::start("sigterm", dir.path(), &review_command(marker));
    t.wait_for(&format!("[1/{n},"));
    t.answer("n", &format!("[2/{n}, 0 accepted, 1 rejected"));
    // Terminate the review as a session manager or `kill` would (the review process
    // itself, not the shell around it).
    let pids = processes_running(&format!(
        "{} in.txt --review -o out.txt {marker}",
        bin().display()
    ));
    assert!(!pids.is_empty(), "review process not found");
    for pid in pids {
        // The shell's own `kill`: a fresh machine may have no procps.
        let _ = std::process::Command::new("sh")
            .args(["-c", &format!("kill -TERM {pid}")])
            .status();
    }
    let end = t.wait_for("EXIT=143");
    assert!(
        end.contains("stopped by a signal; 1 answer(s) saved"),
        "{end}"
    );
    assert!(end.contains("TTY:icanon"), "terminal restored: {end}");
    assert!(
        !dir.path().join("out.txt").exists(),
        "no output when stopped"
    );
    let saved = std::fs::read_to_string(dir.path().join("out.txt.decisions.json")).unwrap();
    assert_eq!(saved.matches("\"answer\"").count(), 1, "{saved}");
}

#[test]
fn closing_the_terminal_ends_the_review() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    let marker = "--learn hangup-test-learned.toml";
    let t = Tmux::start("hangup", dir.path(), &review_command(marker));
    t.wait_for(&format!("[1/{n},"));
    t.answer("n", &format!("[2/{n}, 0 accepted, 1 rejected"));
    // Closing the window: the server and its terminals go away at once.
    t.tmux(&["kill-server"]);
    let command = format!("{} in.txt --review -o out.txt {marker}", bin().display());
    let start = Instant::now();
    while !processes_running(&command).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the review still runs after its terminal was closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let saved = std::fs::read_to_string(dir.path().join("out.txt.decisions.json")).unwrap();
    assert_eq!(saved.matches("\"answer\"").count(), 1, "{saved}");
}

#[test]
fn always_and_never_answers_write_the_learned_file() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    let t = Tmux::start("learn", dir.path(), &review_command(""));
    t.wait_for(&format!("[1/{n},"));
    // Always: the first change is the ligature in "ﬁrst"; learn the word itself.
    t.keys(&["Y"]);
    let s = t.wait_for("Which one [1-");
    assert!(s.contains("'\u{fb01}rst' → 'first'"), "{s}");
    t.answer("1", &format!("[2/{n}, 1 accepted, 0 rejected"));
    // Never: keep the word of the second change, then quit.
    t.keys(&["N"]);
    t.wait_for("Never change these words");
    t.answer("1", &format!("[3/{n}, 1 accepted, 1 rejected"));
    t.answer("q", "EXIT=0");
    let learned = std::fs::read_to_string(dir.path().join("clean-learned.toml")).unwrap();
    assert!(learned.contains("old = \"\u{fb01}rst\""), "{learned}");
    assert!(learned.contains("new = \"first\""), "{learned}");
    let text = report.document.text();
    let second = &report.changes[1].edit.range;
    let word_start = text[..second.start]
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1);
    let kept = &text[word_start..second.end];
    assert!(
        learned.contains(&format!("keep = [\"{}", kept)),
        "{learned}"
    );
}
