//! Repositories and files opgap did not write: odd encodings and endings,
//! huge and deeply nested files, odd git shapes, unsafe names, special
//! files and files that change while the scan runs. Each is read, or
//! skipped and counted, and never costs another file its findings.

use std::time::{Duration, Instant};

use crate::support::*;

/// The runbook every repository here carries, with its one finding.
const MOVE: &str = "# Move\n\nUse vMotion to drain the host.\n";

fn constructs_in(run: &Run, path: &str) -> Vec<String> {
    run.locations()
        .into_iter()
        .filter(|l| l.0 == path)
        .map(|l| l.3)
        .collect()
}

fn skipped(run: &Run) -> serde_json::Value {
    run.json["files"]["skipped"].clone()
}

#[test]
fn encodings_and_line_endings() {
    let repo = Repo::new();
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "Use vMotion.\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    repo.write("move.md", MOVE)
        .write("utf16.md", utf16)
        .write("latin1.md", b"caf\xe9 vMotion\n")
        .write("mixed.md", "# T\r\n\r\nplain\nthen\rvMotion\r\nand vSAN\n")
        .write("empty.md", "")
        .write("only-newlines.md", "\n\n\r\n\r")
        .commit("encodings");
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(
        skipped(&run),
        serde_json::json!({"binary": 1, "not-utf8": 1}),
        "UTF-16 has NUL bytes, Latin-1 is not UTF-8"
    );
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
    // \r\n, \n and a lone \r each end a line, as in CommonMark.
    let mixed: Vec<(u64, u64)> = run
        .locations()
        .into_iter()
        .filter(|l| l.0 == "mixed.md")
        .map(|l| (l.1, l.2))
        .collect();
    assert_eq!(mixed, [(5, 1), (6, 5)]);
    assert_eq!(run.json["files"]["scanned"], 4);
}

#[test]
fn ten_thousand_deep_quotes_and_lists_and_a_ten_thousand_item_list() {
    let depth = 10_000;
    let quotes = format!("{} vMotion in a quote\n", ">".repeat(depth));
    // Each `- ` opens a list inside the previous item, so one line nests
    // ten thousand deep (indenting each level instead would take 100 MB).
    let lists = format!("# Deep\n\n{}vMotion at the bottom\n", "- ".repeat(depth));
    let long_list: String = (0..10_000)
        .map(|i| format!("{i}. step {i}\n"))
        .chain(std::iter::once("10000. use vSAN\n".to_string()))
        .collect();
    let repo = Repo::new();
    repo.write("move.md", MOVE)
        .write("quotes.md", quotes)
        .write("lists.md", lists)
        .write("long-list.md", long_list)
        .commit("deep");
    let started = Instant::now();
    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
    assert_eq!(constructs_in(&run, "quotes.md"), ["vmware.vmotion"]);
    assert_eq!(constructs_in(&run, "long-list.md"), ["vmware.vsan.cluster"]);
    let bottom = run
        .locations()
        .into_iter()
        .find(|l| l.0 == "lists.md")
        .expect("the deepest item is read");
    assert_eq!(bottom.1, 3);
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_fifty_megabyte_runbook_is_scanned_whole_in_pieces() {
    let mut text = String::with_capacity(51 << 20);
    let mut expected = 0;
    let mut step = 0;
    while text.len() < 50 << 20 {
        step += 1;
        text.push_str(&format!(
            "## Step {step}\n\nDrain the host, confirm the backup ran and tell the on-call channel.\n\n"
        ));
        if step % 50 == 0 {
            text.push_str("Then use vMotion to move the VM.\n\n");
            expected += 1;
        }
    }
    // One block far larger than a piece: a 3 MB script, cut at line ends.
    let script: String = (0..150_000)
        .map(|i| {
            if i % 1000 == 999 {
                "Connect-VIServer -Server vc01\n".to_string()
            } else {
                format!("Write-Host 'step {i}'\n")
            }
        })
        .collect();
    let repo = Repo::new();
    repo.write("big.md", &text)
        .write("big.ps1", &script)
        .write("move.md", MOVE)
        .commit("big");
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--only", "vsphere", "--only", "powercli"],
    );
    assert_eq!(run.code(), 0, "{:#}", run.json["errors"]);
    let found = constructs_in(&run, "big.md");
    assert_eq!(found.len(), expected, "every mention, none lost at a cut");
    assert!(found.iter().all(|c| c == "vmware.vmotion"));
    let moves: Vec<u64> = run
        .locations()
        .into_iter()
        .filter(|l| l.0 == "big.ps1")
        .map(|l| l.1)
        .collect();
    assert_eq!(moves.len(), 150, "{moves:?}");
    assert!(
        moves
            .iter()
            .enumerate()
            .all(|(k, line)| *line == 1000 * (k as u64 + 1))
    );
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
}

