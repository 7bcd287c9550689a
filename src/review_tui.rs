//! The terminal front end of review mode (`clean FILE --review -o OUT`) and the replay of
//! saved decisions (`clean --decisions FILE INPUT`).
//!
//! Keys are read one at a time in raw mode (crossterm); the screen is redrawn for each
//! change on the alternate screen. Every answer is written at once to the decisions file
//! (atomically), so Ctrl-C, a closed terminal or a crash loses nothing already answered; the
//! terminal is restored on every way out, panics included.

use crate::cli::{ReviewScope, RunArgs};
use anyhow::{bail, Context, Result};
use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use ocrclean::review::{
    apply_answers, decisions, learn, view, Answer, Command, Entry, Event, Learned, Review, Scope,
    Store,
};
use ocrclean::{fsio, Cleaner, Options, Report};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Name of the learned file written beside the decisions file by default.
const LEARNED_NAME: &str = "clean-learned.toml";

const PROMPT_KEYS: &str = "y,n,e,a,d,A,D,Y,N,u,j,k,g,q,?";

const HELP: &str = "\
Keys (one keypress, no Enter):
  y   accept this change            n   reject it (keep the original text)
  e   edit the replacement, then Enter (Esc cancels)
  a   accept this and every undecided change of the same rule   (asks first)
  d   reject this and every undecided change of the same rule   (asks first)
  A   accept this and every undecided identical change (same old -> new) (asks first)
  D   reject this and every undecided identical change (same old -> new) (asks first)
  Y   always: accept, and learn the pair for later runs (pick the phrase)
  N   never: reject, and learn to keep the word(s) in later runs
  u   undo the last answer (or batch)
  j   next change (also Right, Down)   k   previous change (also Left, Up)
  g   next undecided change
  q   save and quit: write the output with the answers so far
  Ctrl-C  stop at once (also Ctrl-D): answers are saved, the output is not written
  ?   this help
Undecided safe changes are applied by default; undecided suggestions are not.
Every answer is saved at once; run the same command again to resume.";

/// What review and replay need beyond the plain run: the decisions file, the learned file
/// and its contents.
pub struct Setup {
    decisions: Option<PathBuf>,
    learn_path: Option<PathBuf>,
    learned: Learned,
}

impl Setup {
    /// Check the terminal for `--review`, choose the decisions and learned files, load the
    /// learned file and adjust the options: review and replay see every change (suggestions
    /// included, as with `--all`), and kept words become user words.
    pub fn prepare(args: &RunArgs, opts: &mut Options) -> Result<Setup> {
        if args.review.is_some() {
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                bail!(
                    "--review needs a terminal on standard input and standard output; \
                     in a pipeline use --changes or --format json to see the changes, and \
                     --decisions FILE to apply the answers of an earlier review"
                );
            }
            if args.format == crate::cli::Format::Json {
                bail!("--review cannot be combined with --format json");
            }
            if args.input().as_os_str() == "-" {
                bail!("--review needs an input file: standard input is the keyboard");
            }
        }
        let decisions = match (&args.decisions, args.review.is_some()) {
            (Some(d), _) => Some(d.clone()),
            (None, true) => Some(default_decisions(args.input(), args.output.as_deref())),
            (None, false) => None,
        };
        if let (Some(d), None) = (&decisions, args.review) {
            if !d.exists() {
                bail!(
                    "{}: no such decisions file (it is written by --review)",
                    d.display()
                );
            }
        }
        let learn_path = args.learn.clone().or_else(|| {
            decisions.as_ref().map(|d| match d.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.join(LEARNED_NAME),
                _ => PathBuf::from(LEARNED_NAME),
            })
        });
        let learned = match &learn_path {
            Some(p) => Learned::load(p)?,
            None => Learned::default(),
        };
        if decisions.is_some() {
            opts.apply_suggestions = true;
        }
        for word in &learned.keep {
            if !word.contains(char::is_whitespace) {
                opts.words.insert(word);
            }
        }
        Ok(Setup {
            decisions,
            learn_path,
            learned,
        })
    }

    /// The cleaner: the selected rules plus the rule of learned pairs.
    pub fn cleaner(&self, opts: &Options) -> Result<Cleaner> {
        let mut cleaner = Cleaner::new(opts)?;
        if let Some(rule) = self.learned.rule() {
            cleaner.add_rule(Box::new(rule));
        }
        Ok(cleaner)
    }

    /// Whether the run has no decisions to replay and no learned pairs: a plain run.
    pub fn is_plain(&self) -> bool {
        self.decisions.is_none() && self.learned.is_empty()
    }

    /// Drop changes to kept words and, with `--decisions`, apply the saved answers.
    pub fn finish_report(&self, report: &mut Report, quiet: bool) -> Result<()> {
        self.learned.protect(report);
        let Some(path) = &self.decisions else {
            return Ok(());
        };
        let keys = decisions::keys(report);
        let mut store = Store::load(path)?;
        let answers = store.resolve(&keys);
        let summary = apply_answers(report, &answers);
        if !quiet {
            let mut note = String::new();
            if store.unmatched() > 0 {
                note = format!(
                    "; {} saved decision(s) match no change of this input",
                    store.unmatched()
                );
            }
            eprintln!("clean: decisions from {}: {summary}{note}", path.display());
        }
        Ok(())
    }
}

