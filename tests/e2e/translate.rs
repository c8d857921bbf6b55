//! `opgap scan --stack`: every finding carries a translation for the stack,
//! or an explicit untranslated marker; the JSON still matches the schema.

use crate::support::*;

#[test]
fn every_finding_is_translated_for_the_stack_asked() {
    let repo = Repo::new();
    repo.write(
        "runbook.md",
        "# Host patching\n\nvMotion the VMs off, then enter maintenance mode.\n\
         vSphere Fault Tolerance protects the label printer.\n",
    )
    .commit("a");
    for stack in ["libvirt", "proxmox", "ovirt", "openstack"] {
        let run = scan_json(shared_cache(), repo.path(), &["--stack", stack]);
        assert_eq!(run.code(), 0, "{}", run.stderr());
        assert!(!run.findings().is_empty());
        for f in run.findings() {
            let t = &f["translation"];
            assert_eq!(t["status"], "translated", "{stack}: {f:#}");
            assert_eq!(t["stack"], stack);
            assert_eq!(t["translator"], format!("translate-{stack}"));
            if f["construct"] == "vmware.ft" {
                assert_eq!(t["fidelity"], "none", "{stack}: FT has no equivalent");
                assert!(!t["instead"].as_str().unwrap().is_empty());
            }
        }
    }
}

#[test]
fn without_a_translator_findings_are_marked_untranslated() {
    let repo = Repo::new();
    repo.write("runbook.md", "Use vMotion for the move.\n")
        .commit("a");
    let plugin = vsphere_component().to_str().unwrap().to_string();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--no-builtin", "--plugin", &plugin, "--stack", "proxmox"],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(!run.findings().is_empty());
    for f in run.findings() {
        assert_eq!(
            f["translation"],
            serde_json::json!({"status": "untranslated", "stack": "proxmox"})
        );
    }
}

#[test]
fn findings_carry_no_translation_unless_asked() {
    let repo = Repo::new();
    repo.write("runbook.md", "Use vMotion for the move.\n")
        .commit("a");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert!(
        run.findings()
            .iter()
            .all(|f| f.get("translation").is_none())
    );
}

#[test]
fn translated_reports_match_the_published_schema() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion. vSphere FT protects it.\n")
        .commit("a");
    let plugin = vsphere_component().to_str().unwrap().to_string();
    for extra in [
        vec!["--stack", "openstack"],
        vec!["--no-builtin", "--plugin", &plugin, "--stack", "ovirt"],
    ] {
        let run = scan_json(shared_cache(), repo.path(), &extra);
        let problems = schema_problems(&run.json);
        assert!(problems.is_empty(), "{problems:#?}\n{:#}", run.json);
    }
}

