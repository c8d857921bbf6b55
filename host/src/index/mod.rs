//! The runbook index: every section of every scanned repository in one
//! tantivy index, searchable without rescanning, and the memory that makes
//! a rescan incremental.
//!
//! Two kinds of document live in it. A *file* document records, per
//! repository and path, the git blob id scanned and each detector's
//! findings keyed by the plugin's sha256, so an unchanged file is neither
//! parsed nor re-run, and a changed plugin re-runs only itself. *Section*
//! documents are what search returns: heading path, prose, code, and the
//! constructs, layers, severities and per-stack fidelity found there.
//!
//! Every scan is one commit: a scan that dies leaves the previous commit in
//! place, and tantivy's writer lock keeps two scans from writing at once.

pub mod search;
pub mod sections;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TEXT,
    Value,
};
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

use crate::report::Finding;
use crate::steps::Step;
use sections::Section;

/// Bumped when the fields change; an index of another format is rebuilt.
const FORMAT: u32 = 2;
const MARKER: &str = "opgap-index.json";
/// Indexing is light next to detection: one thread, a small arena.
const WRITER_MEMORY: usize = 48 << 20;

#[derive(Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub file_key: Field,
    pub repo_key: Field,
    pub repo: Field,
    pub revision: Field,
    pub path: Field,
    pub blob: Field,
    pub results: Field,
    pub steps: Field,
    pub heading: Field,
    pub line: Field,
    pub prose: Field,
    pub code: Field,
    pub construct: Field,
    pub layer: Field,
    pub severity: Field,
    pub fidelity: Field,
    pub facets: Field,
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let fields = Fields {
            kind: b.add_text_field("kind", STRING),
            file_key: b.add_text_field("file_key", STRING),
            repo_key: b.add_text_field("repo_key", STRING | STORED),
            repo: b.add_text_field("repo", STRING | STORED),
            revision: b.add_text_field("revision", STORED),
            path: b.add_text_field("path", STRING | STORED),
            blob: b.add_text_field("blob", STORED),
            results: b.add_bytes_field("results", STORED),
            steps: b.add_bytes_field("steps", STORED),
            heading: b.add_text_field("heading", TEXT | STORED),
            line: b.add_u64_field("line", INDEXED | STORED | FAST),
            prose: b.add_text_field("prose", TEXT | STORED),
            code: b.add_text_field("code", TEXT | STORED),
            construct: b.add_text_field("construct", STRING | STORED),
            layer: b.add_text_field("layer", STRING | STORED),
            severity: b.add_text_field("severity", STRING | STORED),
            fidelity: b.add_text_field("fidelity", STRING | STORED),
            facets: b.add_facet_field("facets", FacetOptions::default()),
        };
        (b.build(), fields)
    }

    fn from_schema(schema: &Schema) -> Result<Fields> {
        let (ours, _) = Fields::schema();
        if schema != &ours {
            bail!("the index was written with other fields");
        }
        Ok(Fields::schema().1)
    }
}

/// One detector's findings on one file, before merging across plugins.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PluginResult {
    pub plugin_sha256: String,
    pub findings: Vec<Finding>,
}

/// What the index remembers of a file from the last scan.
#[derive(Debug, Clone)]
pub struct FileState {
    pub blob: String,
    pub results: Vec<PluginResult>,
    pub steps: Vec<Step>,
}

impl FileState {
    pub fn result_of(&self, plugin_sha256: &str) -> Option<&PluginResult> {
        self.results
            .iter()
            .find(|r| r.plugin_sha256 == plugin_sha256)
    }
}

/// A section with what was found in it, ready to index.
pub struct IndexedSection {
    pub section: Section,
    pub constructs: Vec<String>,
    pub layers: Vec<String>,
    pub severities: Vec<String>,
    /// `stack:fidelity` pairs, e.g. `proxmox:none`.
    pub fidelity: Vec<String>,
}

/// A file to (re)write in the index, with all its sections.
pub struct IndexedFile<'a> {
    pub repo_key: &'a str,
    pub repo: &'a str,
    pub revision: &'a str,
    pub path: &'a str,
    pub blob: &'a str,
    pub results: &'a [PluginResult],
    pub steps: &'a [Step],
    pub sections: Vec<IndexedSection>,
}

pub struct RunbookIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
}

