//! `opgap plugin new`: each kind of scaffold builds for wasm32-wasip2 as
//! written and does its job: the detector passes its fixtures, runs in a
//! scan once pinned and is refused when its file changes; the translator
//! answers in a scan; the scorer scores a questionnaire of its own model.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn opgap_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// `opgap plugin new NAME --kind KIND` in `dir`, then a release build for
/// wasm32-wasip2 (one shared target folder keeps rebuilds quick).
fn scaffold_and_build(dir: &Path, name: &str, kind: &str) -> PathBuf {
    succeeds(opgap_in(dir).args(["plugin", "new", name, "--kind", kind]));
    let target = target_dir().join("scaffolds");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let build = Command::new(cargo)
        .current_dir(dir.join(name))
        .args(["build", "--release", "--target", "wasm32-wasip2"])
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "the {kind} scaffold does not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    target
        .join("wasm32-wasip2/release")
        .join(format!("{}.wasm", name.replace('-', "_")))
}

#[test]
fn scaffolded_plugins_build_test_pin_and_run() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();

    // Detector: its fixtures pass as generated.
    let detector = scaffold_and_build(dir.path(), "vm-portal", "detector");
    let (stdout, _) = succeeds(
        opgap_in(&dir.path().join("vm-portal"))
            .args(["plugin", "test"])
            .arg(&detector)
            .args(["--cache-dir"])
            .arg(shared_cache()),
    );
    assert!(stdout.contains("all as expected"));

    // A repository that uses the portal: refused unpinned, run when pinned,
    // refused again when the file changes.
    let repo = Repo::new();
    let plugin_copy = repo.path().join("plugins/vm-portal.wasm");
    std::fs::create_dir_all(plugin_copy.parent().unwrap()).unwrap();
    std::fs::copy(&detector, &plugin_copy).unwrap();
    repo.write(
        "move.md",
        "# Move\n\n1. `vmportal move --vm web01 --to esx07`\n",
    )
    .commit("runbook");
    let scan = || {
        Run::of(
            opgap_as_is(shared_cache())
                .arg(repo.path())
                .args([
                    "--no-index",
                    "--format",
                    "json",
                    "--fail-on",
                    "never",
                    "--plugin",
                ])
                .arg(&plugin_copy)
                .output()
                .unwrap(),
        )
    };
    let refused = scan();
    assert_eq!(refused.code(), 2);
    assert!(
        refused.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains("not pinned")
    );
    let sha = hex::encode(sha2::Sha256::digest(std::fs::read(&plugin_copy).unwrap()));
    repo.write(
        "opgap.toml",
        format!("[[plugins]]\npath = \"plugins/vm-portal.wasm\"\nsha256 = \"{sha}\"\n"),
    )
    .commit("pin");
    let pinned = scan();
    assert_eq!(pinned.code(), 0, "{}", pinned.stderr());
    assert!(
        pinned
            .findings()
            .iter()
            .any(|f| f["plugin"] == "vm-portal" && f["construct"] == "vmware.vmotion"),
        "{:#?}",
        pinned.findings()
    );
    let mut changed = std::fs::read(&plugin_copy).unwrap();
    changed.push(0);
    std::fs::write(&plugin_copy, changed).unwrap();
    let stale = scan();
    assert_eq!(stale.code(), 2);
    assert!(
        stale.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("pins {sha}")),
        "{}",
        stale.errors()[0]["message"]
    );

    // Translator: answers for snapshots on Proxmox in a scan.
    let translator = scaffold_and_build(dir.path(), "our-snapshots", "translator");
    let snap = Repo::new();
    snap.write(
        "snap.ps1",
        "Connect-VIServer vc01\nNew-Snapshot -VM db01 -Name pre-patch\n",
    )
    .commit("runbook");
    let run = scan_json(
        shared_cache(),
        snap.path(),
        &[
            "--stack",
            "proxmox",
            "--plugin",
            translator.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.findings()
            .iter()
            .any(|f| f["translation"]["translator"] == "our-snapshots"),
        "{:#?}",
        run.findings()
    );

    // Scorer: scores a questionnaire written for its model.
    let scorer = scaffold_and_build(dir.path(), "our-model", "scorer");
    let team = dir.path().join("team.toml");
    std::fs::write(
        &team,
        "schema = \"opgap.readiness/1\"\n[team]\nname = \"Tiny\"\nassessed_on = 2026-11-15\n\n\
         [[person]]\nid = \"ana\"\nname = \"Ana\"\n\n[[evidence]]\nid = \"INC-1\"\nkind = \"production_incident\"\n\
         date = 2026-10-01\ndomains = [\"backup_restore\"]\nprobes = [\"br_full_vm_restore\"]\nlayer = \"primitive\"\n\
         platform = \"proxmox\"\nartifacts = [\"https://tickets.example/INC-1\"]\n\
         [[evidence.participant]]\nperson = \"ana\"\nrole = \"primary_responder\"\n",
    )
    .unwrap();
    let (stdout, _) = succeeds(
        opgap_in(dir.path())
            .args([
                "readiness",
                "--format",
                "json",
                "--allow-unpinned",
                "--scorer",
            ])
            .arg(&scorer)
            .arg(&team)
            .args(["--cache-dir"])
            .arg(shared_cache()),
    );
    let card: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(card["model"], "our-model-1");
    assert_eq!(card["verdict"], "not_ready");
    assert_eq!(
        card["domains"][0]["gaps"],
        serde_json::json!(["br_restore_verification"])
    );
    assert_eq!(
        card["domains"][0]["probes"][0]["evidence"],
        serde_json::json!(["INC-1"])
    );
}
