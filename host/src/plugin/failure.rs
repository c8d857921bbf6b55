//! Why a plugin call failed, named for the person reading the report.

use std::fmt;

use serde::Serialize;

use std::time::Duration;

use super::sandbox::{Exceeded, SandboxState};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    Deadline {
        millis: u64,
    },
    MemoryLimit {
        bytes: usize,
    },
    TableLimit {
        elements: usize,
    },
    /// More core instances, memories or tables than a store allows.
    CountLimit {
        what: &'static str,
        limit: usize,
    },
    StackOverflow,
    Panic {
        message: String,
    },
    Trap {
        message: String,
    },
    InvalidOutput {
        message: String,
    },
    Load {
        message: String,
    },
    IncompatibleApi {
        plugin: String,
        host: String,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Deadline { millis } if millis % 1000 == 0 => {
                write!(f, "deadline {} s exceeded", millis / 1000)
            }
            Failure::Deadline { millis } => write!(f, "deadline {millis} ms exceeded"),
            Failure::MemoryLimit { bytes } => {
                write!(f, "memory limit {} MiB exceeded", bytes >> 20)
            }
            Failure::TableLimit { elements } => {
                write!(f, "table limit {elements} elements exceeded")
            }
            Failure::CountLimit { what, limit } => {
                write!(f, "more {what} than the limit of {limit}")
            }
            Failure::StackOverflow => write!(f, "stack overflow (call stack exhausted)"),
            Failure::Panic { message } => write!(f, "panicked: {message}"),
            Failure::Trap { message } => write!(f, "trapped: {message}"),
            Failure::InvalidOutput { message } => write!(f, "invalid output: {message}"),
            Failure::Load { message } => write!(f, "cannot load: {message}"),
            Failure::IncompatibleApi { plugin, host } => write!(
                f,
                "built against opgap:plugin API {plugin}, this opgap implements {host}"
            ),
        }
    }
}

/// A failed call: the named cause, what the guest wrote to stderr and
/// what it logged (both bounded, kept to help its author).
#[derive(Debug, Clone)]
pub struct CallError {
    pub failure: Failure,
    pub stderr: String,
    pub log: Vec<String>,
}

impl CallError {
    /// `budget` is the deadline the call ran under.
    pub fn new(error: &wasmtime::Error, state: &SandboxState, budget: Duration) -> Self {
        Self {
            failure: classify(error, state, budget),
            stderr: state.stderr.text(),
            log: state.log.lines_for_report(),
        }
    }
}

impl From<Failure> for CallError {
    fn from(failure: Failure) -> Self {
        Self {
            failure,
            stderr: String::new(),
            log: Vec::new(),
        }
    }
}

/// Name the cause of a failed call from the error and what the store saw.
pub fn classify(error: &wasmtime::Error, state: &SandboxState, budget: Duration) -> Failure {
    match state.limiter.exceeded {
        Some(Exceeded::Memory { limit }) => return Failure::MemoryLimit { bytes: limit },
        Some(Exceeded::Table { limit }) => return Failure::TableLimit { elements: limit },
        None => {}
    }
    if let Some(failure) = count_limit(error, state) {
        return failure;
    }
    let stderr = state.stderr.text();
    match error.downcast_ref::<wasmtime::Trap>() {
        Some(wasmtime::Trap::Interrupt) => Failure::Deadline {
            millis: budget.as_millis() as u64,
        },
        Some(wasmtime::Trap::StackOverflow) => Failure::StackOverflow,
        // Rust keeps large frames on a stack inside linear memory; running
        // off its end shows up as an out-of-bounds access.
        Some(wasmtime::Trap::MemoryOutOfBounds) if panic_message(&stderr).is_none() => {
            Failure::Trap {
                message: "out of bounds memory access (a guest stack overflow looks like this)"
                    .into(),
            }
        }
        trap => match panic_message(&stderr) {
            Some(message) => Failure::Panic { message },
            None => Failure::Trap {
                message: trap.map_or_else(|| format!("{error:#}"), |t| t.to_string()),
            },
        },
    }
}

/// Wasmtime refuses a store's extra instances, memories or tables with an
/// untyped error ("resource limit exceeded: memory count too high at 9");
/// name it from the message and the limits the store was given.
fn count_limit(error: &wasmtime::Error, state: &SandboxState) -> Option<Failure> {
    let text = format!("{error:#}");
    let counts = state.limiter.counts();
    [
        ("memory count too high", "memories", counts.memories),
        ("table count too high", "tables", counts.tables),
        (
            "instance count too high",
            "core instances",
            counts.instances,
        ),
    ]
    .into_iter()
    .find(|(words, _, _)| text.contains(words))
    .map(|(_, what, limit)| Failure::CountLimit { what, limit })
}

/// The message of a Rust panic as the guest printed it to stderr:
/// "thread '<unnamed>' panicked at src/lib.rs:3:5:\nthe message".
fn panic_message(stderr: &str) -> Option<String> {
    let at = stderr.rfind("panicked at ")?;
    let after = &stderr[at..];
    let (location, rest) = after.split_once('\n').unwrap_or((after, ""));
    let location = location
        .trim_start_matches("panicked at ")
        .trim_end_matches(':');
    let message = rest
        .lines()
        .take_while(|l| !l.starts_with("note:"))
        .collect::<Vec<_>>()
        .join("\n");
    let message = message.trim();
    Some(if message.is_empty() {
        format!("at {location}")
    } else {
        format!("{message} (at {location})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_message_is_extracted_from_rust_stderr() {
        let stderr = "\nthread '<unnamed>' panicked at src/lib.rs:12:9:\nboom: bad input\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(
            panic_message(stderr).as_deref(),
            Some("boom: bad input (at src/lib.rs:12:9)")
        );
        assert_eq!(panic_message("nothing here"), None);
    }

    #[test]
    fn failures_read_as_sentences() {
        assert_eq!(
            Failure::Deadline { millis: 2000 }.to_string(),
            "deadline 2 s exceeded"
        );
        assert_eq!(
            Failure::Deadline { millis: 250 }.to_string(),
            "deadline 250 ms exceeded"
        );
        assert_eq!(
            Failure::MemoryLimit { bytes: 64 << 20 }.to_string(),
            "memory limit 64 MiB exceeded"
        );
    }
}