/// `OUT.decisions.json` beside the output, or `INPUT.decisions.json` beside the input.
fn default_decisions(input: &Path, output: Option<&Path>) -> PathBuf {
    let base = output.unwrap_or(input);
    let mut name = base.as_os_str().to_owned();
    name.push(".decisions.json");
    PathBuf::from(name)
}

/// How the terminal session ended.
enum End {
    /// `q`, or the last undecided change answered.
    Done,
    /// Ctrl-C or a lost terminal.
    Interrupted,
}

/// One key, as the review understands it.
enum Key {
    Char(char),
    Enter,
    Esc,
    Backspace,
    ClearLine,
    Next,
    Prev,
    Interrupt,
    Redraw,
}

/// Raw mode on the alternate screen for as long as it lives.
struct Terminal;

impl Terminal {
    fn enter() -> Result<Terminal> {
        terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let t = Terminal;
        let mut out = std::io::stdout();
        out.write_all(b"\x1b[?1049h")?;
        out.flush()?;
        Ok(t)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let mut out = std::io::stdout();
        let _ = out.write_all(b"\x1b[?25h\x1b[?1049l");
        let _ = out.flush();
        let _ = terminal::disable_raw_mode();
    }
}

/// What waiting for the keyboard found.
enum Input {
    Ready,
    Timeout,
    HungUp,
}

/// Wait up to `millis` for input on the terminal (standard input), telling a hang-up apart.
#[cfg(unix)]
fn wait_for_input(millis: i32) -> Input {
    let mut fds = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and its count.
    let n = unsafe { libc::poll(&mut fds, 1, millis) };
    if n < 0 {
        return Input::Timeout; // EINTR (a signal): the caller checks and waits again
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Input::HungUp;
    }
    if n == 0 {
        Input::Timeout
    } else {
        Input::Ready
    }
}

/// Elsewhere, crossterm waits.
#[cfg(not(unix))]
fn wait_for_input(_millis: i32) -> Input {
    Input::Ready
}

/// Set when SIGTERM or SIGHUP arrives during a review: the loop then stops as on Ctrl-C,
/// so the answers are kept and the terminal is restored, instead of dying in raw mode.
static TERMINATED: std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::LazyLock::new(Default::default);

/// Catch SIGTERM and SIGHUP for the rest of the review.
fn catch_termination() {
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&TERMINATED));
    }
}

/// Whether the review was stopped by SIGTERM or SIGHUP.
fn terminated() -> bool {
    TERMINATED.load(std::sync::atomic::Ordering::Relaxed)
}

fn read_key() -> Result<Key> {
    loop {
        if terminated() {
            return Ok(Key::Interrupt);
        }
        // Events crossterm already holds come first; otherwise wait for the keyboard
        // ourselves, waking now and then to notice a termination signal, and stop when
        // the terminal is hung up (a closed window): crossterm would wait on a hung-up
        // terminal forever, spinning.
        if !event::poll(std::time::Duration::ZERO).context("cannot read the keyboard")? {
            match wait_for_input(200) {
                Input::Ready => {}
                Input::Timeout => continue,
                Input::HungUp => return Ok(Key::Interrupt),
            }
            if !event::poll(std::time::Duration::from_millis(50))
                .context("cannot read the keyboard")?
            {
                continue;
            }
        }
        match event::read().context("cannot read the keyboard")? {
            TermEvent::Key(KeyEvent {
                code,
                modifiers,
                kind,
                ..
            }) if kind != KeyEventKind::Release => {
                let ctrl = modifiers.contains(KeyModifiers::CONTROL);
                return Ok(match code {
                    KeyCode::Char('c') | KeyCode::Char('d') if ctrl => Key::Interrupt,
                    KeyCode::Char('u') if ctrl => Key::ClearLine,
                    KeyCode::Char('l') if ctrl => Key::Redraw,
                    KeyCode::Char(c) if !ctrl => Key::Char(c),
                    KeyCode::Enter => Key::Enter,
                    KeyCode::Esc => Key::Esc,
                    KeyCode::Backspace => Key::Backspace,
                    KeyCode::Right | KeyCode::Down => Key::Next,
                    KeyCode::Left | KeyCode::Up => Key::Prev,
                    _ => continue,
                });
            }
            TermEvent::Resize(..) => return Ok(Key::Redraw),
            _ => {}
        }
    }
}

