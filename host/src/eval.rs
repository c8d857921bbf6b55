//! Line-level precision and recall of a scan against hand-made labels.
//!
//! Labels are tab-separated `path`, `line`, `construct` rows (a header row
//! and `#` comments allowed), one per construct a reader would say the line
//! depends on. A finding counts once per (path, line, construct); layers come
//! from the catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::report::ScanReport;

pub type Label = (String, u32, String);

/// Read every `LABELS*.tsv` directly under `dir`, or the one file given.
pub fn read_labels(path: &Path) -> Result<BTreeSet<Label>> {
    let files: Vec<_> = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("LABELS") && n.ends_with(".tsv"))
            })
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    if files.is_empty() {
        bail!("no LABELS*.tsv file in {}", path.display());
    }
    let mut labels = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        for (i, row) in text.lines().enumerate() {
            let row = row.trim_end();
            if row.is_empty() || row.starts_with('#') || (i == 0 && row.starts_with("path\t")) {
                continue;
            }
            let fields: Vec<&str> = row.split('\t').collect();
            let [path, line, construct] = fields[..] else {
                bail!(
                    "{}:{}: expected 3 tab-separated fields (path, line, construct), found {}",
                    file.display(),
                    i + 1,
                    fields.len()
                );
            };
            let line: u32 = line.trim().parse().with_context(|| {
                format!(
                    "{}:{}: field `line` is not a number: {line:?}",
                    file.display(),
                    i + 1
                )
            })?;
            if opgap_catalogue::construct(construct.trim()).is_none() {
                bail!(
                    "{}:{}: field `construct` names no known construct: {construct:?}",
                    file.display(),
                    i + 1
                );
            }
            labels.insert((path.trim().to_string(), line, construct.trim().to_string()));
        }
    }
    Ok(labels)
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub overall: Score,
    pub by_layer: BTreeMap<String, Score>,
    pub false_positives: Vec<Label>,
    pub false_negatives: Vec<Label>,
}

pub fn evaluate(report: &ScanReport, labels: &BTreeSet<Label>) -> Evaluation {
    let predicted: BTreeSet<Label> = report
        .findings
        .iter()
        .map(|f| (f.path.to_string(), f.line, f.construct.to_string()))
        .collect();
    let layer_of = |c: &str| {
        opgap_catalogue::construct(c).map_or_else(|| "unknown".to_string(), |c| c.layer.to_string())
    };
    let mut eval = Evaluation {
        overall: Score::default(),
        by_layer: BTreeMap::new(),
        false_positives: Vec::new(),
        false_negatives: Vec::new(),
    };
    for p in &predicted {
        let score = eval.by_layer.entry(layer_of(&p.2)).or_default();
        if labels.contains(p) {
            score.true_positives += 1;
            eval.overall.true_positives += 1;
        } else {
            score.false_positives += 1;
            eval.overall.false_positives += 1;
            eval.false_positives.push(p.clone());
        }
    }
    for l in labels.difference(&predicted) {
        eval.by_layer
            .entry(layer_of(&l.2))
            .or_default()
            .false_negatives += 1;
        eval.overall.false_negatives += 1;
        eval.false_negatives.push(l.clone());
    }
    eval
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_of_an_empty_side_are_perfect() {
        let s = Score::default();
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        let s = Score {
            true_positives: 3,
            false_positives: 1,
            false_negatives: 2,
        };
        assert_eq!(s.precision(), 0.75);
        assert_eq!(s.recall(), 0.6);
    }
}
