//! opgap: find the vCenter operating model in runbooks before moving to KVM.
//!
//! The library behind the `opgap` binary. Data flows one way:
//! [`source`] reads files from a git revision or folder, [`parse`] turns
//! each into a `document` of blocks, [`plugin`] runs sandboxed detector
//! components over it, [`scan`] drives that across cores, and [`report`]
//! renders the result. [`stacks`] weighs the four KVM management planes
//! against what a scan found.

pub mod arguments;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod eval;
pub mod explain;
pub mod fixture;
pub mod index;
pub mod operating_model;
pub mod parse;
pub mod plugin;
pub mod policy;
pub mod progress;
pub mod readiness;
pub mod rebuild;
pub mod report;
pub mod scaffold;
pub mod scan;
pub mod source;
pub mod stacks;
pub mod steps;
pub mod suppress;
pub mod textfile;
