//! `clean`: the thin binary over the ocrclean library. It parses arguments, calls the
//! library, writes where it was asked to and maps errors to exit codes (0 ok, 1 changes
//! found under `--check`, 2 error). A closed pipe ends the program quietly.

mod app;
mod cli;
mod review_tui;

use anyhow::Result;
use clap::{CommandFactory, Parser};
use cli::{Cli, Command, EvalArgs, EvalFormat, Format, RunArgs};
use ocrclean::{eval, fsio, input, output, Cleaner, Options, Report, Selection};
use std::borrow::Cow;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clean: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Rules) => {
            print_stdout(&render_rules())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval(args)) => eval(args),
        Some(Command::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "clean", &mut buf);
            print_stdout(&String::from_utf8_lossy(&buf))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { show: _, settings }) => {
            print_stdout(&app::show_config(&settings)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            std::io::stdout().lock().write_all(&app::man_page()?)?;
            Ok(ExitCode::SUCCESS)
        }
        None => match app::mode(&cli.run) {
            app::Mode::Single => clean(cli.run),
            mode => app::run_many(cli.run, mode),
        },
    }
}

/// `clean eval`: score the cleaner against ground truth.
fn eval(args: EvalArgs) -> Result<ExitCode> {
    let load = ocrclean::LoadOptions {
        encoding: args.encoding.clone(),
        ..ocrclean::LoadOptions::default()
    };
    let mut words = ocrclean::lexicon::WordList::new();
    for path in &args.dict {
        words.add_file(path)?;
    }
    let opts = Options {
        selection: Selection {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
        },
        apply_suggestions: args.all,
        load: load.clone(),
        words,
        // Evaluation scores the built-in rules: no clean.toml threshold or user rules.
        ..Options::default()
    };
    let cleaner = Cleaner::new(&opts)?;
    let eval_opts = eval::EvalOptions {
        no_hyphen: args.no_hyphen,
        load,
        away_examples: args.show_away,
    };
    let report = match &args.truth {
        Some(truth) => eval::evaluate_pair(&cleaner, truth, &args.path, &eval_opts)?,
        None => eval::evaluate_corpus(&cleaner, &args.path, &args.input_name, &eval_opts)?,
    };
    for e in &report.total.errors {
        eprintln!("clean: warning: {}", e.message());
    }
    let text = match args.format {
        EvalFormat::Json => eval::report::json(&report),
        EvalFormat::Text => eval::report::table(&report, args.rules_per_set),
    };
    print_stdout(&text)?;
    if report.total.docs == 0 {
        anyhow::bail!("{}: no document could be evaluated", args.path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn render_rules() -> String {
    let mut out = String::new();
    for rule in ocrclean::rules::registry() {
        let i = rule.info();
        let off = if i.default_on {
            ""
        } else {
            " (off by default)"
        };
        out.push_str(&format!(
            "{}  {:<10} {:<16} {}{}\n      e.g. '{}' → '{}'\n",
            i.code,
            i.family.name(),
            i.name,
            i.summary,
            off,
            output::visible(i.example.0),
            output::visible(i.example.1)
        ));
    }
    out
}

fn print_stdout(s: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()
}

fn clean(args: RunArgs) -> Result<ExitCode> {
    let mut opts = app::options::build(&args)?;
    let setup = review_tui::Setup::prepare(&args, &mut opts)?;
    let cleaner = setup.cleaner(&opts)?;
    let is_stdin = args.input().as_os_str() == "-";
    if let Some(out) = &args.output {
        if !is_stdin && fsio::same_file(args.input(), out) {
            anyhow::bail!(
                "{}: -o names the input file; use --in-place to rewrite it",
                out.display()
            );
        }
    }
    if args.in_place && is_stdin {
        anyhow::bail!("--in-place needs a file, not standard input");
    }
    if args.review.is_some() {
        return review_tui::run(&args, cleaner, setup, &opts.load);
    }
    if args.format != Format::Json
        && !args.changes
        && !args.diff
        && !args.in_place
        && setup.is_plain()
    {
        return clean_streaming(&args, &cleaner, &opts);
    }
    let loaded = input::load_path(args.input(), &opts.load)?;
    app::memory::fit_to_input(loaded.document.text().len() as u64);
    let mut report = cleaner.clean(loaded)?;
    for w in report.source.warnings() {
        eprintln!("clean: warning: {w}");
    }
    setup.finish_report(&mut report, args.quiet)?;

    let rendered = render(&args, &report);
    if args.in_place {
        app::write_in_place(args.input(), &report.output, args.no_backup)?;
    }
    if let Some(text) = rendered {
        match (&args.output, args.check) {
            (Some(path), false) => fsio::write_atomic(path, text.as_bytes())?,
            _ => print_stdout(&text)?,
        }
    }
    if !args.quiet {
        eprintln!(
            "clean: {}: {}",
            args.input().display(),
            output::summary(&report)
        );
    }
    Ok(if args.check && report.applied() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The plain run (text out, or `--check`): each cleaned segment is written as soon as it
/// is ready and dropped, so a huge input is held once, not three times (input, output,
/// changes). Only the counts of changes are kept, for the summary and the exit code.
fn clean_streaming(args: &RunArgs, cleaner: &Cleaner, opts: &Options) -> Result<ExitCode> {
    let loaded = input::load_path(args.input(), &opts.load)?;
    app::memory::fit_to_input(loaded.document.text().len() as u64);
    for w in loaded.source.warnings() {
        eprintln!("clean: warning: {w}");
    }
    let (mut applied, mut pending) = (0, 0);
    let mut write_all = |w: &mut dyn Write| {
        cleaner.clean_segments(&loaded, |segment| {
            let done = segment.changes.iter().filter(|c| c.applied).count();
            applied += done;
            pending += segment.changes.len() - done;
            if args.check {
                return Ok(());
            }
            w.write_all(segment.output.as_bytes())
                .map_err(|source| ocrclean::Error::Io {
                    path: args.output.clone().unwrap_or_else(|| "-".into()),
                    source,
                })
        })
    };
    match (&args.output, args.check) {
        (Some(path), false) => fsio::write_with(path, true, write_all)?,
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write_all(&mut out)?;
            out.flush()?;
        }
    }
    if !args.quiet {
        eprintln!(
            "clean: {}: {}",
            args.input().display(),
            output::summary_of(applied, pending)
        );
    }
    Ok(if args.check && applied > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What goes to standard output or `-o`: `None` when nothing should be written.
fn render<'a>(args: &RunArgs, report: &'a Report) -> Option<Cow<'a, str>> {
    if args.format == Format::Json {
        return Some(output::json::render(report).into());
    }
    if args.changes {
        return Some(output::changes::render(report).into());
    }
    if args.diff {
        let name = args.input().display().to_string();
        return Some(report.diff(&name, app::use_color(args.color)).into());
    }
    if args.check || args.in_place {
        return None;
    }
    Some(Cow::Borrowed(&report.output))
}
