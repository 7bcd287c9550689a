//! PDF extraction throughput, ready for the PDF input work.
//!
//! It benches every born-digital and scanned PDF found in `../shared/corpus/generated`
//! that `ocrclean::input` can load; until PDF input exists, loading fails and the bench
//! says so and measures nothing. Nothing from the corpus is stored in the repository.
//!
//! Run: `cargo bench --bench pdf`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ocrclean::{input, LoadOptions};
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The corpus PDFs, if `../shared` is here.
fn corpus_pdfs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/generated");
    let mut out = Vec::new();
    let Ok(docs) = std::fs::read_dir(&root) else {
        return out;
    };
    let mut docs: Vec<PathBuf> = docs.filter_map(|e| e.ok().map(|e| e.path())).collect();
    docs.sort();
    for d in docs {
        for name in ["born.pdf", "scan.pdf"] {
            let p = d.join(name);
            if p.is_file() {
                out.push(p);
            }
        }
    }
    out
}

fn extraction(c: &mut Criterion) {
    let pdfs = corpus_pdfs();
    if pdfs.is_empty() {
        eprintln!("pdf bench: skipped, no PDFs under ../shared/corpus/generated");
        return;
    }
    let mut g = c.benchmark_group("pdf");
    g.sample_size(10);
    let mut benched = 0;
    let mut skipped = 0;
    for path in &pdfs {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        if !input::is_pdf(&bytes) {
            continue;
        }
        if let Err(e) = input::load_bytes(bytes.clone(), path, &LoadOptions::default()) {
            if skipped == 0 {
                eprintln!("pdf bench: cannot load: {e}");
            }
            skipped += 1;
            continue;
        }
        let name = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
            .unwrap_or(path)
            .display()
            .to_string();
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(BenchmarkId::new("load", name), |b| {
            b.iter(|| {
                let loaded = input::load_bytes(bytes.clone(), path, &LoadOptions::default());
                black_box(loaded.map(|l| l.document.text().len()).unwrap_or(0))
            })
        });
        benched += 1;
    }
    g.finish();
    if skipped > 0 {
        eprintln!(
            "pdf bench: {skipped} of {} PDFs could not be loaded and were skipped",
            pdfs.len()
        );
    }
    if benched == 0 {
        eprintln!("pdf bench: nothing measured yet (PDF input not supported by this build)");
    }
}

criterion_group!(benches, extraction);
criterion_main!(benches);
