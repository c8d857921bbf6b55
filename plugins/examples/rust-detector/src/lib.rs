//! `acme-backup`: runbook steps that drive the (fictional) `acmebk` backup
//! CLI through vCenter's backup API. The same four rules as the
//! JavaScript example in `plugins/examples/js-detector`, over the SDK's
//! rule engine, and the same fixtures; `docs/plugins.md` compares their
//! cost.

use std::sync::OnceLock;

use opgap_pdk::rules::{Detector, Rule};

static RULES: &[Rule] = &[
    Rule::strong(
        "vmware.vadp",
        r"\bacmebk\s+job\s+(?:run|create)\b[^\n]*?--vcenter\b",
    ),
    Rule::strong(
        "vmware.backup.restore",
        r"\bacmebk\s+restore\b[^\n]*?--vcenter\b",
    ),
    Rule::strong(
        "vmware.backup.app_consistency",
        r"\bacmebk\b[^\n]*?--quiesce\b",
    ),
    Rule::strong("vmware.cbt", r"\bacmebk\b[^\n]*?--cbt\b"),
];

/// Compiled once per instance, reused for every document.
pub fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        Detector::new(
            "acme-backup",
            "acmebk steps that depend on vCenter (written in Rust)",
            RULES,
        )
    })
}

opgap_pdk::export_rules_detector!(detector);

#[cfg(test)]
mod tests {
    use super::*;
    use opgap_pdk::testing::{constructs, doc, para};

    #[test]
    fn a_vcenter_job_is_found_and_a_proxmox_one_is_not() {
        let found = constructs(
            detector(),
            &doc(vec![para(
                &[],
                "Run `acmebk job run --vcenter vc01 --vm db01 --cbt`.",
            )]),
        );
        assert_eq!(found, ["vmware.vadp", "vmware.cbt"]);
        let clean = doc(vec![para(
            &[],
            "Run `acmebk job run --proxmox pve01 --vmid 101`.",
        )]);
        assert!(constructs(detector(), &clean).is_empty());
    }
}