#[test]
fn captured_arguments_fill_the_replacement_and_nothing_else_does() {
    let repo = Repo::new();
    repo.write(
        "move.ps1",
        "Connect-VIServer vc01\nMove-VM -VM web01 -Destination esx02\n\
         Move-VM -VM 'web01; rm -rf /' -Destination esx02\n",
    )
    .commit("a");
    let run = scan_json(shared_cache(), repo.path(), &["--stack", "proxmox"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let replacements = |line: u64| -> Vec<String> {
        run.findings()
            .iter()
            .filter(|f| f["line"] == line && f["construct"] == "vmware.vmotion")
            .flat_map(|f| f["translation"]["replacement"].as_array().unwrap().clone())
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    let plain = replacements(2);
    assert!(
        plain
            .iter()
            .any(|r| r.contains("qm migrate <vmid of web01> <node for esx02>")),
        "{plain:?}"
    );
    let hostile = replacements(3);
    assert!(!hostile.is_empty());
    assert!(hostile.iter().all(|r| !r.contains("rm -rf")), "{hostile:?}");
    assert!(hostile.iter().any(|r| r.contains("{vm}")), "{hostile:?}");
}

#[test]
fn a_teams_translator_given_with_plugin_answers_first_and_the_builtins_fill_the_rest() {
    let repo = Repo::new();
    repo.write(
        "snap.ps1",
        "Connect-VIServer vc01\nNew-Snapshot -VM db01 -Name pre-patch\nMove-VM -VM web01 -Destination esx02\n",
    )
    .commit("a");
    let plugin = in_house_translator().to_str().unwrap().to_string();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", &plugin, "--stack", "proxmox"],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let by_construct = |c: &str| {
        run.findings()
            .iter()
            .find(|f| f["construct"] == c)
            .unwrap_or_else(|| panic!("no {c} finding: {:#?}", run.findings()))
            .clone()
    };
    let snapshot = &by_construct("vmware.snapshot.create")["translation"];
    assert_eq!(snapshot["translator"], "in-house-translator");
    assert_eq!(
        snapshot["replacement"],
        serde_json::json!(["opsctl snapshot <vmid of db01> --name pre-patch"]),
        "the host fills a third-party translator's placeholders too"
    );
    let vmotion = &by_construct("vmware.vmotion")["translation"];
    assert_eq!(vmotion["translator"], "translate-proxmox");
    // On another stack the team's translator has nothing to say.
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", &plugin, "--stack", "ovirt"],
    );
    assert!(
        run.findings()
            .iter()
            .all(|f| f["translation"]["translator"] == "translate-ovirt")
    );
}

#[test]
fn a_failing_translator_is_reported_disabled_and_never_costs_a_translation() {
    let repo = Repo::new();
    let drs: String = (0..5)
        .map(|i| format!("Set-Cluster -Cluster c{i} -DrsAutomationLevel FullyAutomated\n"))
        .collect();
    repo.write("drs.ps1", format!("Connect-VIServer vc01\n{drs}"))
        .commit("a");
    let plugin = in_house_translator().to_str().unwrap().to_string();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", &plugin, "--stack", "proxmox"],
    );
    assert_eq!(run.code(), 2, "a failing plugin makes the report partial");
    assert_eq!(run.json["partial"], true);
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");
    let drs: Vec<_> = run
        .findings()
        .iter()
        .filter(|f| f["construct"] == "vmware.drs")
        .collect();
    assert_eq!(drs.len(), 5, "{:#?}", run.findings());
    assert!(
        drs.iter()
            .all(|f| f["translation"]["translator"] == "translate-proxmox"),
        "the built-in answers where the team's translator panicked"
    );
    let messages: Vec<&str> = run
        .errors()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages
            .iter()
            .filter(|m| m.contains("panicked: in-house translator has no DRS table"))
            .count(),
        3,
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m
                .contains("translator in-house-translator disabled on proxmox after 3 failures")),
        "{messages:#?}"
    );
}

#[test]
fn plugin_files_are_routed_by_the_world_they_implement() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion.\n").commit("a");
    let translator = in_house_translator().to_str().unwrap().to_string();
    // A translator given as the only plugin detects nothing, and says so
    // by listing no detector, not by failing.
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--no-builtin", "--plugin", &translator],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.findings().is_empty());
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args([
            "plugin",
            "list",
            "--no-builtin",
            "--allow-unpinned",
            "--plugin",
            &translator,
        ])
        .arg("--cache-dir")
        .arg(shared_cache())
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("in-house-translator ") && l.contains(" translator,")),
        "{listed}"
    );
    // A file that is no component at all is one named error.
    let junk = repo.path().join("junk.wasm");
    std::fs::write(&junk, b"not wasm").unwrap();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", junk.to_str().unwrap(), "--stack", "proxmox"],
    );
    assert_eq!(run.code(), 2);
    assert_eq!(run.errors().len(), 1, "{:#?}", run.errors());
    assert!(!run.findings().is_empty(), "the built-ins still ran");
}

