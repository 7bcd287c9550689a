//! Turn a sorted `key<TAB>value` file into an `fst::Map` file (used by
//! `scripts/build_lexicon.py` to make `data/lexicon/*.fst`).
//!
//! Usage: `cargo run --example build_lexicon_fst -- IN.tsv OUT.fst`

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader, BufWriter, Write};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        bail!("usage: build_lexicon_fst IN.tsv OUT.fst");
    };
    let reader = BufReader::new(
        std::fs::File::open(input).with_context(|| format!("{input}: cannot open"))?,
    );
    let file = std::fs::File::create(output).with_context(|| format!("{output}: cannot create"))?;
    let mut builder = fst::MapBuilder::new(BufWriter::new(file))?;
    let mut count = 0u64;
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{input}: read error"))?;
        let Some((key, value)) = line.split_once('\t') else {
            bail!("{input}:{}: no tab", n + 1);
        };
        let value: u64 = value
            .parse()
            .with_context(|| format!("{input}:{}: bad value", n + 1))?;
        builder
            .insert(key, value)
            .with_context(|| format!("{input}:{}: key out of order or duplicate", n + 1))?;
        count += 1;
    }
    let mut writer = builder.into_inner()?;
    writer.flush()?;
    eprintln!("{output}: {count} keys");
    Ok(())
}
