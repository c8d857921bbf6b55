//! The resource bounds every plugin call runs under.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Limits {
    /// Wall-clock budget of one `detect` call.
    pub deadline: Duration,
    /// Budget for starting an instance: instantiation plus a warm-up
    /// `info` call, where plugins compile their patterns.
    pub startup_deadline: Duration,
    /// Largest size of any one linear memory.
    pub memory_bytes: usize,
    pub table_elements: usize,
    /// Core instances, tables and memories per store. A Rust component
    /// needs a handful of each (its module plus WASI adapter shims).
    pub instances: usize,
    pub tables: usize,
    pub memories: usize,
    /// Largest plugin file accepted.
    pub max_component_bytes: usize,
    /// Most findings accepted from one call; more marks the call as failed.
    pub max_findings_per_document: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            deadline: Duration::from_secs(2),
            startup_deadline: Duration::from_secs(10),
            memory_bytes: 64 << 20,
            table_elements: 100_000,
            instances: 32,
            tables: 32,
            memories: 8,
            max_component_bytes: 32 << 20,
            max_findings_per_document: 50_000,
        }
    }
}
