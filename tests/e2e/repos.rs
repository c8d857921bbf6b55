//! Several repositories in one scan, and remote ones mirrored by URL.

use crate::support::*;

fn file_url(repo: &Repo) -> String {
    format!("file://{}", repo.path().display())
}

#[test]
fn several_repositories_are_scanned_together_and_findings_name_theirs() {
    let (a, b) = (Repo::new(), Repo::new());
    a.write("patch.md", "vMotion the VMs off the host.\n")
        .commit("a");
    b.write(
        "backup.md",
        "Run New-Snapshot -VM db01 -Quiesce before the upgrade.\n",
    )
    .commit("b");
    let run = Run::of(
        opgap(shared_cache())
            .args(["--format", "json"])
            .arg(a.path())
            .arg(b.path())
            .output()
            .unwrap(),
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let json = &run.json;
    let repos: Vec<&str> = json["repos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(repos.len(), 2);
    let findings = json["findings"].as_array().unwrap();
    let of = |repo: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["repo"] == repo)
            .map(|f| {
                format!(
                    "{}:{}",
                    f["path"].as_str().unwrap(),
                    f["construct"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert!(
        of(repos[0]).iter().all(|f| f.starts_with("patch.md:")),
        "{:?}",
        of(repos[0])
    );
    assert!(of(repos[0]).contains(&"patch.md:vmware.vmotion".to_string()));
    assert!(
        of(repos[1])
            .iter()
            .any(|f| f.starts_with("backup.md:vmware.snapshot")),
        "{:?}",
        of(repos[1])
    );
    assert_eq!(json["files"]["scanned"], 2);
    let problems = schema_problems(json);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn repositories_that_share_a_name_are_told_apart() {
    let (a, b) = (Repo::new(), Repo::new());
    for r in [&a, &b] {
        std::fs::create_dir_all(r.path().join("runbooks")).unwrap();
        r.write("runbooks/x.md", "Use vMotion.\n");
        r.git(&["init", "-q", "-b", "main", "runbooks"]);
    }
    let run_dir = |r: &Repo| r.path().join("runbooks").display().to_string();
    let out = opgap(shared_cache())
        .args(["--format", "json", "--worktree", &run_dir(&a), &run_dir(&b)])
        .output()
        .unwrap();
    let json = Run::of(out).json;
    let names: Vec<&str> = json["repos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["runbooks", "runbooks#2"]);
}

#[test]
fn a_file_url_is_mirrored_scanned_and_fetched_again_on_the_next_run() {
    let origin = Repo::new();
    origin.write("a.md", "Use vMotion.\n").commit("first");
    let url = file_url(&origin);
    let run = scan_json(shared_cache(), std::path::Path::new(&url), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let repo = &run.json["repos"][0];
    assert_eq!(repo["origin"], url.as_str());
    assert_eq!(repo["mode"], "git");
    assert_eq!(
        repo["revision"].as_str().unwrap(),
        origin.git(&["rev-parse", "HEAD"])
    );
    assert!(
        repo["root"]
            .as_str()
            .unwrap()
            .starts_with(shared_cache().to_str().unwrap()),
        "mirrored under the cache folder: {repo}"
    );
    assert_eq!(run.findings().len(), 1);

    origin
        .write("b.md", "vSphere Fault Tolerance protects the gateway.\n")
        .commit("second");
    let run = scan_json(shared_cache(), std::path::Path::new(&url), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(
        run.json["repos"][0]["revision"].as_str().unwrap(),
        origin.git(&["rev-parse", "HEAD"]),
        "the mirror follows the remote's default branch"
    );
    assert!(run.findings().iter().any(|f| f["path"] == "b.md"));
    let run = scan_json(
        shared_cache(),
        std::path::Path::new(&url),
        &["--rev", "HEAD~1"],
    );
    assert!(run.findings().iter().all(|f| f["path"] == "a.md"));
}

#[test]
fn an_unreachable_remote_is_an_error_beside_the_other_results_and_keeps_its_secret() {
    let good = Repo::new();
    good.write("a.md", "Use vMotion.\n").commit("a");
    // Port 9 (discard) refuses connections at once.
    let secret_url = "https://ci:s3cret-token@127.0.0.1:9/ops/runbooks.git";
    let out = opgap(shared_cache())
        .args(["--format", "json"])
        .arg(good.path())
        .arg(secret_url)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        !stderr.contains("s3cret") && !stdout.contains("s3cret"),
        "{stderr}\n{stdout}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["partial"], true);
    assert_eq!(json["findings"].as_array().unwrap().len(), 1);
    let error = &json["errors"][0];
    assert_eq!(error["cause"]["kind"], "unreadable-repo");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("https://ci:***@127.0.0.1:9/ops/runbooks.git"),
        "{error}"
    );
    // Alone, it is fatal, and still secret.
    let out = opgap(shared_cache()).arg(secret_url).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("s3cret"));
}

#[test]
fn without_paths_the_repos_of_opgap_toml_are_scanned_each_at_its_rev() {
    let remote = Repo::new();
    remote.write("a.md", "Use vMotion.\n").commit("first");
    let pinned = remote.git(&["rev-parse", "HEAD"]);
    remote
        .write("b.md", "vSphere Fault Tolerance protects it.\n")
        .commit("second");
    let local = Repo::new();
    local
        .write("c.md", "Run New-Snapshot -VM db01 -Quiesce first.\n")
        .commit("c");
    let ops = tempfile::tempdir().unwrap();
    let local_rel = "local-runbooks";
    std::os::unix::fs::symlink(local.path(), ops.path().join(local_rel)).unwrap();
    std::fs::write(
        ops.path().join("opgap.toml"),
        format!(
            "[[repos]]\nurl = \"{}\"\nrev = \"{pinned}\"\n\n[[repos]]\npath = \"{local_rel}\"\n",
            file_url(&remote)
        ),
    )
    .unwrap();
    let run = Run::of(
        opgap(shared_cache())
            .current_dir(ops.path())
            .args(["--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let json = &run.json;
    assert_eq!(json["repos"][0]["revision"], pinned.as_str());
    assert_eq!(json["repos"][0]["origin"], file_url(&remote).as_str());
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"a.md") && paths.contains(&"c.md"),
        "{paths:?}"
    );
    assert!(
        !paths.contains(&"b.md"),
        "read at the pinned revision: {paths:?}"
    );

    let empty = tempfile::tempdir().unwrap();
    let out = opgap(shared_cache())
        .current_dir(empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to scan"));
}
