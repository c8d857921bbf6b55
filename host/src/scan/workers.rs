//! The worker pool: files spread over one thread per core, each thread
//! holding one instance of every detector, results put back in file order.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::index::sections::{Section, sections};
use crate::index::{FileState, PluginResult};
use crate::parse::lines::LineIndex;
use crate::parse::{format_for_path, parse_document};
use crate::plugin::{DetectorInstance, DetectorPlugin};
use crate::progress::Progress;
use crate::report::{ErrorCause, Finding, ScanError, Text, TextPart};
use crate::source::{SourceFile, Sources};
use crate::steps::Step;

use super::merge::{drop_yielding, merge_overlaps};
use super::shared::{DocumentStrings, Interner};
use super::{ScanOptions, is_disabled};

/// Guest code runs on the worker's own stack; leave room above wasmtime's
/// `max_wasm_stack` for the host frames around it.
const WORKER_STACK_BYTES: usize = 16 << 20;

pub(super) struct Outcome {
    /// Every finding, file after file in work order.
    pub findings: Vec<Finding>,
    /// One result per work item, in order.
    pub files: Vec<FileResult>,
    /// The files' errors, in work order.
    pub errors: Vec<ScanError>,
    pub failures_per_plugin: Vec<AtomicUsize>,
    /// `detect` calls made per plugin (cached results are not calls).
    pub calls_per_plugin: Vec<AtomicUsize>,
}

/// What checking one file produced.
#[derive(Default)]
pub(super) struct FileResult {
    /// Merged across plugins, in position order. Moved into
    /// [`Outcome::findings`] when the file's result is collected.
    findings: Vec<Finding>,
    /// Where the file's findings are in [`Outcome::findings`].
    pub found: Range<usize>,
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

impl WorkItem<'_> {
    /// The name the file's repository has in this scan.
    pub fn repo(&self) -> &str {
        &self.sources.repo.name
    }

    /// Whether the index remembers this exact content checked by each of
    /// `plugins` and no other: then there is nothing to parse or run.
    pub fn reusable<'p>(&self, plugins: impl ExactSizeIterator<Item = &'p DetectorPlugin>) -> bool {
        let Some(previous) = self.previous.filter(|p| p.blob == self.file.blob) else {
            return false;
        };
        previous.results.len() == plugins.len()
            && plugins
                .into_iter()
                .all(|p| previous.result_of(&p.sha256).is_some())
    }
}

/// One file to check, with the name of its repository and what the index
/// remembers of it.
pub(super) struct WorkItem<'a> {
    /// The repository (or folder) the file was read from.
    pub sources: &'a Sources,
    pub file: &'a SourceFile,
    /// The file's text, moved out of `file` so that the worker that checks
    /// it can drop it: a scan never holds every text and every finding.
    pub text: Mutex<String>,
    pub previous: Option<&'a FileState>,
}

/// Check every file on a pool of workers. `on_file` sees each file's
/// result on the calling thread, in work order, as soon as it and the
/// files before it are done (the index is written there); what only the
/// index needs (`results`, `sections`) is dropped after it.
pub(super) fn run_detectors(
    plugins: &[DetectorPlugin],
    files: &[WorkItem],
    options: &ScanOptions,
    indexing: bool,
    progress: &Progress,
    on_file: &mut dyn FnMut(usize, &FileResult, &[Finding]),
) -> Outcome {
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let counters = || -> Vec<AtomicUsize> { plugins.iter().map(|_| AtomicUsize::new(0)).collect() };
    let (failures, calls) = (counters(), counters());
    // Bounded: when the collector (which also writes the index) falls
    // behind, workers wait instead of piling up results.
    let (done, collected) = mpsc::sync_channel::<(usize, FileResult)>(jobs * 4);
    let mut collector = Collector::new(files.len(), on_file);

    std::thread::scope(|scope| {
        for worker in 0..jobs {
            let (next, done) = (&next, done.clone());
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
                    let mut interner = Interner::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = files.get(i) else { break };
                        let text = std::mem::take(
                            &mut *item.text.lock().unwrap_or_else(|e| e.into_inner()),
                        );
                        let mut result = check_file(
                            &mut instances,
                            &mut interner,
                            &counters,
                            item,
                            &text,
                            indexing,
                        );
                        apply_team_decisions(options, item, &text, &mut result);
                        drop(text);
                        if done.send((i, result)).is_err() {
                            break;
                        }
                        progress.file_done(
                            counters
                                .calls
                                .iter()
                                .map(|c| c.load(Ordering::Relaxed))
                                .sum(),
                        );
                    }
                })
                .expect("spawn scan worker");
        }
        drop(done);
        // Collect on this thread while the workers run, so each file's
        // findings join the report as soon as they are made.
        for (i, result) in collected {
            collector.add(i, result);
        }
    });

    let (findings, files, errors) = collector.finish();
    Outcome {
        findings,
        files,
        errors,
        failures_per_plugin: failures,
        calls_per_plugin: calls,
    }
}

