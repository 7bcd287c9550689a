//! Finding the documents of an evaluation corpus on disk.
//!
//! Two layouts are understood, at the top or in subdirectories (up to [`MAX_DEPTH`] deep):
//! - a *set*: `SET/ocr/<id>.txt` with `SET/truth/<id>.txt`;
//! - a *document*: `DOC/truth.txt` beside the input, named by `--input-name` (`ocr.txt`,
//!   `born.pdf`, `scan.pdf`…); each such document is scored as a set of its own.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// How deep below the root sets and documents are looked for.
pub const MAX_DEPTH: usize = 3;

/// One document: the input to clean and its truth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSpec {
    /// A short name (the file stem or the document directory).
    pub id: String,
    /// The input given to the cleaner.
    pub input: PathBuf,
    /// The ground truth.
    pub truth: PathBuf,
}

/// A set of documents scored together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetSpec {
    /// The set's name: its path below the root (or the root's own name).
    pub name: String,
    /// Its documents, in file-name order.
    pub docs: Vec<DocSpec>,
    /// Documents that could not be paired, with the reason.
    pub missing: Vec<(PathBuf, String)>,
}

/// Find every set under `root`; `input_name` names the input file in the
/// document-per-directory layout.
pub fn discover(root: &Path, input_name: &str) -> Result<Vec<SetSpec>> {
    let mut sets = Vec::new();
    visit(root, "", input_name, 0, &mut sets)?;
    if sets.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no corpus found: expected SET/ocr/*.txt with SET/truth/*.txt, or DOC/truth.txt beside DOC/{input_name}",
            root.display()
        )));
    }
    Ok(sets)
}

/// Look for sets in `dir`, whose path below the root is `rel` (empty for the root).
fn visit(
    dir: &Path,
    rel: &str,
    input_name: &str,
    depth: usize,
    out: &mut Vec<SetSpec>,
) -> Result<()> {
    let own_name;
    let name = if rel.is_empty() {
        own_name = std::fs::canonicalize(dir)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| dir.display().to_string());
        own_name.as_str()
    } else {
        rel
    };
    if dir.join("ocr").is_dir() && dir.join("truth").is_dir() {
        out.push(pair_set(dir, name)?);
        return Ok(());
    }
    if dir.join("truth.txt").is_file() {
        let input = dir.join(input_name);
        let doc = DocSpec {
            id: name.rsplit('/').next().unwrap_or(name).to_string(),
            input: input.clone(),
            truth: dir.join("truth.txt"),
        };
        let (docs, missing) = if input.is_file() {
            (vec![doc], vec![])
        } else {
            (
                vec![],
                vec![(input, format!("no {input_name} beside truth.txt"))],
            )
        };
        out.push(SetSpec {
            name: name.to_string(),
            docs,
            missing,
        });
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Ok(());
    }
    for sub in sorted_entries(dir)? {
        if sub.is_dir() {
            let child = sub
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let child_name = if rel.is_empty() {
                child
            } else {
                format!("{rel}/{child}")
            };
            visit(&sub, &child_name, input_name, depth + 1, out)?;
        }
    }
    Ok(())
}

/// Pair `ocr/<id>.txt` with `truth/<id>.txt`, as `bench_real.sh` does.
fn pair_set(dir: &Path, name: &str) -> Result<SetSpec> {
    let mut docs = Vec::new();
    let mut missing = Vec::new();
    for input in sorted_entries(&dir.join("ocr"))? {
        if input.extension().is_none_or(|e| e != "txt") || !input.is_file() {
            continue;
        }
        let Some(file) = input.file_name() else {
            continue;
        };
        let truth = dir.join("truth").join(file);
        if truth.is_file() {
            docs.push(DocSpec {
                id: input
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                input,
                truth,
            });
        } else {
            missing.push((input, "no truth file of the same name".to_string()));
        }
    }
    Ok(SetSpec {
        name: name.to_string(),
        docs,
        missing,
    })
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut v = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        v.push(entry.map_err(io)?.path());
    }
    v.sort();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn finds_both_layouts() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        for p in ["news/ocr", "news/truth", "gen/doc1", "gen/doc2"] {
            fs::create_dir_all(r.join(p)).unwrap();
        }
        fs::write(r.join("news/ocr/b.txt"), "x").unwrap();
        fs::write(r.join("news/ocr/a.txt"), "x").unwrap();
        fs::write(r.join("news/ocr/c.txt"), "x").unwrap();
        fs::write(r.join("news/truth/a.txt"), "x").unwrap();
        fs::write(r.join("news/truth/b.txt"), "x").unwrap();
        fs::write(r.join("gen/doc1/truth.txt"), "x").unwrap();
        fs::write(r.join("gen/doc1/ocr.txt"), "x").unwrap();
        fs::write(r.join("gen/doc2/truth.txt"), "x").unwrap();
        let sets = discover(r, "ocr.txt").unwrap();
        let names: Vec<_> = sets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["gen/doc1", "gen/doc2", "news"]);
        let news = &sets[2];
        let ids: Vec<_> = news.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(news.missing.len(), 1);
        assert!(sets[1].docs.is_empty() && sets[1].missing.len() == 1);
        // A set given directly is named after itself.
        let one = discover(&r.join("news"), "ocr.txt").unwrap();
        assert_eq!(one[0].name, "news");
        assert!(discover(&r.join("news/ocr"), "ocr.txt").is_err());
    }
}
