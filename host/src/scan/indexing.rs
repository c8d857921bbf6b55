//! Keeping the runbook index in step with a scan: what it remembers feeds
//! the workers, and what they produce is written back in one commit.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::index::{FileState, IndexedFile, IndexedSection, RunbookIndex, Update};
use crate::plugin::TranslatorPlugin;
use crate::report::{Finding, ScanError, Text, TranslationOutcome};
use crate::source::{SourceFile, Sources};

use super::translate::Translating;
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
    summary: IndexSummary,
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
            summary: IndexSummary {
                dir: options.dir.clone(),
                files_written: 0,
                files_removed: 0,
            },
        })
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

    /// Write one checked file of `sources` as the scan collects it: its
    /// record (blob, each plugin's findings, steps) and its sections with
    /// what they depend on. A file whose results were all reused has no
    /// sections and is left as it is. Nothing is visible before
    /// [`Indexing::finish`] commits.
    pub fn put(
        &mut self,
        sources: &Sources,
        file: &SourceFile,
        result: &FileResult,
        findings: &[Finding],
        fidelity: &mut Fidelity,
        errors: &mut Vec<ScanError>,
    ) -> Result<()> {
        let Some(sections) = &result.sections else {
            return Ok(());
        };
        let key = repo_key(sources);
        let revision = sources
            .repo
            .revision
            .as_deref()
            .unwrap_or(sources.repo.mode);
        // Findings and sections are both in position order: each
        // section's findings are found by binary search, not a pass over
        // the file's findings per section.
        let indexed = sections
            .iter()
            .map(|section| {
                let from = findings.partition_point(|f| f.byte_start < section.start);
                let to = findings.partition_point(|f| f.byte_start < section.end);
                let inside = &findings[from..to];
                let set = |get: &dyn Fn(&Finding) -> &str| -> Vec<String> {
                    let distinct: BTreeSet<&str> = inside.iter().map(get).collect();
                    distinct.into_iter().map(str::to_string).collect()
                };
                let mut pairs: BTreeSet<String> = BTreeSet::new();
                for f in inside {
                    pairs.extend(fidelity.of(f, errors).iter().cloned());
                }
                IndexedSection {
                    section: section.clone(),
                    constructs: set(&|f| &f.construct),
                    layers: set(&|f| &f.layer),
                    severities: set(&|f| f.severity.as_str()),
                    fidelity: pairs.into_iter().collect(),
                }
            })
            .collect();
        self.update
            .put_file(IndexedFile {
                repo_key: &key,
                repo: &sources.repo.name,
                revision,
                path: &file.path,
                blob: &file.blob,
                results: &result.results,
                steps: &result.steps,
                sections: indexed,
            })
            .with_context(|| self.failed())?;
        self.summary.files_written += 1;
        Ok(())
    }

    /// Drop the files that are gone from each repository and commit the
    /// whole scan as one change.
    pub fn finish(
        mut self,
        sources: &[Sources],
        previous: &[HashMap<String, FileState>],
    ) -> Result<IndexSummary> {
        for (sources, previous) in sources.iter().zip(previous) {
            let key = repo_key(sources);
            let present: HashSet<&str> = sources.files.iter().map(|f| f.path.as_str()).collect();
            // With --changed-since only the files listed are known; the
            // others are not gone, just not looked at.
            let gone = |p: &String| match &sources.changes {
                Some(changes) => changes.deleted.contains(p),
                None => !present.contains(p.as_str()),
            };
            for path in previous.keys().filter(|p| gone(p)) {
                self.update.remove_file(&key, path);
                self.summary.files_removed += 1;
            }
        }
        let failed = self.failed();
        self.update.commit().context(failed)?;
        Ok(self.summary)
    }

    fn failed(&self) -> String {
        format!(
            "cannot update the index in {}; writing failed part-way (a full disk or a file \
             size limit is the usual cause); the previous index is unchanged and still \
             searchable",
            self.dir.display()
        )
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

/// `stack:fidelity` pairs of each construct, for the index: the
/// translators are asked once per construct and stack, the first time a
/// finding of it is indexed (fidelity is a property of the construct; the
/// arguments of one finding do not change it).
pub(super) struct Fidelity<'a> {
    translators: &'a [TranslatorPlugin],
    /// One translation session per stack, started at the first question.
    stacks: Vec<Translating<'a>>,
    known: HashMap<Text, Vec<String>>,
}

impl<'a> Fidelity<'a> {
    pub fn new(translators: &'a [TranslatorPlugin]) -> Self {
        Self {
            translators,
            stacks: Vec::new(),
            known: HashMap::new(),
        }
    }

    fn of(&mut self, finding: &Finding, errors: &mut Vec<ScanError>) -> &[String] {
        if !self.known.contains_key(&finding.construct) {
            if self.stacks.is_empty() {
                let translators = self.translators;
                self.stacks = STACKS
                    .iter()
                    .map(|stack| Translating::new(translators, stack))
                    .collect();
            }
            let mut pairs = Vec::new();
            for (stack, translating) in STACKS.iter().zip(&mut self.stacks) {
                let mut asked = [finding.clone()];
                translating.translate(&mut asked, errors);
                if let Some(TranslationOutcome::Translated { fidelity, .. }) =
                    asked[0].translation.as_deref()
                {
                    pairs.push(format!("{stack}:{}", fidelity.as_str()));
                }
            }
            self.known.insert(finding.construct.clone(), pairs);
        }
        &self.known[&finding.construct]
    }
}
