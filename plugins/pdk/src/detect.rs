//! Detectors written in code: implement [`Detect`] (only `NAME`, `rules`
//! and one of `detect_block` / `detect` are needed) and register the type
//! with [`register_detector!`](crate::register_detector). For a rule table
//! of regexes, [`rules::Detector`](crate::rules::Detector) with
//! [`export_rules_detector!`](crate::export_rules_detector) does more for
//! you (context rules, shadowing, comments in scripts).
//!
//! ```
//! use opgap_pdk::detect::Detect;
//! use opgap_pdk::find::{finding, rule, tokens};
//! use opgap_pdk::types::{Block, Document, Finding, Rule, Severity};
//!
//! struct Portal;
//!
//! impl Detect for Portal {
//!     const NAME: &'static str = "vm-portal";
//!     fn rules() -> Vec<Rule> {
//!         vec![rule("vm-portal/move", "vmware.vmotion", Severity::High, "The portal moves VMs with vMotion.")]
//!     }
//!     fn detect_block(block: &Block, _doc: &Document, out: &mut Vec<Finding>) {
//!         let rules = Self::rules();
//!         for m in tokens(block, "vmportal-move") {
//!             out.push(finding(&rules[0], m.span, m.text).build());
//!         }
//!     }
//! }
//!
//! opgap_pdk::register_detector!(Portal);
//!
//! let d = opgap_pdk::testing::doc(vec![opgap_pdk::testing::para(&[], "Run vmportal-move web01.")]);
//! assert_eq!(Portal::detect(&d).len(), 1);
//! assert_eq!(Portal::info().rules[0].layer, "vmotion");
//! ```

use crate::blocks;
use crate::types::{Block, Document, Finding, PluginInfo, Rule};

/// A detector. Everything but `NAME` and `rules` has a default.
pub trait Detect {
    /// The plugin's name, e.g. `vm-portal`; rule ids start with it.
    const NAME: &'static str;
    const VERSION: &'static str = "0.1.0";
    const DESCRIPTION: &'static str = "";

    /// Every rule the detector may report. A finding naming another rule
    /// is rejected by opgap.
    fn rules() -> Vec<Rule>;

    /// Findings in one block ([`blocks::searched`] picks which).
    fn detect_block(block: &Block, doc: &Document, out: &mut Vec<Finding>) {
        let _ = (block, doc, out);
    }

    /// Findings in one document: by default, [`Detect::detect_block`] on
    /// every searched block.
    fn detect(doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        for block in blocks::searched(doc) {
            Self::detect_block(block, doc, &mut out);
        }
        out
    }

    /// What `info()` returns to opgap.
    fn info() -> PluginInfo {
        PluginInfo {
            name: Self::NAME.into(),
            version: Self::VERSION.into(),
            api_version: crate::API_VERSION.into(),
            description: Self::DESCRIPTION.into(),
            rules: Self::rules(),
        }
    }
}

/// Register a type implementing [`Detect`] as the component's `detector`
/// world. Outside wasm it expands to nothing, so the logic can be unit
/// tested natively.
#[macro_export]
macro_rules! register_detector {
    ($detector:ty) => {
        #[cfg(target_family = "wasm")]
        mod __opgap_registered_detector {
            #[allow(unused_imports)]
            use super::*;

            struct Component;

            impl $crate::detector::Guest for Component {
                fn info() -> $crate::types::PluginInfo {
                    <$detector as $crate::detect::Detect>::info()
                }
                fn detect(doc: $crate::types::Document) -> Vec<$crate::types::Finding> {
                    <$detector as $crate::detect::Detect>::detect(&doc)
                }
            }

            $crate::export_detector!(Component);
        }
    };
}
