//! `opgap scan`: read the sources, parse each file, run every detector on
//! it in parallel, and assemble one report.
//!
//! Work is split by file across worker threads. Each worker owns one
//! instance of every plugin, so compiled patterns and warmed-up guest state
//! are reused from one document to the next. Results are put back in file
//! order, so the report is the same whatever the number of threads.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;

use crate::parse::lines::LineIndex;
use crate::parse::{format_for_path, parse_document};
use crate::plugin::{
    CallError, DetectorInstance, DetectorPlugin, Failure, Limits, Plugin, Runtime,
    TranslatorPlugin, World, WorldKind, builtin,
};
use crate::report::{
    ErrorCause, FileStats, Finding, PluginSummary, SCHEMA, ScanError, ScanReport, Tool,
    TranslationOutcome,
};
use crate::source::{self, Selection, SourceFile};

/// Guest code runs on the worker's own stack; leave room above wasmtime's
/// `max_wasm_stack` for the host frames around it.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// Longest source line carried in a finding.
const MAX_LINE_TEXT: usize = 1000;

/// Which built-in plugins run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Builtins {
    All,
    None,
    /// Only those with these names.
    Only(Vec<String>),
}

impl Builtins {
    pub fn includes(&self, name: &str) -> bool {
        match self {
            Builtins::All => true,
            Builtins::None => false,
            Builtins::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub root: PathBuf,
    pub selection: Selection,
    /// Extra detector components, by path.
    pub plugin_files: Vec<PathBuf>,
    pub builtins: Builtins,
    pub limits: Limits,
    pub cache_dir: Option<PathBuf>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// A plugin that fails this many times is not called again in this
    /// scan, so a broken plugin does not cost its deadline on every file.
    /// 0 never disables.
    pub max_plugin_failures: usize,
    /// Translate every finding for this management plane (`proxmox`, ...).
    pub stack: Option<String>,
}

pub fn scan(options: &ScanOptions) -> Result<ScanReport> {
    let runtime = Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let mut errors = Vec::new();
    let plugins = load_plugins(&runtime, options, &mut errors);

    let sources = source::read(&options.root, &options.selection)?;
    for (path, message) in &sources.errors {
        errors.push(ScanError {
            plugin: None,
            path: Some(path.clone()).filter(|p| !p.is_empty()),
            cause: ErrorCause::Other { kind: "unreadable" },
            message: message.clone(),
            stderr: String::new(),
        });
    }

    let outcome = run_detectors(&plugins, &sources.repo.name, &sources.files, options);
    errors.extend(outcome.errors);
    for (plugin, failures) in plugins.iter().zip(&outcome.failures_per_plugin) {
        let failures = failures.load(Ordering::Relaxed);
        if is_disabled(failures, options.max_plugin_failures) {
            errors.push(ScanError {
                plugin: Some(plugin.name().to_string()),
                path: None,
                cause: ErrorCause::Other {
                    kind: "plugin-disabled",
                },
                message: format!(
                    "plugin {} disabled after {failures} failures; later files were not checked by it",
                    plugin.name()
                ),
                stderr: String::new(),
            });
        }
    }

    let mut findings = outcome.findings;
    if let Some(stack) = &options.stack {
        let translators = translators_for(&runtime, options, &mut errors);
        translate_with(&translators, stack, &mut findings, &mut errors);
    }

    let partial = !errors.is_empty();
    Ok(ScanReport {
        schema: SCHEMA,
        tool: Tool::default(),
        repo: sources.repo,
        plugins: plugins.iter().map(summarize).collect(),
        files: FileStats {
            scanned: sources.files.len(),
            skipped: sources.skipped,
        },
        findings,
        errors,
        partial,
    })
}

fn is_disabled(failures: usize, max: usize) -> bool {
    max > 0 && failures >= max
}

fn summarize(p: &DetectorPlugin) -> PluginSummary {
    PluginSummary {
        name: p.info.name.clone(),
        version: p.info.version.clone(),
        api_version: p.info.api_version.clone(),
        origin: p.origin.clone(),
        sha256: p.sha256.clone(),
        rules: p.info.rules.len(),
        compile: p.cache,
    }
}

/// Load the built-in plugins (if wanted) and the given files. A plugin that
/// fails to load becomes an error; the others load regardless.
pub fn load_plugins(
    runtime: &Runtime,
    options: &ScanOptions,
    errors: &mut Vec<ScanError>,
) -> Vec<DetectorPlugin> {
    if let Builtins::Only(names) = &options.builtins {
        let known = |n: &String| {
            builtin::detectors()
                .iter()
                .chain(builtin::translators())
                .any(|(b, _)| b == n)
        };
        for unknown in names.iter().filter(|n| !known(n)) {
            errors.push(ScanError {
                plugin: Some(unknown.clone()),
                path: None,
                message: format!("no built-in plugin is named {unknown}"),
                cause: ErrorCause::Plugin(crate::plugin::Failure::Load {
                    message: "unknown built-in plugin".into(),
                }),
                stderr: String::new(),
            });
        }
    }
    let mut plugins = load_builtins(
        runtime,
        builtin::detectors(),
        |name| options.builtins.includes(name),
        errors,
    );
    for (path, file) in plugin_files(runtime, options) {
        match file.world {
            Ok(WorldKind::Detector) => {
                load_one(runtime, path, Ok(file.bytes), &mut plugins, errors)
            }
            // Routed to the translators a scan asks with --stack.
            Ok(WorldKind::Translator) => {}
            Ok(other) => {
                let message = format!(
                    "implements the {} world; --plugin takes detectors and translators",
                    other.name()
                );
                errors.push(load_error(path, Failure::Load { message }.into()));
            }
            Err(e) => errors.push(load_error(path, e)),
        }
    }
    plugins
}

/// A `--plugin` file, read and sorted by the world it implements.
struct PluginFile {
    bytes: Vec<u8>,
    world: Result<WorldKind, CallError>,
}

fn plugin_files<'a>(
    runtime: &'a Runtime,
    options: &'a ScanOptions,
) -> impl Iterator<Item = (String, PluginFile)> + 'a {
    options.plugin_files.iter().map(move |path| {
        let origin = path.display().to_string();
        let file = match std::fs::read(path) {
            Ok(bytes) => PluginFile {
                world: crate::plugin::world_of(runtime, &bytes),
                bytes,
            },
            Err(e) => PluginFile {
                bytes: Vec::new(),
                world: Err(Failure::Load {
                    message: format!("cannot read {origin}: {e}"),
                }
                .into()),
            },
        };
        (origin, file)
    })
}

