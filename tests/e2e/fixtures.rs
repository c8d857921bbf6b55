//! Every built-in plugin's annotated fixtures hold: no missing and no extra
//! finding on any line.

use std::process::Command;

use crate::support::*;

#[test]
fn every_builtin_plugins_fixtures_pass() {
    let dirs: Vec<_> = plugins_with_fixtures()
        .into_iter()
        .map(|(_, dir)| dir)
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .env("NO_COLOR", "1")
        .args(["plugin", "test", "--cache-dir"])
        .arg(shared_cache())
        .args(&dirs)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "fixtures failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("all as expected"), "{stdout}");
}

#[test]
fn a_wrong_expectation_is_reported_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("f.md"),
        "<!-- expect: vmware.drs -->\nUse vMotion.\nplain vSAN line\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .env("NO_COLOR", "1")
        .args(["plugin", "test", "--cache-dir"])
        .arg(shared_cache())
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "f.md:2: Use vMotion.\n  - missing vmware.drs\n  + extra   vmware.vmotion (vMotion)\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("f.md:3: plain vSAN line\n  + extra   vmware.vsan.cluster (vSAN)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("2 mismatches"), "{stdout}");

    // A single fixture file works the same way.
    let one = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .env("NO_COLOR", "1")
        .args(["plugin", "test", "--cache-dir"])
        .arg(shared_cache())
        .arg(dir.path().join("f.md"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&one.stdout);
    assert_eq!(one.status.code(), Some(1));
    assert!(stdout.contains("/f.md:2: Use vMotion."), "{stdout}");
    assert!(
        stdout.contains("1 fixture files, 1 annotated lines: 2 mismatches"),
        "{stdout}"
    );
}

#[test]
fn plugin_list_names_every_builtin_with_its_rules() {
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .env("NO_COLOR", "1")
        .args(["plugin", "list", "--rules", "--cache-dir"])
        .arg(shared_cache())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for name in ["iac", "powercli", "vmware-cli", "vsphere", "scorer"] {
        let header = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{name} missing:\n{stdout}"));
        assert!(
            header.contains(&format!("builtin:{name} sha256:")),
            "{header}"
        );
    }
    assert!(
        stdout.contains("  powercli/vcenter.session\tvmware.vcenter.session\tlifecycle\thigh\t")
    );
}

/// Each built-in plugin that keeps fixtures: its name and fixture folder
/// (`plugins/examples` is not built in; `.ci/run` tests it).
fn plugins_with_fixtures() -> Vec<(String, std::path::PathBuf)> {
    let mut found: Vec<_> = std::fs::read_dir(workspace().join("plugins"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|dir| dir.join("fixtures").is_dir() && !dir.ends_with("examples"))
        .map(|dir| {
            let name = dir.file_name().unwrap().to_str().unwrap().to_string();
            (name, dir.join("fixtures"))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no plugin keeps fixtures");
    found
}

/// `(rule id, construct)` of every rule `opgap plugin list` shows for one
/// built-in plugin.
fn listed_rules(plugin: &str) -> Vec<(String, String)> {
    let list = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["plugin", "list", "--rules", "--only", plugin, "--cache-dir"])
        .arg(shared_cache())
        .output()
        .unwrap();
    let rules: Vec<(String, String)> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .map(|l| {
            let mut fields = l.split('\t');
            let id = fields.next().unwrap().to_string();
            (id, fields.next().unwrap().to_string())
        })
        .collect();
    assert!(!rules.is_empty(), "no rules listed for {plugin}");
    rules
}

/// Every rule of a built-in plugin that has fixtures fires on at least one
/// fixture line (scanned with that plugin alone, so no other plugin's
/// finding can stand in for it).
#[test]
fn every_rule_has_a_positive_fixture() {
    for (name, fixtures) in plugins_with_fixtures() {
        let run = scan_json(shared_cache(), &fixtures, &["--worktree", "--only", &name]);
        let fired: std::collections::HashSet<&str> = run
            .findings()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let missing: Vec<String> = listed_rules(&name)
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| !fired.contains(id.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: rules without a positive fixture: {missing:?}"
        );
    }
}

/// Every construct a built-in plugin can report has a negative fixture: a
/// line marked `ok:` for it, a near miss that must not yield it.
#[test]
fn every_construct_has_a_negative_fixture() {
    for (name, fixtures) in plugins_with_fixtures() {
        let mut negatives = std::collections::HashSet::new();
        for file in std::fs::read_dir(&fixtures).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            negatives.extend(opgap::fixture::parse(&text).ok.into_values().flatten());
        }
        let constructs: std::collections::BTreeSet<String> =
            listed_rules(&name).into_iter().map(|(_, c)| c).collect();
        let missing: Vec<&String> = constructs
            .iter()
            .filter(|c| !negatives.contains(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: constructs without a negative fixture: {missing:?}"
        );
    }
}
