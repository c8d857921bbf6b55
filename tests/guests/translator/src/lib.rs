//! A team's own translator, as a third party would write one: it knows how
//! its in-house tooling replaces VM snapshots on Proxmox VE and nothing
//! else, so every other construct falls through to the built-ins.
//!
//! | construct             | answer on `proxmox`                           |
//! |-----------------------|-----------------------------------------------|
//! | `vmware.snapshot.create` | `opsctl snapshot {vm}`, fidelity equivalent   |
//! | `vmware.drs`          | panics (a translator bug the host contains)   |
//! | anything else         | no answer                                     |

use opgap_pdk::types::{Fidelity, Finding, PluginInfo, Translation};

pub const STACK: &str = "proxmox";
/// Placeholders in braces are filled by the host from the finding's line.
pub const REPLACEMENT: &str = "opsctl snapshot {vm} --name {snapshot}";

pub fn info() -> PluginInfo {
    PluginInfo {
        name: "in-house-translator".into(),
        version: "0.0.1".into(),
        api_version: opgap_pdk::API_VERSION.into(),
        description: "our snapshot tooling on Proxmox VE".into(),
        rules: Vec::new(),
    }
}

pub fn translate(finding: &Finding, stack: &str) -> Option<Translation> {
    if stack != STACK {
        return None;
    }
    match finding.construct.as_str() {
        "vmware.snapshot.create" => Some(Translation {
            construct: finding.construct.clone(),
            stack: stack.into(),
            fidelity: Fidelity::Equivalent,
            replacement: vec![REPLACEMENT.into()],
            caveats: vec!["opsctl freezes the guest through qemu-guest-agent".into()],
            instead: String::new(),
            signal: String::new(),
            references: vec!["https://wiki.example.internal/opsctl".into()],
            effort: 1,
        }),
        "vmware.drs" => panic!("in-house translator has no DRS table"),
        _ => None,
    }
}

#[cfg(target_family = "wasm")]
mod component {
    struct Component;

    impl opgap_pdk::translator::Guest for Component {
        fn info() -> opgap_pdk::types::PluginInfo {
            super::info()
        }
        fn translate(
            finding: opgap_pdk::types::Finding,
            stack: String,
        ) -> Option<opgap_pdk::types::Translation> {
            super::translate(&finding, &stack)
        }
    }

    opgap_pdk::export_translator!(Component);
}