/// Write a screen (with `\n` line ends) in raw mode.
fn draw(screen: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(b"\x1b[H\x1b[2J")?;
    out.write_all(screen.replace('\n', "\r\n").as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Everything the loop needs to draw and save.
struct Session<'a> {
    report: &'a Report,
    keys: &'a [decisions::Key],
    store: &'a Store,
    names: HashMap<String, String>,
    input: String,
    color: bool,
    learned: Learned,
    learn_path: Option<PathBuf>,
}

impl Session<'_> {
    fn rule_label(&self, code: &str) -> String {
        let names: Vec<String> = code
            .split('+')
            .map(|c| match self.names.get(c) {
                Some(n) => format!("{c} {n}"),
                None => c.to_string(),
            })
            .collect();
        names.join(" + ")
    }

    fn screen(&self, review: &Review, message: &str, prompt: &str) -> String {
        let width = terminal::size().map_or(100, |(w, _)| w as usize);
        let mut s = String::new();
        let (b, r) = if self.color {
            ("\x1b[1m", "\x1b[0m")
        } else {
            ("", "")
        };
        s.push_str(&format!(
            "{b}clean --review {}{r}   change {} of {}   (? for help)\n\n",
            self.input,
            review.position(),
            review.len()
        ));
        if let Some(i) = review.current() {
            let opts = view::ViewOptions {
                color: self.color,
                context: 2,
                width,
            };
            let label = self.rule_label(&self.report.changes[i].edit.rule);
            s.push_str(&view::render(
                self.report,
                i,
                &review.answers()[i],
                &label,
                &opts,
            ));
        }
        s.push('\n');
        s.push_str(&format!("[{}]\n", review.status()));
        if !message.is_empty() {
            s.push_str(message);
            s.push('\n');
        }
        s.push_str(prompt);
        s
    }

    fn save(&self, review: &Review) -> Result<()> {
        self.store
            .save(self.report, self.keys, review.answers())
            .context("cannot save the answers")
    }

    /// Ask a yes/no question; `None` on Ctrl-C.
    fn confirm(&self, review: &Review, question: &str) -> Result<Option<bool>> {
        draw(&self.screen(review, "", &format!("{question} [y/N] ")))?;
        Ok(match read_key()? {
            Key::Interrupt => None,
            Key::Char('y') | Key::Char('Y') => Some(true),
            _ => Some(false),
        })
    }

    /// Read a line of text, starting from `initial`.
    fn read_line(&self, review: &Review, initial: &str) -> Result<LineInput> {
        let mut buf = initial.to_string();
        loop {
            let prompt = format!(
                "New text (Enter saves, Esc cancels, Ctrl-U clears): {}",
                ocrclean::output::visible(&buf)
            );
            draw(&self.screen(review, "", &prompt))?;
            match read_key()? {
                Key::Interrupt => return Ok(LineInput::Interrupted),
                Key::Esc => return Ok(LineInput::Cancelled),
                Key::Enter => return Ok(LineInput::Text(buf)),
                Key::Backspace => {
                    buf.pop();
                }
                Key::ClearLine => buf.clear(),
                Key::Char(c) => buf.push(c),
                _ => {}
            }
        }
    }

    /// Offer the phrases an "always" answer can learn: `None` on Ctrl-C, `Some(None)` when
    /// cancelled, else the chosen index.
    fn choose_phrase(
        &self,
        review: &Review,
        title: &str,
        choices: &[String],
    ) -> Result<Option<Option<usize>>> {
        let mut msg = format!("{title}\n");
        for (k, c) in choices.iter().enumerate() {
            msg.push_str(&format!("  {}  {c}\n", k + 1));
        }
        let prompt = format!("Which one [1-{}, Esc cancels]? ", choices.len());
        draw(&self.screen(review, msg.trim_end(), &prompt))?;
        loop {
            match read_key()? {
                Key::Interrupt => return Ok(None),
                Key::Char(c) if c.is_ascii_digit() => {
                    let k = (c as u8 - b'0') as usize;
                    if (1..=choices.len()).contains(&k) {
                        return Ok(Some(Some(k - 1)));
                    }
                }
                Key::Esc | Key::Char('q') => return Ok(Some(None)),
                _ => {}
            }
        }
    }

    fn save_learned(&self) -> Result<String> {
        let Some(path) = &self.learn_path else {
            return Ok(String::new());
        };
        self.learned.save(path)?;
        Ok(path.display().to_string())
    }
}

