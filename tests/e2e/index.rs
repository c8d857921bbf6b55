//! The runbook index: searchable after a scan, incremental on rescan, and
//! intact when a scan dies or another one holds it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

fn calls(run: &Run) -> Vec<(String, u64)> {
    run.json["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["calls"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn hit_paths(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            format!(
                "{}/{}",
                h["repo"].as_str().unwrap(),
                h["path"].as_str().unwrap()
            )
        })
        .collect()
}

fn facet(results: &Value, name: &str) -> Vec<(String, u64)> {
    results["facets"][name]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap().to_string(),
                c["sections"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Two repositories: patching (vMotion, maintenance mode) and backup
/// (snapshots), three runbooks in all.
fn estate() -> (Repo, Repo) {
    let ops = Repo::new();
    ops.write(
        "patching.md",
        "# Host patching\n\nvMotion every VM off the host first.\n\n## Maintenance\n\nPut the host in maintenance mode with `Set-VMHost -State Maintenance`.\n",
    )
    .write("network.md", "# Uplinks\n\nThe NSX segment web-tier carries the traffic.\n")
    .commit("ops");
    let backup = Repo::new();
    backup
        .write(
            "nightly.md",
            "# Nightly backup\n\nTake a quiesced snapshot with `New-Snapshot -VM db01 -Quiesce` before the dump.\n",
        )
        .commit("backup");
    (ops, backup)
}

#[test]
fn two_repositories_scanned_together_are_searchable_with_facets() {
    let (ops, backup) = estate();
    let index = tempfile::tempdir().unwrap();
    let run = indexed_scan(index.path(), &[ops.path(), backup.path()], &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.json["index"]["files_written"], 3);
    let problems = schema_problems(&run.json);
    assert!(problems.is_empty(), "{problems:#?}");
    let names: Vec<String> = run.json["repos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();

    let all = search_json(index.path(), &[]);
    let repos: Vec<String> = facet(&all, "repo").into_iter().map(|(r, _)| r).collect();
    assert_eq!(repos.len(), 2, "{all:#}");
    assert!(names.iter().all(|n| repos.contains(n)));

    let found = search_json(index.path(), &["snapshot"]);
    assert_eq!(hit_paths(&found), [format!("{}/nightly.md", names[1])]);
    let hit = &found["hits"][0];
    assert_eq!(hit["heading_path"], serde_json::json!(["Nightly backup"]));
    assert_eq!(hit["line"], 1);
    let snippet = hit["snippet"]["text"].as_str().unwrap();
    let ranges = hit["snippet"]["highlights"].as_array().unwrap();
    assert!(!ranges.is_empty());
    let (start, end) = (
        ranges[0]["start"].as_u64().unwrap() as usize,
        ranges[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(snippet[start..end].to_lowercase(), "snapshot");
    assert!(facet(&found, "layer").iter().any(|(l, _)| l == "snapshot"));

    // Filters: by layer, by construct (short id), by repository.
    let by_layer = search_json(index.path(), &["--layer", "vmotion"]);
    assert_eq!(
        hit_paths(&by_layer),
        [format!("{}/patching.md", names[0])],
        "{by_layer:#}"
    );
    assert_eq!(
        by_layer["hits"][0]["heading_path"],
        serde_json::json!(["Host patching"])
    );
    let by_construct = search_json(index.path(), &["--construct", "host.maintenance_mode"]);
    assert_eq!(
        by_construct["hits"][0]["heading_path"],
        serde_json::json!(["Host patching", "Maintenance"])
    );
    let in_backup = search_json(index.path(), &["host", "--repo", &names[1]]);
    assert_eq!(in_backup["total"], 0, "{in_backup:#}");
    // Per-stack fidelity: NSX segments have no equivalent on plain libvirt
    // but do on OpenStack (Neutron networks).
    let none_libvirt = search_json(
        index.path(),
        &["--stack-fidelity", "none", "--stack", "libvirt"],
    );
    let paths = hit_paths(&none_libvirt);
    assert!(
        paths.iter().all(|p| !p.ends_with("nightly.md")),
        "snapshots exist on libvirt: {paths:?}"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["search", "--index"])
        .arg(index.path())
        .arg("snapshot AND (")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid query"));
}

#[test]
fn a_rescan_reruns_plugins_only_on_the_changed_file_and_search_follows() {
    let (ops, backup) = estate();
    let index = tempfile::tempdir().unwrap();
    let first = indexed_scan(index.path(), &[ops.path(), backup.path()], &[]);
    assert!(
        calls(&first).iter().all(|(_, n)| *n == 3),
        "{:?}",
        calls(&first)
    );

    let unchanged = indexed_scan(index.path(), &[ops.path(), backup.path()], &[]);
    assert!(
        calls(&unchanged).iter().all(|(_, n)| *n == 0),
        "{:?}",
        calls(&unchanged)
    );
    assert_eq!(unchanged.json["files"]["reused"], 3);
    assert_eq!(first.json["findings"], unchanged.json["findings"]);

    backup
        .write(
            "nightly.md",
            "# Nightly backup\n\nRevert the VM with `Set-VM -VM db01 -Snapshot before-dump` if the dump fails.\n",
        )
        .commit("change");
    ops.git(&["rm", "-q", "network.md"]);
    ops.commit("delete");
    let second = indexed_scan(index.path(), &[ops.path(), backup.path()], &[]);
    assert_eq!(second.code(), 0, "{}", second.stderr());
    assert!(
        calls(&second).iter().all(|(_, n)| *n == 1),
        "only nightly.md runs again: {:?}",
        calls(&second)
    );
    assert_eq!(second.json["files"]["analyzed"], 1);
    assert_eq!(second.json["files"]["reused"], 1);
    assert_eq!(second.json["index"]["files_written"], 1);
    assert_eq!(second.json["index"]["files_removed"], 1);

    assert_eq!(search_json(index.path(), &["quiesced"])["total"], 0);
    let revert = search_json(index.path(), &["dump fails"]);
    assert_eq!(revert["total"], 1);
    assert!(hit_paths(&revert)[0].ends_with("/nightly.md"));
    assert_eq!(
        search_json(index.path(), &["segment"])["total"],
        0,
        "deleted"
    );
    assert!(
        search_json(index.path(), &["--construct", "vmware.snapshot.revert"])["total"]
            .as_u64()
            .unwrap()
            >= 1
    );
}

#[test]
fn adding_a_plugin_runs_only_that_plugin_on_unchanged_files() {
    let (ops, backup) = estate();
    let index = tempfile::tempdir().unwrap();
    let paths = [ops.path(), backup.path()];
    let first = indexed_scan(index.path(), &paths, &["--only", "powercli"]);
    assert_eq!(calls(&first), [("powercli".to_string(), 3)]);
    let all = indexed_scan(index.path(), &paths, &[]);
    assert_eq!(all.code(), 0, "{}", all.stderr());
    for (name, n) in calls(&all) {
        let expected = if name == "powercli" { 0 } else { 3 };
        assert_eq!(n, expected, "{name}: {:?}", calls(&all));
    }
    let fresh = scan_json(shared_cache(), ops.path(), &[]);
    let ops_findings: Vec<&Value> = all
        .findings()
        .iter()
        .filter(|f| f["repo"] == fresh.json["repos"][0]["name"])
        .collect();
    let fresh_findings: Vec<&Value> = fresh.findings().iter().collect();
    assert_eq!(
        ops_findings, fresh_findings,
        "reused and fresh results merge alike"
    );
    // Dropping a plugin needs no plugin run at all.
    let fewer = indexed_scan(index.path(), &paths, &["--only", "vsphere"]);
    assert_eq!(calls(&fewer), [("vsphere".to_string(), 0)]);
}

/// Start a scan that takes seconds: the hostile plugin spins to its
/// deadline on every file, and is never disabled.
fn slow_scan(index: &Path, repo: &Repo) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_opgap"))
        .arg("scan")
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--index")
        .arg(index)
        .args([
            "--format",
            "json",
            "--deadline-ms",
            "400",
            "--max-plugin-failures",
            "0",
        ])
        .arg("--allow-unpinned")
        .arg("--plugin")
        .arg(hostile_guest())
        .arg(repo.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn slow_repo() -> Repo {
    let repo = Repo::new();
    for i in 0..20 {
        repo.write(
            &format!("r{i}.md"),
            format!("# Step {i}\n\nvMotion host {i}.\n"),
        );
    }
    repo.commit("slow");
    repo
}

/// The two-repository estate scanned into a fresh index, and what a search
/// for `snapshot` finds there (one section).
fn indexed_estate() -> (Repo, Repo, tempfile::TempDir, Value) {
    let (ops, backup) = estate();
    let index = tempfile::tempdir().unwrap();
    indexed_scan(index.path(), &[ops.path(), backup.path()], &[]);
    let before = search_json(index.path(), &["snapshot"]);
    assert_eq!(before["total"], 1);
    (ops, backup, index, before)
}

/// The index answers as it did before (`before` is its answer for
/// `snapshot`), and nothing of an interrupted write (`new_word`) shows.
fn index_is_as_before(index: &Path, before: &Value, new_word: &str) {
    assert_eq!(&search_json(index, &["snapshot"]), before);
    assert_eq!(
        search_json(index, &[new_word])["total"],
        0,
        "nothing half-written is searchable"
    );
}

#[test]
fn a_killed_scan_leaves_the_previous_index_usable() {
    let (ops, backup, index, before) = indexed_estate();

    let repo = slow_repo();
    let mut child = slow_scan(index.path(), &repo);
    std::thread::sleep(Duration::from_millis(2500));
    assert!(child.try_wait().unwrap().is_none(), "killed mid-scan");
    child.kill().unwrap();
    child.wait().unwrap();

    index_is_as_before(index.path(), &before, "step");
    let after = indexed_scan(
        index.path(),
        &[ops.path(), backup.path()],
        &["--index-wait", "5"],
    );
    assert_eq!(after.code(), 0, "{}", after.stderr());
    assert_eq!(
        after.json["files"]["reused"], 3,
        "the old commit is still remembered"
    );
}

#[test]
fn a_second_scan_waits_for_the_first_or_says_why_it_cannot() {
    let index = tempfile::tempdir().unwrap();
    let repo = slow_repo();
    let mut child = slow_scan(index.path(), &repo);
    // Wait until the first scan holds the writer lock.
    let started = Instant::now();
    while !index.path().join(".tantivy-writer.lock").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "first scan never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let (ops, _) = estate();
    let second = indexed_scan(index.path(), &[ops.path()], &["--index-wait", "0"]);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(second.code(), 2, "{}", second.stderr());
    assert!(!second.findings().is_empty(), "results are still reported");
    let error = &second.errors()[0];
    assert_eq!(error["cause"]["kind"], "index");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("another opgap scan is updating the index"),
        "{error}"
    );
    assert!(second.json.get("index").is_none());
    let problems = schema_problems(&second.json);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn searching_without_an_index_says_to_scan_first() {
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["search", "vmotion", "--index"])
        .arg(empty.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run `opgap scan`"));
}

#[test]
fn changed_since_scans_and_reports_only_what_changed_and_keeps_the_rest_indexed() {
    let repo = Repo::new();
    repo.write("a.md", "vMotion the VMs off the host.\n")
        .write("b.md", "vSphere Fault Tolerance protects the gateway.\n")
        .write("dump.md", "binary\0bytes\n")
        .commit("base");
    let index = tempfile::tempdir().unwrap();
    let full = indexed_scan(index.path(), &[repo.path()], &[]);
    assert_eq!(full.json["files"]["skipped"]["binary"], 1);
    repo.write(
        "b.md",
        "vSphere Fault Tolerance protects the label printer.\n",
    )
    .write("c.md", "Check the vSAN health service first.\n")
    .commit("change");
    let run = indexed_scan(index.path(), &[repo.path()], &["--changed-since", "HEAD~1"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let paths: std::collections::BTreeSet<&str> = run
        .findings()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["b.md", "c.md"].into());
    assert_eq!(run.json["files"]["scanned"], 2);
    assert_eq!(
        run.json["files"]["skipped"],
        serde_json::json!({}),
        "unchanged files are not even read"
    );
    assert_eq!(
        run.json["index"]["files_removed"], 0,
        "a.md is unchanged, not gone"
    );
    assert_eq!(search_json(index.path(), &["vmotion"])["total"], 1);
    assert_eq!(search_json(index.path(), &["printer"])["total"], 1);

    repo.git(&["rm", "-q", "a.md"]);
    repo.commit("drop a");
    let run = indexed_scan(index.path(), &[repo.path()], &["--changed-since", "HEAD~1"]);
    assert!(run.findings().is_empty());
    assert_eq!(run.json["index"]["files_removed"], 1);
    assert_eq!(search_json(index.path(), &["vmotion"])["total"], 0);

    let folder = tempfile::tempdir().unwrap();
    let out = opgap(shared_cache())
        .arg(folder.path())
        .args(["--changed-since", "HEAD~1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a git repository"));
}

#[test]
fn a_renamed_file_leaves_its_old_path_and_is_found_under_the_new_one() {
    let (ops, _) = estate();
    let index = tempfile::tempdir().unwrap();
    indexed_scan(index.path(), &[ops.path()], &[]);
    ops.git(&["mv", "network.md", "nsx-uplinks.md"]);
    ops.commit("rename");
    let run = indexed_scan(index.path(), &[ops.path()], &[]);
    assert_eq!(run.json["index"]["files_removed"], 1);
    assert_eq!(run.json["index"]["files_written"], 1);
    let found = search_json(index.path(), &["segment"]);
    let paths = hit_paths(&found);
    assert_eq!(paths.len(), 1);
    assert!(paths[0].ends_with("/nsx-uplinks.md"), "{paths:?}");
}

#[test]
fn the_two_sample_estates_scanned_together_are_searchable_with_facets() {
    let root = workspace().join("corpus");
    let index = tempfile::tempdir().unwrap();
    let run = indexed_scan(
        index.path(),
        &[&root.join("acme-runbooks"), &root.join("northwind-ops")],
        &[],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let all = search_json(index.path(), &["snapshot"]);
    let repos: Vec<String> = facet(&all, "repo").into_iter().map(|(r, _)| r).collect();
    assert_eq!(repos.len(), 2, "both estates answer: {repos:?}");
    assert!(facet(&all, "layer").iter().any(|(l, _)| l == "snapshot"));
    let northwind_only = search_json(index.path(), &["snapshot", "--repo", "northwind-ops"]);
    assert!(
        hit_paths(&northwind_only)
            .iter()
            .all(|p| p.starts_with("northwind-ops/"))
    );
    let observability = search_json(index.path(), &["--layer", "observability", "-n", "50"]);
    assert!(
        observability["total"].as_u64().unwrap() >= 5,
        "{observability:#}"
    );
}

#[test]
fn an_index_of_another_format_is_named_not_silently_emptied() {
    let (ops, _) = estate();
    let index = tempfile::tempdir().unwrap();
    indexed_scan(index.path(), &[ops.path()], &[]);
    std::fs::write(index.path().join("opgap-index.json"), "{\"format\": 0}\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["search", "vmotion", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("written by another version of opgap"));
    // A scan rebuilds it.
    let run = indexed_scan(index.path(), &[ops.path()], &[]);
    assert_eq!(run.json["files"]["analyzed"], 2);
    assert_eq!(search_json(index.path(), &["vmotion"])["total"], 1);
}

/// A repository whose index records run to megabytes.
fn bulky_repo() -> Repo {
    let repo = Repo::new();
    let text: String = (0..30_000)
        .map(|i| {
            format!("## Step {i}\n\nDrain host {i} with vMotion, then check the datastore.\n\n")
        })
        .collect();
    repo.write("bulky.md", text).commit("bulky");
    repo
}

#[test]
fn a_full_disk_under_the_index_is_named_and_the_previous_index_still_serves() {
    use std::os::unix::process::CommandExt;
    let (ops, backup, index, before) = indexed_estate();

    // No file may grow past 256 KiB: writes past it fail with EFBIG, as
    // on a full disk (the signal that would kill the process is ignored).
    let bulky = bulky_repo();
    let mut cmd = indexed_scan_command(
        index.path(),
        &[ops.path(), backup.path(), bulky.path()],
        &[],
    );
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 256 << 10,
                rlim_max: 256 << 10,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let full = Run::of(cmd.output().unwrap());
    assert_eq!(full.code(), 2, "{}", full.stderr());
    let error = full
        .errors()
        .iter()
        .find(|e| e["cause"]["kind"] == "index")
        .unwrap_or_else(|| panic!("{:#}", full.json["errors"]));
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains(&*index.path().to_string_lossy())
            && message.contains("a full disk")
            && message.contains("the previous index is unchanged"),
        "{message}"
    );
    // The findings are still reported, and the index is as it was.
    assert!(full.findings().iter().any(|f| f["path"] == "bulky.md"));
    index_is_as_before(index.path(), &before, "drain");

    // With room again, the next scan brings it up to date.
    let after = indexed_scan(
        index.path(),
        &[ops.path(), backup.path(), bulky.path()],
        &[],
    );
    assert!(after.errors().is_empty(), "{}", after.stderr());
    assert!(
        search_json(index.path(), &["drain"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn a_damaged_index_is_named_with_how_to_rebuild_it() {
    let (ops, _) = estate();
    let index = tempfile::tempdir().unwrap();
    indexed_scan(index.path(), &[ops.path()], &[]);
    // Cut a segment file short.
    let store = std::fs::read_dir(index.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&store)
        .unwrap()
        .set_len(16)
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .args(["search", "vmotion", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&*index.path().to_string_lossy())
            && stderr.contains("is damaged (delete the folder and scan again to rebuild it)"),
        "{stderr}"
    );
    // A scan still reports its findings, names the damage, and is partial.
    let run = indexed_scan(index.path(), &[ops.path()], &[]);
    assert_eq!(run.code(), 2);
    assert_eq!(
        run.findings().len(),
        scan_json(shared_cache(), ops.path(), &[]).findings().len()
    );
    assert!(
        run.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains("is damaged"),
        "{:#}",
        run.json["errors"]
    );
}