#[test]
fn the_stack_can_come_from_opgap_toml_and_the_command_line_wins() {
    let repo = Repo::new();
    repo.write("opgap.toml", "# our target\nstack = \"ovirt\"\n")
        .write("runbooks/a.md", "Use vMotion.\n")
        .commit("a");
    let translators = |run: &Run| -> Vec<String> {
        run.findings()
            .iter()
            .map(|f| f["translation"]["translator"].as_str().unwrap().to_string())
            .collect()
    };
    // Found by walking up from the scanned folder.
    let run = scan_json(
        shared_cache(),
        &repo.path().join("runbooks"),
        &["--worktree"],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(translators(&run), ["translate-ovirt"]);
    let run = scan_json(shared_cache(), repo.path(), &["--stack", "libvirt"]);
    assert_eq!(translators(&run), ["translate-libvirt"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let explicit = elsewhere.path().join("other.toml");
    std::fs::write(&explicit, "stack = \"openstack\"\n").unwrap();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--config", explicit.to_str().unwrap()],
    );
    assert_eq!(translators(&run), ["translate-openstack"]);
}

#[test]
fn a_bad_opgap_toml_stops_the_scan_with_file_line_column_and_key() {
    let repo = Repo::new();
    repo.write("opgap.toml", "stack = \"ovirt\"\nfail_onn = \"high\"\n")
        .write("a.md", "Use vMotion.\n")
        .commit("a");
    let out = opgap(shared_cache()).arg(repo.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let config = repo.path().canonicalize().unwrap().join("opgap.toml");
    assert!(
        stderr.contains(&format!(
            "{}:2:1: fail_onn: unknown field",
            config.display()
        )),
        "{stderr}"
    );
    repo.write("opgap.toml", "stack = \"vsphere\"\n");
    let out = opgap(shared_cache()).arg(repo.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":1:9: stack: unknown stack `vsphere`"),
        "{stderr}"
    );
}

#[test]
fn plugin_inspect_names_world_hash_imports_and_pin() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();
    let translator = in_house_translator();
    let sha = hex::encode(sha2::Sha256::digest(std::fs::read(translator).unwrap()));
    let garbage = dir.path().join("garbage.wasm");
    std::fs::write(&garbage, b"not wasm").unwrap();
    let inspect = |cwd: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_opgap"))
            .current_dir(cwd)
            .args(["plugin", "inspect", "--format", "json", "--cache-dir"])
            .arg(shared_cache())
            .arg(translator)
            .arg(scorer_component())
            .arg(&garbage)
            .output()
            .unwrap()
    };
    let out = inspect(dir.path());
    assert_eq!(out.status.code(), Some(2), "garbage is an error");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("garbage.wasm: cannot load: not a WebAssembly component")
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours = &listed[0];
    assert_eq!(ours["world"], "translator");
    assert_eq!(ours["name"], "in-house-translator");
    assert_eq!(ours["api_version"], "0.1.0");
    assert_eq!(ours["sha256"], sha.as_str());
    assert_eq!(ours["pinned_at"], serde_json::Value::Null);
    assert_eq!(ours["exports"], serde_json::json!(["info", "translate"]));
    let imports: Vec<&str> = ours["imports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    assert!(imports.contains(&"opgap:plugin/types@0.1.0"), "{imports:?}");
    for denied in ["wasi:filesystem", "wasi:sockets", "opgap:plugin/readiness"] {
        assert!(
            !imports.iter().any(|i| i.starts_with(denied)),
            "{denied} in {imports:?}"
        );
    }
    assert_eq!(listed[1]["world"], "scorer");
    assert_eq!(listed[1]["model"]["probes"], 42);

    std::fs::write(
        dir.path().join("opgap.toml"),
        format!("[[plugins]]\npath = \"ours.wasm\"\nsha256 = \"{sha}\"\n"),
    )
    .unwrap();
    let out = inspect(dir.path());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        listed[0]["pinned_at"]
            .as_str()
            .unwrap()
            .contains("opgap.toml:3:10"),
        "{}",
        listed[0]["pinned_at"]
    );
}
