//! Planning a batch: many inputs (files and directories) onto an output directory.
//!
//! Directories are walked recursively, in name order, skipping hidden entries and the
//! output directory itself; their files are taken when they match the globs (by default
//! `*.txt` and `*.pdf`), and each output mirrors its path under the output directory with
//! a `.txt` extension. Files named explicitly are always taken. A file that cannot be read
//! while walking is a per-file failure, not the end of the batch.
//!
//! ```
//! use ocrclean::batch::{plan, PlanOptions};
//! let dir = tempfile::tempdir()?;
//! std::fs::create_dir_all(dir.path().join("scans/vol1"))?;
//! std::fs::write(dir.path().join("scans/vol1/p1.txt"), "text")?;
//! std::fs::write(dir.path().join("scans/notes.md"), "not taken")?;
//! let opts = PlanOptions { out_dir: Some(dir.path().join("clean")), ..Default::default() };
//! let plan = plan(&[dir.path().join("scans")], &opts)?;
//! assert_eq!(plan.jobs.len(), 1);
//! assert_eq!(plan.jobs[0].output.as_deref(), Some(dir.path().join("clean/vol1/p1.txt").as_path()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::error::{Error, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The globs used when none are given.
pub const DEFAULT_GLOBS: &[&str] = &["*.txt", "*.pdf"];

/// How to plan a batch.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    /// Where outputs go; `None` when nothing is written (e.g. `--check`, `--in-place`).
    pub out_dir: Option<PathBuf>,
    /// Globs a walked file's path (relative to the walked directory) must match; a glob
    /// starting with `!` excludes. Empty: [`DEFAULT_GLOBS`].
    pub globs: Vec<String>,
}

/// One input and where its cleaned text goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// The output file, when the batch writes outputs.
    pub output: Option<PathBuf>,
}

/// The inputs of a batch and the failures met while finding them.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files to clean, in a stable order (arguments first to last, walks in name order).
    pub jobs: Vec<Job>,
    /// Inputs that could not be listed or read, each with its error.
    pub failures: Vec<Error>,
}

/// Compiled include and exclude globs.
struct Filter {
    include: GlobSet,
    exclude: GlobSet,
}

impl Filter {
    fn new(globs: &[String]) -> Result<Filter> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut any_include = false;
        for g in globs {
            let (builder, pattern) = match g.strip_prefix('!') {
                Some(rest) => (&mut exclude, rest),
                None => {
                    any_include = true;
                    (&mut include, g.as_str())
                }
            };
            let glob =
                Glob::new(pattern).map_err(|e| Error::Usage(format!("--glob '{g}': {e}")))?;
            builder.add(glob);
        }
        if !any_include {
            for g in DEFAULT_GLOBS {
                include.add(Glob::new(g).map_err(|e| Error::Usage(e.to_string()))?);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| Error::Usage(e.to_string()));
        Ok(Filter {
            include: build(include)?,
            exclude: build(exclude)?,
        })
    }

    fn matches(&self, rel: &Path) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

/// Plan a batch: list the inputs' files and map each to its output. Fails only on a bad
/// glob or when two inputs would write the same output.
pub fn plan(inputs: &[PathBuf], opts: &PlanOptions) -> Result<Plan> {
    let filter = Filter::new(&opts.globs)?;
    let out_canon = opts
        .out_dir
        .as_ref()
        .and_then(|d| std::fs::canonicalize(d).ok());
    let mut plan = Plan::default();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(
                input,
                Path::new(""),
                &filter,
                out_canon.as_deref(),
                &mut found,
                &mut plan.failures,
            );
            for rel in found {
                let output = opts.out_dir.as_ref().map(|d| with_txt(&d.join(&rel)));
                plan.jobs.push(Job {
                    input: input.join(&rel),
                    output,
                });
            }
        } else {
            // Explicit files are taken as named; a missing one fails when it is read.
            let output = match (&opts.out_dir, input.file_name()) {
                (Some(d), Some(name)) => Some(with_txt(&d.join(name))),
                _ => None,
            };
            plan.jobs.push(Job {
                input: input.clone(),
                output,
            });
        }
    }
    check_collisions(&plan.jobs)?;
    Ok(plan)
}

/// `path` with its extension replaced by `txt` (added when it has none).
fn with_txt(path: &Path) -> PathBuf {
    path.with_extension("txt")
}

