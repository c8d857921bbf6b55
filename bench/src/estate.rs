//! A deterministic runbook estate of any size, recombined from the labelled
//! sample estate (`corpus/northwind-ops`), so its share of VMware
//! constructs, trap words and KVM-side steps is that of a real one.
//!
//! Markdown runbooks are cut into sections (a heading and what follows it)
//! and scripts into runs of lines; each generated file takes a title and a
//! few sections, or a few runs of one script language, picked by a seeded
//! generator. The same seed and size give the same bytes everywhere.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Pieces of the sample estate to recombine, by file kind.
pub struct Sources {
    sections: Vec<String>,
    /// (extension, runs of lines) per script language.
    scripts: Vec<(String, Vec<String>)>,
}

/// Lines per script run.
const RUN_LINES: usize = 12;

impl Sources {
    /// Read every runbook and script under `root`, in path order.
    pub fn read(root: &Path) -> Result<Self> {
        let paths = files(root)?;
        let mut sections = Vec::new();
        let mut scripts: Vec<(String, Vec<String>)> = Vec::new();
        for path in paths {
            let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
                continue;
            };
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            match ext {
                "md" => sections.extend(markdown_sections(&text)),
                "ps1" | "sh" | "py" | "yml" | "tf" => {
                    let runs = line_runs(&text);
                    match scripts.iter_mut().find(|(e, _)| e == ext) {
                        Some((_, all)) => all.extend(runs),
                        None => scripts.push((ext.to_string(), runs)),
                    }
                }
                _ => {}
            }
        }
        if sections.is_empty() || scripts.is_empty() {
            bail!("no runbooks or scripts under {}", root.display());
        }
        Ok(Self { sections, scripts })
    }
}

/// The regular files under `root`, outside `.git`, in path order: the
/// sample estate read here, and a generated estate read by the harness.
pub fn files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    collect(root, &mut out)?;
    out.sort();
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        if entry.file_name() == ".git" {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// Sections at `##` and deeper headings; the text before the first one
/// (the runbook's title and summary) is dropped.
fn markdown_sections(text: &str) -> Vec<String> {
    let mut sections = Vec::new();
    let mut current: Option<String> = None;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && line.starts_with("##") {
            sections.extend(current.take());
            current = Some(String::new());
        }
        if let Some(s) = current.as_mut() {
            s.push_str(line);
        }
    }
    sections.extend(current);
    sections
}

fn line_runs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.chunks(RUN_LINES).map(|c| c.concat()).collect()
}

/// What to generate.
pub struct Plan {
    pub files: usize,
    pub seed: u64,
    /// Share of files that are scripts rather than Markdown runbooks.
    pub script_share: f64,
}

/// Write `plan.files` files under `out` (created); gives the bytes written.
pub fn generate(sources: &Sources, plan: &Plan, out: &Path) -> Result<u64> {
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    let mut bytes = 0u64;
    for i in 0..plan.files {
        // A hundred files per folder, as teams group runbooks by area.
        let dir = out.join(format!("area-{:04}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let (name, text) = if rng.f64() < plan.script_share {
            let (ext, runs) = &sources.scripts[rng.usize(..sources.scripts.len())];
            let text: String = (0..rng.usize(2..6))
                .map(|_| runs[rng.usize(..runs.len())].as_str())
                .collect();
            (format!("script-{i:06}.{ext}"), text)
        } else {
            let mut text = format!("# Runbook {i}\n\nOwner: platform team.\n\n");
            for _ in 0..rng.usize(2..5) {
                let section = &sources.sections[rng.usize(..sources.sections.len())];
                text.push_str(section);
                if !section.ends_with('\n') {
                    text.push('\n');
                }
            }
            (format!("runbook-{i:06}.md"), text)
        };
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sources {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/northwind-ops");
        Sources::read(&root).unwrap()
    }

    fn digest(dir: &Path) -> Vec<(String, Vec<u8>)> {
        files(dir)
            .unwrap()
            .into_iter()
            .map(|p| {
                let name = p.strip_prefix(dir).unwrap().display().to_string();
                (name, std::fs::read(&p).unwrap())
            })
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_estate_and_another_seed_another() {
        let sources = sample();
        let plan = |seed| Plan {
            files: 250,
            seed,
            script_share: 0.2,
        };
        let (a, b, c) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        let size = generate(&sources, &plan(7), a.path()).unwrap();
        generate(&sources, &plan(7), b.path()).unwrap();
        generate(&sources, &plan(8), c.path()).unwrap();
        let (da, db, dc) = (digest(a.path()), digest(b.path()), digest(c.path()));
        assert_eq!(da.len(), 250);
        assert_eq!(da, db);
        assert_ne!(da, dc);
        let total: usize = da.iter().map(|(_, b)| b.len()).sum();
        assert_eq!(total as u64, size);
        let scripts = da.iter().filter(|(n, _)| !n.ends_with(".md")).count();
        assert!((25..=75).contains(&scripts), "{scripts} scripts of 250");
    }

    #[test]
    fn runbooks_are_cut_at_headings_outside_code_fences() {
        let text = "# T\n\nintro\n\n## A\n\n```sh\n## not a heading\n```\n\n## B\nb\n";
        let sections = markdown_sections(text);
        assert_eq!(sections.len(), 2);
        assert!(sections[0].starts_with("## A") && sections[0].contains("## not a heading"));
        assert_eq!(sections[1], "## B\nb\n");
    }
}
