//! `opgap scan` on git repositories: exact findings, revisions, skipping.

use crate::support::*;

const PATCHING: &str = "\
# Host patching

Hosts run ESXi and are managed from vCenter.

1. Check DRS is fully automated.
2. Evacuate the host:

   ```powershell
   Connect-VIServer -Server vc01
   Move-VM -VM web01 -Destination esx02
   ```

## Unrelated

Take a ZFS snapshot with `zfs snapshot tank@now`.
";

#[test]
fn scan_reports_exact_findings_with_lines_and_columns() {
    let repo = Repo::new();
    repo.write("runbooks/patching.md", PATCHING)
        .commit("add runbook");

    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "stderr: {}", run.stderr());
    assert_eq!(
        run.locations(),
        vec![
            (
                "runbooks/patching.md".into(),
                3,
                11,
                "vmware.product.esxi".into()
            ),
            (
                "runbooks/patching.md".into(),
                3,
                37,
                "vmware.product.vcenter".into()
            ),
            ("runbooks/patching.md".into(), 5, 10, "vmware.drs".into()),
            (
                "runbooks/patching.md".into(),
                6,
                4,
                "vmware.host.maintenance_mode".into()
            ),
            (
                "runbooks/patching.md".into(),
                9,
                4,
                "vmware.vcenter.session".into()
            ),
            (
                "runbooks/patching.md".into(),
                10,
                4,
                "vmware.vmotion".into()
            ),
        ]
    );
    let rules: Vec<&str> = run
        .findings()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec![
            "vsphere/product.esxi",
            "vsphere/product.vcenter",
            "vsphere/drs.weak",
            "vsphere/host.maintenance_mode.weak-2",
            "powercli/vcenter.session",
            "powercli/vmotion.weak"
        ]
    );
    let f = &run.findings()[4];
    assert_eq!(f["construct"], "vmware.vcenter.session");
    assert_eq!(f["layer"], "lifecycle");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["plugin"], "powercli");
    assert_eq!(f["end_line"], 9);
    assert_eq!(f["evidence"], "Connect-VIServer");
    assert_eq!(f["line_text"], "   Connect-VIServer -Server vc01");
    assert_eq!(f["heading_path"], serde_json::json!(["Host patching"]));
    assert_eq!(run.json["schema"], "opgap.scan/2");
    assert_eq!(f["repo"], run.json["repos"][0]["name"]);
    assert_eq!(run.json["partial"], false);
    assert_eq!(run.json["repos"][0]["mode"], "git");
    assert_eq!(
        run.json["repos"][0]["revision"].as_str().unwrap(),
        repo.git(&["rev-parse", "HEAD"])
    );
}

#[test]
fn terminal_output_groups_by_file_with_code_frames() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion here.\n")
        .write("b/c.ps1", "Connect-VIServer vc01\n")
        .commit("two files");
    let out = opgap(shared_cache()).arg(repo.path()).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    let expected_a = "a.md\n  a.md:1:5  high  vmware.vmotion  [vsphere/vmotion]\n";
    assert!(
        stdout.starts_with("Operating Model Test: "),
        "got:\n{stdout}"
    );
    assert!(
        stdout.contains(&format!("\n\n{expected_a}")),
        "got:\n{stdout}"
    );
    assert!(stdout.contains("    1 │ Use vMotion here.\n      │     ^^^^^^^\n"));
    assert!(stdout.contains("\nb/c.ps1\n  b/c.ps1:1:1  high  vmware.vcenter.session"));
    assert!(stdout.contains("2 findings in 2 files (2 high)"));
}

#[test]
fn head_revision_and_worktree_are_different_inputs() {
    let repo = Repo::new();
    repo.write("r.md", "Uses vSAN.\n").commit("v1");
    repo.write("r.md", "Uses vSAN and vMotion.\n").commit("v2");
    // An uncommitted edit is only visible with --worktree.
    repo.write(
        "r.md",
        "Uses vSAN and vMotion.\n\nDisks move by Storage vMotion.\n",
    );
    let constructs = |extra: &[&str]| -> Vec<String> {
        scan_json(shared_cache(), repo.path(), extra)
            .locations()
            .into_iter()
            .map(|l| l.3)
            .collect()
    };
    assert_eq!(
        constructs(&[]),
        vec!["vmware.vsan.cluster", "vmware.vmotion"]
    );
    assert_eq!(
        constructs(&["--rev", "HEAD~1"]),
        vec!["vmware.vsan.cluster"]
    );
    assert_eq!(
        constructs(&["--worktree"]),
        vec![
            "vmware.vsan.cluster",
            "vmware.vmotion",
            "vmware.storage_vmotion"
        ]
    );
}

#[test]
fn unreadable_kinds_of_file_are_skipped_and_counted() {
    let repo = Repo::new();
    repo.write("ok.md", "vCenter\n")
        .write("logo.png", [0x89, b'P', b'N', b'G', 0, 0])
        .write("bin.md", b"vCenter\0\x01\x02")
        .write("latin1.md", b"caf\xe9 vCenter")
        .write(
            "big.lfs.md",
            "version https://git-lfs.github.com/spec/v1\noid sha256:ab\n",
        );
    std::os::unix::fs::symlink("/etc/passwd", repo.path().join("passwd.md")).unwrap();
    repo.commit("mixed");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.json["files"]["scanned"], 1);
    assert_eq!(
        run.json["files"]["skipped"],
        serde_json::json!({"unsupported": 1, "binary": 1, "not-utf8": 1, "symlink": 1, "lfs-pointer": 1})
    );
    assert_eq!(run.locations().len(), 1);
}