enum LineInput {
    Text(String),
    Cancelled,
    Interrupted,
}

/// Show changes and turn keys into commands until the reviewer quits or is done; every
/// answer is saved before the next key is read.
fn run_loop(session: &mut Session<'_>, review: &mut Review) -> Result<End> {
    let mut message = String::new();
    if review.undecided() == 0 {
        message = format!(
            "All {} changes are answered (saved in {}); q writes the output, j/k to revise.",
            review.len(),
            session.store.path().display()
        );
    } else if review.undecided() < review.len() {
        message = format!(
            "Resumed: {} of {} changes already answered (saved in {}).",
            review.len() - review.undecided(),
            review.len(),
            session.store.path().display()
        );
    }
    loop {
        let prompt = format!("Accept this change [{PROMPT_KEYS}]? ");
        draw(&session.screen(review, &message, &prompt))?;
        message.clear();
        let Some(cur) = review.current() else {
            return Ok(End::Done);
        };
        let cmd = match read_key()? {
            Key::Interrupt => return Ok(End::Interrupted),
            Key::Redraw | Key::Enter | Key::Esc | Key::Backspace | Key::ClearLine => continue,
            Key::Next | Key::Char('j') => Command::Next,
            Key::Prev | Key::Char('k') => Command::Prev,
            Key::Char('y') => Command::Accept,
            Key::Char('n') => Command::Reject,
            Key::Char('u') => Command::Undo,
            Key::Char('g') => Command::NextUndecided,
            Key::Char('q') => Command::Quit,
            Key::Char('?') | Key::Char('h') => {
                draw(&format!("{HELP}\n\nPress any key to go back."))?;
                if let Key::Interrupt = read_key()? {
                    return Ok(End::Interrupted);
                }
                continue;
            }
            Key::Char('e') => {
                let proposed = session.report.changes[cur].edit.replacement.clone();
                let initial = match &review.answers()[cur] {
                    Answer::Edit(s) => s.clone(),
                    _ => proposed,
                };
                match session.read_line(review, &initial)? {
                    LineInput::Text(t) => Command::Edit(t),
                    LineInput::Cancelled => continue,
                    LineInput::Interrupted => return Ok(End::Interrupted),
                }
            }
            Key::Char(c @ ('a' | 'd' | 'A' | 'D')) => {
                let same_rule = c.is_ascii_lowercase();
                let accept = c == 'a' || c == 'A';
                let n = review.batch_targets(same_rule).len();
                let e = &review.entries()[cur];
                let what = if same_rule {
                    format!("of rule {}", e.rule)
                } else {
                    format!(
                        "'{}' → '{}'",
                        ocrclean::output::visible(&e.old),
                        ocrclean::output::visible(&e.new)
                    )
                };
                let verb = if accept { "Accept" } else { "Reject" };
                let q = format!(
                    "{verb} this change and {} more undecided change(s) {what}?",
                    n.saturating_sub(1)
                );
                match session.confirm(review, &q)? {
                    None => return Ok(End::Interrupted),
                    Some(false) => continue,
                    Some(true) => match (same_rule, accept) {
                        (true, true) => Command::AcceptRule,
                        (true, false) => Command::RejectRule,
                        (false, true) => Command::AcceptIdentical,
                        (false, false) => Command::RejectIdentical,
                    },
                }
            }
            Key::Char(c @ ('Y' | 'N')) => {
                let change = &session.report.changes[cur];
                let text = session.report.document.text();
                let pairs = learn::phrase_choices(
                    text,
                    change.edit.range.clone(),
                    &change.edit.replacement,
                );
                if pairs.is_empty() {
                    message = "Nothing to learn here (no letters or digits changed).".into();
                    continue;
                }
                let always = c == 'Y';
                let labels: Vec<String> = pairs
                    .iter()
                    .map(|(o, n)| {
                        if always {
                            format!("'{o}' → '{n}'")
                        } else {
                            format!("keep '{o}'")
                        }
                    })
                    .collect();
                let title = if always {
                    "Always make this replacement in later runs (whole words only):"
                } else {
                    "Never change these words in later runs:"
                };
                let Some(choice) = session.choose_phrase(review, title, &labels)? else {
                    return Ok(End::Interrupted);
                };
                let Some(k) = choice else {
                    continue;
                };
                let (old, new) = &pairs[k];
                if always {
                    session.learned.add_pair(old, new);
                } else {
                    session.learned.add_keep(old);
                }
                let file = session.save_learned()?;
                message = format!("Learned {} in {file}.", labels[k]);
                if always {
                    Command::Accept
                } else {
                    Command::Reject
                }
            }
            Key::Char(_) => {
                message = "Unknown key; ? shows the keys.".into();
                continue;
            }
        };
        let was_goto = cmd == Command::NextUndecided;
        match review.apply(cmd) {
            Event::Answered(_) => session.save(review)?,
            Event::Undone(n) => {
                session.save(review)?;
                message = format!("Undone ({n} answer(s) taken back).");
            }
            Event::NothingToUndo => message = "Nothing to undo.".into(),
            Event::Moved => {}
            Event::AtEdge => message = "No more changes in that direction.".into(),
            Event::Finished if was_goto => {
                message = "No undecided change left; q writes the output.".into()
            }
            Event::Finished => {
                session.save(review)?;
                return Ok(End::Done);
            }
            Event::Quit => return Ok(End::Done),
        }
    }
}

