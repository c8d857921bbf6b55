//! `opgap scan --stack`: every finding carries a translation for the stack,
//! or an explicit untranslated marker; the JSON still matches the schema.

use crate::support::*;

#[test]
fn every_finding_is_translated_for_the_stack_asked() {
    let repo = Repo::new();
    repo.write(
        "runbook.md",
        "# Host patching\n\nvMotion the VMs off, then enter maintenance mode.\n\
         vSphere Fault Tolerance protects the label printer.\n",
    )
    .commit("a");
    for stack in ["libvirt", "proxmox", "ovirt", "openstack"] {
        let run = scan_json(shared_cache(), repo.path(), &["--stack", stack]);
        assert_eq!(run.code(), 0, "{}", run.stderr());
        assert!(!run.findings().is_empty());
        for f in run.findings() {
            let t = &f["translation"];
            assert_eq!(t["status"], "translated", "{stack}: {f:#}");
            assert_eq!(t["stack"], stack);
            assert_eq!(t["translator"], format!("translate-{stack}"));
            if f["construct"] == "vmware.ft" {
                assert_eq!(t["fidelity"], "none", "{stack}: FT has no equivalent");
                assert!(!t["instead"].as_str().unwrap().is_empty());
            }
        }
    }
}

#[test]
fn without_a_translator_findings_are_marked_untranslated() {
    let repo = Repo::new();
    repo.write("runbook.md", "Use vMotion for the move.\n")
        .commit("a");
    let plugin = vsphere_component().to_str().unwrap().to_string();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--no-builtin", "--plugin", &plugin, "--stack", "proxmox"],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(!run.findings().is_empty());
    for f in run.findings() {
        assert_eq!(
            f["translation"],
            serde_json::json!({"status": "untranslated", "stack": "proxmox"})
        );
    }
}

#[test]
fn findings_carry_no_translation_unless_asked() {
    let repo = Repo::new();
    repo.write("runbook.md", "Use vMotion for the move.\n")
        .commit("a");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert!(
        run.findings()
            .iter()
            .all(|f| f.get("translation").is_none())
    );
}

#[test]
fn translated_reports_match_the_published_schema() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion. vSphere FT protects it.\n")
        .commit("a");
    let plugin = vsphere_component().to_str().unwrap().to_string();
    for extra in [
        vec!["--stack", "openstack"],
        vec!["--no-builtin", "--plugin", &plugin, "--stack", "ovirt"],
    ] {
        let run = scan_json(shared_cache(), repo.path(), &extra);
        let problems = schema_problems(&run.json);
        assert!(problems.is_empty(), "{problems:#?}\n{:#}", run.json);
    }
}

#[test]
fn captured_arguments_fill_the_replacement_and_nothing_else_does() {
    let repo = Repo::new();
    repo.write(
        "move.ps1",
        "Connect-VIServer vc01\nMove-VM -VM web01 -Destination esx02\n\
         Move-VM -VM 'web01; rm -rf /' -Destination esx02\n",
    )
    .commit("a");
    let run = scan_json(shared_cache(), repo.path(), &["--stack", "proxmox"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let replacements = |line: u64| -> Vec<String> {
        run.findings()
            .iter()
            .filter(|f| f["line"] == line && f["construct"] == "vmware.vmotion")
            .flat_map(|f| f["translation"]["replacement"].as_array().unwrap().clone())
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    let plain = replacements(2);
    assert!(
        plain
            .iter()
            .any(|r| r.contains("qm migrate <vmid of web01> <node for esx02>")),
        "{plain:?}"
    );
    let hostile = replacements(3);
    assert!(!hostile.is_empty());
    assert!(hostile.iter().all(|r| !r.contains("rm -rf")), "{hostile:?}");
    assert!(hostile.iter().any(|r| r.contains("{vm}")), "{hostile:?}");
}
