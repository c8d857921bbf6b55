//! The report a doc owner reads: the Operating Model Test first.

use crate::support::*;

fn runbook_repo() -> Repo {
    let repo = Repo::new();
    repo.write(
        "patching.md",
        "# Host patching\n\n## Background\n\nWe patch every month; vCenter schedules it.\n\n## Steps\n\n\
         1. Open a change ticket.\n2. vMotion every VM off the host.\n3. Take a quiesced snapshot of db01 with `New-Snapshot -VM db01 -Quiesce`.\n\
         4. Tell the service desk.\n",
    )
    .write(
        "alarms.ps1",
        "# list alarms\nConnect-VIServer vc01\nGet-AlarmDefinition | Select Name\nWrite-Host done\n",
    )
    .commit("a");
    repo
}

#[test]
fn the_operating_model_test_counts_steps_and_the_share_that_depends_on_vcenter() {
    let repo = runbook_repo();
    let run = scan_json(shared_cache(), repo.path(), &[]);
    let m = &run.json["operating_model"];
    // patching.md: 4 list items (the background paragraph is no step);
    // alarms.ps1: 3 statements (the comment is none).
    assert_eq!(m["steps"], 7, "{m:#}");
    // vMotion, the snapshot, Connect-VIServer, Get-AlarmDefinition.
    assert_eq!(m["dependent"], 4, "{m:#}");
    let share = m["share"].as_f64().unwrap();
    assert!((share - 4.0 / 7.0).abs() < 1e-9);
    let surface = |id: &str| {
        m["surfaces"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["surface"] == id)
            .unwrap()["steps"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(surface("storage-semantics"), 1, "{m:#}");
    assert!(surface("operational-signal") >= 1, "{m:#}");
    assert!(surface("control-plane") >= 2, "{m:#}");
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_terminal_report_opens_with_the_operating_model_test_and_blocking_items() {
    let repo = runbook_repo();
    repo.write(
        "ft.md",
        "# Failover\n\n- vSphere Fault Tolerance keeps the label printer gateway up.\n",
    )
    .commit("ft");
    let out = opgap(shared_cache())
        .arg(repo.path())
        .args(["--stack", "libvirt", "-q"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("Operating Model Test: if vCenter disappeared tomorrow, 62% of these runbook steps go with it (5 of 8)"),
        "{stdout}"
    );
    for surface in ["Control plane", "Storage semantics", "Operational signal"] {
        assert!(stdout.contains(surface), "{stdout}");
    }
    assert!(stdout.contains("blocking on libvirt:"), "{stdout}");
    assert!(stdout.contains("vmware.ft (1 file)"), "{stdout}");
    assert!(stdout.contains("Rebuild on libvirt:"), "{stdout}");
}

#[test]
fn reused_results_give_the_same_operating_model_test() {
    let repo = runbook_repo();
    let index = tempfile::tempdir().unwrap();
    let first = indexed_scan(index.path(), &[repo.path()], &[]);
    let again = indexed_scan(index.path(), &[repo.path()], &[]);
    assert_eq!(again.json["files"]["reused"], 2);
    assert_eq!(first.json["operating_model"], again.json["operating_model"]);
}

#[test]
fn exit_status_follows_fail_on_and_partial_results_as_documented() {
    let repo = runbook_repo();
    let cache = shared_cache();
    let status = |extra: &[&str]| {
        opgap_as_is(cache)
            .arg(repo.path())
            .args(["--no-index", "-q"])
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    // The runbook has high findings (vMotion, the snapshot), nothing critical.
    assert_eq!(status(&[]), Some(1), "default --fail-on high");
    assert_eq!(status(&["--fail-on", "critical"]), Some(0));
    assert_eq!(status(&["--fail-on", "never"]), Some(0));
    assert_eq!(status(&["--fail-on", "bogus"]), Some(2), "usage error");
    repo.write("opgap.toml", "fail_on = \"never\"\n")
        .commit("config");
    assert_eq!(status(&[]), Some(0), "fail_on from opgap.toml");
    assert_eq!(status(&["--fail-on", "info"]), Some(1), "the flag wins");
    repo.write("opgap.toml", "fail_on = \"sometimes\"\n")
        .commit("bad");
    assert_eq!(status(&[]), Some(2), "an invalid config");
    repo.write("opgap.toml", "fail_on = \"never\"\n")
        .commit("config");
    // Partial results outrank findings: a broken plugin file.
    let junk = repo.path().join("junk.wasm");
    std::fs::write(&junk, b"junk").unwrap();
    assert_eq!(
        status(&["--plugin", junk.to_str().unwrap(), "--fail-on", "info"]),
        Some(2)
    );
}

#[test]
fn opgap_toml_ignores_paths_and_turns_rules_off_or_down() {
    let repo = runbook_repo();
    repo.write("archive/old.md", "- vMotion the old cluster.\n")
        .write("lab/try.md", "# Steps\n\n- Take a snapshot with `New-Snapshot -VM lab01`.\n")
        .write(
            "opgap.toml",
            "ignore = [\"archive/**\"]\n\n[rules]\nvmotion = \"low\"\n\n[[overrides]]\npaths = [\"lab/**\"]\nrules = { \"snapshot.create\" = \"off\" }\n",
        )
        .commit("policy");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.json["files"]["skipped"]["ignored"], 1);
    assert!(run.findings().iter().all(|f| f["path"] != "archive/old.md"));
    let vmotion = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "vmware.vmotion")
        .unwrap();
    assert_eq!(vmotion["severity"], "low");
    assert!(
        run.findings()
            .iter()
            .all(|f| !(f["path"] == "lab/try.md" && f["construct"] == "vmware.snapshot.create")),
        "{:#?}",
        run.findings()
    );
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_markdown_report_carries_the_test_the_rebuild_scope_and_the_findings() {
    let repo = runbook_repo();
    let out = opgap(shared_cache())
        .arg(repo.path())
        .args(["--format", "markdown", "--stack", "libvirt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("# opgap report\n"), "{md}");
    assert!(
        md.contains("If vCenter disappeared tomorrow, **57%** of these runbook steps would go with it (4 of 7)."),
        "{md}"
    );
    for section in [
        "## Operating Model Test",
        "## Rebuild on libvirt",
        "### Work by layer",
        "## Findings",
        "### ",
    ] {
        assert!(md.contains(section), "{section} missing:\n{md}");
    }
    assert!(
        md.contains("| Storage semantics | day 7–30 | 1 | 14% |"),
        "{md}"
    );
    assert!(
        md.contains("/alarms.ps1\n\n| Line | Severity | Construct | Source | Translation |"),
        "{md}"
    );
    // Tables stay tables: every table row has as many cells as its header.
    for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let widths: Vec<usize> = block
            .lines()
            .map(|l| l.replace("\\|", "").matches('|').count())
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "ragged table:\n{block}"
        );
    }
}

#[test]
fn plugins_pinned_in_opgap_toml_run_and_a_changed_build_is_refused_with_its_hash() {
    use sha2::Digest;
    let repo = runbook_repo();
    let wasm = std::fs::read(in_house_translator()).unwrap();
    let sha = hex::encode(sha2::Sha256::digest(&wasm));
    std::fs::create_dir_all(repo.path().join("plugins")).unwrap();
    std::fs::write(repo.path().join("plugins/ours.wasm"), &wasm).unwrap();
    let config =
        |pin: &str| format!("[[plugins]]\npath = \"plugins/ours.wasm\"\nsha256 = \"{pin}\"\n");
    repo.write("opgap.toml", config(&sha))
        .write(
            "snap.ps1",
            "Connect-VIServer vc01\nNew-Snapshot -VM db01 -Name pre-patch\n",
        )
        .commit("pinned");
    let run = scan_json(shared_cache(), repo.path(), &["--stack", "proxmox"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let snapshot = run
        .findings()
        .iter()
        .find(|f| f["construct"] == "vmware.snapshot.create")
        .unwrap();
    assert_eq!(snapshot["translation"]["translator"], "in-house-translator");

    let stale = "0".repeat(64);
    repo.write("opgap.toml", config(&stale)).commit("stale pin");
    let run = scan_json(shared_cache(), repo.path(), &["--stack", "proxmox"]);
    assert_eq!(run.code(), 2);
    let message = run.errors()[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("its sha256 is {sha}")),
        "{message}"
    );
    assert!(message.contains("opgap.toml:3:10 pins 000"), "{message}");
    assert!(!run.findings().is_empty(), "the built-ins still ran");

    repo.write("opgap.toml", config("not-a-hash"))
        .commit("bad pin");
    let out = opgap(shared_cache()).arg(repo.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("opgap.toml:3:10: plugins.sha256: expected 64 hexadecimal digits")
    );
}

#[test]
fn an_unpinned_plugin_is_refused_with_the_hash_to_pin_unless_allowed() {
    use sha2::Digest;
    let repo = runbook_repo();
    let plugin = in_house_translator();
    let sha = hex::encode(sha2::Sha256::digest(std::fs::read(plugin).unwrap()));
    repo.write(
        "snap.ps1",
        "Connect-VIServer vc01\nNew-Snapshot -VM db01 -Name pre-patch\n",
    )
    .commit("runbook");
    let scan = |extra: &[&str]| {
        Run::of(
            opgap_as_is(shared_cache())
                .arg(repo.path())
                .args(["--no-index", "--format", "json", "--fail-on", "never"])
                .arg("--plugin")
                .arg(plugin)
                .args(["--stack", "proxmox"])
                .args(extra)
                .output()
                .unwrap(),
        )
    };
    let refused = scan(&[]);
    assert_eq!(refused.code(), 2, "{}", refused.stderr());
    let message = refused.errors()[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("not pinned in opgap.toml (its sha256 is {sha})")),
        "{message}"
    );
    assert!(
        message.contains(&format!("sha256 = \"{sha}\"")),
        "{message}"
    );
    assert!(message.contains("--allow-unpinned"), "{message}");
    assert!(!refused.findings().is_empty(), "the built-ins still ran");
    let translated_by_ours = |run: &Run| {
        run.findings()
            .iter()
            .any(|f| f["translation"]["translator"] == "in-house-translator")
    };
    assert!(!translated_by_ours(&refused));

    let allowed = scan(&["--allow-unpinned"]);
    assert_eq!(allowed.code(), 0, "{}", allowed.stderr());
    assert!(translated_by_ours(&allowed));

    // Pinned in opgap.toml (here by the same path), it runs once.
    repo.write(
        "opgap.toml",
        format!(
            "[[plugins]]\npath = \"{}\"\nsha256 = \"{sha}\"\n",
            plugin.display()
        ),
    )
    .commit("pin");
    let pinned = scan(&[]);
    assert_eq!(pinned.code(), 0, "{}", pinned.stderr());
    assert!(translated_by_ours(&pinned));
    let ours = pinned.json["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "in-house-translator")
        .count();
    assert!(ours <= 1, "{:#}", pinned.json["plugins"]);
}
