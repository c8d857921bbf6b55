//! The sandboxed WebAssembly plugin runtime.

pub mod bindings;
pub mod builtin;
mod cache;
mod detector;
mod engine;
mod failure;
mod limits;
mod output;
mod runtime;
mod sandbox;

pub use cache::CacheOutcome;
pub use detector::{DetectorInstance, DetectorPlugin};
pub use failure::{CallError, Failure};
pub use limits::Limits;
pub use output::clean;
pub use runtime::Runtime;
