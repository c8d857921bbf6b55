//! The compiled-component cache: reused on the second run, rebuilt when
//! damaged.

use crate::support::*;

fn compile_outcome(run: &Run) -> String {
    run.json["plugins"][0]["compile"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_second_run_loads_compiled_plugins_from_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write("a.md", "vMotion\n").commit("a");
    let first = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(compile_outcome(&first), "compiled");
    let second = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(compile_outcome(&second), "hit");
    assert_eq!(first.json["findings"], second.json["findings"]);
}

#[test]
fn a_corrupted_cache_entry_is_detected_and_rebuilt() {
    let cache = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write("a.md", "vMotion\n").commit("a");
    scan_json(cache.path(), repo.path(), &[]);
    for entry in std::fs::read_dir(cache.path().join("components")).unwrap() {
        let path = entry.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&path, bytes).unwrap();
    }
    let run = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(compile_outcome(&run), "rebuilt");
    assert_eq!(run.plugin_findings("vsphere"), 1);
    let again = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(compile_outcome(&again), "hit");
}

#[test]
fn a_cache_folder_others_can_write_to_is_not_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let cache = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write("a.md", "vMotion\n").commit("a");
    scan_json(cache.path(), repo.path(), &[]);
    let components = cache.path().join("components");
    std::fs::set_permissions(&components, std::fs::Permissions::from_mode(0o777)).unwrap();
    // Whatever sits in it now is never loaded as native code.
    let run = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(compile_outcome(&run), "uncached");
    assert!(
        run.stderr()
            .contains("not using the compiled-plugin cache in")
            && run.stderr().contains("others can write to it (mode 777"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.plugin_findings("vsphere"), 1);
}

#[test]
fn what_a_plugin_says_of_itself_is_cached_with_a_checksum_and_asked_again_when_damaged() {
    let cache = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write("a.md", "vMotion\n").commit("a");
    let first = scan_json(cache.path(), repo.path(), &[]);
    let infos: Vec<std::path::PathBuf> = std::fs::read_dir(cache.path().join("components"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".info"))
        .collect();
    assert_eq!(infos.len(), 4, "one per built-in detector: {infos:?}");
    // A changed letter in a rule's help text still parses as JSON: only the
    // checksum tells, and the plugin is asked again.
    for path in &infos {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, text.replacen("vMotion", "vMotioN", 1)).unwrap();
    }
    // SARIF carries each rule's help, taken from what the plugin said.
    let sarif = |cache: &std::path::Path| {
        let output = opgap(cache)
            .arg(repo.path())
            .args(["--format", "sarif"])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let second = sarif(cache.path());
    assert!(second.contains("vMotion") && !second.contains("vMotioN"));
    let again = scan_json(cache.path(), repo.path(), &[]);
    assert_eq!(first.json["findings"], again.json["findings"]);
    // Rewritten whole: the next run reads them again.
    for path in &infos {
        assert!(!std::fs::read_to_string(path).unwrap().contains("vMotioN"));
    }
}
