//! Every saved input (the seeds each target starts from, and any input
//! that once broke a property) replayed through the same checks, as an
//! ordinary test: a fixed crash stays fixed without a fuzzer installed.

use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: &[(&str, Check)] = &[
    ("markdown_blocks", opgap_fuzz::markdown_blocks),
    ("scripts", opgap_fuzz::scripts),
    ("questionnaire", opgap_fuzz::questionnaire),
    ("config", opgap_fuzz::config),
    ("plugin_output", opgap_fuzz::plugin_output),
];

#[test]
fn saved_inputs_keep_every_property() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for kind in ["seeds", "regressions"] {
            let dir = root.join(kind).join(target);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| check(&data));
                assert!(outcome.is_ok(), "{} broke {target}", path.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed >= TARGETS.len(), "only {replayed} inputs replayed");
}