/// Load the embedded components of one world that `wanted` picks.
fn load_builtins<W: World>(
    runtime: &Runtime,
    embedded: &[(&str, &[u8])],
    wanted: impl Fn(&str) -> bool,
    errors: &mut Vec<ScanError>,
) -> Vec<Plugin<W>> {
    let mut plugins = Vec::new();
    for (name, bytes) in embedded {
        if wanted(name) {
            load_one(
                runtime,
                format!("builtin:{name}"),
                Ok(bytes.to_vec()),
                &mut plugins,
                errors,
            );
        }
    }
    plugins
}

/// The translators a scan uses: translators given with --plugin first, so
/// a team's own answers win for the constructs they cover, then the
/// built-ins. `--only` picks detectors, so every built-in translator stays
/// unless all built-in plugins are off. A --plugin file that is not a
/// translator is left to `load_plugins`, which reports its errors.
pub fn translators_for(
    runtime: &Runtime,
    options: &ScanOptions,
    errors: &mut Vec<ScanError>,
) -> Vec<TranslatorPlugin> {
    let all_builtins_off = matches!(options.builtins, Builtins::None);
    translators_picking(runtime, options, |_| !all_builtins_off, errors)
}

/// The --plugin translators, then the built-ins `wanted` picks.
pub fn translators_picking(
    runtime: &Runtime,
    options: &ScanOptions,
    wanted: impl Fn(&str) -> bool,
    errors: &mut Vec<ScanError>,
) -> Vec<TranslatorPlugin> {
    let mut translators = Vec::new();
    for (path, file) in plugin_files(runtime, options) {
        if let Ok(WorldKind::Translator) = file.world {
            load_one(runtime, path, Ok(file.bytes), &mut translators, errors);
        }
    }
    translators.extend(load_builtins(
        runtime,
        builtin::translators(),
        wanted,
        errors,
    ));
    translators
}

