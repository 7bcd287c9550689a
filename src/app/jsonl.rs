//! `clean --jsonl`: JSON Lines in, JSON Lines out, in input order, with bounded memory.
//!
//! Each input line is `{"id": …, "text": "…"}` or `{"id": …, "path": "…"}` (other fields
//! are ignored; blank lines are skipped). Each output line is
//! `{"id", "text", "changes": […], "stats": {…}}`, or `{"id", "line", "error"}` for a line
//! that could not be read or cleaned, after which the run goes on and exits with 2.
//! Lines are read in chunks (at most [`CHUNK_LINES_PER_THREAD`] lines per thread and
//! [`CHUNK_BYTES`] bytes), cleaned in parallel and written in order before the next chunk.

use super::options;
use crate::cli::RunArgs;
use anyhow::Result;
use ocrclean::output::json::{build, JsonChange};
use ocrclean::{error::chain, input, Cleaner, Input, Report};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Lines per thread in one chunk.
pub const CHUNK_LINES_PER_THREAD: usize = 64;
/// Input bytes after which a chunk is closed (a longer single line still makes a chunk).
pub const CHUNK_BYTES: usize = 32 << 20;
/// The longest line accepted; a longer one is an error line (and is skipped, not held).
pub const MAX_LINE: usize = 256 << 20;

/// One request line.
#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    id: serde_json::Value,
    text: Option<String>,
    path: Option<PathBuf>,
}

/// Counts of one cleaned record.
#[derive(Serialize)]
struct Stats {
    pages: usize,
    lines: usize,
    bytes: usize,
    changes: usize,
    applied: usize,
    not_applied: usize,
}

/// One result line.
#[derive(Serialize)]
struct Response<'a> {
    id: &'a serde_json::Value,
    text: &'a str,
    changes: Vec<JsonChange<'a>>,
    stats: Stats,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// One error line.
#[derive(Serialize)]
struct Failure<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: String,
}

/// A line read from standard input: its number and bytes, or why it was not kept.
type Line = (usize, Result<Vec<u8>, String>);

/// Run the stream: read, clean in parallel chunks, write in order.
pub fn run(args: &RunArgs) -> Result<ExitCode> {
    if args.inputs.iter().any(|p| p.as_os_str() != "-") {
        anyhow::bail!(
            "--jsonl reads standard input; name files with {{\"path\": …}} lines instead"
        );
    }
    let opts = options::build(args)?;
    let cleaner = Cleaner::new(&opts)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()?;
    let max_lines = CHUNK_LINES_PER_THREAD * pool.current_num_threads();
    let mut reader = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let mut line_no = 0;
    let mut failed = 0usize;
    loop {
        let mut chunk: Vec<Line> = Vec::new();
        let mut bytes = 0;
        let mut eof = false;
        while chunk.len() < max_lines && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            match read_line(&mut reader, MAX_LINE, &mut buf)? {
                ReadLine::Eof => {
                    eof = true;
                    break;
                }
                ReadLine::TooLong => {
                    line_no += 1;
                    chunk.push((line_no, Err(format!("line longer than {MAX_LINE} bytes"))));
                }
                ReadLine::Line => {
                    line_no += 1;
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    bytes += buf.len();
                    chunk.push((line_no, Ok(buf)));
                }
            }
        }
        let results: Vec<(String, bool)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|line| one(&cleaner, &opts.load, line))
                .collect()
        });
        for (text, ok) in results {
            failed += usize::from(!ok);
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        if eof {
            break;
        }
    }
    if failed > 0 && !args.quiet {
        eprintln!("clean: {failed} line(s) failed; each has an \"error\" object in the output");
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Clean one line; its output line and whether it succeeded.
fn one(cleaner: &Cleaner, load: &ocrclean::LoadOptions, (line, bytes): Line) -> (String, bool) {
    let null = serde_json::Value::Null;
    let fail = |id: &serde_json::Value, error: String| {
        let f = Failure { id, line, error };
        (serde_json::to_string(&f).unwrap_or_default(), false)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return fail(&null, e),
    };
    let req: Request = match serde_json::from_slice(&bytes) {
        Ok(r) => r,
        Err(e) => {
            return fail(
                &null,
                format!("not a JSON object of the expected shape: {e}"),
            )
        }
    };
    let input = match (req.text, req.path) {
        (Some(text), None) => Input::Text(text),
        (None, Some(path)) => Input::Path(path),
        _ => return fail(&req.id, "needs exactly one of \"text\" or \"path\"".into()),
    };
    match input::load(input, load).and_then(|loaded| cleaner.clean(loaded)) {
        Ok(report) => (respond(&req.id, &report), true),
        Err(e) => fail(&req.id, chain(&e)),
    }
}

fn respond(id: &serde_json::Value, report: &Report) -> String {
    let json = build(report);
    let response = Response {
        id,
        text: &report.output,
        stats: Stats {
            pages: json.pages,
            lines: json.lines,
            bytes: json.bytes,
            changes: json.totals.changes,
            applied: json.totals.applied,
            not_applied: json.totals.not_applied,
        },
        changes: json.changes,
        warnings: report.source.warnings(),
    };
    serde_json::to_string(&response).unwrap_or_default()
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq)]
enum ReadLine {
    Line,
    TooLong,
    Eof,
}

/// Read one line (without its `\n`) into `buf`, holding at most `max` bytes: a longer line
/// is read through and dropped.
fn read_line(r: &mut impl BufRead, max: usize, buf: &mut Vec<u8>) -> std::io::Result<ReadLine> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => ReadLine::Eof,
                (true, true) => ReadLine::TooLong,
                (true, false) => ReadLine::Line,
            });
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i, true),
            None => (avail.len(), false),
        };
        if !too_long && buf.len() + take <= max {
            buf.extend_from_slice(&avail[..take]);
        } else {
            too_long = true;
            buf.clear();
        }
        r.consume(take + usize::from(done));
        if done {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(if too_long {
                ReadLine::TooLong
            } else {
                ReadLine::Line
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_and_long_ones_dropped() {
        let mut r = std::io::Cursor::new(b"ab\r\n0123456789\nlast".to_vec());
        let mut got = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line(&mut r, 5, &mut buf).unwrap() {
                ReadLine::Eof => break,
                k => got.push((k, buf)),
            }
        }
        assert_eq!(
            got,
            vec![
                (ReadLine::Line, b"ab".to_vec()),
                (ReadLine::TooLong, vec![]),
                (ReadLine::Line, b"last".to_vec()),
            ]
        );
    }
}
