//! Scoring questionnaires: load the scorer, read and check each file
//! against its model, add what scans say, and group dated questionnaires
//! of one team into a trend.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow};

use super::card::{self, Scorecard, ScorerRef};
use super::questionnaire;
use super::records;
use crate::config::ConfigError;
use crate::plugin::bindings::readiness::{LayerSteps, Model, OperatingModel, ScanContext};
use crate::plugin::{Runtime, ScorerPlugin, builtin};
use crate::report::ScanReport;

/// A loaded scorer and the model it declared.
pub struct Scorer {
    plugin: ScorerPlugin,
    pub model: Model,
}

impl Scorer {
    /// The built-in scorer, or the component in `file`, which must be
    /// pinned in opgap.toml unless `allow_unpinned`.
    pub fn load(
        runtime: &Runtime,
        file: Option<&Path>,
        pins: &[crate::config::PinnedPlugin],
        allow_unpinned: bool,
    ) -> anyhow::Result<Self> {
        let plugin = match file {
            None => {
                let (name, bytes) = builtin::scorer();
                ScorerPlugin::load(runtime, &format!("builtin:{name}"), bytes)
            }
            Some(path) => {
                let bytes = crate::plugin::read_component_file(path, runtime.limits())
                    .map_err(|e| anyhow!("scorer: {e}"))?;
                if let Some(refusal) =
                    crate::config::unpinned_refusal(path, &bytes, pins, allow_unpinned)
                {
                    anyhow::bail!("scorer {}: {refusal}", path.display());
                }
                ScorerPlugin::load(runtime, &path.display().to_string(), &bytes)
            }
        }
        .map_err(|e| anyhow!("scorer: {}", e.failure))?;
        let model = plugin
            .instance()
            .model()
            .map_err(|e| anyhow!("scorer {}: {}", plugin.name(), e.failure))?;
        Ok(Self { plugin, model })
    }
}

/// Why one questionnaire has no scorecard.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the file, each with line, column and field.
    Questionnaire(Vec<ConfigError>),
    /// The scorer refused the input or misbehaved.
    Scorer(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Questionnaire(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Failure::Scorer(message) => write!(f, "{message}"),
        }
    }
}

