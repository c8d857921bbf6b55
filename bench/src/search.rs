//! Search latency over an index a scan wrote, in process: what `opgap
//! search` spends after start-up, and what a service over the index would.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use opgap::index::RunbookIndex;
use opgap::index::search::{SearchRequest, search};

/// Queries a doc owner types: single constructs, phrases, boolean mixes,
/// and facet filters with and without text.
const QUERIES: &[(&str, &[&str])] = &[
    ("vmotion", &[]),
    ("snapshot", &[]),
    ("datastore", &[]),
    ("\"storage vmotion\"", &[]),
    ("backup AND restore", &[]),
    ("drs OR \"affinity rule\"", &[]),
    ("vsan policy", &[]),
    ("nsx segment", &[]),
    ("esxi host maintenance", &[]),
    ("template clone", &[]),
    ("powercli", &[]),
    ("govc", &[]),
    ("quiesce", &[]),
    ("virsh", &[]),
    ("alarm", &[]),
    ("", &["snapshot"]),
    ("", &["vmotion"]),
    ("restore", &["backup"]),
    ("rollback", &["snapshot"]),
    ("failover", &["ha"]),
];

/// Every query `rounds` times; one latency per search, a fresh searcher
/// each time as the command line opens one.
pub fn latencies(index_dir: &Path, rounds: usize) -> Result<Vec<Duration>> {
    let index = RunbookIndex::open_existing(index_dir)?;
    let mut samples = Vec::with_capacity(rounds * QUERIES.len());
    for _ in 0..rounds {
        for (query, layers) in QUERIES {
            let request = SearchRequest {
                query: query.to_string(),
                layers: layers.iter().map(|l| l.to_string()).collect(),
                limit: 10,
                ..SearchRequest::default()
            };
            let started = Instant::now();
            let results = search(&index, &request)?;
            samples.push(started.elapsed());
            std::hint::black_box(results);
        }
    }
    Ok(samples)
}

/// A query that should match in any estate recombined from the sample,
/// for the command-line timing.
pub const CLI_QUERY: &str = "vmotion";
