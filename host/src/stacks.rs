//! The management-plane decision aid: for the runbooks scanned, what moving
//! to each KVM stack would take, and a ranking of the stacks.
//!
//! A "step" is one construct used in one file: a runbook that names
//! vMotion ten times needs its vMotion procedure rebuilt once. Each step
//! costs its translation's effort points on a stack; untranslated steps are
//! counted apart, never dropped.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::report::{Fidelity, Finding, TranslationOutcome};

#[derive(Debug, Serialize)]
pub struct Decision {
    /// Distinct (file, construct) steps found.
    pub steps: usize,
    /// Best first.
    pub ranking: Vec<StackSummary>,
}

#[derive(Debug, Serialize)]
pub struct StackSummary {
    pub stack: String,
    pub equivalent: usize,
    pub partial: usize,
    pub none: usize,
    pub untranslated: usize,
    /// Sum of effort points over the steps.
    pub effort: u32,
    /// Constructs with no equivalent on this stack, with their step counts.
    pub no_equivalent: Vec<ConstructCount>,
    /// The constructs that cost the most here, with their total effort.
    pub costliest: Vec<ConstructCount>,
    /// The monitoring rebuild: each observability construct found, with the
    /// signal on this stack that replaces it.
    pub monitoring: Vec<MonitoringItem>,
    /// Why it ranks where it does, drawn from the steps found: against the
    /// best stack, the constructs that make the difference.
    pub reasons: Vec<String>,
    /// Effort per construct, to compare stacks.
    #[serde(skip)]
    effort_by_construct: BTreeMap<String, u32>,
}

#[derive(Debug, Serialize)]
pub struct MonitoringItem {
    pub construct: String,
    pub steps: usize,
    pub signal: String,
}

#[derive(Debug, Serialize)]
pub struct ConstructCount {
    pub construct: String,
    pub steps: usize,
    pub effort: u32,
}

/// `outcomes[i][j]` is the translation of `findings[j]` on stack `i`.
pub fn decide(
    findings: &[Finding],
    stacks: &[String],
    outcomes: &[Vec<TranslationOutcome>],
) -> Decision {
    let mut seen = BTreeSet::new();
    let steps: Vec<usize> = findings
        .iter()
        .enumerate()
        // Accepted (suppressed) findings and opgap's own notes are no steps
        // to rebuild.
        .filter(|(_, f)| f.suppressed.is_none() && !f.is_note())
        .filter(|(_, f)| seen.insert((f.repo.as_str(), f.path.as_str(), f.construct.as_str())))
        .map(|(i, _)| i)
        .collect();
    let mut ranking: Vec<StackSummary> = stacks
        .iter()
        .zip(outcomes)
        .map(|(stack, outcome)| summarize(stack, findings, &steps, outcome))
        .collect();
    ranking.sort_by(|a, b| {
        (a.untranslated, a.effort, a.none, &a.stack).cmp(&(
            b.untranslated,
            b.effort,
            b.none,
            &b.stack,
        ))
    });
    let reasons: Vec<Vec<String>> = ranking
        .iter()
        .map(|s| reasons(s, &ranking[0], steps.len()))
        .collect();
    for (summary, reasons) in ranking.iter_mut().zip(reasons) {
        summary.reasons = reasons;
    }
    Decision {
        steps: steps.len(),
        ranking,
    }
}

/// Constructs named as making the difference against the best stack.
const DIFFERENCES: usize = 3;

