//! `opgap scan`: read the sources, parse each file, run every detector on
//! it in parallel, and assemble one report.
//!
//! Work is split by file across worker threads. Each worker owns one
//! instance of every plugin, so compiled patterns and warmed-up guest state
//! are reused from one document to the next. Results are put back in file
//! order, so the report is the same whatever the number of threads.

mod indexing;
mod load;
mod merge;
mod shared;
mod translate;
mod workers;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use anyhow::Result;

use crate::index::FileState;
use crate::plugin::{DetectorPlugin, Limits, Runtime};
use crate::progress::Progress;
use crate::report::{
    ErrorCause, FileStats, Finding, PluginSummary, SCHEMA, ScanError, ScanReport, Tool,
};
use crate::source::{self, Selection, Sources};
use indexing::{Fidelity, Indexing};
pub use indexing::{IndexOptions, IndexSummary};
use workers::run_detectors;
use workers::{FileResult, WorkItem};

pub use load::{load_error, load_plugins, translators_for, translators_picking};
pub use translate::{translate_on_stacks, translate_with};

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

/// One repository or folder to read: a path, or a git URL that is
/// mirrored under the cache folder first.
#[derive(Debug, Clone)]
pub struct SourceSpec {
    pub location: String,
    pub selection: Selection,
}

