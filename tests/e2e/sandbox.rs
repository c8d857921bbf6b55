//! Hostile plugins: each failure is named, bounded in time, and leaves every
//! other plugin's findings intact.

use std::time::{Duration, Instant};

use crate::support::*;

/// A repo with one runbook the built-in detector has findings in (where the
/// hostile guest behaves), and one document carrying `directive` for it.
fn repo_with(directive: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "runbooks/move.md",
        "Use vMotion, then check vSAN.\n\nHOSTILE-OK\n",
    )
    .write("probe.md", format!("# Probe\n\n{directive}\n"))
    .commit("runbooks");
    repo
}

/// Scan with the hostile guest under a short deadline; return the run and
/// its wall time.
fn scan_hostile(repo: &Repo, deadline_ms: u64) -> (Run, Duration) {
    scan_hostile_with(repo, deadline_ms, "2")
}

fn scan_hostile_with(repo: &Repo, deadline_ms: u64, jobs: &str) -> (Run, Duration) {
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
            jobs,
        ],
    );
    (run, started.elapsed())
}

/// The built-in detector's findings are all still there.
fn the_builtin_findings_survive(run: &Run) {
    let vsphere: Vec<_> = run
        .locations()
        .into_iter()
        .filter(|l| l.0 == "runbooks/move.md" && l.3 != "test.hostile")
        .map(|l| l.3)
        .collect();
    assert_eq!(vsphere, vec!["vmware.vmotion", "vmware.vsan.cluster"]);
}

/// The built-in findings, and the hostile guest's own finding on the
/// document where it behaves (its instance was replaced after the failure).
fn the_other_findings_survive(run: &Run) {
    the_builtin_findings_survive(run);
    assert!(
        run.findings().iter().any(|f| f["plugin"] == "hostile"
            && f["path"] == "runbooks/move.md"
            && f["evidence"] == "ok"),
        "the guest's finding on move.md is missing"
    );
}

/// The hostile guest's findings on probe.md.
fn probe_findings(run: &Run) -> Vec<serde_json::Value> {
    run.findings()
        .iter()
        .filter(|f| f["plugin"] == "hostile" && f["path"] == "probe.md")
        .cloned()
        .collect()
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
    the_other_findings_survive(&run);
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
        the_other_findings_survive(&run);
    }
}

#[test]
fn deep_recursion_is_contained() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-DEEP-CALLS"), 5000);
    assert_eq!(probe_error(&run)["cause"]["kind"], "stack-overflow");
    the_other_findings_survive(&run);

    let (run, _) = scan_hostile(&repo_with("HOSTILE-RECURSE"), 5000);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "trap");
    assert!(
        e["message"].as_str().unwrap().contains("stack overflow"),
        "{e}"
    );
    the_other_findings_survive(&run);
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
    the_other_findings_survive(&run);
}

#[test]
fn plugins_have_no_files_environment_network_or_time() {
    let repo = repo_with("HOSTILE-PROBE");
    let (run, elapsed) = scan_hostile(&repo, 5000);
    let probe = &probe_findings(&run)[0];
    assert_eq!(
        probe["evidence"],
        "file:denied env:empty net:denied dir:denied"
    );

    // Sleeping returns at once: the guest's clock is frozen, so an hour's
    // sleep neither blocks the host nor escapes the deadline.
    let (run2, elapsed2) = scan_hostile(&repo_with("HOSTILE-SLEEP"), 5000);
    assert_eq!(probe_findings(&run2).len(), 1);
    assert!(elapsed2 < Duration::from_secs(10) && elapsed < Duration::from_secs(10));

    // Waiting for the clock to move never ends, so the deadline ends it.
    let (run3, _) = scan_hostile(&repo_with("HOSTILE-CLOCK-WAIT"), 300);
    assert_eq!(probe_error(&run3)["cause"]["kind"], "deadline");
}

