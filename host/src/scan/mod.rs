//! `opgap scan`: read the sources, parse each file, run every detector on
//! it in parallel, and assemble one report.
//!
//! Work is split by file across worker threads. Each worker owns one
//! instance of every plugin, so compiled patterns and warmed-up guest state
//! are reused from one document to the next. Results are put back in file
//! order, so the report is the same whatever the number of threads.

mod load;
mod merge;
mod translate;
mod workers;

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use anyhow::Result;

use crate::plugin::{DetectorPlugin, Limits, Runtime};
use crate::report::{ErrorCause, FileStats, PluginSummary, SCHEMA, ScanError, ScanReport, Tool};
use crate::source::{self, Selection};
use workers::run_detectors;

pub use load::{load_plugins, translators_for, translators_picking};
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
