use super::*;
use opgap_pdk::types::{Format, Span};

fn block(kind: BlockKind, heading_path: &[&str], text: &str, start: u32) -> Block {
    Block {
        kind,
        text: text.into(),
        language: None,
        target: None,
        span: Span {
            start,
            end: start + text.len() as u32,
        },
        line: 1,
        column: 1,
        heading_path: heading_path.iter().map(|s| s.to_string()).collect(),
    }
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        repo: "r".into(),
        path: "p.md".into(),
        format: Format::Markdown,
        blocks,
    }
}

fn rules_found(d: &Document) -> Vec<(String, String)> {
    detect(d)
        .into_iter()
        .map(|f| (f.rule_id, f.evidence))
        .collect()
}

#[test]
fn every_rule_pattern_compiles_and_shadowers_exist() {
    assert_eq!(COMPILED.each.len(), RULES.len());
    let info = info();
    assert_eq!(info.rules.len(), RULES.len());
    let ids: HashSet<_> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), RULES.len(), "rule ids are unique");
}

#[test]
fn storage_vmotion_is_not_also_plain_vmotion() {
    let d = doc(vec![block(
        BlockKind::Paragraph,
        &[],
        "Use Storage vMotion, then vMotion.",
        10,
    )]);
    assert_eq!(
        rules_found(&d),
        vec![
            ("vsphere/storage-vmotion".into(), "Storage vMotion".into()),
            ("vsphere/vmotion".into(), "vMotion".into()),
        ]
    );
    let f = detect(&d);
    assert_eq!(f[1].span, Span { start: 36, end: 43 });
}

#[test]
fn weak_snapshot_needs_vmware_in_the_section() {
    let without = doc(vec![block(
        BlockKind::Paragraph,
        &["Backups"],
        "Take a snapshot before patching.",
        0,
    )]);
    assert!(rules_found(&without).is_empty());

    let with = doc(vec![
        block(BlockKind::Paragraph, &["Backups"], "Log in to vCenter.", 0),
        block(
            BlockKind::Paragraph,
            &["Backups"],
            "Take a snapshot before patching.",
            20,
        ),
    ]);
    let found = rules_found(&with);
    assert!(found.contains(&("vsphere/snapshot".into(), "snapshot".into())));
}

#[test]
fn heading_anchor_covers_its_subsections_only() {
    let d = doc(vec![
        block(BlockKind::Heading, &["vSphere tasks"], "vSphere tasks", 2),
        block(
            BlockKind::Paragraph,
            &["vSphere tasks", "Patching"],
            "Check DRS first.",
            20,
        ),
        block(BlockKind::Heading, &["Other"], "Other", 42),
        block(BlockKind::Paragraph, &["Other"], "Check DRS first.", 50),
    ]);
    let drs: Vec<_> = detect(&d)
        .into_iter()
        .filter(|f| f.rule_id == "vsphere/drs")
        .map(|f| f.span.start)
        .collect();
    assert_eq!(drs, vec![26]);
}

#[test]
fn other_tools_on_the_line_suppress_weak_words() {
    let d = doc(vec![block(
        BlockKind::Code,
        &["vCenter"],
        "Connect-VIServer vc01\nzfs snapshot tank/vm@now\naws drs describe-jobs\nNew-Snapshot -VM web01 -Name pre",
        0,
    )]);
    let found = rules_found(&d);
    assert_eq!(
        found,
        vec![
            ("vsphere/vcenter-session".into(), "Connect-VIServer".into()),
            ("vsphere/snapshot-cmd".into(), "New-Snapshot".into()),
        ]
    );
}

#[test]
fn hyper_v_move_vm_is_not_vmotion() {
    let d = doc(vec![block(
        BlockKind::Code,
        &[],
        "Connect-VIServer vc01\nMove-VM -VM web01 -Destination esx02\nMove-VM -Name x -DestinationHost hv2",
        0,
    )]);
    let moves: Vec<_> = rules_found(&d)
        .into_iter()
        .filter(|(r, _)| r == "vsphere/move-vm")
        .collect();
    assert_eq!(moves.len(), 1);
}

#[test]
fn datastore_paths_are_found() {
    let d = doc(vec![block(
        BlockKind::Paragraph,
        &[],
        "Edit [ds1] web01/web01.vmx or /vmfs/volumes/ds1/web01/.",
        0,
    )]);
    let found = rules_found(&d);
    assert_eq!(
        found[0],
        (
            "vsphere/datastore-path".into(),
            "[ds1] web01/web01.vmx".into()
        )
    );
    assert_eq!(
        found[1],
        ("vsphere/datastore-path".into(), "/vmfs/volumes/".into())
    );
}

#[test]
fn inline_code_and_links_are_not_scanned_twice() {
    let d = doc(vec![
        block(BlockKind::Paragraph, &[], "Run `Connect-VIServer`.", 0),
        block(BlockKind::InlineCode, &[], "`Connect-VIServer`", 4),
    ]);
    assert_eq!(detect(&d).len(), 1);
}

#[test]
fn weak_words_inside_paths_and_urls_are_not_steps() {
    let d = doc(vec![block(
        BlockKind::ListItem,
        &[],
        "[VM snapshot](runbooks/snapshot-before-change.md) in vCenter",
        0,
    )]);
    let snapshots: Vec<_> = rules_found(&d)
        .into_iter()
        .filter(|(r, _)| r == "vsphere/snapshot")
        .collect();
    assert_eq!(
        snapshots.len(),
        1,
        "the link text counts, the file name does not"
    );
}