#[test]
fn empty_shallow_and_detached_repositories() {
    // An empty repository is an error that names it; the other repository
    // in the same scan is still reported.
    let empty = Repo::new();
    let full = Repo::new();
    full.write("move.md", MOVE).commit("one");
    full.write("second.md", "Check vSAN health.\n")
        .commit("two");
    let run = Run::of(
        opgap(shared_cache())
            .args([empty.path(), full.path()])
            .args(["--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let message = run.errors()[0]["message"].as_str().unwrap();
    assert!(
        message.contains("without commits") && message.contains(&*empty.path().to_string_lossy()),
        "{message}"
    );
    assert_eq!(run.locations().len(), 2);

    // A shallow clone of depth 1 is read at its one commit.
    let shallow = tempfile::tempdir().unwrap();
    let url = format!("file://{}", full.path().display());
    let clone = shallow.path().join("clone");
    full.git(&["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()]);
    let run = scan_json(shared_cache(), &clone, &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.locations().len(), 2);
    // Asking for history it does not have is a clear error.
    let out = opgap(shared_cache())
        .arg(&clone)
        .args(["--changed-since", "HEAD~1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("\"HEAD~1\": this is a shallow clone") && stderr.contains("--unshallow"),
        "{stderr}"
    );

    // A detached HEAD is read at the commit it points to.
    full.git(&["checkout", "-q", "--detach", "HEAD~1"]);
    let run = scan_json(shared_cache(), full.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let head = full.git(&["rev-parse", "HEAD"]);
    assert_eq!(run.json["repos"][0]["revision"], head.as_str());
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
    assert!(constructs_in(&run, "second.md").is_empty());
}

#[test]
fn submodules_are_counted_not_followed() {
    let inner = Repo::new();
    inner.write("inner.md", MOVE).commit("inner");
    let outer = Repo::new();
    outer.write("move.md", MOVE);
    let url = format!("file://{}", inner.path().display());
    outer.git(&[
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        &url,
        "vendor/inner",
    ]);
    outer.commit("with a submodule");
    let run = scan_json(shared_cache(), outer.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(skipped(&run)["submodule"], 1);
    assert!(constructs_in(&run, "vendor/inner/inner.md").is_empty());
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
}

#[test]
fn symlinks_outside_and_in_loops_are_never_followed() {
    let repo = Repo::new();
    repo.write("move.md", MOVE);
    let root = repo.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "vCenter secret\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("outside")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), root.join("secret.md")).unwrap();
    std::os::unix::fs::symlink("loop.md", root.join("loop.md")).unwrap();
    std::os::unix::fs::symlink(".", root.join("self")).unwrap();
    std::os::unix::fs::symlink("b-dir", root.join("a-dir")).unwrap();
    std::os::unix::fs::symlink("a-dir", root.join("b-dir")).unwrap();
    repo.commit("links");
    for mode in [&[][..], &["--worktree"][..]] {
        let run = scan_json(shared_cache(), root, mode);
        assert_eq!(run.code(), 0, "{mode:?}: {}", run.stderr());
        let paths: Vec<String> = run.locations().into_iter().map(|l| l.0).collect();
        assert_eq!(paths, ["move.md"], "{mode:?}");
        assert_eq!(skipped(&run)["symlink"], 6, "{mode:?}: {}", skipped(&run));
    }
}

/// Write a raw tree object with the given (mode, name, id) entries.
fn raw_tree(repo: &git2::Repository, entries: &[(&str, &[u8], git2::Oid)]) -> git2::Oid {
    let mut raw = Vec::new();
    for (mode, name, id) in entries {
        raw.extend_from_slice(mode.as_bytes());
        raw.push(b' ');
        raw.extend_from_slice(name);
        raw.push(0);
        raw.extend_from_slice(id.as_bytes());
    }
    repo.odb()
        .unwrap()
        .write(git2::ObjectType::Tree, &raw)
        .unwrap()
}

#[test]
fn unsafe_and_odd_names_in_a_tree_are_skipped_and_counted() {
    // Names git itself refuses to check out (`..`, `.git`), control
    // characters, a non-UTF-8 folder: written as raw tree objects.
    let repo = Repo::new();
    repo.write("move.md", MOVE).commit("start");
    let git = git2::Repository::open(repo.path()).unwrap();
    let secret = git.blob(b"vCenter: escape the repository\n").unwrap();
    let honest = git.blob(MOVE.as_bytes()).unwrap();
    let below = raw_tree(&git, &[("100644", b"x.md", secret)]);
    let root = raw_tree(
        &git,
        &[
            ("40000", b"..", below),
            ("40000", b".git", below),
            ("100644", b"evil\x1b]0;pwned\x07.md", secret),
            ("100644", b"move.md", honest),
            ("100644", b"spaced out #1 %.md", honest),
            ("40000", b"caf\xe9", below),
        ],
    );
    let tree = git.find_tree(root).unwrap();
    let sig = git2::Signature::now("t", "t@t.invalid").unwrap();
    let parent = git.head().unwrap().peel_to_commit().unwrap();
    git.commit(Some("HEAD"), &sig, &sig, "odd names", &tree, &[&parent])
        .unwrap();

    let run = scan_json(shared_cache(), repo.path(), &[]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(skipped(&run)["unsafe-name"], 4, "{}", skipped(&run));
    let mut paths: Vec<String> = run.locations().into_iter().map(|l| l.0).collect();
    paths.sort();
    assert_eq!(paths, ["move.md", "spaced out #1 %.md"]);

    // The odd-but-legal name is a valid SARIF artifact URI.
    let sarif = Run::of(
        opgap(shared_cache())
            .arg(repo.path())
            .args(["--format", "sarif"])
            .output()
            .unwrap(),
    );
    assert_eq!(sarif_problems(&sarif.json), Vec::<String>::new());
    assert!(
        sarif
            .json
            .to_string()
            .contains("spaced%20out%20%231%20%25.md"),
        "{}",
        sarif.json
    );
}

#[test]
fn odd_names_and_special_files_in_a_working_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("move.md"), MOVE).unwrap();
    std::fs::write(root.join("evil\x1b[2J.md"), "vCenter\n").unwrap();
    let raw = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"caf\xe9.md");
    std::fs::write(root.join(raw), "vCenter\n").unwrap();
    let fifo = root.join("pipe.md");
    mkfifo(&fifo);
    let started = Instant::now();
    let run = scan_json(shared_cache(), root, &[]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "a FIFO blocked the scan"
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(
        skipped(&run),
        serde_json::json!({"unsafe-name": 2, "not-a-file": 1})
    );
    assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);

    // Given as a file argument, a FIFO is refused without being opened
    // for a blocking read.
    let run = scan_json(shared_cache(), &fifo, &[]);
    assert_eq!(skipped(&run)["not-a-file"], 1, "{}", run.stderr());
}

#[test]
fn a_file_rewritten_during_the_scan_never_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::write(root.join("move.md"), MOVE).unwrap();
    let short = "vSAN\n".to_string();
    let long = format!("{}vMotion\n", "padding line\n".repeat(20_000));
    let changing = root.join("changing.md");
    std::fs::write(&changing, &short).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, changing, short, long) =
            (stop.clone(), changing.clone(), short.clone(), long.clone());
        std::thread::spawn(move || {
            let mut flips = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let text = if flips.is_multiple_of(2) {
                    &long
                } else {
                    &short
                };
                // Rewritten in place (truncate, then write), so a reader
                // can see any length in between.
                std::fs::write(&changing, text).unwrap();
                flips += 1;
            }
            flips
        })
    };
    for _ in 0..5 {
        let run = scan_json(shared_cache(), &root, &[]);
        assert!(matches!(run.code(), 0), "{}", run.stderr());
        assert_eq!(constructs_in(&run, "move.md"), ["vmware.vmotion"]);
        // Whatever was read (a whole version or a torn one), findings are
        // where one of the versions has them; the scan neither fails nor
        // reports a position outside what it read.
        for f in run.findings().iter().filter(|f| f["path"] == "changing.md") {
            let line = f["line"].as_u64().unwrap();
            assert!(line == 1 || line == 20_001, "{f}");
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0);
}

#[test]
fn an_ignore_file_that_is_a_fifo_or_a_link_to_a_device_cannot_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("move.md"), MOVE).unwrap();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/ignored.md"), "vSAN\n").unwrap();
    mkfifo(&root.join("sub/.gitignore"));
    std::os::unix::fs::symlink("/dev/zero", root.join(".ignore")).unwrap();
    // A folder with a control character: counted once, never entered.
    std::fs::create_dir_all(root.join("bad\x1bdir")).unwrap();
    std::fs::write(root.join("bad\x1bdir/a.md"), "vCenter\n").unwrap();
    std::fs::write(root.join("bad\x1bdir/b.md"), "vCenter\n").unwrap();
    let started = Instant::now();
    let run = scan_json(shared_cache(), root, &[]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let messages: Vec<&str> = run
        .errors()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .all(|m| m.contains("an ignore file that is not a regular file")),
        "{messages:?}"
    );
    assert_eq!(skipped(&run)["unsafe-name"], 1, "{}", skipped(&run));
    let mut paths: Vec<String> = run.locations().into_iter().map(|l| l.0).collect();
    paths.sort();
    assert_eq!(paths, ["move.md", "sub/ignored.md"]);
}
