//! Settings, questionnaires and baselines the user hands over: huge,
//! deeply nested, or not files at all. Each is an error naming the file
//! (and the line and column where the text is at fault), never a hang, a
//! crash or an exhausted memory.

use std::process::Output;
use std::time::{Duration, Instant};

use crate::support::*;

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn configuration_that_is_huge_deep_or_not_a_file_is_named() {
    let repo = Repo::new();
    repo.write("move.md", "Use vMotion.\n").commit("one");
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "huge.toml",
            format!("# {}\n", "x".repeat(2 << 20)),
            "larger than the 1 MiB limit".to_string(),
        ),
        (
            "deep-arrays.toml",
            format!("ignore = {}{}\n", "[".repeat(50_000), "]".repeat(50_000)),
            "deep-arrays.toml:1:".to_string(),
        ),
        (
            "deep-tables.toml",
            format!("x = {}1{}\n", "{ y = ".repeat(50_000), " }".repeat(50_000)),
            "deep-tables.toml:1:".to_string(),
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let started = Instant::now();
        let out = opgap(shared_cache())
            .arg(repo.path())
            .arg("--config")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(stderr.contains(&expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("overflow"));
        assert!(started.elapsed() < Duration::from_secs(20));
    }
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let out = opgap(shared_cache())
        .arg(repo.path())
        .arg("--config")
        .arg(&fifo)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("fifo.toml") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

#[test]
fn questionnaires_that_are_huge_deep_or_not_files_are_named_and_the_good_one_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    let good = workspace().join("corpus/teams/tern/2026-11-15.toml");
    let huge = dir.path().join("huge.toml");
    std::fs::write(&huge, format!("# {}\n", "x".repeat(5 << 20))).unwrap();
    let deep = dir.path().join("deep.toml");
    std::fs::write(
        &deep,
        format!("team = {}\"x\"{}\n", "[".repeat(50_000), "]".repeat(50_000)),
    )
    .unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let out = opgap_readiness(&[
        good.to_str().unwrap(),
        huge.to_str().unwrap(),
        deep.to_str().unwrap(),
        fifo.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.contains("Tern as of 2026-11-15"), "{stdout}");
    for expected in [
        "huge.toml:1:1: cannot read it: larger than the 4 MiB limit",
        "deep.toml:1:",
        "fifo.toml:1:1: cannot read it: not a regular file",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(!stderr.contains("panicked"));
}

#[test]
fn a_baseline_or_saved_report_that_is_not_a_file_is_refused_at_once() {
    let repo = Repo::new();
    repo.write("move.md", "Use vMotion.\n").commit("one");
    let started = Instant::now();
    let out = opgap(shared_cache())
        .arg(repo.path())
        .args(["--baseline", "/dev/zero"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("cannot read the baseline /dev/zero: not a regular file"),
        "{stderr}"
    );
    let team = workspace().join("corpus/teams/tern/2026-11-15.toml");
    let out = opgap_readiness(&[team.to_str().unwrap(), "--scan", "/dev/zero"]);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("/dev/zero") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}