/// Puts file results back in work order as they arrive, moving their
/// findings and errors into one list each.
struct Collector<'f> {
    on_file: &'f mut dyn FnMut(usize, &FileResult, &[Finding]),
    findings: Vec<Finding>,
    files: Vec<FileResult>,
    errors: Vec<ScanError>,
    /// Results that arrived before an earlier file's: usually a few, but
    /// while one file takes long, those the other workers finish meanwhile.
    waiting: BTreeMap<usize, FileResult>,
}

impl<'f> Collector<'f> {
    fn new(files: usize, on_file: &'f mut dyn FnMut(usize, &FileResult, &[Finding])) -> Self {
        Self {
            on_file,
            findings: Vec::new(),
            files: Vec::with_capacity(files),
            errors: Vec::new(),
            waiting: BTreeMap::new(),
        }
    }

    fn add(&mut self, i: usize, result: FileResult) {
        self.waiting.insert(i, result);
        while let Some(next) = self.waiting.remove(&self.files.len()) {
            self.take(next);
        }
    }

    fn take(&mut self, mut result: FileResult) {
        let start = self.findings.len();
        // Taken, not drained: the file's own buffer is freed here.
        self.findings
            .append(&mut std::mem::take(&mut result.findings));
        result.found = start..self.findings.len();
        self.errors.append(&mut result.errors);
        (self.on_file)(self.files.len(), &result, &self.findings[start..]);
        result.results = Vec::new();
        result.sections = None;
        self.files.push(result);
    }

    fn finish(self) -> (Vec<Finding>, Vec<FileResult>, Vec<ScanError>) {
        assert!(
            self.waiting.is_empty(),
            "every file's result is collected in order"
        );
        (self.findings, self.files, self.errors)
    }
}

