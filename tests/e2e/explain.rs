//! `opgap explain`: one construct, its detecting rules and its translations.

use std::process::Command;

use crate::support::*;

fn explain(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_opgap"))
        .env("NO_COLOR", "1")
        .args(["explain", "--cache-dir"])
        .arg(shared_cache())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_construct_is_explained_with_its_rules_and_translations() {
    let out = explain(&["vmotion", "--stack", "proxmox", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["construct"], "vmware.vmotion");
    assert_eq!(e["layer"], "vmotion");
    let plugins: Vec<&str> = e["detected_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["plugin"].as_str().unwrap())
        .collect();
    for p in ["vsphere", "powercli", "vmware-cli", "iac"] {
        assert!(plugins.contains(&p), "{p} detects vMotion: {plugins:?}");
    }
    let t = e["translations"].as_array().unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0]["status"], "translated");
    assert_eq!(t[0]["stack"], "proxmox");
    let replacement = t[0]["replacement"].as_array().unwrap();
    assert!(
        replacement
            .iter()
            .any(|r| r.as_str().unwrap().contains("qm migrate")),
        "{replacement:?}"
    );
}

#[test]
fn without_a_stack_all_four_are_shown() {
    let out = explain(&["vmware.drs"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for stack in ["libvirt", "proxmox", "ovirt", "openstack"] {
        assert!(text.contains(&format!("on {stack}:")), "{text}");
    }
    assert!(text.contains("on libvirt: none"), "{text}");
}

#[test]
fn an_unknown_construct_is_refused_with_suggestions() {
    let out = explain(&["snapshot"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no construct is named snapshot"), "{err}");
    assert!(err.contains("vmware.snapshot.revert"), "{err}");
}
