//! Merging findings within a file: one finding per construct where spans
//! nest, and the line-level yield rules of the catalogue.

use std::collections::{HashMap, HashSet};

use crate::report::{Finding, Text};

/// Confidence a refinement needs to replace a broad finding on its line:
/// a word read in a VMware context does, a topic guess does not.
const SURE_ENOUGH_TO_REFINE: f32 = 0.6;

/// On each line, keep one finding per construct (the first), and drop
/// product mentions beside any other construct and broad constructs beside
/// a confident one that refines them (see the catalogue). Findings arrive
/// sorted by position, so a line's findings are adjacent. Linear in the
/// findings of a line times its distinct constructs (a line can hold a
/// hundred thousand findings of a few constructs).
pub(super) fn drop_yielding(findings: Vec<Finding>) -> Vec<Finding> {
    let mut keep = vec![false; findings.len()];
    let mut at = 0;
    for line in findings.chunk_by(|a, b| a.line == b.line) {
        // Each construct on the line with its highest confidence.
        let mut best: HashMap<&str, f32> = HashMap::new();
        for f in line {
            let c = best.entry(f.construct.as_str()).or_insert(f.confidence);
            *c = c.max(f.confidence);
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, f) in line.iter().enumerate() {
            if !seen.insert(f.construct.as_str()) {
                continue;
            }
            // A guess from the document's topic does not displace what the
            // line's own words say.
            let yields = best.iter().any(|(other, confidence)| {
                opgap_catalogue::yields_to(&f.construct, other)
                    && (opgap_catalogue::is_product_mention(&f.construct)
                        || *confidence >= f.confidence.min(SURE_ENOUGH_TO_REFINE))
            });
            keep[at + i] = !yields;
        }
        at += line.len();
    }
    // Moved, not cloned, into the same allocation, trimmed to what is
    // kept: a file's findings live until the report is written.
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .zip(keep)
        .filter_map(|(f, keep)| keep.then_some(f))
        .collect();
    kept.shrink_to_fit();
    kept
}

/// Order findings by position and keep one finding per construct where
/// spans nest: two plugins (or rules) that report one construct at the same
/// words are one finding, and the widest match speaks for it. Linear after
/// the sort: for each construct, the furthest end kept so far.
pub(super) fn merge_overlaps(mut findings: Vec<Finding>) -> Vec<Finding> {
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
    let mut reach: HashMap<Text, u32> = HashMap::new();
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
