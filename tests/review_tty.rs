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

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_clean"))
}

fn review_command(extra: &str) -> String {
    format!(
        "NO_COLOR=1 {} in.txt --review -o out.txt {extra}; echo EXIT=$?; stty -a | grep -o -- '-*icanon' | sed 's/^/TTY:/'; sleep 60",
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

#[test]
fn accepting_every_change_gives_the_all_output() {
    if !have_tmux() {
        eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
        return;
    }
    let (dir, report) = setup();
    let n = report.changes.len();
    assert!(n >= 5);
    let t = Tmux::start("all", dir.path(), &review_command(""));
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
    let all = assert_cmd::Command::cargo_bin("clean")
        .unwrap()
        .arg("--all")
        .arg(dir.path().join("in.txt"))
        .output()
        .unwrap()
        .stdout;
    let out = std::fs::read(dir.path().join("out.txt")).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        String::from_utf8(all).unwrap()
    );
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