/// What the team decided in opgap.toml (rule settings) and in the file
/// itself (suppressions), applied to one file's findings.
fn apply_team_decisions(
    options: &ScanOptions,
    item: &WorkItem,
    text: &str,
    result: &mut FileResult,
) {
    options.policy.apply(&item.file.path, &mut result.findings);
    let problems = crate::suppress::apply(text, &mut result.findings, item.repo(), &item.file.path);
    if !problems.is_empty() {
        result.findings.extend(problems);
        result.findings.sort_by_key(|f| f.byte_start);
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
    interner: &mut Interner,
    counters: &Counters,
    item: &WorkItem,
    text: &str,
    indexing: bool,
) -> FileResult {
    let (repo, file) = (item.repo(), item.file);
    let mut result = FileResult::default();
    let Some(format) = format_for_path(&file.path) else {
        return result;
    };
    let previous = item.previous.filter(|p| p.blob == file.blob);
    let cached = |sha: &str| previous.and_then(|p| p.result_of(sha));
    if item.reusable(instances.iter().map(|i| i.plugin())) {
        for instance in instances.iter() {
            let reused = cached(&instance.plugin().sha256).expect("checked above");
            reuse(&mut result, reused, repo, indexing);
        }
        result.findings = drop_yielding(merge_overlaps(result.findings));
        result.steps = previous.map(|p| p.steps.clone()).unwrap_or_default();
        return result;
    }

    result.analyzed = true;
    let doc = parse_document(repo, &file.path, format, text);
    let lines = LineIndex::new(text);
    let mut strings = DocumentStrings::new(interner, repo, &file.path, &doc, &lines);
    for (i, instance) in instances.iter_mut().enumerate() {
        let sha = instance.plugin().sha256.clone();
        if let Some(reused) = cached(&sha) {
            reuse(&mut result, reused, repo, indexing);
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
        let plugin_name = interner.get(&plugin);
        match instance.detect(&doc, text) {
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
                    .map(|f| to_report(&plugin_name, interner, &mut strings, f))
                    .collect();
                // Rejected or self-confessed partial output is not
                // remembered: the file is checked again next time.
                let remember = checked.rejected.is_empty() && checked.warnings.is_empty();
                if !indexing || !remember {
                    result.findings.extend(findings);
                } else {
                    result.findings.extend(findings.iter().cloned());
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
    result.steps = crate::steps::steps(&doc, text);
    if indexing {
        result.sections = Some(sections(&doc, text.len()));
    }
    result
}

/// Take one plugin's remembered findings into `result`, under the name
/// the repository has in this scan; kept for the index when `indexing`.
fn reuse(result: &mut FileResult, remembered: &PluginResult, repo: &str, indexing: bool) {
    let repo = Text::from(repo);
    let findings = remembered.findings.iter().map(|f| Finding {
        repo: repo.clone(),
        ..f.clone()
    });
    if indexing {
        let mut kept = remembered.clone();
        kept.findings = findings.collect();
        result.findings.extend(kept.findings.iter().cloned());
        result.results.push(kept);
    } else {
        result.findings.extend(findings);
    }
}

/// The evidence as a piece of its line's text when the line holds it (one
/// allocation fewer per finding), else on its own.
fn evidence_in(line_text: &Text, evidence: String) -> TextPart {
    match line_text.find(evidence.as_str()) {
        Some(at) if !evidence.is_empty() => line_text.substr(at..at + evidence.len()),
        _ => evidence.into(),
    }
}

/// A plugin's finding, positioned in its file, with the strings it
/// shares with other findings shared.
fn to_report(
    plugin: &Text,
    interner: &mut Interner,
    strings: &mut DocumentStrings,
    f: crate::plugin::bindings::Finding,
) -> Finding {
    let (line, column) = strings.position(f.span.start);
    let (end_line, end_column) = strings.position(f.span.end);
    let line_text = strings.line_text(line);
    Finding {
        repo: strings.repo.clone(),
        path: strings.path.clone(),
        line,
        column,
        end_line,
        end_column,
        byte_start: f.span.start,
        byte_end: f.span.end,
        rule: interner.get(&f.rule_id),
        construct: interner.get(&f.construct),
        layer: interner.get(&f.layer),
        severity: f.severity.into(),
        confidence: f.confidence,
        message: interner.get(&f.message),
        evidence: evidence_in(&line_text, f.evidence),
        plugin: plugin.clone(),
        heading_path: strings.heading_path(interner, f.span.start, f.span.end),
        line_text,
        translation: None,
        suppressed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_on_its_line_points_into_the_line() {
        let line = Text::from("Run vMotion on web01 now.");
        let evidence = evidence_in(&line, "vMotion".to_string());
        assert_eq!(evidence, "vMotion");
        assert!(Text::ptr_eq(evidence.parent(), &line));
        // Cleaned or cut lines may not hold it: it is kept on its own.
        let elsewhere = evidence_in(&line, "vSAN".to_string());
        assert_eq!(elsewhere, "vSAN");
        assert!(!Text::ptr_eq(elsewhere.parent(), &line));
        assert_eq!(evidence_in(&line, String::new()), "");
    }
}
