//! `opgap baseline` and `scan --baseline`: only new findings are reported,
//! and moved or re-indented lines are not new.

use std::process::Command;

use crate::support::*;

fn write_baseline(repo: &Repo, file: &std::path::Path) {
    succeeds(
        Command::new(env!("CARGO_BIN_EXE_opgap"))
            .arg("baseline")
            .arg("--cache-dir")
            .arg(shared_cache())
            .arg("-o")
            .arg(file)
            .arg(repo.path()),
    );
}

#[test]
fn only_new_findings_are_reported_after_a_baseline() {
    let repo = Repo::new();
    repo.write(
        "a.md",
        "# Steps\n\n- vMotion every VM off the host.\n- vMotion every VM off the host.\n",
    )
    .commit("a");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("baseline.json");
    write_baseline(&repo, &file);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["schema"], "opgap.baseline/1");
    assert_eq!(saved["findings"][0]["count"], 2);

    let baseline = file.to_str().unwrap();
    let run = scan_json(shared_cache(), repo.path(), &["--baseline", baseline]);
    assert!(run.findings().is_empty(), "{:#?}", run.findings());
    assert_eq!(run.json["baseline"]["matched"], 2);
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");

    // Moved down, re-indented, and a third copy plus a new construct.
    repo.write(
        "a.md",
        "# Steps\n\nFirst read this.\n\n-   vMotion every VM   off the host.\n- vMotion every VM off the host.\n\
         - vMotion every VM off the host.\n- vSphere Fault Tolerance protects the gateway.\n",
    )
    .commit("b");
    let run = scan_json(shared_cache(), repo.path(), &["--baseline", baseline]);
    let new: Vec<(u64, &str)> = run
        .findings()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["construct"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        new,
        [(7, "vmware.vmotion"), (8, "vmware.ft")],
        "only the third copy and FT are new"
    );
    let sarif = opgap(shared_cache())
        .arg(repo.path())
        .args(["--format", "sarif", "--baseline", baseline])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r["baselineState"] == "new"));
    assert!(sarif_problems(&log).is_empty());
    // The exit status gates on the new ones only.
    let status = opgap_as_is(shared_cache())
        .arg(repo.path())
        .args([
            "--no-index",
            "-q",
            "--baseline",
            baseline,
            "--fail-on",
            "critical",
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "FT is critical");
}

#[test]
fn a_broken_baseline_file_is_an_error_naming_file_and_line() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion.\n").commit("a");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.json");
    std::fs::write(
        &file,
        "{\n  \"schema\": \"opgap.baseline/1\",\n  \"findings\": [oops]\n}\n",
    )
    .unwrap();
    let out = opgap(shared_cache())
        .arg(repo.path())
        .arg("--baseline")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:3:", file.display())),
        "{stderr}"
    );
}
