//! `opgap plugin new`: a plugin crate that builds for `wasm32-wasip2` out
//! of the box, with one example (a rule, an answer, a model), its unit
//! test, a fixture where fixtures apply, and a README on building,
//! testing, inspecting and pinning it.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Detector,
    Translator,
    Scorer,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Detector => "detector",
            Kind::Translator => "translator",
            Kind::Scorer => "scorer",
        }
    }
}

pub struct Options {
    pub name: String,
    pub kind: Kind,
    /// The folder the crate is created in (a new folder named after it).
    pub parent: PathBuf,
    /// The guest SDK (`plugins/pdk` of an opgap checkout).
    pub pdk: PathBuf,
}

/// Where this binary's own sources keep the SDK, if they are still there.
pub fn default_pdk() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../plugins/pdk")
}

/// Create the crate; returns the files written.
pub fn create(options: &Options) -> anyhow::Result<Vec<PathBuf>> {
    let name = &options.name;
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && name.len() <= 64;
    if !valid {
        bail!(
            "`{name}` is not a plugin name: lowercase letters, digits and `-`, starting with a letter"
        );
    }
    let pdk = options.pdk.canonicalize().map_err(|_| {
        anyhow::anyhow!(
            "the guest SDK is not at {}; give --pdk PATH (the plugins/pdk folder of an opgap checkout)",
            options.pdk.display()
        )
    })?;
    if !pdk.join("Cargo.toml").is_file() {
        bail!(
            "{} has no Cargo.toml: not the opgap guest SDK",
            pdk.display()
        );
    }
    let root = options.parent.join(name);
    if root.exists() {
        bail!("{} already exists", root.display());
    }

    let kind = options.kind;
    let wasm = format!(
        "target/wasm32-wasip2/release/{}.wasm",
        name.replace('-', "_")
    );
    let description = match kind {
        Kind::Detector => format!("{name}: vCenter-specific steps in our runbooks"),
        Kind::Translator => format!("{name}: what our tooling makes of vCenter constructs"),
        Kind::Scorer => format!("{name}: our readiness model"),
    };
    let test_line = match kind {
        Kind::Detector => format!("opgap plugin test {wasm} fixtures"),
        Kind::Translator => {
            format!("opgap scan RUNBOOKS --stack proxmox --allow-unpinned --plugin {wasm}")
        }
        Kind::Scorer => format!("opgap readiness TEAM.toml --allow-unpinned --scorer {wasm}"),
    };
    let pdk_path = pdk.display().to_string().replace('\\', "/");
    let fill = |template: &str| {
        template
            .replace("{{name}}", name)
            .replace("{{kind}}", kind.name())
            .replace("{{description}}", &description)
            .replace("{{pdk}}", &pdk_path)
            .replace(
                "{{pdk_features}}",
                if kind == Kind::Scorer {
                    ", features = [\"scorer\"]"
                } else {
                    ""
                },
            )
            .replace("{{wasm}}", &wasm)
            .replace("{{test_line}}", &test_line)
    };

    let mut files: Vec<(&str, String)> = vec![
        ("Cargo.toml", fill(include_str!("Cargo.toml.tmpl"))),
        ("README.md", fill(include_str!("README.md.tmpl"))),
        (".gitignore", "/target\n".into()),
    ];
    match kind {
        Kind::Detector => {
            files.push(("src/lib.rs", fill(include_str!("detector.rs.tmpl"))));
            files.push((
                "fixtures/example.md",
                fill(include_str!("detector-fixture.md.tmpl")),
            ));
        }
        Kind::Translator => files.push(("src/lib.rs", fill(include_str!("translator.rs.tmpl")))),
        Kind::Scorer => files.push(("src/lib.rs", fill(include_str!("scorer.rs.tmpl")))),
    }
    let mut written = Vec::new();
    for (path, text) in files {
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&full, text).with_context(|| format!("cannot write {}", full.display()))?;
        written.push(full);
    }
    Ok(written)
}
