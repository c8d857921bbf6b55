//! Baselines: the findings a team has accepted for now, so CI reports only
//! what is new.
//!
//! `opgap baseline` writes each active finding's fingerprint (file,
//! construct and whitespace-normalised line, see
//! [`crate::report::fingerprint`]) with how many times it occurs; moving a
//! line or re-indenting it keeps it matched, while a third copy of a line
//! that was there twice is new.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::report::{ScanReport, fingerprint};

pub const SCHEMA: &str = "opgap.baseline/1";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    /// One entry per distinct fingerprint, sorted, for reviewable diffs.
    pub findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub count: usize,
    /// For people reading the file; matching uses the fingerprint only.
    pub repo: String,
    pub path: String,
    pub construct: String,
    pub line_text: String,
}

/// What `--baseline` did to a report.
#[derive(Debug, Clone, Serialize)]
pub struct BaselineSummary {
    pub file: String,
    /// Findings matched by the baseline and left out of the report.
    pub matched: usize,
}

impl Baseline {
    /// The accepted state: every active finding of `report`.
    pub fn of(report: &ScanReport) -> Self {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for f in report.dependencies() {
            let key = fingerprint(f);
            entries
                .entry(key.clone())
                .or_insert_with(|| Entry {
                    fingerprint: key,
                    count: 0,
                    repo: f.repo.to_string(),
                    path: f.path.to_string(),
                    construct: f.construct.to_string(),
                    line_text: f.line_text.trim().to_string(),
                })
                .count += 1;
        }
        Self {
            schema: SCHEMA.to_string(),
            findings: entries.into_values().collect(),
        }
    }

    pub fn read(path: &Path) -> Result<Self> {
        let text = crate::textfile::read_text(path, crate::textfile::BASELINE_MAX)
            .map_err(|e| anyhow::anyhow!("cannot read the baseline {}: {e}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: not an opgap baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if baseline.schema != SCHEMA {
            bail!(
                "{}: baseline schema {:?}, expected {SCHEMA:?}",
                path.display(),
                baseline.schema
            );
        }
        Ok(baseline)
    }

    /// Leave out of `report` the findings the baseline accepts, up to the
    /// number of times each was accepted; return how many were left out.
    pub fn filter(&self, report: &mut ScanReport) -> usize {
        let mut remaining: BTreeMap<&str, usize> = self
            .findings
            .iter()
            .map(|e| (e.fingerprint.as_str(), e.count))
            .collect();
        let before = report.findings.len();
        report.findings.retain(|f| {
            if f.suppressed.is_some() || f.is_note() {
                return true;
            }
            match remaining.get_mut(fingerprint(f).as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - report.findings.len()
    }
}
