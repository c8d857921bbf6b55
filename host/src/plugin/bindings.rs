//! Host-side bindings generated from `wit/`.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "detector",
});

pub use self::opgap::plugin::host;
pub use self::opgap::plugin::types::*;

/// The WIT package version this host implements.
pub const API_VERSION: &str = "0.1.0";
