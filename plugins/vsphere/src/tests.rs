use opgap_pdk::testing::*;
use opgap_pdk::types::BlockKind;

use super::detector;

fn c(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_rule_table_compiles_with_unique_ids() {
    let info = detector().info();
    assert_eq!(info.rules.len(), super::RULES.len());
    let ids: std::collections::HashSet<_> = info.rules.iter().map(|r| &r.id).collect();
    assert_eq!(ids.len(), info.rules.len());
}

#[test]
fn storage_vmotion_is_not_also_plain_vmotion() {
    let d = doc(vec![para(&[], "Use Storage vMotion, then vMotion.")]);
    assert_eq!(
        found(detector(), &d),
        vec![
            ("vmware.storage_vmotion".into(), "Storage vMotion".into()),
            ("vmware.vmotion".into(), "vMotion".into()),
        ]
    );
    assert_eq!(detector().detect(&d)[1].span.start, 26);
}

#[test]
fn weak_words_need_vmware_in_the_section() {
    let without = doc(vec![para(&["Backups"], "Take a snapshot before patching.")]);
    assert!(found(detector(), &without).is_empty());
    let with = doc(vec![
        para(&["Backups"], "Log in to vCenter."),
        para(&["Backups"], "Take a snapshot before patching."),
    ]);
    assert_eq!(
        constructs(detector(), &with),
        c(&["vmware.product.vcenter", "vmware.snapshot.create"])
    );
}

#[test]
fn vmware_anywhere_in_a_document_gives_it_context() {
    let d = doc(vec![
        heading(&["vSphere tasks"]),
        para(&["vSphere tasks", "Patching"], "Check DRS first."),
        heading(&["Other"]),
        para(&["Other"], "Check DRS first."),
    ]);
    let drs: Vec<u32> = detector()
        .detect(&d)
        .into_iter()
        .filter(|f| f.construct == "vmware.drs")
        .map(|f| f.span.start)
        .collect();
    assert_eq!(drs, vec![20, 43]);
    let without = doc(vec![
        heading(&["Other"]),
        para(&["Other"], "Check DRS first."),
    ]);
    assert!(found(detector(), &without).is_empty());
}

#[test]
fn other_tools_on_the_line_suppress_weak_words() {
    let d = doc(vec![
        para(&[], "Hosts run ESXi."),
        para(&[], "Take a zfs snapshot of tank first."),
        para(&[], "Check aws drs describe-jobs output."),
        para(&[], "Take a snapshot of the VM."),
    ]);
    assert_eq!(
        constructs(detector(), &d),
        c(&["vmware.product.esxi", "vmware.snapshot.create"])
    );
}

#[test]
fn revert_and_delete_are_their_own_snapshot_constructs() {
    let d = doc(vec![
        para(
            &[],
            "In vCenter, revert to the snapshot if the change fails.",
        ),
        para(&[], "Delete the snapshot after 72 hours."),
    ]);
    assert_eq!(
        constructs(detector(), &d),
        c(&[
            "vmware.product.vcenter",
            "vmware.snapshot.revert",
            "vmware.snapshot.delete_consolidate"
        ])
    );
}

#[test]
fn datastore_paths_are_found() {
    let d = doc(vec![para(
        &[],
        "Edit [ds1] web01/web01.vmx or /vmfs/volumes/ds1/web01/.",
    )]);
    assert_eq!(
        found(detector(), &d),
        vec![
            (
                "vmware.vm.files_vmx_vmdk".into(),
                "[ds1] web01/web01.vmx".into()
            ),
            ("vmware.vm.files_vmx_vmdk".into(), "/vmfs/volumes/".into()),
        ]
    );
}

#[test]
fn inline_code_is_not_scanned_twice() {
    let mut d = doc(vec![para(&[], "Run `vMotion` now.")]);
    let mut inline = block(BlockKind::InlineCode, &[], "`vMotion`");
    inline.span.start = 4;
    inline.span.end = 13;
    d.blocks.push(inline);
    assert_eq!(detector().detect(&d).len(), 1);
}

#[test]
fn weak_words_inside_paths_and_urls_are_not_steps() {
    let d = doc(vec![para(
        &[],
        "[Check DRS](runbooks/DRS-checks.md) in vCenter",
    )]);
    let drs = constructs(detector(), &d)
        .into_iter()
        .filter(|c| c == "vmware.drs")
        .count();
    assert_eq!(drs, 1, "the link text counts, the file name does not");
}

#[test]
fn product_mentions_yield_to_specific_constructs() {
    let d = doc(vec![para(&[], "Enable vSphere HA and check vCenter HA.")]);
    assert_eq!(
        constructs(detector(), &d),
        c(&["vmware.ha", "vmware.vcenter_ha_backup"])
    );
}

#[test]
fn migration_steps_claim_their_line() {
    let d = doc(vec![code(
        "sh",
        "qemu-img convert -f vmdk -O qcow2 web01-flat.vmdk web01.qcow2\nls /vmfs/volumes/ds1\n",
    )]);
    assert_eq!(
        constructs(detector(), &d),
        c(&["vmware.migration_step", "vmware.vm.files_vmx_vmdk"])
    );
}

#[test]
fn templates_in_jinja_and_heat_are_not_vm_templates() {
    let d = doc(vec![
        para(&[], "All of this runs in vSphere."),
        para(&[], "Render the Jinja template with {{ vars }}."),
        para(&[], "Convert the VM to a template."),
    ]);
    assert_eq!(
        constructs(detector(), &d),
        c(&["vmware.product.vsphere", "vmware.template_clone"])
    );
}

/// Every rule the prefilter skips on a sample text really has no match there.
#[test]
fn the_prefilter_never_skips_a_rule_that_matches_the_samples() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    assert_prefilter_sound(crate::detector(), &corpus);
}
