//! The harness works end to end on a small estate: every row of the table
//! is there with a figure. Not a timing test: targets may be missed here
//! (debug builds, a loaded machine), only their rows must exist.

use std::path::PathBuf;
use std::process::Command;

/// The `opgap` binary of the same build (`cargo test --workspace` builds it
/// for the host's end-to-end tests).
fn opgap_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let opgap = profile_dir.join("opgap");
    assert!(
        opgap.is_file(),
        "no {}: build it first (cargo test --workspace does)",
        opgap.display()
    );
    opgap
}

#[test]
fn a_small_run_prints_every_row_of_the_table() {
    let work = tempfile::tempdir().unwrap();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus/northwind-ops");
    let output = Command::new(env!("CARGO_BIN_EXE_opgap-bench"))
        .args([
            "run",
            "--sizes",
            "150,300",
            "--repeats",
            "2",
            "--search-rounds",
            "2",
        ])
        .arg("--work")
        .arg(work.path())
        .arg("--opgap")
        .arg(opgap_binary())
        .arg("--from")
        .arg(&corpus)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let rows: Vec<&str> = stdout.lines().filter(|l| l.starts_with("| ")).collect();
    for expected in [
        "cold start",
        "warm start",
        "full scan, 150 files",
        "full scan, 300 files",
        "peak RSS, scan of 300 files",
        "full scan with index, 300 files",
        "search p50 / p99",
        "`opgap search` command",
        "incremental rescan, 300 files",
        "vsphere detector, native",
        "vsphere detector, wasm component",
        "wasm ÷ native",
    ] {
        let row = rows
            .iter()
            .find(|r| r.contains(expected))
            .unwrap_or_else(|| panic!("no row {expected:?} in\n{stdout}"));
        assert!(
            row.split('|')
                .nth(2)
                .unwrap()
                .chars()
                .any(|c| c.is_ascii_digit()),
            "no figure in {row}"
        );
    }
    // ripgrep is the floor where it is installed, and said to be missing
    // where it is not.
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    assert_eq!(
        stdout.contains("ripgrep, same literals"),
        has_rg,
        "{stdout}"
    );
}
