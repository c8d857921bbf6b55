//! The worker pool: files spread over one thread per core, each thread
//! holding one instance of every detector, results put back in file order.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::index::sections::{Section, sections};
use crate::index::{FileState, PluginResult};
use crate::parse::lines::LineIndex;
use crate::parse::{format_for_path, parse_document};
use crate::plugin::{DetectorInstance, DetectorPlugin};
use crate::progress::Progress;
use crate::report::{ErrorCause, Finding, ScanError};
use crate::source::SourceFile;
use crate::steps::Step;

use super::merge::{drop_yielding, merge_overlaps};
use super::{ScanOptions, is_disabled};

/// Guest code runs on the worker's own stack; leave room above wasmtime's
/// `max_wasm_stack` for the host frames around it.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// Longest source line carried in a finding.
const MAX_LINE_TEXT: usize = 1000;

pub(super) struct Outcome {
    /// One result per work item, in order.
    pub files: Vec<FileResult>,
    pub failures_per_plugin: Vec<AtomicUsize>,
    /// `detect` calls made per plugin (cached results are not calls).
    pub calls_per_plugin: Vec<AtomicUsize>,
}

/// What checking one file produced.
#[derive(Default)]
pub(super) struct FileResult {
    /// Merged across plugins, in position order.
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    /// Each plugin's own findings, for the index; a plugin that failed on
    /// the file has none, so it runs again next time.
    pub results: Vec<PluginResult>,
    /// Whether the file was parsed (changed, new, or its plugins changed).
    pub analyzed: bool,
    /// The file's sections, when it was analyzed for an index.
    pub sections: Option<Vec<Section>>,
    /// Its runbook steps (the Operating Model Test's unit).
    pub steps: Vec<Step>,
}

/// One file to check, with the name of its repository and what the index
/// remembers of it.
pub(super) struct WorkItem<'a> {
    pub repo: &'a str,
    pub file: &'a SourceFile,
    pub previous: Option<&'a FileState>,
}

pub(super) fn run_detectors(
    plugins: &[DetectorPlugin],
    files: &[WorkItem],
    options: &ScanOptions,
    sections: bool,
    progress: &Progress,
) -> Outcome {
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let counters = || -> Vec<AtomicUsize> { plugins.iter().map(|_| AtomicUsize::new(0)).collect() };
    let (failures, calls) = (counters(), counters());
    let results: Mutex<Vec<(usize, FileResult)>> = Mutex::new(Vec::with_capacity(files.len()));

    std::thread::scope(|scope| {
        for worker in 0..jobs {
            let (next, results) = (&next, &results);
            let counters = Counters {
                failures: &failures,
                calls: &calls,
                max_failures: options.max_plugin_failures,
            };
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
                        done.push((i, check_file(&mut instances, &counters, item, sections)));
                        progress.file_done(
                            counters
                                .calls
                                .iter()
                                .map(|c| c.load(Ordering::Relaxed))
                                .sum(),
                        );
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
    Outcome {
        files: results.into_iter().map(|(_, r)| r).collect(),
        failures_per_plugin: failures,
        calls_per_plugin: calls,
    }
}

/// Shared per-plugin counters, one slot per plugin.
struct Counters<'a> {
    failures: &'a [AtomicUsize],
    calls: &'a [AtomicUsize],
    max_failures: usize,
}

/// Check one file: reuse each plugin's findings where the index has them
/// for this exact content and plugin build, run the others, merge.
fn check_file(
    instances: &mut [DetectorInstance],
    counters: &Counters,
    item: &WorkItem,
    want_sections: bool,
) -> FileResult {
    let (repo, file) = (item.repo, item.file);
    let mut result = FileResult::default();
    let Some(format) = format_for_path(&file.path) else {
        return result;
    };
    let previous = item.previous.filter(|p| p.blob == file.blob);
    let cached = |sha: &str| previous.and_then(|p| p.result_of(sha));
    let all_cached = instances
        .iter()
        .all(|i| cached(&i.plugin().sha256).is_some());
    // Same content and same plugins: nothing to parse or run.
    let same_plugins = previous.is_some_and(|p| p.results.len() == instances.len());
    if all_cached && same_plugins {
        for instance in instances.iter() {
            let reused = cached(&instance.plugin().sha256).expect("checked above");
            reuse(&mut result, reused, repo);
        }
        result.findings = drop_yielding(merge_overlaps(result.findings));
        result.steps = previous.map(|p| p.steps.clone()).unwrap_or_default();
        return result;
    }

    result.analyzed = true;
    let doc = parse_document(repo, &file.path, format, &file.text);
    let lines = LineIndex::new(&file.text);
    for (i, instance) in instances.iter_mut().enumerate() {
        let sha = instance.plugin().sha256.clone();
        if let Some(reused) = cached(&sha) {
            reuse(&mut result, reused, repo);
            continue;
        }
        if is_disabled(
            counters.failures[i].load(Ordering::Relaxed),
            counters.max_failures,
        ) {
            continue;
        }
        counters.calls[i].fetch_add(1, Ordering::Relaxed);
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
                        log: Vec::new(),
                    });
                }
                if let Some(first) = checked.warnings.first() {
                    result.errors.push(ScanError {
                        plugin: Some(plugin.clone()),
                        path: Some(file.path.clone()),
                        cause: ErrorCause::Other {
                            kind: "plugin-warning",
                        },
                        message: format!("plugin {plugin} on {}: {first}", file.path),
                        stderr: String::new(),
                        log: checked.warnings.clone(),
                    });
                }
                let findings: Vec<Finding> = checked
                    .findings
                    .into_iter()
                    .map(|f| to_report(&plugin, repo, &file.path, &doc, &lines, f))
                    .collect();
                result.findings.extend(findings.iter().cloned());
                // Rejected or self-confessed partial output is not
                // remembered: the file is checked again next time.
                if checked.rejected.is_empty() && checked.warnings.is_empty() {
                    result.results.push(PluginResult {
                        plugin_sha256: sha,
                        findings,
                    });
                }
            }
            Err(e) => {
                counters.failures[i].fetch_add(1, Ordering::Relaxed);
                result.errors.push(ScanError {
                    plugin: Some(plugin.clone()),
                    path: Some(file.path.clone()),
                    message: format!("plugin {plugin} failed on {}: {}", file.path, e.failure),
                    cause: ErrorCause::Plugin(e.failure),
                    stderr: e.stderr,
                    log: e.log,
                });
            }
        }
    }
    result.findings = drop_yielding(merge_overlaps(result.findings));
    result.steps = crate::steps::steps(&doc, &file.text);
    if want_sections {
        result.sections = Some(sections(&doc, file.text.len()));
    }
    result
}

/// Take one plugin's remembered findings into `result`, under the name
/// the repository has in this scan.
fn reuse(result: &mut FileResult, remembered: &PluginResult, repo: &str) {
    let mut reused = remembered.clone();
    for f in &mut reused.findings {
        f.repo = repo.to_string();
    }
    result.findings.extend(reused.findings.iter().cloned());
    result.results.push(reused);
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
        suppressed: None,
    }
}
