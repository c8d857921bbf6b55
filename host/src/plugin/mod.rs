//! The sandboxed WebAssembly plugin runtime.

pub mod bindings;
pub mod builtin;
mod cache;
mod component;
mod detector;
mod engine;
mod failure;
mod inspect;
mod limits;
mod output;
mod pieces;
mod runtime;
mod sandbox;
mod scorer;
mod translator;
mod world;

pub use cache::CacheOutcome;
pub use component::{Instance, Plugin, WorldKind, read_component_file, world_of};
pub use detector::{DetectorInstance, DetectorPlugin};
pub use failure::{CallError, Failure};
pub use inspect::{Inspection, inspect};
pub use limits::Limits;
pub use output::{Checked, check_findings, clean, rewrites_display};
pub use pieces::{PIECE_BYTES, pieces};
pub use runtime::Runtime;
pub use scorer::{ScorerInstance, ScorerPlugin};
pub use translator::{TranslatorInstance, TranslatorPlugin};
pub use world::{DetectorWorld, ScorerWorld, TranslatorWorld, World};
