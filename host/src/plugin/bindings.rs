//! Host-side bindings generated from `wit/`.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "detector",
});

/// The `translator` world, sharing the detector world's records and host
/// interface.
pub mod translator {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "translator",
        with: {
            "opgap:plugin/types": super::opgap::plugin::types,
            "opgap:plugin/host": super::opgap::plugin::host,
        },
    });
}

/// The `scorer` world: the readiness records, sharing the detector
/// world's records and host interface.
pub mod scorer {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "scorer",
        with: {
            "opgap:plugin/types": super::opgap::plugin::types,
            "opgap:plugin/host": super::opgap::plugin::host,
        },
    });
}

pub use self::opgap::plugin::host;
pub use self::opgap::plugin::types::*;
pub use scorer::opgap::plugin::readiness;
pub use scorer::{Scorer, ScorerPre};
pub use translator::{Translator, TranslatorPre};

/// The WIT package version this host implements.
pub const API_VERSION: &str = "0.1.0";