fn reasons(s: &StackSummary, best: &StackSummary, steps: usize) -> Vec<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut reasons = Vec::new();
    if s.stack == best.stack {
        reasons.push(format!(
            "least rebuild: {} over {} ({} equivalent, {} partial, {} with no equivalent)",
            plural(s.effort as usize, "effort point", "effort points"),
            plural(steps, "step", "steps"),
            s.equivalent,
            s.partial,
            s.none
        ));
    } else {
        let more = s.effort.saturating_sub(best.effort) as usize;
        reasons.push(if more == 0 {
            format!(
                "as much effort as {}, with {} where it has {}",
                best.stack,
                plural(
                    s.none,
                    "step without an equivalent",
                    "steps without an equivalent"
                ),
                best.none
            )
        } else {
            format!(
                "{} more than {}",
                plural(more, "effort point", "effort points"),
                best.stack
            )
        });
        if s.none > best.none && more > 0 {
            reasons.push(format!(
                "{} where {} has {}",
                plural(
                    s.none,
                    "step without an equivalent",
                    "steps without an equivalent"
                ),
                best.stack,
                best.none
            ));
        }
        let mut dearer: Vec<(&String, u32, u32)> = s
            .effort_by_construct
            .iter()
            .map(|(c, &here)| {
                (
                    c,
                    here,
                    best.effort_by_construct.get(c).copied().unwrap_or(0),
                )
            })
            .filter(|(_, here, there)| here > there)
            .collect();
        dearer.sort_by(|a, b| (b.1 - b.2).cmp(&(a.1 - a.2)).then(a.0.cmp(b.0)));
        for (construct, here, there) in dearer.into_iter().take(DIFFERENCES) {
            reasons.push(format!(
                "{construct} costs {here} pts here, {there} on {}",
                best.stack
            ));
        }
    }
    if s.untranslated > 0 {
        reasons.push(format!(
            "{} no translator covers: the effort is understated, so it ranks below stacks that cover every step",
            plural(s.untranslated, "step", "steps")
        ));
    }
    reasons
}