fn walk(
    root: &Path,
    rel: &Path,
    filter: &Filter,
    skip: Option<&Path>,
    found: &mut Vec<PathBuf>,
    failures: &mut Vec<Error>,
) {
    let dir = root.join(rel);
    let io = |source| Error::Io {
        path: dir.clone(),
        source,
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => return failures.push(io(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => failures.push(io(e)),
        }
    }
    names.sort();
    for name in names {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let child_rel = rel.join(&name);
        let child = root.join(&child_rel);
        // Follows symbolic links to files; never descends a link to a directory (no loops).
        let Ok(link_meta) = std::fs::symlink_metadata(&child) else {
            continue;
        };
        if link_meta.is_dir() {
            let is_out = skip.is_some_and(|s| std::fs::canonicalize(&child).is_ok_and(|c| c == s));
            if !is_out {
                walk(root, &child_rel, filter, skip, found, failures);
            }
        } else if filter.matches(&child_rel) && child.is_file() {
            found.push(child_rel);
        }
    }
}

fn check_collisions(jobs: &[Job]) -> Result<()> {
    let mut seen: HashMap<&Path, &Path> = HashMap::new();
    for job in jobs {
        if let Some(out) = &job.output {
            if let Some(first) = seen.insert(out, &job.input) {
                return Err(Error::Usage(format!(
                    "{} and {} would both be written to {}",
                    first.display(),
                    job.input.display(),
                    out.display()
                )));
            }
        }
    }
    Ok(())
}

/// Whether a job's output exists and is newer than its input, so a re-run may skip it.
pub fn up_to_date(job: &Job) -> bool {
    let Some(out) = &job.output else { return false };
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&job.input), modified(out)) {
        (Some(i), Some(o)) => o > i,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    #[test]
    fn walks_mirrors_and_filters() {
        let d = tempfile::tempdir().unwrap();
        let src = d.path().join("src");
        for f in ["a.txt", "b/c.pdf", "b/d.md", ".hidden/e.txt", "b/.f.txt"] {
            touch(&src.join(f));
        }
        let out = d.path().join("out");
        let opts = PlanOptions {
            out_dir: Some(out.clone()),
            globs: vec![],
        };
        let p = plan(std::slice::from_ref(&src), &opts).unwrap();
        let got: Vec<_> = p.jobs.iter().map(|j| j.output.clone().unwrap()).collect();
        assert_eq!(got, vec![out.join("a.txt"), out.join("b/c.txt")]);
        let opts = PlanOptions {
            out_dir: Some(out.clone()),
            globs: vec!["b/*".into(), "!*.pdf".into()],
        };
        let p = plan(std::slice::from_ref(&src), &opts).unwrap();
        assert_eq!(p.jobs.len(), 1);
        assert_eq!(p.jobs[0].input, src.join("b/d.md"));
        assert_eq!(p.jobs[0].output, Some(out.join("b/d.txt")));
    }

    #[test]
    fn output_dir_inside_input_is_not_walked() {
        let d = tempfile::tempdir().unwrap();
        touch(&d.path().join("a.txt"));
        touch(&d.path().join("out/a.txt"));
        let opts = PlanOptions {
            out_dir: Some(d.path().join("out")),
            globs: vec![],
        };
        let p = plan(&[d.path().to_path_buf()], &opts).unwrap();
        assert_eq!(p.jobs.len(), 1);
    }

    #[test]
    fn collisions_are_errors() {
        let d = tempfile::tempdir().unwrap();
        touch(&d.path().join("a.txt"));
        touch(&d.path().join("a.pdf"));
        let opts = PlanOptions {
            out_dir: Some(d.path().join("out")),
            globs: vec![],
        };
        let e = plan(&[d.path().to_path_buf()], &opts).unwrap_err();
        assert!(e.to_string().contains("would both be written"), "{e}");
    }

    #[test]
    fn freshness() {
        let d = tempfile::tempdir().unwrap();
        let job = Job {
            input: d.path().join("in.txt"),
            output: Some(d.path().join("out.txt")),
        };
        touch(&job.input);
        assert!(!up_to_date(&job));
        std::thread::sleep(std::time::Duration::from_millis(50));
        touch(job.output.as_ref().unwrap());
        assert!(up_to_date(&job));
    }

    #[test]
    fn bad_glob_is_an_error() {
        let opts = PlanOptions {
            out_dir: None,
            globs: vec!["a[".into()],
        };
        assert!(plan(&[], &opts).is_err());
    }
}
