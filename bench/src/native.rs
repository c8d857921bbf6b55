//! One detector, two builds: the built-in `vsphere` rules compiled into
//! this binary and the same rules as the sandboxed component opgap ships,
//! run on the same parsed documents on one thread.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use opgap::plugin::bindings as host;
use opgap::plugin::{DetectorPlugin, Limits, Runtime, builtin};
use opgap_pdk::types as guest;

/// Parsed documents with the text each came from.
pub struct Corpus {
    docs: Vec<(host::Document, String)>,
    pub bytes: usize,
}

impl Corpus {
    /// Every file under `root` that opgap reads, parsed as opgap parses it.
    pub fn load(root: &Path) -> Result<Self> {
        let paths = crate::estate::files(root)?;
        let mut docs = Vec::new();
        let mut bytes = 0;
        for path in paths {
            let rel = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            let Some(format) = opgap::parse::format_for_path(&rel) else {
                continue;
            };
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            bytes += text.len();
            docs.push((
                opgap::parse::parse_document("estate", &rel, format, &text),
                text,
            ));
        }
        Ok(Self { docs, bytes })
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }
}

/// Wall time of a pass and the findings it produced.
pub struct Pass {
    pub time: Duration,
    pub findings: usize,
}

/// The rules compiled natively. Documents are converted to the guest SDK's
/// types before the clock starts; the detector is built (and its regexes
/// compiled) on a warm-up document first, as a component instance is.
pub fn native(corpus: &Corpus) -> Pass {
    let docs: Vec<guest::Document> = corpus.docs.iter().map(|(d, _)| to_guest(d)).collect();
    let detector = opgap_plugin_vsphere::detector();
    if let Some(first) = docs.first() {
        detector.detect(first);
    }
    let started = Instant::now();
    let findings = docs.iter().map(|d| detector.detect(d).len()).sum();
    Pass {
        time: started.elapsed(),
        findings,
    }
}

/// The built-in component under opgap's sandbox and limits, one instance
/// reused for every document, as a scan worker does.
pub fn wasm(corpus: &Corpus, cache_dir: &Path) -> Result<Pass> {
    let runtime = Runtime::new(Limits::default(), Some(cache_dir.to_path_buf()))?;
    let Some((_, bytes)) = builtin::detectors().iter().find(|(n, _)| *n == "vsphere") else {
        bail!("no built-in vsphere detector");
    };
    let plugin = DetectorPlugin::load(&runtime, "vsphere", bytes)
        .map_err(|e| anyhow::anyhow!("{}", e.failure))?;
    let mut instance = plugin.instance();
    if let Some((doc, text)) = corpus.docs.first() {
        instance
            .detect(doc, text)
            .map_err(|e| anyhow::anyhow!("{}", e.failure))?;
    }
    let started = Instant::now();
    let mut findings = 0;
    for (doc, text) in &corpus.docs {
        let checked = instance
            .detect(doc, text)
            .map_err(|e| anyhow::anyhow!("{}: {}", doc.path, e.failure))?;
        findings += checked.findings.len();
    }
    Ok(Pass {
        time: started.elapsed(),
        findings,
    })
}

fn to_guest(doc: &host::Document) -> guest::Document {
    guest::Document {
        repo: doc.repo.clone(),
        path: doc.path.clone(),
        format: match doc.format {
            host::Format::Markdown => guest::Format::Markdown,
            host::Format::Powershell => guest::Format::Powershell,
            host::Format::Shell => guest::Format::Shell,
            host::Format::Python => guest::Format::Python,
            host::Format::Yaml => guest::Format::Yaml,
            host::Format::Hcl => guest::Format::Hcl,
            host::Format::Text => guest::Format::Text,
        },
        blocks: doc
            .blocks
            .iter()
            .map(|b| guest::Block {
                kind: match b.kind {
                    host::BlockKind::Heading => guest::BlockKind::Heading,
                    host::BlockKind::Paragraph => guest::BlockKind::Paragraph,
                    host::BlockKind::ListItem => guest::BlockKind::ListItem,
                    host::BlockKind::TableCell => guest::BlockKind::TableCell,
                    host::BlockKind::Code => guest::BlockKind::Code,
                    host::BlockKind::InlineCode => guest::BlockKind::InlineCode,
                    host::BlockKind::Link => guest::BlockKind::Link,
                },
                text: b.text.clone(),
                language: b.language.clone(),
                target: b.target.clone(),
                span: guest::Span {
                    start: b.span.start,
                    end: b.span.end,
                },
                line: b.line,
                column: b.column,
                heading_path: b.heading_path.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_builds_find_the_same_constructs_in_the_sample_estate() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/northwind-ops");
        let corpus = Corpus::load(&root).unwrap();
        assert!(corpus.len() > 20, "{} documents", corpus.len());
        let cache = tempfile::tempdir().unwrap();
        let native = native(&corpus);
        let wasm = wasm(&corpus, cache.path()).unwrap();
        assert!(native.findings > 100, "{}", native.findings);
        assert_eq!(native.findings, wasm.findings);
    }
}