impl SourceSpec {
    pub fn local(path: PathBuf, selection: Selection) -> Self {
        Self {
            location: path.display().to_string(),
            selection,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Read in this order; repositories that share a name are told apart
    /// by a `#2`, `#3` suffix.
    pub sources: Vec<SourceSpec>,
    /// Extra detector components, by path.
    pub plugin_files: Vec<PathBuf>,
    /// Plugins opgap.toml pins: path, the sha256 it must have, and where
    /// the pin is written (for the message when it does not match).
    pub pinned_plugins: Vec<crate::config::PinnedPlugin>,
    /// Run `plugin_files` that no pin in opgap.toml names (development).
    pub allow_unpinned: bool,
    pub builtins: Builtins,
    pub limits: Limits,
    /// Compiled components; `None` compiles every run.
    pub cache_dir: Option<PathBuf>,
    /// Where remote repositories are mirrored.
    pub mirrors_dir: PathBuf,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// A plugin that fails this many times is not called again in this
    /// scan, so a broken plugin does not cost its deadline on every file.
    /// 0 never disables.
    pub max_plugin_failures: usize,
    /// Translate every finding for this management plane (`proxmox`, ...).
    pub stack: Option<String>,
    /// Keep the runbook index here up to date, and reuse what it remembers
    /// of unchanged files.
    pub index: Option<IndexOptions>,
    /// Scan and report only the files changed since this revision.
    pub changed_since: Option<String>,
    /// Show progress on stderr (when it is a terminal).
    pub progress: bool,
    /// Ignore globs and rule settings from opgap.toml.
    pub policy: crate::policy::Policy,
}

pub fn scan(options: &ScanOptions) -> Result<ScanReport> {
    let runtime = Runtime::new(options.limits.clone(), options.cache_dir.clone())?;
    let mut errors = Vec::new();
    let plugins = load_plugins(&runtime, options, &mut errors);

    let progress = Progress::new(options.progress);
    let mut sources = read_sources(options, &progress, &mut errors)?;
    let texts: Vec<String> = sources
        .iter_mut()
        .flat_map(|s| s.files.iter_mut().map(|f| std::mem::take(&mut f.text)))
        .collect();

    let mut indexing = options.index.as_ref().and_then(|o| {
        Indexing::open(o)
            .map_err(|e| errors.push(index_error(&e)))
            .ok()
    });
    let previous: Vec<HashMap<String, FileState>> = sources
        .iter()
        .map(|s| match &indexing {
            Some(index) => index
                .previous(s)
                .map_err(|e| errors.push(index_error(&e)))
                .unwrap_or_default(),
            None => HashMap::new(),
        })
        .collect();
    let work: Vec<WorkItem> = sources
        .iter()
        .zip(&previous)
        .flat_map(|(s, previous)| s.files.iter().map(move |file| (s, file, previous)))
        .zip(texts)
        .map(|((sources, file, previous), text)| WorkItem {
            sources,
            file,
            text: text.into(),
            previous: previous.get(&file.path),
        })
        .collect();
    progress.files(work.len());
    // The index records what each section's constructs become on every
    // stack: translators are needed for any file that will be analyzed.
    let analyzing = work.iter().any(|w| !w.reusable(plugins.iter()));
    // Errors of translators and index writes, reported after the files'.
    let mut late_errors = Vec::new();
    let translators = if options.stack.is_some() || (indexing.is_some() && analyzing) {
        translators_for(&runtime, options, &mut late_errors)
    } else {
        Vec::new()
    };
    let mut fidelity = Fidelity::new(&translators);
    // Each file goes to the index as it is collected, so the scan never
    // holds every file's sections. A write that fails leaves the previous
    // index as it was (nothing is committed) and the scan goes on.
    let indexed = indexing.is_some();
    let mut put_in_index = |i: usize, result: &FileResult, findings: &[Finding]| {
        let Some(index) = &mut indexing else { return };
        let item = &work[i];
        if let Err(e) = index.put(
            item.sources,
            item.file,
            result,
            findings,
            &mut fidelity,
            &mut late_errors,
        ) {
            late_errors.push(index_error(&e));
            indexing = None;
        }
    };
    let mut outcome = run_detectors(
        &plugins,
        &work,
        options,
        indexed,
        &progress,
        &mut put_in_index,
    );
    errors.append(&mut outcome.errors);
    errors.extend(disabled_plugins(&plugins, &outcome, options));
    errors.append(&mut late_errors);
    let analyzed = outcome.files.iter().filter(|r| r.analyzed).count();

    let index_summary = indexing.take().and_then(|index| {
        progress.step("committing the index");
        index
            .finish(&sources, &previous)
            .map_err(|e| errors.push(index_error(&e)))
            .ok()
    });

    let operating_model =
        crate::operating_model::measure(work.iter().zip(&outcome.files).map(|(item, r)| {
            crate::operating_model::FileSteps {
                repo: item.repo(),
                steps: &r.steps,
                findings: &outcome.findings[r.found.clone()],
                script: crate::parse::format_for_path(&item.file.path)
                    .is_some_and(|f| f != crate::plugin::bindings::Format::Markdown),
            }
        }));
    let mut findings = outcome.findings;
    if let Some(stack) = &options.stack {
        translate_with(&translators, stack, &mut findings, &mut errors);
    }

    progress.finish();
    let partial = !errors.is_empty();
    let mut skipped = BTreeMap::new();
    for (reason, n) in sources.iter().flat_map(|s| &s.skipped) {
        *skipped.entry(*reason).or_default() += n;
    }
    Ok(ScanReport {
        schema: SCHEMA,
        tool: Tool::default(),
        plugins: plugins
            .iter()
            .zip(&outcome.calls_per_plugin)
            .map(|(p, calls)| summarize(p, calls.load(Ordering::Relaxed)))
            .collect(),
        files: FileStats {
            scanned: work.len(),
            analyzed,
            reused: work.len() - analyzed,
            skipped,
        },
        repos: sources.into_iter().map(|s| s.repo).collect(),
        index: index_summary,
        operating_model,
        rebuild: crate::rebuild::scope(&findings),
        baseline: None,
        findings,
        errors,
        partial,
    })
}

/// An error for each plugin the scan stopped calling.
fn disabled_plugins(
    plugins: &[DetectorPlugin],
    outcome: &workers::Outcome,
    options: &ScanOptions,
) -> Vec<ScanError> {
    plugins
        .iter()
        .zip(&outcome.failures_per_plugin)
        .map(|(plugin, failures)| (plugin, failures.load(Ordering::Relaxed)))
        .filter(|(_, failures)| is_disabled(*failures, options.max_plugin_failures))
        .map(|(plugin, failures)| ScanError {
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
            log: Vec::new(),
        })
        .collect()
}

fn index_error(e: &anyhow::Error) -> ScanError {
    ScanError {
        plugin: None,
        path: None,
        cause: ErrorCause::Other { kind: "index" },
        message: format!("index: {e:#}"),
        stderr: String::new(),
        log: Vec::new(),
    }
}

/// Read every source. One that cannot be read is an error beside the
/// others' results; with nothing readable the scan fails.
fn read_sources(
    options: &ScanOptions,
    progress: &Progress,
    errors: &mut Vec<ScanError>,
) -> Result<Vec<Sources>> {
    let urls: Vec<String> = options
        .sources
        .iter()
        .map(|s| s.location.clone())
        .filter(|l| source::remote::is_url(l))
        .collect();
    if !urls.is_empty() {
        let s = if urls.len() == 1 { "y" } else { "ies" };
        progress.step(format!("fetching {} repositor{s}", urls.len()));
    }
    let mut mirrors = source::remote::fetch_all(&urls, &options.mirrors_dir).into_iter();
    progress.step("reading files");
    let mut read = Vec::new();
    let mut failures = Vec::new();
    for spec in &options.sources {
        let remote = source::remote::is_url(&spec.location);
        let path = if remote {
            match mirrors.next().expect("one result per URL") {
                Ok(path) => path,
                Err(e) => {
                    failures.push(e);
                    continue;
                }
            }
        } else {
            PathBuf::from(&spec.location)
        };
        let read_one = |path: &std::path::Path| -> Result<Sources> {
            // With --changed-since, only the changed files are read.
            let changes = match &options.changed_since {
                Some(base) => Some(source::changed_since(path, base, &spec.selection)?),
                None => None,
            };
            let only = changes.as_ref().map(|c| &c.changed);
            let mut sources = source::read(path, &spec.selection, only)?;
            sources.ignore(|p| options.policy.ignores(p));
            sources.changes = changes;
            Ok(sources)
        };
        match read_one(&path) {
            Ok(mut sources) => {
                if remote {
                    let origin = source::remote::redact(&spec.location);
                    sources.repo.name = source::remote::name_of(&origin);
                    sources.repo.origin = Some(origin);
                }
                read.push(sources);
            }
            Err(e) if remote => {
                let origin = source::remote::redact(&spec.location);
                failures.push(e.context(origin));
            }
            Err(e) => failures.push(e),
        }
    }
    if read.is_empty() && !failures.is_empty() {
        let all: Vec<String> = failures.iter().map(|e| format!("{e:#}")).collect();
        anyhow::bail!("{}", all.join("\n"));
    }
    for e in failures {
        errors.push(ScanError {
            plugin: None,
            path: None,
            cause: ErrorCause::Other {
                kind: "unreadable-repo",
            },
            message: format!("{e:#}"),
            stderr: String::new(),
            log: Vec::new(),
        });
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for sources in &mut read {
        let count = seen.entry(sources.repo.name.clone()).or_default();
        *count += 1;
        if *count > 1 {
            sources.repo.name = format!("{}#{count}", sources.repo.name);
        }
        for (path, message) in &sources.errors {
            errors.push(ScanError {
                plugin: None,
                path: Some(path.clone()).filter(|p| !p.is_empty()),
                cause: ErrorCause::Other { kind: "unreadable" },
                message: format!("{}: {message}", sources.repo.name),
                stderr: String::new(),
                log: Vec::new(),
            });
        }
    }
    Ok(read)
}

fn is_disabled(failures: usize, max: usize) -> bool {
    max > 0 && failures >= max
}

fn summarize(p: &DetectorPlugin, calls: usize) -> PluginSummary {
    PluginSummary {
        calls,
        name: p.info.name.clone(),
        version: p.info.version.clone(),
        api_version: p.info.api_version.clone(),
        origin: p.origin.clone(),
        sha256: p.sha256.clone(),
        rules: p.info.rules.len(),
        compile: p.cache,
    }
}
