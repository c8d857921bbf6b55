use opgap_pdk::testing::*;
use opgap_pdk::types::Format;

use super::detector;

fn ps(text: &str) -> Vec<String> {
    constructs(detector(), &script(Format::Powershell, "powershell", text))
}

#[test]
fn the_rule_table_compiles() {
    assert_eq!(detector().info().rules.len(), super::RULES.len());
}

#[test]
fn a_vi_session_makes_shared_cmdlets_vmware() {
    assert_eq!(
        ps("Connect-VIServer vc01\nGet-VM web01 | Move-VM -Destination esx02\n"),
        vec![
            "vmware.vcenter.session",
            "vmware.vm.inventory_query",
            "vmware.vmotion"
        ]
    );
}

#[test]
fn hyper_v_scripts_are_not_powercli() {
    assert!(ps("Import-Module Hyper-V\nGet-VM -ComputerName hv01\nMove-VM -Name x -DestinationHost hv02\n").is_empty());
    // Without a VI session the shared cmdlets prove nothing.
    assert!(ps("Get-VM web01\nStart-VM web01\n").is_empty());
}

#[test]
fn snapshot_parameters_name_the_snapshot_kind() {
    let found = ps("Connect-VIServer vc01\nNew-Snapshot -VM db01 -Name pre -Quiesce\n");
    assert!(
        found.contains(&"vmware.snapshot.quiesce".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"vmware.snapshot.create".to_string()),
        "{found:?}"
    );
}

/// Every rule the prefilter skips on a sample text really has no match there.
#[test]
fn the_prefilter_never_skips_a_rule_that_matches_the_samples() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    assert_prefilter_sound(crate::detector(), &corpus);
}