#[test]
fn out_of_range_spans_are_rejected_not_reported() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-BAD-SPAN"), 5000);
    assert!(probe_findings(&run).is_empty());
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "rejected-findings");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("beyond the document")
    );
    assert_eq!(run.code(), 2);
    the_other_findings_survive(&run);
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
    // Sparse, so the test writes nothing: over the 32 MiB limit by size.
    let huge = repo.path().join("huge.wasm");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(33 << 20)
        .unwrap();
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
            "--plugin",
            huge.to_str().unwrap(),
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
    assert!(
        messages[3].contains("huge.wasm is larger than the 32 MiB limit for plugins"),
        "{}",
        messages[3]
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

/// The wall time of the fastest of two scans.
fn fastest_scan(repo: &Repo, deadline_ms: u64) -> (Run, Duration) {
    let (a, ta) = scan_hostile_with(repo, deadline_ms, "1");
    let (b, tb) = scan_hostile_with(repo, deadline_ms, "1");
    if ta <= tb { (a, ta) } else { (b, tb) }
}

#[test]
fn long_finite_work_under_the_deadline_succeeds_and_over_it_fails() {
    let generous = 60_000;
    let (_, overhead) = fastest_scan(&repo_with("HOSTILE-OK"), generous);
    // Grow the work until it is long enough to measure (at least 400 ms).
    let mut millions = 50;
    let (work, repo) = loop {
        let repo = repo_with(&format!("HOSTILE-SPIN {millions}"));
        let (run, took) = fastest_scan(&repo, generous);
        assert_eq!(probe_findings(&run).len(), 1, "{:#}", run.json["errors"]);
        let work = took.saturating_sub(overhead);
        if work >= Duration::from_millis(400) || millions >= 50 * 64 {
            break (work, repo);
        }
        millions *= 2;
    };
    // Four times the work's time is enough (other tests load the machine
    // too); an eighth of it is not.
    let enough = (work.as_millis() as u64) * 4;
    let (run, _) = scan_hostile_with(&repo, enough, "1");
    assert_eq!(
        probe_findings(&run).len(),
        1,
        "work of {work:?} under a {enough} ms deadline: {:#}",
        run.json["errors"]
    );
    assert_eq!(run.code(), 0);
    let short = (work.as_millis() as u64 / 8).max(20);
    let (run, _) = scan_hostile_with(&repo, short, "1");
    assert_eq!(probe_error(&run)["cause"]["kind"], "deadline", "{work:?}");
    the_other_findings_survive(&run);
}

#[test]
fn a_leak_across_documents_fails_one_call_and_the_next_gets_a_fresh_instance() {
    let repo = repo_with("HOSTILE-OK");
    for i in 1..=8 {
        repo.write(&format!("leak/{i}.md"), "HOSTILE-LEAK\n");
    }
    repo.commit("leaky documents");
    // One worker, so one instance sees the documents in order.
    let (run, _) = scan_hostile_with(&repo, 5000, "1");
    let held: Vec<String> = (1..=8)
        .map(|i| {
            let path = format!("leak/{i}.md");
            let finding = run
                .findings()
                .iter()
                .find(|f| f["plugin"] == "hostile" && f["path"] == path.as_str());
            let error = run
                .errors()
                .iter()
                .find(|e| e["plugin"] == "hostile" && e["path"] == path.as_str());
            match (finding, error) {
                (Some(f), None) => f["evidence"].as_str().unwrap().to_string(),
                (None, Some(e)) => e["cause"]["kind"].as_str().unwrap().to_string(),
                other => panic!("{path}: {other:?}"),
            }
        })
        .collect();
    // 24 MiB kept per call: the third call crosses 64 MiB and fails, and
    // the instance that replaces it starts empty.
    assert_eq!(
        held,
        [
            "holding 1",
            "holding 2",
            "memory-limit",
            "holding 1",
            "holding 2",
            "memory-limit",
            "holding 1",
            "holding 2"
        ]
    );
    the_other_findings_survive(&run);
}

#[test]
fn memory_just_under_the_cap_is_allowed() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-NEAR-CAP"), 5000);
    assert_eq!(probe_findings(&run)[0]["evidence"], "held 56");
    assert_eq!(run.code(), 0, "{:#}", run.json["errors"]);
}