/// Questionnaire files from the paths given: files as they are, the
/// `.toml` files of folders in name order (dated names sort by date).
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot read {}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            if found.is_empty() {
                anyhow::bail!("{}: no .toml questionnaire in this folder", path.display());
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Score one questionnaire file.
pub fn score_file(
    scorer: &Scorer,
    path: &Path,
    context: &ScanContext,
) -> Result<Scorecard, Failure> {
    let text = questionnaire::read_text(path).map_err(Failure::Questionnaire)?;
    let answers = questionnaire::parse(path, &text, &scorer.model, questionnaire::Date::today())
        .map_err(Failure::Questionnaire)?;
    let records = records::questionnaire(path, &answers);
    let name = scorer.plugin.name().to_string();
    let answer = scorer
        .plugin
        .instance()
        .score(&records, context)
        .map_err(|e| Failure::Scorer(format!("scorer {name}: {}", e.failure)))?;
    let wit_card = answer.map_err(|problems| {
        Failure::Questionnaire(
            problems
                .into_iter()
                .map(|p| {
                    let at = p.evidence.as_deref().and_then(|id| {
                        answers
                            .evidence
                            .iter()
                            .find(|e| e.id.get_ref() == id)
                            .map(|e| e.id.span())
                    });
                    ConfigError::at(
                        path,
                        &text,
                        at,
                        Some(crate::plugin::clean(&p.field, 64)),
                        format!("scorer {name}: {}", crate::plugin::clean(&p.message, 512)),
                    )
                })
                .collect(),
        )
    })?;
    let source = card::Source {
        file: &path.display().to_string(),
        text: &text,
        answers: &answers,
        model: &scorer.model,
        scorer: ScorerRef {
            name: name.clone(),
            version: scorer.plugin.info.version.clone(),
            sha256: scorer.plugin.sha256.clone(),
        },
        repos: context.repos.clone(),
    };
    card::build(&source, wit_card)
        .map_err(|e| Failure::Scorer(format!("scorer {name}: invalid output: {e}")))
}

/// One scorecard per team: the latest questionnaire, with every dated
/// one (oldest first) as its trend. Teams keep the order they came in.
pub fn by_team(cards: Vec<Scorecard>) -> Vec<Scorecard> {
    let mut teams: Vec<Vec<Scorecard>> = Vec::new();
    for card in cards {
        match teams.iter_mut().find(|t| t[0].team == card.team) {
            Some(team) => team.push(card),
            None => teams.push(vec![card]),
        }
    }
    teams
        .into_iter()
        .map(|mut team| {
            team.sort_by(|a, b| a.assessed_on.cmp(&b.assessed_on));
            let trend = team.iter().map(Scorecard::trend_point).collect();
            let mut latest = team.pop().expect("non-empty");
            latest.trend = if team.is_empty() { Vec::new() } else { trend };
            latest
        })
        .collect()
}

/// The scan context of a scan just run.
pub fn context_of(report: &ScanReport) -> ScanContext {
    let t = &report.operating_model;
    ScanContext {
        repos: report.repos.iter().map(|r| r.name.clone()).collect(),
        operating_model: Some(OperatingModel {
            steps: t.steps as u32,
            vcenter_steps: t.dependent as u32,
            script_steps: t.scripts.steps as u32,
            script_vcenter_steps: t.scripts.dependent as u32,
            layers: t
                .layers
                .iter()
                .map(|l| LayerSteps {
                    layer: l.layer.clone(),
                    steps: l.steps as u32,
                })
                .collect(),
        }),
    }
}

/// The scan context of a saved JSON report (`opgap scan --format json`).
pub fn context_from_saved(path: &Path) -> anyhow::Result<ScanContext> {
    let text = crate::textfile::read_text(path, crate::textfile::REPORT_MAX)
        .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let report: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        anyhow!(
            "{}:{}:{}: not a JSON scan report: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    let schema = report["schema"].as_str().unwrap_or_default();
    if schema != crate::report::SCHEMA {
        anyhow::bail!(
            "{}: schema: expected \"{}\" (an `opgap scan --format json` report), found {}",
            path.display(),
            crate::report::SCHEMA,
            report["schema"]
        );
    }
    let field = |pointer: &str| -> anyhow::Result<u32> {
        report
            .pointer(pointer)
            .and_then(|v| v.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| {
                anyhow!(
                    "{}: {}: missing or not a count",
                    path.display(),
                    pointer.trim_start_matches('/').replace('/', ".")
                )
            })
    };
    let steps = field("/operating_model/steps")?;
    let vcenter_steps = field("/operating_model/dependent")?;
    let script_steps = field("/operating_model/scripts/steps")?;
    let script_vcenter_steps = field("/operating_model/scripts/dependent")?;
    let layers = report
        .pointer("/operating_model/layers")
        .and_then(|v| v.as_array())
        .ok_or_else(|| anyhow!("{}: operating_model.layers: missing", path.display()))?
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(LayerSteps {
                layer: l["layer"]
                    .as_str()
                    .ok_or_else(|| {
                        anyhow!(
                            "{}: operating_model.layers[{i}].layer: missing",
                            path.display()
                        )
                    })?
                    .to_string(),
                steps: l["steps"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        anyhow!(
                            "{}: operating_model.layers[{i}].steps: missing",
                            path.display()
                        )
                    })?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(ScanContext {
        repos: report["repos"]
            .as_array()
            .map(|repos| {
                repos
                    .iter()
                    .filter_map(|r| r["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        operating_model: Some(OperatingModel {
            steps,
            vcenter_steps,
            script_steps,
            script_vcenter_steps,
            layers,
        }),
    })
}

/// Several scans (or saved reports) as one context: counts add up.
pub fn merge(contexts: Vec<ScanContext>) -> ScanContext {
    let mut merged = ScanContext {
        repos: Vec::new(),
        operating_model: None,
    };
    for c in contexts {
        merged.repos.extend(c.repos);
        let Some(m) = c.operating_model else { continue };
        let into = merged.operating_model.get_or_insert(OperatingModel {
            steps: 0,
            vcenter_steps: 0,
            script_steps: 0,
            script_vcenter_steps: 0,
            layers: Vec::new(),
        });
        into.steps += m.steps;
        into.vcenter_steps += m.vcenter_steps;
        into.script_steps += m.script_steps;
        into.script_vcenter_steps += m.script_vcenter_steps;
        for l in m.layers {
            match into.layers.iter_mut().find(|x| x.layer == l.layer) {
                Some(x) => x.steps += l.steps,
                None => into.layers.push(l),
            }
        }
    }
    merged
}
