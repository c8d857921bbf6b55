//! What a detector plugin costs: compilation, starting an instance, and
//! each document, for one or more component files on the same corpus.
//! Used to compare the same detector written in different languages.
//!
//! ```sh
//! cargo run --release -p opgap --example plugin_cost -- \
//!     plugins/examples/js-detector/acme-backup-js.wasm \
//!     target/wasm-plugins/wasm32-wasip2/release/opgap_example_acme_backup.wasm \
//!     --corpus corpus/northwind-ops [--rounds 5]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use opgap::parse::{format_for_path, parse_document};
use opgap::plugin::{DetectorPlugin, Limits, Runtime};
use opgap::source::Selection;

/// Fresh instances started to time start-up.
const STARTS: usize = 10;

fn main() -> anyhow::Result<()> {
    let mut plugins = Vec::new();
    let mut corpus = PathBuf::from("corpus/northwind-ops");
    // Passes over the corpus on one instance, to time documents.
    let mut rounds = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--corpus" {
            corpus = PathBuf::from(args.next().expect("--corpus DIR"));
        } else if arg == "--rounds" {
            rounds = args
                .next()
                .and_then(|n| n.parse().ok())
                .expect("--rounds N");
        } else {
            plugins.push(PathBuf::from(arg));
        }
    }
    let sources = opgap::source::read(&corpus, &Selection::Worktree, None)?;
    let docs: Vec<_> = sources
        .files
        .iter()
        .filter_map(|f| {
            let format = format_for_path(&f.path)?;
            Some((
                parse_document("corpus", &f.path, format, &f.text),
                f.text.as_str(),
            ))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(_, text)| text.len()).sum();
    println!(
        "corpus {}: {} documents, {} KiB",
        corpus.display(),
        docs.len(),
        bytes / 1024
    );
    println!(
        "{:<28} {:>10} {:>12} {:>14} {:>12} {:>10}",
        "plugin", "size KiB", "compile ms", "start ms (p50)", "µs/document", "findings"
    );
    for path in plugins {
        let wasm = std::fs::read(&path)?;
        // No cache: compilation is part of what is measured.
        let runtime = Runtime::new(Limits::default(), None)?;
        let started = Instant::now();
        let plugin = DetectorPlugin::load(&runtime, &path.display().to_string(), &wasm)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.failure))?;
        // Loading compiles and starts one instance for `info`.
        let compile = started.elapsed();

        let empty = parse_document(
            "corpus",
            "empty.md",
            opgap::plugin::bindings::Format::Markdown,
            "",
        );
        let mut starts: Vec<Duration> = (0..STARTS)
            .map(|_| {
                let mut instance = plugin.instance();
                let t = Instant::now();
                instance.detect(&empty, "").expect("an empty document");
                t.elapsed()
            })
            .collect();
        starts.sort();

        let mut instance = plugin.instance();
        instance.detect(&empty, "").expect("warm-up");
        let mut found = 0;
        let t = Instant::now();
        for _ in 0..rounds {
            found = 0;
            for (doc, text) in &docs {
                found += instance
                    .detect(doc, text)
                    .map_err(|e| anyhow::anyhow!("{}: {}", doc.path, e.failure))?
                    .findings
                    .len();
            }
        }
        let per_doc = t.elapsed() / (rounds * docs.len().max(1)) as u32;
        println!(
            "{:<28} {:>10} {:>12.0} {:>14.1} {:>12.1} {:>10}",
            plugin.name(),
            wasm.len() / 1024,
            compile.as_secs_f64() * 1e3,
            starts[STARTS / 2].as_secs_f64() * 1e3,
            per_doc.as_secs_f64() * 1e6,
            found
        );
    }
    Ok(())
}