#[test]
fn unreachable_and_out_of_bounds_access_are_named_traps() {
    for (directive, words) in [
        ("HOSTILE-UNREACHABLE", "unreachable"),
        ("HOSTILE-OOB", "out of bounds memory access"),
    ] {
        let (run, _) = scan_hostile(&repo_with(directive), 5000);
        let e = probe_error(&run);
        assert_eq!(e["cause"]["kind"], "trap", "{directive}");
        assert!(e["message"].as_str().unwrap().contains(words), "{e}");
        the_other_findings_survive(&run);
    }
}

#[test]
fn floods_of_findings_are_refused_whole() {
    // 100 000 findings fit in the guest's memory but not in one answer.
    let (run, _) = scan_hostile(&repo_with("HOSTILE-FLOOD 100"), 5000);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "invalid-output");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("returned 100000 findings for one document, more than the limit of 50000"),
        "{e}"
    );
    assert!(probe_findings(&run).is_empty());
    the_other_findings_survive(&run);
    // Two million do not even fit in its memory.
    let (run, _) = scan_hostile(&repo_with("HOSTILE-FLOOD 2000"), 5000);
    assert_eq!(probe_error(&run)["cause"]["kind"], "memory-limit");
    the_other_findings_survive(&run);
}

#[test]
fn huge_and_hostile_text_is_cut_and_cleaned() {
    let (run, _) = scan_hostile(&repo_with("HOSTILE-HUGE-TEXT"), 5000);
    let message = probe_findings(&run)[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.len() <= 2048 && message.ends_with('…'),
        "{}",
        message.len()
    );

    let repo = repo_with("HOSTILE-ESCAPES");
    let (run, _) = scan_hostile(&repo, 5000);
    let f = &probe_findings(&run)[0];
    assert_eq!(f["message"], "[2J[31mred[0m txt.exe done");
    assert_eq!(f["evidence"], "]8;;https://evil.exampleclick]8;;");
    // Nothing the plugin wrote reaches a terminal as a control sequence.
    let guest = hostile_guest().to_str().unwrap().to_string();
    let (stdout, _) = succeeds(
        opgap(shared_cache())
            .arg(repo.path())
            .args(["--plugin", &guest, "--format", "terminal"]),
    );
    assert!(stdout.contains("txt.exe done"), "{stdout}");
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'));
}

#[test]
fn reversed_spans_and_spans_splitting_a_character_are_rejected_alone() {
    let (run, _) = scan_hostile(&repo_with("éHOSTILE-TORN-SPANS"), 5000);
    let kept = probe_findings(&run);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["evidence"], "fine");
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "rejected-findings");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("2 finding(s) rejected")
            && message.contains("reversed span")
            && message.contains("splits a character"),
        "{message}"
    );
    assert_eq!(run.code(), 2);
}

#[test]
fn a_log_and_stderr_flood_is_bounded_and_kept_for_the_author() {
    let (run, elapsed) = scan_hostile(&repo_with("HOSTILE-LOG-FLOOD"), 20_000);
    let e = probe_error(&run);
    assert_eq!(e["cause"]["kind"], "panic");
    let log: Vec<&str> = e["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(log[0], "warn: [31mline 0[0m of a flood");
    let total: usize = log.iter().map(|l| l.len()).sum();
    assert!(total < 24 * 1024, "{total} bytes of log kept");
    let last = log.last().unwrap();
    assert!(
        last.starts_with("… ") && last.ends_with("more log lines dropped"),
        "{last}"
    );
    let stderr = e["stderr"].as_str().unwrap();
    assert!(stderr.len() <= 16 * 1024 && stderr.contains("flooded on purpose"));
    assert_eq!(schema_problems(&run.json), Vec::<String>::new());
    the_other_findings_survive(&run);
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}