/// What every finding becomes on each of `stacks`, one list per stack, in
/// the order of `findings`. Translator failures become errors.
pub fn translate_on_stacks(
    options: &ScanOptions,
    findings: &[Finding],
    stacks: &[String],
    errors: &mut Vec<ScanError>,
) -> Result<Vec<Vec<TranslationOutcome>>> {
    let runtime = Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let translators = translators_for(&runtime, options, errors);
    Ok(stacks
        .iter()
        .map(|stack| {
            let mut copy = findings.to_vec();
            translate_with(&translators, stack, &mut copy, errors);
            copy.into_iter()
                .map(|f| f.translation.expect("translate_with sets every finding"))
                .collect()
        })
        .collect())
}

/// Ask the translators, in order, what each finding becomes on `stack`;
/// the first answer wins. A finding no translator knows is marked
/// untranslated, never dropped; a failing translator is an error.
pub fn translate_with(
    translators: &[TranslatorPlugin],
    stack: &str,
    findings: &mut [Finding],
    errors: &mut Vec<ScanError>,
) {
    let mut instances: Vec<_> = translators.iter().map(|t| t.instance()).collect();
    let mut failures = vec![0usize; translators.len()];
    for f in findings.iter_mut() {
        let asked = crate::plugin::bindings::Finding {
            rule_id: f.rule.clone(),
            construct: f.construct.clone(),
            layer: f.layer.clone(),
            severity: f.severity.into(),
            confidence: f.confidence,
            span: crate::plugin::bindings::Span {
                start: f.byte_start,
                end: f.byte_end,
            },
            message: f.message.clone(),
            evidence: f.evidence.clone(),
        };
        let mut outcome = TranslationOutcome::Untranslated {
            stack: stack.to_string(),
        };
        for (i, instance) in instances.iter_mut().enumerate() {
            if is_disabled(failures[i], MAX_TRANSLATOR_FAILURES) {
                continue;
            }
            match instance.translate(&asked, stack) {
                Ok(Some(t)) => {
                    let captured = crate::arguments::capture(&f.line_text);
                    let replacement = t
                        .replacement
                        .iter()
                        .map(|r| crate::arguments::fill(r, stack, &captured))
                        .collect();
                    outcome = TranslationOutcome::Translated {
                        stack: t.stack,
                        translator: translators[i].name().to_string(),
                        fidelity: t.fidelity.into(),
                        replacement,
                        caveats: t.caveats,
                        instead: t.instead,
                        signal: t.signal,
                        references: t.references,
                        effort: t.effort,
                    };
                    break;
                }
                Ok(None) => {}
                Err(e) => {
                    failures[i] += 1;
                    let name = translators[i].name();
                    errors.push(ScanError {
                        plugin: Some(name.to_string()),
                        path: Some(f.path.clone()),
                        message: format!(
                            "translator {name} failed on {} at {}:{}: {}",
                            f.construct, f.path, f.line, e.failure
                        ),
                        cause: ErrorCause::Plugin(e.failure),
                        stderr: e.stderr,
                    });
                    if is_disabled(failures[i], MAX_TRANSLATOR_FAILURES) {
                        errors.push(ScanError {
                            plugin: Some(name.to_string()),
                            path: None,
                            message: format!(
                                "translator {name} disabled on {stack} after {} failures; \
                                 later findings were translated without it",
                                failures[i]
                            ),
                            cause: ErrorCause::Other {
                                kind: "plugin-disabled",
                            },
                            stderr: String::new(),
                        });
                    }
                }
            }
        }
        f.translation = Some(outcome);
    }
}