impl RunbookIndex {
    /// Open the index in `dir`, creating it when the folder is empty or
    /// absent; an index of an older format is rebuilt from scratch.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the index folder {}", dir.display()))?;
        let marker = dir.join(MARKER);
        let format = marker_format(dir);
        let has_entries = std::fs::read_dir(dir)?.next().is_some();
        match format {
            Some(f) if f == u64::from(FORMAT) => {}
            Some(_) => {
                // Ours, from another version of opgap: start again.
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
            }
            None if has_entries => bail!(
                "{} is not an opgap index (no {MARKER}); give --index an empty or new folder",
                dir.display()
            ),
            None => {}
        }
        let (schema, _) = Fields::schema();
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(dir).with_context(|| {
                format!(
                    "cannot open the index in {} (delete the folder to rebuild it)",
                    dir.display()
                )
            })?
        } else {
            let index = Index::create_in_dir(dir, schema)?;
            std::fs::write(&marker, format!("{{\"format\": {FORMAT}}}\n"))?;
            index
        };
        let fields = Fields::from_schema(&index.schema())
            .with_context(|| format!("{} (delete it to rebuild)", dir.display()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            index,
            fields,
        })
    }

    /// Open an index for reading only: one of another format is an error
    /// that says how to rebuild it, never silently replaced.
    pub fn open_existing(dir: &Path) -> Result<Self> {
        if !dir.join("meta.json").exists() {
            bail!(
                "no index in {}: run `opgap scan` on your repositories first",
                dir.display()
            );
        }
        if marker_format(dir) != Some(u64::from(FORMAT)) {
            bail!(
                "the index in {} was written by another version of opgap; run `opgap scan` to rebuild it",
                dir.display()
            );
        }
        Self::open_or_create(dir)
    }

    /// A searcher over the last commit; a damaged segment file is named
    /// with the folder and how to rebuild it.
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        let reader = self.index.reader().with_context(|| {
            format!(
                "the index in {} is damaged (delete the folder and scan again to rebuild it)",
                self.dir.display()
            )
        })?;
        Ok(reader.searcher())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// What the last committed scan recorded for each file of a repository.
    /// What the index remembers of the repository's files: of all of them,
    /// or of `only` these paths (a `--changed-since` scan looks at a few
    /// files, and decoding every stored finding of a large repository
    /// would cost more than scanning them).
    pub fn previous(
        &self,
        repo_key: &str,
        only: Option<&[&str]>,
    ) -> Result<HashMap<String, FileState>> {
        let f = &self.fields;
        let searcher = self.searcher()?;
        let mut clauses = vec![
            (Occur::Must, term_query(f.kind, "file")),
            (Occur::Must, term_query(f.repo_key, repo_key)),
        ];
        if let Some(paths) = only {
            let any_of = paths
                .iter()
                .map(|p| {
                    (
                        Occur::Should,
                        term_query(f.file_key, &file_key(repo_key, p)),
                    )
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_of))));
        }
        let query = BooleanQuery::new(clauses);
        let mut states = HashMap::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let decoded = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_bytes())
                    .map(|b| b.to_vec())
            };
            let results = decoded(f.results).and_then(|b| serde_json::from_slice(&b).ok());
            let steps = decoded(f.steps).and_then(|b| serde_json::from_slice(&b).ok());
            // A record that does not decode is treated as never scanned.
            if let (Some(results), Some(steps)) = (results, steps) {
                states.insert(
                    text(f.path),
                    FileState {
                        blob: text(f.blob),
                        results,
                        steps,
                    },
                );
            }
        }
        Ok(states)
    }

    /// Take the writer lock, waiting up to `wait` for another scan to finish.
    pub fn update(&self, wait: Duration) -> Result<Update> {
        let started = Instant::now();
        loop {
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY)
            {
                Ok(writer) => {
                    return Ok(Update {
                        writer,
                        fields: self.fields,
                    });
                }
                Err(TantivyError::LockFailure(..)) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(TantivyError::LockFailure(..)) => bail!(
                    "another opgap scan is updating the index in {} (waited {} s); \
                     try again when it has finished",
                    self.dir.display(),
                    wait.as_secs()
                ),
                Err(e) => return Err(e).context("cannot write the index"),
            }
        }
    }
}

fn term_query(field: Field, value: &str) -> Box<dyn tantivy::query::Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// The pending changes of one scan; nothing is visible until `commit`.
pub struct Update {
    writer: IndexWriter,
    fields: Fields,
}

impl Update {
    /// Drop a file and its sections.
    pub fn remove_file(&mut self, repo_key: &str, path: &str) {
        self.writer.delete_term(Term::from_field_text(
            self.fields.file_key,
            &file_key(repo_key, path),
        ));
    }

    /// Replace a file's record and sections.
    pub fn put_file(&mut self, file: IndexedFile) -> Result<()> {
        let f = self.fields;
        self.remove_file(file.repo_key, file.path);
        let mut record = self.document("file", &file);
        record.add_text(f.blob, file.blob);
        record.add_bytes(f.results, &serde_json::to_vec(file.results)?);
        record.add_bytes(f.steps, &serde_json::to_vec(file.steps)?);
        self.writer.add_document(record)?;
        for s in &file.sections {
            let mut doc = self.document("section", &file);
            for title in &s.section.heading_path {
                doc.add_text(f.heading, title);
            }
            doc.add_u64(f.line, u64::from(s.section.line));
            doc.add_text(f.prose, &s.section.prose);
            doc.add_text(f.code, &s.section.code);
            doc.add_facet(f.facets, Facet::from_path(["repo", file.repo]));
            for c in &s.constructs {
                doc.add_text(f.construct, c);
                doc.add_facet(f.facets, Facet::from_path(["construct", c.as_str()]));
            }
            for l in &s.layers {
                doc.add_text(f.layer, l);
                doc.add_facet(f.facets, Facet::from_path(["layer", l.as_str()]));
            }
            for v in &s.severities {
                doc.add_text(f.severity, v);
            }
            for v in &s.fidelity {
                doc.add_text(f.fidelity, v);
            }
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// A document of `kind` with the fields that place it: its file and
    /// repository (the file key is what deletes them together).
    fn document(&self, kind: &str, file: &IndexedFile) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, kind);
        doc.add_text(f.file_key, file_key(file.repo_key, file.path));
        doc.add_text(f.repo_key, file.repo_key);
        doc.add_text(f.repo, file.repo);
        doc.add_text(f.revision, file.revision);
        doc.add_text(f.path, file.path);
        doc
    }

    /// Make every change visible at once.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit().context("cannot commit the index")?;
        Ok(())
    }
}

/// The format an opgap index in `dir` says it has, if it is one.
fn marker_format(dir: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    serde_json::from_str::<serde_json::Value>(&text).ok()?["format"].as_u64()
}

fn file_key(repo_key: &str, path: &str) -> String {
    format!("{repo_key}\u{0}{path}")
}

/// Where the index lives by default: beside the compiled plugins.
pub fn default_dir(cache_dir: &Path) -> PathBuf {
    cache_dir.join("index")
}
