//! Guest SDK for opgap plugins: the bindings of the `opgap:plugin` WIT
//! contract (`wit/` in the repository) and what makes a plugin short.
//!
//! - A detector as a table of regex rules: [`rules::Detector`] and
//!   [`export_rules_detector!`] (the built-in detectors are written so).
//! - A detector in code: implement [`detect::Detect`] and
//!   [`register_detector!`]; [`blocks`] walks the blocks worth searching,
//!   [`find`] matches with exact file spans and builds findings and rules.
//! - A translator: [`translate::translation`] builds answers;
//!   [`export_translator!`] registers a [`translator::Guest`].
//! - A scorer (feature `scorer`): the `readiness` records and
//!   `export_scorer!`.
//! - [`testing`] builds documents to unit-test all of it natively.
//!
//! ```
//! use opgap_pdk::rules::{Detector, Rule};
//! use opgap_pdk::testing::{constructs, doc, para};
//!
//! static RULES: &[Rule] = &[Rule::strong("vmware.vmotion", r"\bvmportal\s+move\b")];
//!
//! fn detector() -> &'static Detector {
//!     static D: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
//!     D.get_or_init(|| Detector::new("vm-portal", "our portal's vCenter steps", RULES))
//! }
//! opgap_pdk::export_rules_detector!(detector);
//!
//! let runbook = doc(vec![para(&[], "Run `vmportal move --vm web01`.")]);
//! assert_eq!(constructs(detector(), &runbook), ["vmware.vmotion"]);
//! ```
//!
//! `opgap plugin new NAME` scaffolds a plugin crate over this SDK;
//! `docs/plugins.md` is the tutorial. A table of hundreds of rules can
//! have its build script analyse the patterns once
//! ([`rules::Detector::with_literals`]) instead of every instance at start.

// The generated code names this crate by its public path.
extern crate self as opgap_pdk;

/// Bindings for the `detector` world.
pub mod detector {
    wit_bindgen::generate!({
        path: "../../wit",
        world: "detector",
        pub_export_macro: true,
        export_macro_name: "export_detector",
        default_bindings_module: "opgap_pdk::detector",
        runtime_path: "opgap_pdk::__rt",
        additional_derives: [PartialEq],
    });
}

/// Bindings for the `translator` world. Its records are the detector
/// world's [`types`], shared so one plugin crate can use both.
// The generated ABI shim of `translate` takes the finding's fields flat.
#[allow(clippy::too_many_arguments)]
pub mod translator {
    wit_bindgen::generate!({
        path: "../../wit",
        world: "translator",
        pub_export_macro: true,
        export_macro_name: "export_translator",
        default_bindings_module: "opgap_pdk::translator",
        runtime_path: "opgap_pdk::__rt",
        with: {
            "opgap:plugin/types@0.1.0": crate::detector::opgap::plugin::types,
            "opgap:plugin/host@0.1.0": crate::detector::opgap::plugin::host,
        },
    });
}

/// Bindings for the `scorer` world: the [`readiness`] records and the
/// shared [`types`] (feature `scorer`).
#[cfg(feature = "scorer")]
pub mod scorer {
    wit_bindgen::generate!({
        path: "../../wit",
        world: "scorer",
        pub_export_macro: true,
        export_macro_name: "export_scorer",
        default_bindings_module: "opgap_pdk::scorer",
        runtime_path: "opgap_pdk::__rt",
        additional_derives: [PartialEq],
        with: {
            "opgap:plugin/types@0.1.0": crate::detector::opgap::plugin::types,
            "opgap:plugin/host@0.1.0": crate::detector::opgap::plugin::host,
        },
    });
}

/// The wit-bindgen runtime, named by the generated export macro so that
/// plugin crates need no direct wit-bindgen dependency.
#[doc(hidden)]
pub use wit_bindgen::rt as __rt;

/// Registers a type implementing [`detector::Guest`] as the component's exports.
pub use detector::export_detector;

/// Registers a type implementing [`translator::Guest`] as the component's exports.
pub use translator::export_translator;

/// Registers a type implementing [`scorer::Guest`] as the component's exports.
#[cfg(feature = "scorer")]
pub use scorer::export_scorer;

/// The skills-audit records of the `scorer` world.
#[cfg(feature = "scorer")]
pub use scorer::opgap::plugin::readiness;

/// The shared records of the contract.
pub use detector::opgap::plugin::types;

/// The version of the WIT package this SDK was generated from. Put it in
/// `PluginInfo::api_version`.
pub const API_VERSION: &str = "0.1.0";

pub mod blocks;
pub mod detect;
pub mod find;
pub mod prefilter;
pub mod rules;
pub mod testing;
pub mod text;
pub mod translate;

/// A warning in the host's plugin log; outside wasm (native unit tests)
/// there is no host, so nothing is sent.
pub fn log_warning(message: &str) {
    #[cfg(target_family = "wasm")]
    log(detector::opgap::plugin::host::Level::Warn, message);
    #[cfg(not(target_family = "wasm"))]
    let _ = message;
}

/// Send a line to the host's bounded plugin log.
pub fn log(level: detector::opgap::plugin::host::Level, message: &str) {
    detector::opgap::plugin::host::log(level, message);
}

/// Export a [`rules::Detector`] as the component's `detector` world.
///
/// `$detector` is a function returning `&'static rules::Detector`, so the
/// rules compile once per instance and are reused for every document.
/// Outside wasm this expands to nothing, so the plugin's logic can be unit
/// tested natively.
#[macro_export]
macro_rules! export_rules_detector {
    ($detector:path) => {
        #[cfg(target_family = "wasm")]
        mod __opgap_component {
            // So that `$detector` may be named as in the calling module.
            #[allow(unused_imports)]
            use super::*;

            struct Component;

            impl $crate::detector::Guest for Component {
                fn info() -> $crate::types::PluginInfo {
                    $detector().info()
                }
                fn detect(doc: $crate::types::Document) -> Vec<$crate::types::Finding> {
                    $detector().detect(&doc)
                }
            }

            $crate::export_detector!(Component);
        }
    };
}
