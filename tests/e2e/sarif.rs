//! `--format sarif`: valid SARIF 2.1.0 that code-scanning dashboards accept.

use serde_json::Value;

use crate::support::*;

fn sarif(paths: &[&std::path::Path], extra: &[&str]) -> (Option<i32>, Value) {
    let out = opgap(shared_cache())
        .args(paths)
        .args(["--format", "sarif"])
        .args(extra)
        .output()
        .unwrap();
    let log = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), log)
}

#[test]
fn the_sample_estate_as_sarif_validates_and_carries_what_github_needs() {
    let estate = workspace().join("corpus/acme-runbooks");
    let (code, log) = sarif(&[&estate], &["--stack", "proxmox"]);
    assert_eq!(code, Some(0));
    let problems = sarif_problems(&log);
    assert!(problems.is_empty(), "{problems:#?}");
    // The validator is not a no-op: a log without runs, or a result with a
    // level SARIF does not know, is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_problems(&broken).is_empty());
    assert!(!sarif_problems(&serde_json::json!({"version": "2.1.0"})).is_empty());
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for rule in rules {
        for field in [
            "id",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(rule.get(field).is_some(), "{field} missing: {rule:#}");
        }
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("On proxmox"),
            "{rule:#}"
        );
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            !uri.starts_with('/') && !uri.contains("://"),
            "repo-relative: {uri}"
        );
        assert!(
            locations[0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
        assert!(r["partialFingerprints"]["opgap/v1"].as_str().unwrap().len() == 32);
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn fingerprints_survive_moved_and_reindented_lines() {
    let repo = Repo::new();
    repo.write("a.md", "# Patch\n\n- vMotion web01 to esx02.\n")
        .commit("a");
    let fingerprints = |repo: &Repo| -> Vec<String> {
        let (_, log) = sarif(&[repo.path()], &[]);
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["opgap/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let before = fingerprints(&repo);
    repo.write(
        "a.md",
        "# Patch\n\nRead this first.\n\n## Steps\n\n-   vMotion   web01 to esx02.\n",
    )
    .commit("moved");
    assert_eq!(fingerprints(&repo), before);
    repo.write("a.md", "# Patch\n\n- vMotion web02 to esx02.\n")
        .commit("changed");
    assert_ne!(fingerprints(&repo), before);
}

#[test]
fn several_repositories_and_partial_results_stay_valid_sarif() {
    let (a, b) = (Repo::new(), Repo::new());
    a.write("a.md", "Use vMotion.\n").commit("a");
    b.write("b.ps1", "Connect-VIServer vc01\n").commit("b");
    let junk = a.path().join("junk.wasm");
    std::fs::write(&junk, b"junk").unwrap();
    let (code, log) = sarif(&[a.path(), b.path()], &["--plugin", junk.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    let problems = sarif_problems(&log);
    assert!(problems.is_empty(), "{problems:#?}");
    let run = &log["runs"][0];
    let bases = run["originalUriBaseIds"].as_object().unwrap();
    assert_eq!(bases.len(), 2);
    for r in run["results"].as_array().unwrap() {
        let base = r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
            .as_str()
            .unwrap();
        assert!(bases.contains_key(base), "{base}");
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("junk.wasm")
    );
}
