//! The rebuild scope for the stack a scan translated for: work items (one
//! per construct, counted per file that uses it) grouped by layer, with
//! effort points from the translation's fidelity, the blocking items
//! first, and the monitoring signals to rebuild as their own list.
//!
//! Blocking means no equivalent on the stack for a construct of high
//! severity or above: the cutover waits until it is redesigned.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::report::{Fidelity, Finding, Severity, TranslationOutcome};

#[derive(Debug, Clone, Serialize)]
pub struct RebuildScope {
    pub stack: String,
    /// Sum of effort points over every work item.
    pub effort: u32,
    /// Blocking items, most effort first.
    pub blocking: Vec<WorkItem>,
    /// Every item, by layer; layers with the most effort first.
    pub layers: Vec<LayerWork>,
    /// The observability constructs found, with the signal that replaces each.
    pub monitoring: Vec<Monitoring>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LayerWork {
    pub layer: String,
    pub name: String,
    pub effort: u32,
    pub items: Vec<WorkItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkItem {
    pub construct: String,
    pub name: String,
    pub layer: String,
    pub fidelity: Fidelity,
    pub severity: Severity,
    /// Files whose steps use it; each is one piece of rework.
    pub files: usize,
    /// Effort points per file times files.
    pub effort: u32,
    pub blocking: bool,
    /// A replacement as the translator gave it (arguments of one finding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub instead: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Monitoring {
    pub construct: String,
    pub files: usize,
    pub signal: String,
}

/// A construct's first translated finding and the (repo, path) files
/// that use it.
type Uses<'a> = (&'a Finding, BTreeSet<(&'a str, &'a str)>);

/// The scope for the stack the findings were translated for, or `None`
/// when they were not translated.
pub fn scope(findings: &[Finding]) -> Option<RebuildScope> {
    let mut stack = None;
    let mut items: BTreeMap<&str, Uses> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.suppressed.is_none()) {
        if let Some(TranslationOutcome::Translated { stack: s, .. }) = f.translation.as_deref() {
            stack.get_or_insert(s.clone());
            items
                .entry(&f.construct)
                .or_insert_with(|| (f, BTreeSet::new()))
                .1
                .insert((&f.repo, &f.path));
        }
    }
    let stack = stack?;
    let mut layers: BTreeMap<String, LayerWork> = BTreeMap::new();
    let mut blocking = Vec::new();
    let mut monitoring = Vec::new();
    for (construct, (f, files)) in items {
        let Some(TranslationOutcome::Translated {
            fidelity,
            effort,
            replacement,
            instead,
            signal,
            ..
        }) = f.translation.as_deref()
        else {
            continue;
        };
        let item = WorkItem {
            construct: construct.to_string(),
            name: opgap_catalogue::construct(construct)
                .map_or_else(|| construct.to_string(), |c| c.name.to_string()),
            layer: f.layer.to_string(),
            fidelity: *fidelity,
            severity: f.severity,
            files: files.len(),
            effort: effort * files.len() as u32,
            blocking: *fidelity == Fidelity::None && f.severity >= Severity::High,
            example: replacement.first().cloned(),
            instead: instead.clone(),
        };
        if f.layer == "observability" && !signal.is_empty() {
            monitoring.push(Monitoring {
                construct: construct.to_string(),
                files: files.len(),
                signal: signal.clone(),
            });
        }
        if item.blocking {
            blocking.push(item.clone());
        }
        let layer = layers
            .entry(f.layer.to_string())
            .or_insert_with(|| LayerWork {
                name: opgap_catalogue::layer(&f.layer)
                    .map_or_else(|| f.layer.to_string(), |l| l.name.to_string()),
                layer: f.layer.to_string(),
                effort: 0,
                items: Vec::new(),
            });
        layer.effort += item.effort;
        layer.items.push(item);
    }
    let by_effort = |a: &WorkItem, b: &WorkItem| {
        (b.blocking, b.effort)
            .cmp(&(a.blocking, a.effort))
            .then(a.construct.cmp(&b.construct))
    };
    blocking.sort_by(by_effort);
    let mut layers: Vec<LayerWork> = layers.into_values().collect();
    for l in &mut layers {
        l.items.sort_by(by_effort);
    }
    layers.sort_by(|a, b| b.effort.cmp(&a.effort).then(a.layer.cmp(&b.layer)));
    Some(RebuildScope {
        stack,
        effort: layers.iter().map(|l| l.effort).sum(),
        blocking,
        layers,
        monitoring,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(
        path: &str,
        construct: &str,
        layer: &str,
        fidelity: Fidelity,
        effort: u32,
    ) -> Finding {
        let mut f = Finding {
            path: path.into(),
            ..Finding::example(construct, layer)
        };
        f.translation = Some(Box::new(TranslationOutcome::Translated {
            stack: "libvirt".into(),
            translator: "t".into(),
            fidelity,
            replacement: vec!["virsh migrate --live {vm}".into()],
            caveats: vec![],
            instead: if fidelity == Fidelity::None {
                "redesign".into()
            } else {
                String::new()
            },
            signal: if layer == "observability" {
                "vcpu.<n>.delay".into()
            } else {
                String::new()
            },
            references: vec![],
            effort,
        }));
        f
    }

    #[test]
    fn items_count_files_group_by_layer_and_blocking_comes_first() {
        let findings = vec![
            finding("a.md", "vmware.vmotion", "vmotion", Fidelity::Partial, 3),
            finding("a.md", "vmware.vmotion", "vmotion", Fidelity::Partial, 3),
            finding("b.md", "vmware.vmotion", "vmotion", Fidelity::Partial, 3),
            finding("b.md", "vmware.drs", "drs", Fidelity::None, 13),
            finding(
                "c.md",
                "vmware.perf.cpu_ready",
                "observability",
                Fidelity::Partial,
                3,
            ),
        ];
        let s = scope(&findings).unwrap();
        assert_eq!(s.stack, "libvirt");
        assert_eq!(s.effort, 2 * 3 + 13 + 3);
        assert_eq!(s.blocking.len(), 1);
        assert_eq!(s.blocking[0].construct, "vmware.drs");
        assert_eq!(s.layers[0].layer, "drs", "most effort first");
        let vmotion = &s
            .layers
            .iter()
            .find(|l| l.layer == "vmotion")
            .unwrap()
            .items[0];
        assert_eq!((vmotion.files, vmotion.effort), (2, 6));
        assert_eq!(s.monitoring.len(), 1);
        assert_eq!(s.monitoring[0].signal, "vcpu.<n>.delay");
    }

    #[test]
    fn untranslated_findings_have_no_scope() {
        let mut f = finding("a.md", "vmware.vmotion", "vmotion", Fidelity::Partial, 3);
        f.translation = None;
        assert!(scope(&[f]).is_none());
    }
}
