//! Keeping the runbook index in step with a scan: what it remembers feeds
//! the workers, and what they produce is written back in one commit.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::index::{FileState, IndexedFile, IndexedSection, RunbookIndex, Update};
use crate::plugin::TranslatorPlugin;
use crate::report::{Finding, ScanError, TranslationOutcome};
use crate::source::Sources;

use super::translate::translate_with;
use super::workers::FileResult;

/// Where the index is and how long to wait for another scan's lock.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub dir: PathBuf,
    pub wait: Duration,
}

/// What the scan did to the index, for the report.
#[derive(Debug, Clone, Serialize)]
pub struct IndexSummary {
    pub dir: PathBuf,
    /// Files whose record and sections were (re)written.
    pub files_written: usize,
    /// Files that left the index (deleted or no longer readable).
    pub files_removed: usize,
}

/// The stacks every indexed section carries a fidelity for.
const STACKS: [&str; 4] = ["libvirt", "proxmox", "ovirt", "openstack"];

pub(super) struct Indexing {
    dir: PathBuf,
    index: RunbookIndex,
    update: Update,
}

impl Indexing {
    /// Open the index and take its writer lock for the whole scan.
    pub fn open(options: &IndexOptions) -> Result<Self> {
        let index = RunbookIndex::open_or_create(&options.dir)?;
        let update = index.update(options.wait)?;
        Ok(Self {
            dir: options.dir.clone(),
            index,
            update,
        })
    }

    /// Write what the scan produced (`results` holds every repository's
    /// files in order) and commit it as one change.
    pub fn write(
        mut self,
        sources: &[Sources],
        previous: &[HashMap<String, FileState>],
        results: &[FileResult],
        findings: &[Finding],
        translators: &[TranslatorPlugin],
        errors: &mut Vec<ScanError>,
    ) -> Result<IndexSummary> {
        let fresh: Vec<&Finding> = results
            .iter()
            .filter(|r| r.analyzed)
            .flat_map(|r| &findings[r.found.clone()])
            .collect();
        let fidelity = fidelity_by_construct(translators, &fresh, errors);
        let mut summary = IndexSummary {
            dir: self.dir.clone(),
            files_written: 0,
            files_removed: 0,
        };
        let dir = self.dir.clone();
        let failed = || {
            format!(
                "cannot update the index in {}; writing failed part-way (a full disk or a \
                 file size limit is the usual cause); the previous index is unchanged and \
                 still searchable",
                dir.display()
            )
        };
        let mut offset = 0;
        for (s, previous) in sources.iter().zip(previous) {
            let of_repo = &results[offset..offset + s.files.len()];
            offset += s.files.len();
            self.record(s, of_repo, findings, previous, &fidelity, &mut summary)
                .with_context(failed)?;
        }
        self.update.commit().with_context(failed)?;
        Ok(summary)
    }

    /// For a `--changed-since` scan, only the changed and deleted files:
    /// the others are neither read nor reported.
    pub fn previous(&self, sources: &Sources) -> Result<HashMap<String, FileState>> {
        let only: Option<Vec<&str>> = sources.changes.as_ref().map(|changes| {
            let changed = sources.files.iter().map(|f| f.path.as_str());
            changed
                .chain(changes.deleted.iter().map(String::as_str))
                .collect()
        });
        self.index.previous(&repo_key(sources), only.as_deref())
    }

    /// Write the analysed files of one repository, drop the files that are
    /// gone, and count both.
    fn record(
        &mut self,
        sources: &Sources,
        results: &[FileResult],
        findings: &[Finding],
        previous: &HashMap<String, FileState>,
        fidelity: &HashMap<String, Vec<String>>,
        summary: &mut IndexSummary,
    ) -> Result<()> {
        let key = repo_key(sources);
        let revision = sources
            .repo
            .revision
            .as_deref()
            .unwrap_or(sources.repo.mode);
        for (file, result) in sources.files.iter().zip(results) {
            let Some(sections) = &result.sections else {
                continue;
            };
            // Findings and sections are both in position order: each
            // section's findings are found by binary search, not a pass
            // over the file's findings per section.
            let of_file = &findings[result.found.clone()];
            let indexed = sections
                .iter()
                .map(|section| {
                    let from = of_file.partition_point(|f| f.byte_start < section.start);
                    let to = of_file.partition_point(|f| f.byte_start < section.end);
                    let inside: Vec<&Finding> = of_file[from..to].iter().collect();
                    let set = |get: &dyn Fn(&Finding) -> String| -> Vec<String> {
                        inside
                            .iter()
                            .map(|f| get(f))
                            .collect::<BTreeSet<_>>()
                            .into_iter()
                            .collect()
                    };
                    let constructs = set(&|f| f.construct.to_string());
                    let fidelity = constructs
                        .iter()
                        .flat_map(|c| fidelity.get(c).into_iter().flatten().cloned())
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    IndexedSection {
                        section: section.clone(),
                        layers: set(&|f| f.layer.to_string()),
                        severities: set(&|f| f.severity.as_str().to_string()),
                        constructs,
                        fidelity,
                    }
                })
                .collect();
            self.update.put_file(IndexedFile {
                repo_key: &key,
                repo: &sources.repo.name,
                revision,
                path: &file.path,
                blob: &file.blob,
                results: &result.results,
                steps: &result.steps,
                sections: indexed,
            })?;
            summary.files_written += 1;
        }
        let present: HashSet<&str> = sources.files.iter().map(|f| f.path.as_str()).collect();
        // With --changed-since only the files listed are known; the others
        // are not gone, just not looked at.
        let gone = |p: &String| match &sources.changes {
            Some(changes) => changes.deleted.contains(p),
            None => !present.contains(p.as_str()),
        };
        for path in previous.keys().filter(|p| gone(p)) {
            self.update.remove_file(&key, path);
            summary.files_removed += 1;
        }
        Ok(())
    }
}

/// How the index tells repositories apart: the URL of a remote, else the
/// folder it was read from.
pub(super) fn repo_key(sources: &Sources) -> String {
    sources
        .repo
        .origin
        .clone()
        .unwrap_or_else(|| sources.repo.root.display().to_string())
}

/// `stack:fidelity` pairs per construct found in `findings`, asking the
/// translators once per construct and stack (fidelity is a property of the
/// construct; the arguments of one finding do not change it).
fn fidelity_by_construct(
    translators: &[TranslatorPlugin],
    findings: &[&Finding],
    errors: &mut Vec<ScanError>,
) -> HashMap<String, Vec<String>> {
    let mut seen = HashSet::new();
    let mut representatives: Vec<Finding> = findings
        .iter()
        .filter(|f| seen.insert(f.construct.as_str()))
        .map(|f| (*f).clone())
        .collect();
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for stack in STACKS {
        translate_with(translators, stack, &mut representatives, errors);
        for f in &mut representatives {
            if let Some(TranslationOutcome::Translated { fidelity, .. }) =
                f.translation.take().map(|t| *t)
            {
                out.entry(f.construct.to_string())
                    .or_default()
                    .push(format!("{stack}:{}", fidelity.as_str()));
            }
        }
    }
    out
}