/// A translator that fails this often is not asked again in this scan.
const MAX_TRANSLATOR_FAILURES: usize = 3;

/// Load one component; a failure becomes an error and the rest go on.
fn load_one<W: World>(
    runtime: &Runtime,
    origin: String,
    bytes: Result<Vec<u8>, String>,
    plugins: &mut Vec<Plugin<W>>,
    errors: &mut Vec<ScanError>,
) {
    let result = bytes
        .map_err(|message| CallError::from(crate::plugin::Failure::Load { message }))
        .and_then(|bytes| Plugin::<W>::load(runtime, &origin, &bytes));
    match result {
        Ok(p) => plugins.push(p),
        Err(e) => errors.push(load_error(origin, e)),
    }
}

fn load_error(origin: String, e: CallError) -> ScanError {
    ScanError {
        plugin: Some(origin.clone()),
        path: None,
        message: format!("plugin {origin}: {}", e.failure),
        cause: ErrorCause::Plugin(e.failure),
        stderr: e.stderr,
    }
}

struct Outcome {
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
    failures_per_plugin: Vec<AtomicUsize>,
}

/// Per-file results, kept apart until they are merged in file order.
#[derive(Default)]
struct FileResult {
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
}

fn run_detectors(
    plugins: &[DetectorPlugin],
    repo: &str,
    files: &[SourceFile],
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
                        let Some(file) = files.get(i) else { break };
                        let max_failures = options.max_plugin_failures;
                        done.push((
                            i,
                            check_file(&mut instances, failures, max_failures, repo, file),
                        ));
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
    repo: &str,
    file: &SourceFile,
) -> FileResult {
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
                        .push(to_report(&plugin, &file.path, &doc, &lines, f));
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

/// Confidence a refinement needs to replace a broad finding on its line:
/// a word read in a VMware context does, a topic guess does not.
const SURE_ENOUGH_TO_REFINE: f32 = 0.6;

/// On each line, keep one finding per construct (the first), and drop
/// product mentions beside any other construct and broad constructs beside
/// a confident one that refines them (see the catalogue). Findings arrive
/// sorted by position, so a line's findings are adjacent.
fn drop_yielding(findings: Vec<Finding>) -> Vec<Finding> {
    let mut kept = Vec::with_capacity(findings.len());
    for line in findings.chunk_by(|a, b| a.line == b.line) {
        for (i, f) in line.iter().enumerate() {
            let repeated = line[..i].iter().any(|o| o.construct == f.construct);
            // A guess from the document's topic does not displace what the
            // line's own words say.
            let yields = line.iter().any(|o| {
                opgap_catalogue::yields_to(&f.construct, &o.construct)
                    && (opgap_catalogue::is_product_mention(&f.construct)
                        || o.confidence >= f.confidence.min(SURE_ENOUGH_TO_REFINE))
            });
            if !repeated && !yields {
                kept.push(f.clone());
            }
        }
    }
    kept
}

/// Order findings by position and keep one finding per construct where
/// spans nest: two plugins (or rules) that report one construct at the same
/// words are one finding, and the widest match speaks for it. Linear after
/// the sort: for each construct, the furthest end kept so far.
fn merge_overlaps(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by(|a, b| {
        (
            a.byte_start,
            std::cmp::Reverse(a.byte_end),
            &a.plugin,
            &a.rule,
        )
            .cmp(&(
                b.byte_start,
                std::cmp::Reverse(b.byte_end),
                &b.plugin,
                &b.rule,
            ))
    });
    let mut reach: HashMap<String, u32> = HashMap::new();
    findings.retain(|f| match reach.get_mut(&f.construct) {
        Some(end) if f.byte_end <= *end => false,
        Some(end) => {
            *end = f.byte_end;
            true
        }
        None => {
            reach.insert(f.construct.clone(), f.byte_end);
            true
        }
    });
    findings
}

fn to_report(
    plugin: &str,
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
