//! Built-in plugins, compiled to wasm32-wasip2 by `build.rs` and embedded.

include!(concat!(env!("OUT_DIR"), "/builtin_plugins.rs"));

/// `(name, component bytes)` of every built-in detector.
pub fn detectors() -> &'static [(&'static str, &'static [u8])] {
    BUILTIN_DETECTORS
}

/// `(name, component bytes)` of the built-in readiness scorer.
pub fn scorer() -> (&'static str, &'static [u8]) {
    BUILTIN_SCORERS[0]
}

/// `(name, component bytes)` of every built-in translator (`translate-<stack>`).
pub fn translators() -> &'static [(&'static str, &'static [u8])] {
    BUILTIN_TRANSLATORS
}
