use std::collections::HashSet;

use super::*;

const PLACEHOLDERS: &[&str] = &["vm", "host", "snapshot", "datastore", "cluster", "network"];

/// The `{name}` placeholders of a replacement line (a shell `${VAR}` is
/// not one).
fn placeholders(text: &str) -> Vec<&str> {
    text.match_indices('{')
        .filter(|(i, _)| !text[..*i].ends_with('$'))
        .filter_map(|(i, _)| text[i + 1..].split_once('}').map(|(name, _)| name))
        .collect()
}

/// One record per catalogue construct, each complete and well formed.
fn check_stack(stack: &str) {
    has_one_record_per_construct(stack);
    records_are_complete_and_well_formed(stack);
}

#[test]
fn libvirt_table_is_complete() {
    check_stack("libvirt");
}

#[test]
fn proxmox_table_is_complete() {
    check_stack("proxmox");
}

#[test]
fn ovirt_table_is_complete() {
    check_stack("ovirt");
}

#[test]
fn openstack_table_is_complete() {
    check_stack("openstack");
}

fn has_one_record_per_construct(stack: &str) {
    let table = table(stack).unwrap();
    let mut seen = HashSet::new();
    for t in table {
        assert!(
            opgap_catalogue::construct(t.construct).is_some(),
            "{stack}: unknown construct {}",
            t.construct
        );
        assert!(seen.insert(t.construct), "{stack}: {} twice", t.construct);
    }
    let missing: Vec<&str> = opgap_catalogue::CONSTRUCTS
        .iter()
        .map(|c| c.id)
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(missing.is_empty(), "{stack}: no record for {missing:?}");
}

fn records_are_complete_and_well_formed(stack: &str) {
    for t in table(stack).unwrap() {
        let at = format!("{stack}/{}", t.construct);
        assert!(effort::ALL.contains(&t.effort), "{at}: effort {}", t.effort);
        assert!(!t.caveats.is_empty(), "{at}: no caveat");
        assert!(!t.references.is_empty(), "{at}: no reference");
        for r in t.references {
            assert!(r.starts_with("https://"), "{at}: reference {r}");
        }
        match t.fidelity {
            Fidelity::None => {
                assert!(
                    !t.instead.is_empty(),
                    "{at}: none without what to do instead"
                )
            }
            _ => assert!(!t.replacement.is_empty(), "{at}: no replacement"),
        }
        let layer = opgap_catalogue::construct(t.construct).unwrap().layer;
        if layer == "observability" {
            assert!(!t.signal.is_empty(), "{at}: no KVM-side signal");
        }
        for line in t.replacement {
            for name in placeholders(line) {
                assert!(
                    PLACEHOLDERS.contains(&name),
                    "{at}: unknown placeholder {{{name}}}"
                );
            }
        }
        for text in t.caveats.iter().chain([&t.instead, &t.signal]) {
            assert!(
                !text.contains('\n') && text.trim() == *text,
                "{at}: untidy text {text:?}"
            );
        }
    }
}

#[test]
fn fault_tolerance_has_no_equivalent_anywhere() {
    for stack in STACKS {
        let ft = translate("vmware.ft", stack).unwrap();
        assert_eq!(ft.fidelity, Fidelity::None, "{stack}");
    }
}

#[test]
fn plain_libvirt_has_no_drs() {
    assert_eq!(
        translate("vmware.drs", "libvirt").unwrap().fidelity,
        Fidelity::None
    );
}