fn summarize(
    stack: &str,
    findings: &[Finding],
    steps: &[usize],
    outcome: &[TranslationOutcome],
) -> StackSummary {
    let mut summary = StackSummary {
        stack: stack.to_string(),
        equivalent: 0,
        partial: 0,
        none: 0,
        untranslated: 0,
        effort: 0,
        no_equivalent: Vec::new(),
        costliest: Vec::new(),
        monitoring: Vec::new(),
        reasons: Vec::new(),
        effort_by_construct: BTreeMap::new(),
    };
    let mut monitoring: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    let mut none: BTreeMap<&str, (usize, u32)> = BTreeMap::new();
    let mut cost: BTreeMap<&str, (usize, u32)> = BTreeMap::new();
    for &i in steps {
        let construct = findings[i].construct.as_str();
        match &outcome[i] {
            TranslationOutcome::Untranslated { .. } => summary.untranslated += 1,
            TranslationOutcome::Translated {
                fidelity,
                effort,
                signal,
                ..
            } => {
                summary.effort += effort;
                if findings[i].layer == "observability" && !signal.is_empty() {
                    monitoring.entry(construct).or_insert((0, signal)).0 += 1;
                }
                let entry = cost.entry(construct).or_default();
                entry.0 += 1;
                entry.1 += effort;
                match fidelity {
                    Fidelity::Equivalent => summary.equivalent += 1,
                    Fidelity::Partial => summary.partial += 1,
                    Fidelity::None => {
                        summary.none += 1;
                        let entry = none.entry(construct).or_default();
                        entry.0 += 1;
                        entry.1 += effort;
                    }
                }
            }
        }
    }
    let by_effort = |map: BTreeMap<&str, (usize, u32)>| {
        let mut list: Vec<ConstructCount> = map
            .into_iter()
            .map(|(construct, (steps, effort))| ConstructCount {
                construct: construct.to_string(),
                steps,
                effort,
            })
            .collect();
        list.sort_by(|a, b| b.effort.cmp(&a.effort).then(a.construct.cmp(&b.construct)));
        list
    };
    summary.monitoring = monitoring
        .into_iter()
        .map(|(construct, (steps, signal))| MonitoringItem {
            construct: construct.to_string(),
            steps,
            signal: signal.to_string(),
        })
        .collect();
    summary.no_equivalent = by_effort(none);
    summary.effort_by_construct = cost
        .iter()
        .map(|(c, &(_, effort))| (c.to_string(), effort))
        .collect();
    let mut costliest = by_effort(cost);
    costliest.truncate(5);
    summary.costliest = costliest;
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(path: &str, construct: &str) -> Finding {
        Finding {
            path: path.into(),
            ..Finding::example(construct, "l")
        }
    }

    fn translated(fidelity: Fidelity, effort: u32) -> TranslationOutcome {
        TranslationOutcome::Translated {
            stack: "s".into(),
            translator: "t".into(),
            fidelity,
            replacement: Vec::new(),
            caveats: Vec::new(),
            instead: String::new(),
            signal: String::new(),
            references: Vec::new(),
            effort,
        }
    }

    #[test]
    fn steps_count_once_per_file_and_the_cheapest_stack_ranks_first() {
        let findings = vec![
            finding("a.md", "vmware.vmotion"),
            finding("a.md", "vmware.vmotion"),
            finding("b.md", "vmware.vmotion"),
            finding("b.md", "vmware.ft"),
        ];
        let stacks = vec!["dear".to_string(), "cheap".to_string()];
        let outcomes = vec![
            vec![
                translated(Fidelity::Partial, 3),
                translated(Fidelity::Partial, 3),
                translated(Fidelity::Partial, 3),
                translated(Fidelity::None, 13),
            ],
            vec![
                translated(Fidelity::Equivalent, 1),
                translated(Fidelity::Equivalent, 1),
                translated(Fidelity::Equivalent, 1),
                translated(Fidelity::None, 13),
            ],
        ];
        let d = decide(&findings, &stacks, &outcomes);
        assert_eq!(d.steps, 3);
        assert_eq!(d.ranking[0].stack, "cheap");
        assert_eq!(d.ranking[0].effort, 1 + 1 + 13);
        assert_eq!(d.ranking[0].equivalent, 2);
        assert_eq!(d.ranking[1].effort, 3 + 3 + 13);
        assert_eq!(d.ranking[1].no_equivalent[0].construct, "vmware.ft");
        assert_eq!(d.ranking[1].no_equivalent[0].steps, 1);
        assert_eq!(
            d.ranking[0].reasons,
            [
                "least rebuild: 15 effort points over 3 steps (2 equivalent, 0 partial, 1 with no equivalent)"
            ]
        );
        assert_eq!(
            d.ranking[1].reasons,
            [
                "4 effort points more than cheap",
                "vmware.vmotion costs 6 pts here, 2 on cheap"
            ]
        );
    }

    #[test]
    fn observability_steps_list_the_signal_that_replaces_them() {
        let mut f = finding("m.md", "vmware.perf.cpu_ready");
        f.layer = "observability".into();
        let mut t = translated(Fidelity::Partial, 3);
        if let TranslationOutcome::Translated { signal, .. } = &mut t {
            *signal = "vcpu.<n>.delay".into();
        }
        let d = decide(&[f], &["s".to_string()], &[vec![t]]);
        let m = &d.ranking[0].monitoring;
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].construct, "vmware.perf.cpu_ready");
        assert_eq!(m[0].signal, "vcpu.<n>.delay");
    }

    #[test]
    fn untranslated_steps_are_counted_and_rank_a_stack_lower() {
        let findings = vec![finding("a.md", "vmware.vmotion")];
        let stacks = vec!["known".to_string(), "unknown".to_string()];
        let outcomes = vec![
            vec![translated(Fidelity::None, 13)],
            vec![TranslationOutcome::Untranslated {
                stack: "unknown".into(),
            }],
        ];
        let d = decide(&findings, &stacks, &outcomes);
        assert_eq!(d.ranking[0].stack, "known");
        assert_eq!(d.ranking[1].untranslated, 1);
        assert_eq!(d.ranking[1].effort, 0);
    }
}
