use opgap_pdk::testing::*;
use opgap_pdk::types::Format;

use super::detector;

fn sh(text: &str) -> Vec<String> {
    constructs(detector(), &script(Format::Shell, "shell", text))
}

#[test]
fn the_rule_table_compiles() {
    assert_eq!(detector().info().rules.len(), super::RULES.len());
}

#[test]
fn govc_esxcli_and_vim_cmd_are_found() {
    let found = sh(
        "govc vm.migrate -host esx02 web01\nesxcli system maintenanceMode set --enable true\nvim-cmd vmsvc/getallvms\n",
    );
    assert!(found.contains(&"vmware.vmotion".to_string()), "{found:?}");
    assert!(
        found.contains(&"vmware.host.maintenance_mode".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"vmware.host.vimcmd".to_string()),
        "{found:?}"
    );
}

#[test]
fn kvm_side_commands_are_not_findings() {
    assert!(
        sh("qm migrate 101 pve2 --online\nvirsh migrate --live web01 qemu+ssh://kvm2/system\n")
            .is_empty()
    );
}

/// Every rule the prefilter skips on a sample text really has no match there.
#[test]
fn the_prefilter_never_skips_a_rule_that_matches_the_samples() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    assert_prefilter_sound(crate::detector(), &corpus);
}
