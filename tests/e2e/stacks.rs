//! `opgap stacks`: the four management planes weighed against a real
//! repository, best first, with the reasons.

use std::process::Command;

use crate::support::*;

fn stacks_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
    cmd.env("NO_COLOR", "1")
        .args(["stacks", "--cache-dir"])
        .arg(shared_cache());
    cmd
}

fn decision(repo: &Repo) -> serde_json::Value {
    decision_with(repo, &[])
}

fn decision_with(repo: &Repo, extra: &[&str]) -> serde_json::Value {
    let (stdout, _) = succeeds(
        stacks_command()
            .args(["--format", "json"])
            .args(extra)
            .arg(repo.path()),
    );
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn stacks_are_ranked_with_counts_effort_and_what_has_no_equivalent() {
    let repo = Repo::new();
    repo.write(
        "runbooks/placement.md",
        "# Placement\n\nvSphere DRS balances the cluster.\nA DRS anti-affinity rule keeps \
         the SQL nodes apart.\nvMotion moves VMs off a host before patching.\n",
    )
    .write(
        "runbooks/ft.md",
        "vSphere Fault Tolerance protects the label printer gateway.\n",
    )
    .commit("runbooks");
    let d = decision(&repo);
    let ranking = d["ranking"].as_array().unwrap();
    let stacks: Vec<&str> = ranking
        .iter()
        .map(|s| s["stack"].as_str().unwrap())
        .collect();
    let mut sorted = stacks.clone();
    sorted.sort();
    assert_eq!(sorted, ["libvirt", "openstack", "ovirt", "proxmox"]);
    let efforts: Vec<u64> = ranking
        .iter()
        .map(|s| s["effort"].as_u64().unwrap())
        .collect();
    assert!(
        efforts.windows(2).all(|w| w[0] <= w[1]),
        "best first: {efforts:?}"
    );
    let steps = d["steps"].as_u64().unwrap();
    for s in ranking {
        let counted: u64 = ["equivalent", "partial", "none", "untranslated"]
            .iter()
            .map(|k| s[k].as_u64().unwrap())
            .sum();
        assert_eq!(counted, steps, "{s:#}");
        let no_equivalent: Vec<&str> = s["no_equivalent"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["construct"].as_str().unwrap())
            .collect();
        assert!(no_equivalent.contains(&"vmware.ft"), "{s:#}");
        if s["stack"] == "libvirt" {
            assert!(no_equivalent.contains(&"vmware.drs"), "{s:#}");
        }
    }
}

#[test]
fn the_terminal_ranking_names_every_stack_and_its_reasons() {
    let repo = Repo::new();
    repo.write("a.md", "vSphere DRS and vMotion keep the hosts balanced.\n")
        .commit("a");
    let out = stacks_command().arg(repo.path()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for stack in ["libvirt", "proxmox", "ovirt", "openstack"] {
        assert!(text.contains(stack), "{text}");
    }
    assert!(text.contains("costliest:"), "{text}");
    assert!(text.contains("no equivalent: vmware.drs"), "{text}");
}

#[test]
fn an_older_revision_is_weighed_as_it_was_committed() {
    let repo = Repo::new();
    repo.write("a.md", "vMotion moves VMs off a host before patching.\n")
        .commit("first");
    repo.write(
        "b.md",
        "vSphere Fault Tolerance protects the label printer gateway.\n",
    )
    .commit("second");
    let steps = |d: &serde_json::Value| d["steps"].as_u64().unwrap();
    let now = decision(&repo);
    let then = decision_with(&repo, &["--rev", "HEAD~1"]);
    assert!(steps(&then) < steps(&now), "{then:#}\n{now:#}");
    let none_then: Vec<_> = then["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["no_equivalent"].as_array().unwrap().clone())
        .collect();
    assert!(
        none_then.iter().all(|c| c["construct"] != "vmware.ft"),
        "{none_then:?}"
    );
}
