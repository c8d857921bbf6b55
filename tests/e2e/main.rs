//! End-to-end tests: the real `opgap` binary on real git repositories that
//! each test builds in a temporary folder.

mod support;

mod baseline;
mod cache;
mod crafted;
mod eval;
mod explain;
mod fixtures;
mod hostile_repos;
mod html;
mod index;
mod inputs;
mod readiness;
mod readiness_teams;
mod report;
mod repos;
mod sandbox;
mod sarif;
mod scaffold;
mod scan;
mod stacks;
mod suppress;
mod translate;
mod traps;
