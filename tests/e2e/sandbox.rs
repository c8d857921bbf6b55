//! Hostile plugins: each failure is named, bounded in time, and leaves every
//! other plugin's findings intact.

use std::time::{Duration, Instant};

use crate::support::*;

/// A repo with one runbook the built-in detector has findings in, and one
/// document carrying `directive` for the hostile guest.
fn repo_with(directive: &str) -> Repo {
    let repo = Repo::new();
    repo.write("runbooks/move.md", "Use vMotion, then check vSAN.\n")
        .write("probe.md", format!("# Probe\n\n{directive}\n"))
        .commit("runbooks");
    repo
}

/// Scan with the hostile guest under a short deadline; return the run and
/// its wall time.
fn scan_hostile(repo: &Repo, deadline_ms: u64) -> (Run, Duration) {
    let guest = hostile_guest().to_str().unwrap().to_string();
    let deadline = deadline_ms.to_string();
    let started = Instant::now();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &[
            "--plugin",
            &guest,
            "--deadline-ms",
            &deadline,
            "--jobs",
            "2",
        ],
    );
    (run, started.elapsed())
}

fn the_builtin_findings_survive(run: &Run) {
    let vsphere: Vec<_> = run
        .locations()
        .into_iter()
        .filter(|l| l.0 == "runbooks/move.md")
        .map(|l| l.3)
        .collect();
    assert_eq!(vsphere, vec!["vmware.vmotion", "vmware.vsan.cluster"]);
}

/// The error the hostile guest caused on probe.md.
fn probe_error(run: &Run) -> serde_json::Value {
    run.errors()
        .iter()
        .find(|e| e["plugin"] == "hostile" && e["path"] == "probe.md")
        .unwrap_or_else(|| panic!("no hostile error on probe.md: {:#}", run.json["errors"]))
        .clone()
}

#[test]
fn an_infinite_loop_hits_the_deadline_and_others_still_report() {
    // No directive: the guest spins on every document.
    let repo = repo_with("nothing to see");
    let (run, elapsed) = scan_hostile(&repo, 300);
    assert_eq!(run.code(), 2, "partial results exit 2");
    assert_eq!(run.json["partial"], true);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "deadline");
    assert_eq!(e["cause"]["millis"], 300);
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("deadline 300 ms exceeded")
    );
    the_builtin_findings_survive(&run);
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
    assert!(run.stderr().contains("results are partial"));
}

#[test]
fn memory_growth_hits_the_memory_cap() {
    for directive in ["HOSTILE-ALLOC", "HOSTILE-GROW"] {
        let (run, _) = scan_hostile(&repo_with(directive), 5000);
        let e = probe_error(&run);
        assert_eq!(e["cause"]["kind"], "memory-limit", "{directive}");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("memory limit 64 MiB exceeded"),
            "{e}"
        );
        assert_eq!(run.code(), 2);
        the_builtin_findings_survive(&run);
    }
}

#[test]
fn deep_recursion_is_contained() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-DEEP-CALLS"), 5000);
    assert_eq!(probe_error(&run)["cause"]["kind"], "stack-overflow");
    the_builtin_findings_survive(&run);

    let (run, _) = scan_hostile(&repo_with("HOSTILE-RECURSE"), 5000);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "trap");
    assert!(
        e["message"].as_str().unwrap().contains("stack overflow"),
        "{e}"
    );
    the_builtin_findings_survive(&run);
}

#[test]
fn a_panic_is_reported_with_its_message() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-PANIC"), 5000);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "panic");
    assert!(
        e["cause"]["message"]
            .as_str()
            .unwrap()
            .starts_with("hostile guest panicked on purpose"),
        "{e}"
    );
    assert!(e["stderr"].as_str().unwrap().contains("panicked at"));
    the_builtin_findings_survive(&run);
}

#[test]
fn plugins_have_no_files_environment_network_or_time() {
    let repo = repo_with("HOSTILE-PROBE");
    let (run, elapsed) = scan_hostile(&repo, 5000);
    let probe = run
        .findings()
        .iter()
        .find(|f| f["plugin"] == "hostile")
        .expect("probe finding");
    assert_eq!(
        probe["evidence"],
        "file:denied env:empty net:denied dir:denied"
    );

    // Sleeping returns at once: the guest's clock is frozen, so an hour's
    // sleep neither blocks the host nor escapes the deadline.
    let (run2, elapsed2) = scan_hostile(&repo_with("HOSTILE-SLEEP"), 5000);
    assert_eq!(run2.plugin_findings("hostile"), 1);
    assert!(elapsed2 < Duration::from_secs(10) && elapsed < Duration::from_secs(10));

    // Waiting for the clock to move never ends, so the deadline ends it.
    let (run3, _) = scan_hostile(&repo_with("HOSTILE-CLOCK-WAIT"), 300);
    assert_eq!(probe_error(&run3)["cause"]["kind"], "deadline");
}

#[test]
fn out_of_range_spans_are_rejected_not_reported() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-BAD-SPAN"), 5000);
    assert_eq!(run.plugin_findings("hostile"), 0);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "rejected-findings");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("beyond the document")
    );
    assert_eq!(run.code(), 2);
    the_builtin_findings_survive(&run);
}

#[test]
fn a_repeatedly_failing_plugin_is_disabled_for_the_rest_of_the_scan() {
    let repo = Repo::new();
    for i in 0..8 {
        repo.write(&format!("doc{i}.md"), "vMotion\n");
    }
    repo.commit("eight docs");
    let (run, elapsed) = scan_hostile(&repo, 200);
    let failures = run
        .errors()
        .iter()
        .filter(|e| e["cause"]["kind"] == "deadline")
        .count();
    // Two workers may each be mid-call when the third failure lands.
    assert!((3..=4).contains(&failures), "{failures} failures");
    assert!(
        run.errors()
            .iter()
            .any(|e| e["cause"]["kind"] == "plugin-disabled")
    );
    assert_eq!(run.plugin_findings("vsphere"), 8);
    assert!(elapsed < Duration::from_secs(10));
}

#[test]
fn files_that_are_not_components_are_named_load_errors() {
    let repo = repo_with("x");
    let garbage = repo.path().join("garbage.wasm");
    std::fs::write(&garbage, b"definitely not wasm").unwrap();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &[
            "--plugin",
            garbage.to_str().unwrap(),
            "--plugin",
            "/no/such/plugin.wasm",
            // Endless: must be refused without being read.
            "--plugin",
            "/dev/zero",
        ],
    );
    assert_eq!(run.code(), 2);
    let messages: Vec<&str> = run
        .errors()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("garbage.wasm") && messages[0].contains("not a WebAssembly component")
    );
    assert!(messages[1].contains("/no/such/plugin.wasm"));
    assert!(
        messages[2].contains("/dev/zero is not a regular file"),
        "{}",
        messages[2]
    );
    the_builtin_findings_survive(&run);
}

#[test]
fn a_plugin_built_for_another_api_version_is_refused_naming_both() {
    let repo = repo_with("x");
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", future_api_guest().to_str().unwrap()],
    );
    assert_eq!(run.code(), 2);
    let message = run.errors()[0]["message"].as_str().unwrap();
    assert!(
        message.contains("built against opgap:plugin API 0.2.0, this opgap implements 0.1.0"),
        "{message}"
    );
    assert!(run.stderr().is_empty() || !run.stderr().contains("panicked"));
}
