//! `opgap readiness`: questionnaires are written, checked and reported on
//! with file, line, column and key. (Scoring lands with the scorer plugin.)

use std::process::Command;

fn opgap_readiness(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_opgap"))
        .arg("readiness")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn init_writes_a_questionnaire_that_checks_clean_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.toml");
    let file_arg = file.to_str().unwrap();
    assert!(opgap_readiness(&["init", file_arg]).status.success());
    let out = opgap_readiness(&["check", file_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no problems"));
    assert_eq!(opgap_readiness(&["init", file_arg]).status.code(), Some(2));
    assert!(
        opgap_readiness(&["init", "--force", file_arg])
            .status
            .success()
    );
}

#[test]
fn check_reports_every_problem_of_every_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, opgap::readiness::questionnaire::TEMPLATE).unwrap();
    let bad = dir.path().join("bad.toml");
    let text = opgap::readiness::questionnaire::TEMPLATE
        .replace("verifier = \"ben\"", "verifier = \"ana\"")
        .replace(
            "probes = [\"st_ceph_osd_failure\"]",
            "probes = [\"st_ceph_osd_failure\", \"st_made_up\"]",
        )
        .replace("person = \"ana\"\nrole", "person = \"zoe\"\nrole");
    std::fs::write(&bad, text).unwrap();
    let out = opgap_readiness(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("good.toml: 2 people, 1 evidence items, no problems"),
        "{stderr}"
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors.iter().any(|e| e.contains("bad.toml:")
        && e.contains("evidence.probes: `st_made_up` is not in the probe bank")));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("evidence.participant.person: `zoe` is not declared"))
    );
}

#[test]
fn the_probe_bank_is_listed_with_its_critical_probes() {
    let out = opgap_readiness(&["probes"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("  * ")).count(), 16);
    assert!(text.contains("storage (Storage, weight 20, gate)"));
}
