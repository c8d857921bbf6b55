//! The Operating Model Test: if vCenter disappeared tomorrow, what share
//! of these runbook steps would go with it?
//!
//! A step (see [`crate::steps`]) depends on vCenter when a finding of a
//! construct that is a real dependency (not a migration step) starts inside
//! it. The share is given overall and per repository, and broken down by
//! layer and by the three failure surfaces, each a window after cutover in
//! which that kind of loss shows: the control plane (days 1–7), storage
//! semantics (days 7–30) and the operational signal (day 30 on).

use std::collections::{BTreeMap, BTreeSet};

use opgap_catalogue::Surface;
use serde::Serialize;

use crate::report::Finding;
use crate::steps::Step;

#[derive(Debug, Clone, Serialize)]
pub struct OperatingModelTest {
    /// Runbook steps read.
    pub steps: usize,
    /// Steps that depend on a vCenter construct.
    pub dependent: usize,
    /// `dependent / steps`, 0 when there are no steps.
    pub share: f64,
    /// Per failure surface, in the order the losses show after cutover.
    pub surfaces: Vec<SurfaceShare>,
    /// Per layer, most steps first.
    pub layers: Vec<LayerShare>,
    pub repos: Vec<RepoShare>,
    /// The same count over scripts only (PowerCLI, shell, Python, Ansible,
    /// Terraform): how much of the automation is written against vCenter.
    pub scripts: ScriptShare,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ScriptShare {
    pub steps: usize,
    pub dependent: usize,
    pub share: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SurfaceShare {
    /// `control-plane`, `storage-semantics` or `operational-signal`.
    pub surface: &'static str,
    pub name: &'static str,
    /// When the loss shows, in days after cutover.
    pub days: &'static str,
    pub steps: usize,
    pub share: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LayerShare {
    pub layer: String,
    pub name: String,
    pub steps: usize,
    pub share: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RepoShare {
    pub repo: String,
    pub steps: usize,
    pub dependent: usize,
    pub share: f64,
}

/// One file's steps and findings.
pub struct FileSteps<'a> {
    pub repo: &'a str,
    pub steps: &'a [Step],
    pub findings: &'a [Finding],
    /// A script rather than a Markdown runbook.
    pub script: bool,
}

const SURFACES: [(Surface, &str, &str, &str); 3] = [
    (
        Surface::ControlPlane,
        "control-plane",
        "Control plane",
        "1–7",
    ),
    (
        Surface::StorageSemantics,
        "storage-semantics",
        "Storage semantics",
        "7–30",
    ),
    (
        Surface::OperationalSignal,
        "operational-signal",
        "Operational signal",
        "30+",
    ),
];

pub fn measure<'a>(files: impl IntoIterator<Item = FileSteps<'a>>) -> OperatingModelTest {
    let mut total = 0;
    let mut dependent = 0;
    let mut by_surface: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut by_layer: BTreeMap<String, usize> = BTreeMap::new();
    let mut repos: Vec<RepoShare> = Vec::new();
    let mut scripts = ScriptShare::default();
    for file in files {
        if repos.last().is_none_or(|r| r.repo != file.repo) {
            repos.push(RepoShare {
                repo: file.repo.to_string(),
                steps: 0,
                dependent: 0,
                share: 0.0,
            });
        }
        let repo = repos.last_mut().expect("pushed above");
        // The findings that count, by start, so each step finds its own by
        // binary search instead of a pass over all of them.
        let mut counted: Vec<_> = file
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none() && surface_of(&f.layer).is_some())
            .collect();
        counted.sort_by_key(|f| f.byte_start);
        for step in file.steps {
            total += 1;
            repo.steps += 1;
            scripts.steps += usize::from(file.script);
            let end = step.end.max(step.start + 1);
            let first = counted.partition_point(|f| f.byte_start < step.start);
            let layers: BTreeSet<&str> = counted[first..]
                .iter()
                .take_while(|f| f.byte_start < end)
                .map(|f| f.layer.as_str())
                .collect();
            if layers.is_empty() {
                continue;
            }
            dependent += 1;
            repo.dependent += 1;
            scripts.dependent += usize::from(file.script);
            let surfaces: BTreeSet<&str> = layers.iter().filter_map(|l| surface_of(l)).collect();
            for s in surfaces {
                *by_surface.entry(s).or_default() += 1;
            }
            for l in layers {
                *by_layer.entry(l.to_string()).or_default() += 1;
            }
        }
    }
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    for r in &mut repos {
        r.share = share(r.dependent, r.steps);
    }
    scripts.share = share(scripts.dependent, scripts.steps);
    let mut layers: Vec<LayerShare> = by_layer
        .into_iter()
        .map(|(layer, steps)| LayerShare {
            name: opgap_catalogue::layer(&layer)
                .map_or_else(|| layer.clone(), |l| l.name.to_string()),
            layer,
            steps,
            share: share(steps, total),
        })
        .collect();
    layers.sort_by(|a, b| b.steps.cmp(&a.steps).then(a.layer.cmp(&b.layer)));
    OperatingModelTest {
        steps: total,
        dependent,
        share: share(dependent, total),
        surfaces: SURFACES
            .iter()
            .map(|(_, id, name, days)| {
                let steps = by_surface.get(id).copied().unwrap_or(0);
                SurfaceShare {
                    surface: id,
                    name,
                    days,
                    steps,
                    share: share(steps, total),
                }
            })
            .collect(),
        layers,
        repos,
        scripts,
    }
}

/// The failure surface of a layer; `None` for what is not a dependency
/// (migration steps) or a layer opgap does not know.
fn surface_of(layer: &str) -> Option<&'static str> {
    let surface = opgap_catalogue::layer(layer)?.surface;
    SURFACES
        .iter()
        .find(|(s, ..)| *s == surface)
        .map(|(_, id, ..)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(at: u32, layer: &str) -> Finding {
        Finding {
            byte_start: at,
            byte_end: at + 1,
            ..Finding::example("vmware.x", layer)
        }
    }

    fn step(start: u32, end: u32) -> Step {
        Step {
            start,
            end,
            line: 1,
        }
    }

    #[test]
    fn a_step_depends_on_vcenter_when_a_dependency_finding_starts_in_it() {
        let steps = [step(0, 10), step(10, 20), step(20, 30), step(30, 40)];
        let findings = [
            finding(2, "vmotion"),
            finding(5, "snapshot"),
            finding(12, "observability"),
            finding(22, "migration"),
        ];
        let t = measure([FileSteps {
            repo: "r",
            steps: &steps,
            findings: &findings,
            script: false,
        }]);
        assert_eq!(
            (t.steps, t.dependent),
            (4, 2),
            "the migration step is no dependency"
        );
        assert_eq!(t.share, 0.5);
        let surface = |id: &str| t.surfaces.iter().find(|s| s.surface == id).unwrap().steps;
        assert_eq!(surface("control-plane"), 1);
        assert_eq!(surface("storage-semantics"), 1);
        assert_eq!(surface("operational-signal"), 1);
        assert_eq!(t.layers.len(), 3);
        assert_eq!(t.repos[0].dependent, 2);
    }

    #[test]
    fn no_steps_means_a_share_of_zero_not_a_division_by_zero() {
        let t = measure([]);
        assert_eq!((t.steps, t.share), (0, 0.0));
        assert_eq!(t.surfaces.len(), 3);
    }
}
