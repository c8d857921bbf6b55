//! `iac`: built-in detector for Ansible vmware modules, Terraform vsphere/nsxt resources, pyVmomi and vSphere CSI.
//!
//! The rule table is in `rules.rs`; matching, context and spans come from
//! the SDK's rule engine. Tests run natively.

mod rules;

use std::sync::LazyLock;

use opgap_pdk::rules::Detector;

pub use rules::RULES;

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_literals(
        "iac",
        "Ansible vmware modules, Terraform vsphere/nsxt resources, pyVmomi and vSphere CSI",
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
