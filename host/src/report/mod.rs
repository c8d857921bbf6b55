//! The scan report: what was scanned, what was found, what failed.
//!
//! This is also the `--format json` document; its shape is versioned by
//! [`SCHEMA`] and described in `host/schema/scan.schema.json`.

pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod search;
pub mod stacks;
pub mod summary;
pub mod terminal;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plugin::{CacheOutcome, Failure};
use crate::source::{RepoInfo, SkipReason};

/// Bumped on any incompatible change to the JSON shape.
pub const SCHEMA: &str = "opgap.scan/2";

#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub schema: &'static str,
    pub tool: Tool,
    /// Every repository read, in the order given; findings name theirs.
    pub repos: Vec<RepoInfo>,
    /// The runbook index this scan updated; absent with `--no-index`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<crate::scan::IndexSummary>,
    /// If vCenter disappeared tomorrow: the share of runbook steps that
    /// depend on it, by failure surface, layer and repository.
    pub operating_model: crate::operating_model::OperatingModelTest,
    /// With `--stack`: the work to rebuild on that stack, by layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rebuild: Option<crate::rebuild::RebuildScope>,
    /// Set with `--baseline`: the accepted findings were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::baseline::BaselineSummary>,
    pub plugins: Vec<PluginSummary>,
    pub files: FileStats,
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    /// True when a file or plugin failed, so some findings may be missing.
    pub partial: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Self {
            name: "opgap",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PluginSummary {
    pub name: String,
    pub version: String,
    pub api_version: String,
    pub origin: String,
    pub sha256: String,
    pub rules: usize,
    /// Whether the compiled component came from the cache.
    pub compile: CacheOutcome,
    /// Files it was run on; files whose results the index remembered for
    /// this exact plugin build are not run again.
    pub calls: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FileStats {
    /// Files read whose findings are in this report.
    pub scanned: usize,
    /// Of those, parsed and run through the plugins that had no result.
    pub analyzed: usize,
    /// Of those, unchanged since the indexed scan: findings from the index.
    pub reused: usize,
    pub skipped: BTreeMap<SkipReason, u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// A construct's default severity from its migration impact.
    pub fn from_impact(impact: opgap_catalogue::Impact) -> Self {
        use opgap_catalogue::Impact as I;
        match impact {
            I::Info => Severity::Info,
            I::Low => Severity::Low,
            I::Medium => Severity::Medium,
            I::High => Severity::High,
            I::Critical => Severity::Critical,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl From<crate::plugin::bindings::Severity> for Severity {
    fn from(s: crate::plugin::bindings::Severity) -> Self {
        use crate::plugin::bindings::Severity as W;
        match s {
            W::Info => Severity::Info,
            W::Low => Severity::Low,
            W::Medium => Severity::Medium,
            W::High => Severity::High,
            W::Critical => Severity::Critical,
        }
    }
}

impl From<Severity> for crate::plugin::bindings::Severity {
    fn from(s: Severity) -> Self {
        use crate::plugin::bindings::Severity as W;
        match s {
            Severity::Info => W::Info,
            Severity::Low => W::Low,
            Severity::Medium => W::Medium,
            Severity::High => W::High,
            Severity::Critical => W::Critical,
        }
    }
}

/// A finding's strings are shared: the repository, path, rule, construct,
/// layer, message and plugin repeat across thousands of findings, the line
/// and heading path across the findings on one line or in one section.
/// A large estate holds a million findings, so each is a few pointers.
pub type Text = arcstr::ArcStr;

/// Part of a shared string: a finding's evidence is usually a piece of
/// its line, so it points into the line's text rather than copying it.
pub type TextPart = arcstr::Substr;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The name of the repository in `repos` the file belongs to.
    pub repo: Text,
    /// Repository-relative, `/`-separated.
    pub path: Text,
    pub line: u32,
    /// 1-based, in Unicode scalar values.
    pub column: u32,
    pub end_line: u32,
    /// 1-based column just past the match.
    pub end_column: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub rule: Text,
    pub construct: Text,
    pub layer: Text,
    pub severity: Severity,
    pub confidence: f32,
    pub message: Text,
    pub evidence: TextPart,
    pub plugin: Text,
    /// Titles of the headings above the finding, outermost first.
    pub heading_path: std::sync::Arc<[Text]>,
    /// The source line the finding starts on, control characters removed.
    pub line_text: Text,
    /// What the construct becomes on the stack asked for (`--stack`).
    /// Boxed, like `suppressed`: most findings have neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Box<TranslationOutcome>>,
    /// Set when an `opgap-ignore` comment accepts this finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Box<crate::suppress::Suppressed>>,
}

impl Finding {
    /// opgap's own note (a suppression without reason or effect), not a
    /// dependency found in a runbook.
    pub fn is_note(&self) -> bool {
        self.plugin == crate::suppress::NOTE_PLUGIN
    }
}

#[cfg(test)]
impl Finding {
    /// A high-severity finding of `construct` in `layer` on the first byte
    /// of `r/a.md`, for unit tests to adjust.
    pub fn example(construct: &str, layer: &str) -> Self {
        Finding {
            repo: "r".into(),
            path: "a.md".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            byte_start: 0,
            byte_end: 1,
            rule: "x".into(),
            construct: construct.into(),
            layer: layer.into(),
            severity: Severity::High,
            confidence: 1.0,
            message: Default::default(),
            evidence: Default::default(),
            plugin: "p".into(),
            heading_path: Default::default(),
            line_text: Default::default(),
            translation: None,
            suppressed: None,
        }
    }
}

/// A share (0..1) as a whole percentage, as every report shows it.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A finding's identity across edits: its file, construct and line text
/// with whitespace collapsed, so moving the line or re-indenting it keeps
/// the fingerprint and changing what it says does not.
pub fn fingerprint(f: &Finding) -> String {
    use sha2::{Digest, Sha256};
    let line: Vec<&str> = f.line_text.split_whitespace().collect();
    let mut hash = Sha256::new();
    for part in [f.path.as_str(), f.construct.as_str(), &line.join(" ")] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hex::encode(&hash.finalize()[..16])
}

/// A finding's translation, or the explicit note that no translator knows
/// its construct on that stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum TranslationOutcome {
    Translated {
        stack: String,
        /// The translator plugin that answered.
        translator: String,
        fidelity: Fidelity,
        replacement: Vec<String>,
        caveats: Vec<String>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        instead: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        signal: String,
        references: Vec<String>,
        effort: u32,
    },
    Untranslated {
        stack: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    Equivalent,
    Partial,
    None,
}

impl Fidelity {
    pub fn as_str(self) -> &'static str {
        match self {
            Fidelity::Equivalent => "equivalent",
            Fidelity::Partial => "partial",
            Fidelity::None => "none",
        }
    }
}

impl From<crate::plugin::bindings::Fidelity> for Fidelity {
    fn from(f: crate::plugin::bindings::Fidelity) -> Self {
        use crate::plugin::bindings::Fidelity as W;
        match f {
            W::Equivalent => Fidelity::Equivalent,
            W::Partial => Fidelity::Partial,
            W::None => Fidelity::None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ScanError {
    /// The plugin that failed, if a plugin failed.
    pub plugin: Option<String>,
    /// The file being processed, if any.
    pub path: Option<String>,
    /// The named cause.
    pub cause: ErrorCause,
    /// One line for people.
    pub message: String,
    /// What the plugin wrote to stderr, when it failed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stderr: String,
    /// The plugin's log lines of the failed call, cleaned and bounded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ErrorCause {
    Plugin(Failure),
    Other { kind: &'static str },
}

impl ScanReport {
    /// Active findings that are runbook dependencies, not opgap's own notes.
    pub fn dependencies(&self) -> impl Iterator<Item = &Finding> {
        self.active().filter(|f| !f.is_note())
    }

    /// Findings not accepted by a suppression.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }

    pub fn count_by_severity(&self) -> BTreeMap<Severity, usize> {
        let mut counts = BTreeMap::new();
        for f in self.active() {
            *counts.entry(f.severity).or_default() += 1;
        }
        counts
    }
}
