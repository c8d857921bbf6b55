//! Helpers: build git repositories, run the binary, build test guests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

/// A git repository in a temporary folder.
pub struct Repo {
    pub dir: TempDir,
}

impl Repo {
    pub fn new() -> Self {
        let repo = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> &Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, contents).unwrap();
        self
    }

    pub fn commit(&self, message: &str) -> &Self {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self
    }

    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_AUTHOR_NAME", "opgap tests")
            .env("GIT_AUTHOR_EMAIL", "tests@opgap.invalid")
            .env("GIT_COMMITTER_NAME", "opgap tests")
            .env("GIT_COMMITTER_EMAIL", "tests@opgap.invalid")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// Make a FIFO at `path` (a file that blocks whoever opens it to read).
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

/// The workspace root (where `corpus/` lives).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The target directory the test binary was built into.
pub fn target_dir() -> PathBuf {
    // target/debug/opgap → target/
    Path::new(env!("CARGO_BIN_EXE_opgap"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// A compiled-component cache shared by the tests that do not test the
/// cache itself, so each component is compiled once per test run.
pub fn shared_cache() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| target_dir().join("e2e-component-cache"))
}

/// `opgap scan` with the given cache folder and no index (tests that
/// share a cache would otherwise share, and queue for, one index). It
/// never fails on findings, so its status says whether results are whole:
/// 0, or 2 for partial; the exit-status tests set `--fail-on` themselves.
/// Test guests given with `--plugin` run unpinned (pinning has its own
/// tests, through `opgap_as_is`).
pub fn opgap(cache: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
    cmd.env("NO_COLOR", "1");
    cmd.arg("scan")
        .arg("--cache-dir")
        .arg(cache)
        .arg("--no-index")
        .args(["--fail-on", "never", "--allow-unpinned"]);
    cmd
}

/// `opgap scan` as a user runs it: the default index in `cache`, the
/// default `--fail-on`.
pub fn opgap_as_is(cache: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
    cmd.env("NO_COLOR", "1")
        .arg("scan")
        .arg("--cache-dir")
        .arg(cache);
    cmd
}

/// `opgap scan --format json` keeping the index in `index`.
pub fn indexed_scan(index: &Path, paths: &[&Path], extra: &[&str]) -> Run {
    let mut cmd = indexed_scan_command(index, paths, extra);
    Run::of(cmd.output().expect("opgap runs"))
}

/// The command `indexed_scan` runs, for tests that change how it runs.
pub fn indexed_scan_command(index: &Path, paths: &[&Path], extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opgap"));
    cmd.env("NO_COLOR", "1")
        .arg("scan")
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--index")
        .arg(index)
        .args(["--format", "json", "--fail-on", "never"])
        .args(paths)
        .args(extra);
    cmd
}

/// Run `cmd`, assert it succeeded (showing its output if not), and give
/// its stdout and stderr.
pub fn succeeds(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().expect("the command runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// `opgap readiness ARGS` with the shared compiled-component cache.
pub fn opgap_readiness(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opgap"))
        .arg("readiness")
        .args(args)
        .args(["--cache-dir", shared_cache().to_str().unwrap()])
        .output()
        .expect("opgap runs")
}

/// The JSON scorecard of `file` (a questionnaire or a folder of them),
/// which must score cleanly.
pub fn scorecard_json(file: &Path, extra: &[&str]) -> Value {
    let mut args = vec![file.to_str().unwrap(), "--format", "json"];
    args.extend(extra);
    let out = opgap_readiness(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `opgap search --format json` over `index`.
pub fn search_json(index: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_opgap"))
        .arg("search")
        .arg("--index")
        .arg(index)
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("opgap runs");
    assert!(
        out.status.success(),
        "search {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search JSON")
}

pub struct Run {
    pub output: Output,
    pub json: Value,
}

impl Run {
    pub fn of(output: Output) -> Self {
        let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}); stderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
        Run { output, json }
    }
    pub fn code(&self) -> i32 {
        self.output.status.code().expect("exited normally")
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    pub fn findings(&self) -> &Vec<Value> {
        self.json["findings"].as_array().expect("findings array")
    }
    /// (path, line, column, construct) of every finding.
    pub fn locations(&self) -> Vec<(String, u64, u64, String)> {
        self.findings()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                    f["construct"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }
    pub fn errors(&self) -> &Vec<Value> {
        self.json["errors"].as_array().expect("errors array")
    }
    pub fn plugin_findings(&self, plugin: &str) -> usize {
        self.findings()
            .iter()
            .filter(|f| f["plugin"] == plugin)
            .count()
    }
}

/// Run a JSON scan of `path` with extra arguments.
pub fn scan_json(cache: &Path, path: &Path, extra: &[&str]) -> Run {
    let output = opgap(cache)
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("opgap runs");
    Run::of(output)
}

/// The hostile test guest, built once per test process for wasm32-wasip2.
pub fn hostile_guest() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build_guest("opgap-guest-hostile", "opgap_guest_hostile.wasm"))
}

/// A team's own translator (`tests/guests/translator`): snapshots on
/// Proxmox VE through in-house tooling, a panic on DRS.
pub fn in_house_translator() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build_guest("opgap-guest-translator", "opgap_guest_translator.wasm"))
}

/// The built-in vsphere detector as a plain component file, to load it
/// as a third-party plugin.
pub fn vsphere_component() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build_guest("opgap-plugin-vsphere", "opgap_plugin_vsphere.wasm"))
}

