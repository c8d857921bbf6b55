use opgap_pdk::testing::*;
use opgap_pdk::types::Format;

use super::detector;

fn file(format: Format, language: &str, text: &str) -> Vec<String> {
    constructs(detector(), &script(format, language, text))
}

#[test]
fn the_rule_table_compiles() {
    assert_eq!(detector().info().rules.len(), super::RULES.len());
}

#[test]
fn ansible_terraform_pyvmomi_and_csi_are_found() {
    let yaml = file(
        Format::Yaml,
        "yaml",
        "- name: snap\n  community.vmware.vmware_guest_snapshot:\n    state: present\n",
    );
    assert!(
        yaml.contains(&"vmware.snapshot.create".to_string()),
        "{yaml:?}"
    );
    let tf = file(
        Format::Hcl,
        "hcl",
        "provider \"vsphere\" {}\nresource \"vsphere_virtual_machine\" \"web\" {}\n",
    );
    assert!(tf.contains(&"vmware.vcenter.session".to_string()), "{tf:?}");
    assert!(tf.contains(&"vmware.vm.create".to_string()), "{tf:?}");
    let py = file(
        Format::Python,
        "python",
        "from pyVmomi import vim\nsi = SmartConnect(host=h)\n",
    );
    assert!(py.contains(&"vmware.vcenter.session".to_string()), "{py:?}");
    let csi = file(
        Format::Yaml,
        "yaml",
        "kind: StorageClass\nprovisioner: csi.vsphere.vmware.com\nparameters:\n  storagepolicyname: gold\n",
    );
    assert!(!csi.is_empty(), "{csi:?}");
}

#[test]
fn target_side_modules_are_not_findings() {
    assert!(file(Format::Yaml, "yaml", "- community.general.proxmox_kvm:\n    name: web01\n- ovirt.ovirt.ovirt_vm:\n    name: web02\n").is_empty());
}

/// Every rule the prefilter skips on a sample text really has no match there.
#[test]
fn the_prefilter_never_skips_a_rule_that_matches_the_samples() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    assert_prefilter_sound(crate::detector(), &corpus);
}
