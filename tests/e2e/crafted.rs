//! Components no compiler would emit: crafted from the real WIT with a few
//! core-module fields added in WAT. Each is refused or contained with a
//! named error, and the built-in findings are still reported.

use std::path::{Path, PathBuf};

use wit_parser::{ManglingAndAbi, Resolve};

use crate::support::*;

/// A component implementing `world` (the detector world by default, or the
/// world of `extra_wit`, which may include it), whose core module gets the
/// WAT module fields in `extra_core`. Its exported functions trap.
fn crafted(name: &str, extra_core: &str, extra_wit: Option<&str>) -> PathBuf {
    let mut resolve = Resolve::default();
    let (contract, _) = resolve
        .push_dir(workspace().join("wit"))
        .expect("the published WIT parses");
    let world = match extra_wit {
        None => resolve.select_world(&[contract], Some("detector")),
        Some(text) => {
            let package = resolve.push_str("crafted.wit", text).expect("test WIT");
            resolve.select_world(&[package], None)
        }
    }
    .expect("world");
    let dummy = wit_component::dummy_module(&resolve, world, ManglingAndAbi::Standard32);
    let mut text = wasmprinter::print_bytes(&dummy).expect("print the dummy module");
    let end = text.rfind(')').expect("module end");
    text.insert_str(end, extra_core);
    let mut core = wat::parse_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    wit_component::embed_component_metadata(
        &mut core,
        &resolve,
        world,
        wit_component::StringEncoding::UTF8,
    )
    .expect("embed metadata");
    let component = wit_component::ComponentEncoder::default()
        .module(&core)
        .expect("module")
        .validate(true)
        .encode()
        .expect("encode the component");
    let dir = workspace().join("target/crafted-components");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, component).unwrap();
    path
}

fn runbook_repo() -> Repo {
    let repo = Repo::new();
    repo.write("runbooks/move.md", "Use vMotion, then check vSAN.\n")
        .commit("runbooks");
    repo
}

/// Scan with the crafted plugin; give the run and its one error.
fn scan_with(plugin: &Path) -> (Run, serde_json::Value) {
    let repo = runbook_repo();
    let run = scan_json(
        shared_cache(),
        repo.path(),
        &["--plugin", plugin.to_str().unwrap(), "--deadline-ms", "200"],
    );
    assert_eq!(run.code(), 2, "{:#}", run.json);
    let vsphere: Vec<_> = run.locations().into_iter().map(|l| l.3).collect();
    assert_eq!(vsphere, ["vmware.vmotion", "vmware.vsan.cluster"]);
    assert_eq!(run.errors().len(), 1, "{:#}", run.json["errors"]);
    let error = run.errors()[0].clone();
    (run, error)
}

#[test]
fn the_crafting_works_a_crafted_detector_loads_and_traps_when_called() {
    let (_, e) = scan_with(&crafted("plain", "", None));
    assert_eq!(e["cause"]["kind"], "trap", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("unreachable"),
        "{e}"
    );
}

#[test]
fn an_endless_start_function_meets_the_start_up_deadline() {
    let looping = r#"(func $spin (loop $again (br $again))) (start $spin)"#;
    let started = std::time::Instant::now();
    let (_, e) = scan_with(&crafted("endless-start", looping, None));
    assert_eq!(e["cause"]["kind"], "deadline", "{e}");
    // Start-up gets five times the call deadline.
    assert_eq!(e["cause"]["millis"], 1000);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_huge_initial_memory_hits_the_memory_cap_at_instantiation() {
    // 2000 pages of 64 KiB: 125 MiB.
    let (_, e) = scan_with(&crafted("huge-memory", "(memory 2000)", None));
    assert_eq!(e["cause"]["kind"], "memory-limit", "{e}");
}

#[test]
fn extra_memories_or_tables_beyond_the_limit_are_refused() {
    let extra = "(memory 0)".repeat(20);
    let (run, e) = scan_with(&crafted("many-memories", &extra, None));
    assert_eq!(schema_problems(&run.json), Vec::<String>::new());
    assert_eq!(e["cause"]["kind"], "count-limit", "{e}");
    assert_eq!(e["cause"]["what"], "memories");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .ends_with("more memories than the limit of 8"),
        "{e}"
    );
    let extra = "(table 1 funcref)".repeat(40);
    let (_, e) = scan_with(&crafted("many-tables", &extra, None));
    assert_eq!(e["cause"]["what"], "tables", "{e}");
}

#[test]
fn a_huge_table_hits_the_table_limit() {
    let (_, e) = scan_with(&crafted("huge-table", "(table 500000 funcref)", None));
    assert_eq!(e["cause"]["kind"], "table-limit", "{e}");
    assert_eq!(e["cause"]["elements"], 100_000);
}

#[test]
fn an_import_the_host_does_not_offer_is_refused_at_load() {
    let wit = r#"
        package crafted:evil;
        interface sockets {
            connect: func(address: string) -> bool;
        }
        world evil {
            include opgap:plugin/detector@0.1.0;
            import sockets;
        }
    "#;
    let (_, e) = scan_with(&crafted("unknown-import", "", Some(wit)));
    assert_eq!(e["cause"]["kind"], "load", "{e}");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("crafted:evil/sockets")
            && message.contains("plugins may import only opgap:plugin/host"),
        "{message}"
    );
}

#[test]
fn a_component_of_another_world_is_refused_naming_the_worlds() {
    let wit = r#"
        package crafted:other;
        world other {
            export run: func(input: string) -> string;
        }
    "#;
    let (_, e) = scan_with(&crafted("other-world", "", Some(wit)));
    assert_eq!(e["cause"]["kind"], "load", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("exports none of `detect`, `translate` or `score`"),
        "{e}"
    );
}