/// The built-in scorer as a plain component file, to load it with
/// `--scorer`.
pub fn scorer_component() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build_guest("opgap-plugin-scorer", "opgap_plugin_scorer.wasm"))
}

/// The hostile guest claiming API 0.2.0, which this host cannot load.
pub fn future_api_guest() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        build_guest_in(
            "opgap-guest-hostile",
            "opgap_guest_hostile.wasm",
            &["--features", "future-api"],
            "wasm-plugins-future-api",
        )
    })
}

fn build_guest(package: &str, file: &str) -> PathBuf {
    build_guest_in(package, file, &[], "wasm-plugins")
}

/// Build a guest into its own target folder, so variants with other
/// features do not overwrite each other.
fn build_guest_in(package: &str, file: &str, extra: &[&str], folder: &str) -> PathBuf {
    let target = target_dir().join(folder);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(workspace())
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-wasip2",
            "-p",
            package,
        ])
        .args(extra)
        .arg("--target-dir")
        .arg(&target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "building {package} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    target.join("wasm32-wasip2/release").join(file)
}

/// Where a JSON report breaks the published schema (`host/schema`), one
/// line per problem; empty when it validates.
pub fn schema_problems(report: &Value) -> Vec<String> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    problems(&VALIDATOR, "host/schema/scan.schema.json", report)
}

/// Where a SARIF log breaks the official OASIS SARIF 2.1.0 schema
/// (errata01, shipped in `host/schema`), one line per problem.
pub fn sarif_problems(log: &Value) -> Vec<String> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    problems(&VALIDATOR, "host/schema/sarif-schema-2.1.0.json", log)
}

/// Where a questionnaire (read from TOML, dates as strings) breaks its
/// published JSON Schema.
pub fn questionnaire_problems(doc: &Value) -> Vec<String> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    problems(
        &VALIDATOR,
        "host/schema/readiness-questionnaire.schema.json",
        doc,
    )
}

/// Where `opgap readiness --format json` output breaks its published
/// schema.
pub fn scorecard_problems(doc: &Value) -> Vec<String> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    problems(&VALIDATOR, "host/schema/scorecard.schema.json", doc)
}

/// A TOML document as JSON, dates as `YYYY-MM-DD` strings.
pub fn toml_as_json(text: &str) -> Value {
    fn convert(v: toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            toml::Value::Table(t) => {
                Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(toml::Value::Table(text.parse().expect("valid TOML")))
}

fn problems(cell: &OnceLock<jsonschema::Validator>, schema: &str, doc: &Value) -> Vec<String> {
    let validator = cell.get_or_init(|| {
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(workspace().join(schema)).unwrap())
                .unwrap();
        jsonschema::validator_for(&schema).expect("schema is valid")
    });
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
