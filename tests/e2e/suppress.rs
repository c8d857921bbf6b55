//! Inline suppressions: accepted findings stay in the report, marked, and
//! stop counting; a suppression without a reason or without effect is
//! itself reported.

use crate::support::*;

fn repo() -> Repo {
    let repo = Repo::new();
    repo.write(
        "patching.md",
        "# Steps\n\n<!-- opgap-ignore vmotion: runbook retired in Q3 -->\n- vMotion every VM off the host.\n\n\
         - vSphere Fault Tolerance protects the gateway.\n\n<!-- opgap-ignore drs -->\n- Check DRS is fully automated.\n",
    )
    .commit("a");
    repo
}

#[test]
fn a_suppressed_finding_is_marked_in_json_and_sarif_and_stops_counting() {
    let repo = repo();
    let run = scan_json(shared_cache(), repo.path(), &[]);
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");
    let vmotion = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "vmware.vmotion")
        .unwrap();
    assert_eq!(
        vmotion["suppressed"],
        serde_json::json!({"reason": "runbook retired in Q3", "line": 3, "scope": "next"})
    );
    let ft = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "vmware.ft")
        .unwrap();
    assert!(ft.get("suppressed").is_none());
    // The reasonless one is reported and suppresses nothing.
    let drs = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "vmware.drs")
        .unwrap();
    assert!(drs.get("suppressed").is_none());
    let note = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "opgap.suppression")
        .expect("the reasonless suppression is reported");
    assert_eq!(note["line"], 8);
    assert!(note["message"].as_str().unwrap().contains("no reason"));
    // Steps: three list items; vMotion's is accepted, so two depend.
    assert_eq!(run.json["operating_model"]["dependent"], 2);

    let out = opgap(shared_cache())
        .arg(repo.path())
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = sarif_problems(&log);
    assert!(problems.is_empty(), "{problems:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "vmware.vmotion");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "runbook retired in Q3"
    );
}

#[test]
fn suppressed_findings_leave_the_terminal_list_and_the_exit_status() {
    let repo = Repo::new();
    repo.write(
        "a.md",
        "# Steps\n\n<!-- opgap-ignore-file: whole runbook retired in Q3 -->\n- vMotion every VM off the host.\n",
    )
    .commit("a");
    let out = opgap_as_is(shared_cache())
        .arg(repo.path())
        .args(["--no-index", "-q"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("a.md:4"), "{stdout}");
    assert!(
        stdout.contains("0 findings in 0 files, 1 suppressed"),
        "{stdout}"
    );
}
