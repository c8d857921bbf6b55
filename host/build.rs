//! Builds the built-in plugins (`plugins/<name>`, package `opgap-plugin-<name>`) for
//! `wasm32-wasip2` and embeds them, so `cargo build` alone yields a complete
//! `opgap` binary.
//!
//! The plugins are built by a nested cargo into their own target directory,
//! beside the outer one, so the two builds never wait on each other's lock.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

use sha2::{Digest, Sha256};

const WASM_TARGET: &str = "wasm32-wasip2";

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let workspace = manifest_dir.parent().expect("host/ sits in the workspace");
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());

    for watched in ["plugins", "wit", "Cargo.lock"] {
        println!(
            "cargo:rerun-if-changed={}",
            workspace.join(watched).display()
        );
    }

    let plugins = builtin_plugins(&workspace.join("plugins"));
    let target_dir = outer_target_dir(&out_dir).join("wasm-plugins");
    build_plugins(workspace, &target_dir, &plugins);

    // `translate-<stack>` plugins implement the translator world, `scorer`
    // the scorer world, the rest the detector world.
    let (scorers, others): (Vec<&String>, Vec<&String>) =
        plugins.iter().partition(|name| *name == "scorer");
    let (translators, detectors): (Vec<&String>, Vec<&String>) = others
        .into_iter()
        .partition(|name| name.starts_with("translate-"));
    let mut consts = String::new();
    let mut generated = String::new();
    // Each component's sha256 (its identity in pins, caches and reports),
    // so a run does not hash megabytes of its own plugins to learn it.
    let mut hashes = String::from("pub static BUILTIN_SHA256: &[(&[u8], &str)] = &[\n");
    for (list, names) in [
        ("BUILTIN_DETECTORS", detectors),
        ("BUILTIN_TRANSLATORS", translators),
        ("BUILTIN_SCORERS", scorers),
    ] {
        generated.push_str(&format!("pub static {list}: &[(&str, &[u8])] = &[\n"));
        for name in names {
            let file = format!("opgap_plugin_{}.wasm", name.replace('-', "_"));
            let built = target_dir.join(WASM_TARGET).join("release").join(&file);
            let embedded = out_dir.join(&file);
            fs::copy(&built, &embedded)
                .unwrap_or_else(|e| panic!("copying {}: {e}", built.display()));
            let bytes_const = format!("{}_WASM", name.replace('-', "_").to_uppercase());
            consts.push_str(&format!(
                "static {bytes_const}: &[u8] = include_bytes!({:?});\n",
                embedded.display().to_string()
            ));
            generated.push_str(&format!("    ({name:?}, {bytes_const}),\n"));
            let sha256 = Sha256::digest(fs::read(&embedded).expect("reading a built plugin"));
            let hex: String = sha256.iter().map(|b| format!("{b:02x}")).collect();
            hashes.push_str(&format!("    ({bytes_const}, {hex:?}),\n"));
        }
        generated.push_str("];\n");
    }
    hashes.push_str("];\n");
    fs::write(
        out_dir.join("builtin_plugins.rs"),
        consts + &generated + &hashes,
    )
    .unwrap();
}

/// Every folder `plugins/<name>` whose package is `opgap-plugin-<name>`
/// (the SDK and the catalogue are libraries, not plugins).
fn builtin_plugins(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("plugins/ folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| {
            fs::read_to_string(dir.join(name).join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.contains(&format!("name = \"opgap-plugin-{name}\"")))
        })
        .collect();
    names.sort();
    names
}

fn build_plugins(workspace: &Path, target_dir: &Path, plugins: &[String]) {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(workspace)
        .args([
            "build",
            "--release",
            "--target",
            WASM_TARGET,
            "--target-dir",
        ])
        .arg(target_dir);
    for name in plugins {
        cmd.args(["-p", &format!("opgap-plugin-{name}")]);
    }
    // Flags meant for the host build (coverage, sanitizers, clippy as the
    // compiler wrapper) must not leak into the wasm build.
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTC_WRAPPER",
        "CARGO_BUILD_TARGET",
        "CARGO_TARGET_DIR",
        "CARGO_PROFILE_RELEASE_DEBUG",
    ] {
        cmd.env_remove(var);
    }
    let output = cmd.output().expect("running cargo to build the plugins");
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let hint = if stderr.contains("target may not be installed") {
            "\nhint: run `rustup target add wasm32-wasip2`"
        } else {
            ""
        };
        panic!("building the built-in plugins failed:\n{stderr}{hint}");
    }
}

/// The outer build's target directory: the nearest ancestor of OUT_DIR that
/// cargo marked with CACHEDIR.TAG, else OUT_DIR itself.
fn outer_target_dir(out_dir: &Path) -> PathBuf {
    out_dir
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .unwrap_or(out_dir)
        .to_path_buf()
}
