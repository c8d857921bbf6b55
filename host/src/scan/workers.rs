//! The worker pool: files spread over one thread per core, each thread
//! holding one instance of every detector, results put back in file order.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::parse::lines::LineIndex;
use crate::parse::{format_for_path, parse_document};
use crate::plugin::{DetectorInstance, DetectorPlugin};
use crate::report::{ErrorCause, Finding, ScanError};
use crate::source::SourceFile;

use super::merge::{drop_yielding, merge_overlaps};
use super::{ScanOptions, is_disabled};

/// Guest code runs on the worker's own stack; leave room above wasmtime's
/// `max_wasm_stack` for the host frames around it.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// Longest source line carried in a finding.
const MAX_LINE_TEXT: usize = 1000;

pub(super) struct Outcome {
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    pub failures_per_plugin: Vec<AtomicUsize>,
}

/// Per-file results, kept apart until they are merged in file order.
#[derive(Default)]
struct FileResult {
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
}

/// One file to check, with the name of its repository.
pub(super) struct WorkItem<'a> {
    pub repo: &'a str,
    pub file: &'a SourceFile,
}

pub(super) fn run_detectors(
    plugins: &[DetectorPlugin],
    files: &[WorkItem],
    options: &ScanOptions,
) -> Outcome {
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let failures: Vec<AtomicUsize> = plugins.iter().map(|_| AtomicUsize::new(0)).collect();
    let results: Mutex<Vec<(usize, FileResult)>> = Mutex::new(Vec::with_capacity(files.len()));

    std::thread::scope(|scope| {
        for worker in 0..jobs {
            let (next, failures, results) = (&next, &failures, &results);
            std::thread::Builder::new()
                .name(format!("opgap-worker-{worker}"))
                .stack_size(WORKER_STACK_BYTES)
                .spawn_scoped(scope, move || {
                    let mut instances: Vec<DetectorInstance> =
                        plugins.iter().map(|p| p.instance()).collect();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = files.get(i) else { break };
                        let max_failures = options.max_plugin_failures;
                        done.push((i, check_file(&mut instances, failures, max_failures, item)));
                    }
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .extend(done);
                })
                .expect("spawn scan worker");
        }
    });

    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let mut outcome = Outcome {
        findings: Vec::new(),
        errors: Vec::new(),
        failures_per_plugin: failures,
    };
    for (_, r) in results {
        outcome.findings.extend(r.findings);
        outcome.errors.extend(r.errors);
    }
    outcome
}

fn check_file(
    instances: &mut [DetectorInstance],
    failures: &[AtomicUsize],
    max_failures: usize,
    item: &WorkItem,
) -> FileResult {
    let (repo, file) = (item.repo, item.file);
    let mut result = FileResult::default();
    let Some(format) = format_for_path(&file.path) else {
        return result;
    };
    let doc = parse_document(repo, &file.path, format, &file.text);
    let lines = LineIndex::new(&file.text);

    for (instance, failures) in instances.iter_mut().zip(failures) {
        if is_disabled(failures.load(Ordering::Relaxed), max_failures) {
            continue;
        }
        let plugin = instance.plugin().name().to_string();
        match instance.detect(&doc, &file.text) {
            Ok(checked) => {
                if !checked.rejected.is_empty() {
                    result.errors.push(ScanError {
                        plugin: Some(plugin.clone()),
                        path: Some(file.path.clone()),
                        cause: ErrorCause::Other {
                            kind: "rejected-findings",
                        },
                        message: format!(
                            "plugin {plugin} on {}: {} finding(s) rejected: {}",
                            file.path,
                            checked.rejected.len(),
                            checked.rejected.join("; ")
                        ),
                        stderr: String::new(),
                    });
                }
                for f in checked.findings {
                    result
                        .findings
                        .push(to_report(&plugin, repo, &file.path, &doc, &lines, f));
                }
            }
            Err(e) => {
                failures.fetch_add(1, Ordering::Relaxed);
                result.errors.push(ScanError {
                    plugin: Some(plugin.clone()),
                    path: Some(file.path.clone()),
                    message: format!("plugin {plugin} failed on {}: {}", file.path, e.failure),
                    cause: ErrorCause::Plugin(e.failure),
                    stderr: e.stderr,
                });
            }
        }
    }
    result.findings = drop_yielding(merge_overlaps(result.findings));
    result
}

fn to_report(
    plugin: &str,
    repo: &str,
    path: &str,
    doc: &crate::plugin::bindings::Document,
    lines: &LineIndex,
    f: crate::plugin::bindings::Finding,
) -> Finding {
    let (line, column) = lines.position(f.span.start as usize);
    let (end_line, end_column) = lines.position(f.span.end as usize);
    // The nearest block at or before the match that contains it names its
    // section; blocks are sorted by start, so this is a binary search.
    let before = doc.blocks.partition_point(|b| b.span.start <= f.span.start);
    let heading_path = doc.blocks[..before]
        .iter()
        .rev()
        .take(64)
        .find(|b| f.span.end <= b.span.end)
        .map(|b| b.heading_path.clone())
        .unwrap_or_default();
    Finding {
        repo: repo.to_string(),
        path: path.to_string(),
        line,
        column,
        end_line,
        end_column,
        byte_start: f.span.start,
        byte_end: f.span.end,
        rule: f.rule_id,
        construct: f.construct,
        layer: f.layer,
        severity: f.severity.into(),
        confidence: f.confidence,
        message: f.message,
        evidence: f.evidence,
        plugin: plugin.to_string(),
        heading_path,
        line_text: crate::plugin::clean(lines.line_text(line), MAX_LINE_TEXT),
        translation: None,
    }
}
