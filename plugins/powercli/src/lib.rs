//! `powercli`: built-in detector for PowerCLI cmdlets and sessions in PowerShell scripts and code blocks.
//!
//! The rule table is in `rules.rs`; matching, context and spans come from
//! the SDK's rule engine. Tests run natively.

mod rules;

use std::sync::LazyLock;

use opgap_pdk::rules::Detector;

pub use rules::RULES;

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_literals(
        "powercli",
        "PowerCLI cmdlets and sessions in PowerShell scripts and code blocks",
        RULES,
        include!(concat!(env!("OUT_DIR"), "/literals.rs")),
    )
});

/// The detector, compiled once per instance.
pub fn detector() -> &'static Detector {
    &DETECTOR
}

opgap_pdk::export_rules_detector!(crate::detector);

#[cfg(test)]
mod tests;
