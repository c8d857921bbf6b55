//! Host-side bindings generated from `wit/`.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "detector",
});

pub use opgap::plugin::host;
pub use opgap::plugin::types::*;

/// The WIT package version this host implements.
pub const API_VERSION: &str = "0.1.0";