#[test]
fn plain_folders_and_crlf_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("w.md"),
        "# T\r\n\r\nFirst\r\nthen vMotion\r\n",
    )
    .unwrap();
    let run = scan_json(shared_cache(), dir.path(), &[]);
    assert_eq!(run.json["repos"][0]["mode"], "folder");
    assert_eq!(
        run.locations(),
        vec![("w.md".into(), 4, 6, "vmware.vmotion".into())]
    );
}

#[test]
fn the_sample_corpus_finds_vmware_and_not_the_trap_words() {
    let repo = Repo::new();
    copy_dir(&workspace().join("corpus/acme-runbooks"), repo.path());
    repo.commit("corpus");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let locations = run.locations();
    let has = |path: &str, line: u64, rule: &str| {
        locations
            .iter()
            .any(|(p, l, _, r)| p == path && *l == line && r == rule)
    };
    assert!(has(
        "runbooks/host-patching.md",
        24,
        "vmware.vcenter.session"
    ));
    assert!(has("runbooks/host-patching.md", 25, "vmware.vmotion"));
    assert!(has("runbooks/host-patching.md", 18, "vmware.vmotion"));
    assert!(has(
        "runbooks/snapshot-before-change.md",
        11,
        "vmware.snapshot.quiesce"
    ));
    assert!(has(
        "runbooks/storage-housekeeping.md",
        9,
        "vmware.vm.files_vmx_vmdk"
    ));
    // ZFS snapshots, Kubernetes VolumeSnapshots and AWS DRS are not vSphere.
    for (path, line, _, rule) in &locations {
        let trap = (path == "runbooks/storage-housekeeping.md" && *line >= 11)
            || (path == "scripts/dr-drill.sh" && rule != "vmware.product.vsphere");
        assert!(!trap, "false positive {path}:{line} {rule}");
    }
}

#[test]
fn a_missing_path_is_a_fatal_error_that_names_it() {
    let out = opgap(shared_cache())
        .arg("/nonexistent/runbooks")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/nonexistent/runbooks"), "{stderr}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn json_reports_match_the_published_schema() {
    let repo = Repo::new();
    repo.write("a.md", "Use vMotion.\n")
        .write("b.png", [0u8, 1, 2])
        .commit("a");
    let bad = repo.path().join("bad.wasm");
    std::fs::write(&bad, b"nope").unwrap();
    // A clean report and one with errors both validate.
    for extra in [vec![], vec!["--plugin", bad.to_str().unwrap()]] {
        let run = scan_json(shared_cache(), repo.path(), &extra);
        let problems = schema_problems(&run.json);
        assert!(problems.is_empty(), "{problems:#?}\n{:#}", run.json);
    }
}

#[test]
fn findings_are_the_same_in_the_same_order_whatever_the_thread_count() {
    let estate = workspace().join("corpus/northwind-ops");
    let with = |jobs: &str| scan_json(shared_cache(), &estate, &["--jobs", jobs]);
    let one = with("1");
    let two = with("2");
    let three = with("3");
    assert_eq!(one.code(), 0, "{}", one.stderr());
    assert!(one.findings().len() > 1000);
    assert_eq!(one.findings(), two.findings());
    assert_eq!(one.findings(), three.findings());
    assert_eq!(
        one.json["operating_model"], two.json["operating_model"],
        "the Operating Model Test too"
    );
}

#[test]
fn a_line_with_two_hundred_thousand_matches_is_scanned_and_the_cap_is_reported() {
    // 1.6 MB on one line: per-hit line scans or pairwise shadowing checks
    // would blow the plugin deadline. The line goes to plugins in two
    // pieces cut between words; the rule engine keeps 50 000 findings per
    // piece and says so, and the run is marked partial.
    let repo = Repo::new();
    repo.write("long.md", format!("{}\n", "vMotion ".repeat(200_000)))
        .write("ok.md", "# Move\n\n1. Use Storage vMotion for the disks.\n")
        .commit("long line");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let warnings: Vec<&serde_json::Value> = run
        .errors()
        .iter()
        .filter(|e| e["cause"]["kind"] == "plugin-warning")
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", run.errors());
    assert_eq!(warnings[0]["plugin"], "vsphere");
    assert_eq!(warnings[0]["path"], "long.md");
    let log = warnings[0]["log"].as_array().unwrap();
    assert_eq!(log.len(), 2, "one line per piece: {log:?}");
    assert!(
        log.iter().all(|l| l
            .as_str()
            .unwrap()
            .ends_with("only the first 50000 reported")),
        "{log:?}"
    );
    let count = |path: &str| run.findings().iter().filter(|f| f["path"] == path).count();
    // One finding per construct and line survives the merge.
    assert_eq!(count("long.md"), 1);
    assert_eq!(count("ok.md"), 1);
    assert!(run.stderr().contains("only the first 50000 reported"));
}