/// Run an interactive review and write the output with the answers.
pub fn run(
    args: &RunArgs,
    cleaner: Cleaner,
    setup: Setup,
    load: &ocrclean::LoadOptions,
) -> Result<ExitCode> {
    let Some(decisions_path) = setup.decisions.clone() else {
        bail!("--review needs a decisions file");
    };
    let loaded = ocrclean::input::load_path(args.input(), load)?;
    let mut report = cleaner.clean(loaded)?;
    for w in report.source.warnings() {
        eprintln!("clean: warning: {w}");
    }
    setup.learned.protect(&mut report);
    let keys = decisions::keys(&report);
    let mut store = Store::load(&decisions_path)?;
    store.set_input(&args.input().display().to_string());
    let answers = store.resolve(&keys);
    let entries: Vec<Entry> = report
        .changes
        .iter()
        .zip(&keys)
        .map(|(c, k)| Entry {
            rule: c.edit.rule.clone(),
            old: k.old.clone(),
            new: k.new.clone(),
            safe: c.edit.safety == ocrclean::Safety::Safe,
        })
        .collect();
    let scope = match args.review {
        Some(ReviewScope::Suggestions) => Scope::Suggestions,
        _ => Scope::All,
    };
    let mut review = Review::new(entries, answers, scope);
    let names = cleaner
        .rules()
        .map(|r| (r.info().code.to_string(), r.info().name.to_string()))
        .collect();
    let end = if review.is_empty() {
        End::Done
    } else {
        let mut session = Session {
            report: &report,
            keys: &keys,
            store: &store,
            names,
            input: args.input().display().to_string(),
            color: crate::app::use_color(args.color),
            learned: setup.learned.clone(),
            learn_path: setup.learn_path.clone(),
        };
        catch_termination();
        let _terminal = Terminal::enter()?;
        run_loop(&mut session, &mut review)?
    };
    let answered = review.len() - review.undecided();
    if let End::Interrupted = end {
        let (how, code) = if terminated() {
            ("stopped by a signal", 143)
        } else {
            ("interrupted", 130)
        };
        eprintln!(
            "clean: {how}; {answered} answer(s) saved in {}; run the same command again to resume",
            decisions_path.display()
        );
        return Ok(ExitCode::from(code));
    }
    let summary = apply_answers(&mut report, review.answers());
    let written = match &args.output {
        Some(out) => {
            fsio::write_atomic(out, report.output.as_bytes())?;
            format!("output written to {}", out.display())
        }
        None => format!(
            "no output written (no -o); write it with: clean --decisions {} {} -o OUT",
            decisions_path.display(),
            args.input().display()
        ),
    };
    if !args.quiet {
        if review.is_empty() {
            eprintln!("clean: {}: nothing to review", args.input().display());
        }
        eprintln!(
            "clean: review of {}: {summary}; answers in {}; {written}",
            args.input().display(),
            decisions_path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_default_beside_the_output_or_the_input() {
        assert_eq!(
            default_decisions(Path::new("a/in.txt"), Some(Path::new("b/out.txt"))),
            PathBuf::from("b/out.txt.decisions.json")
        );
        assert_eq!(
            default_decisions(Path::new("a/in.txt"), None),
            PathBuf::from("a/in.txt.decisions.json")
        );
    }
}
