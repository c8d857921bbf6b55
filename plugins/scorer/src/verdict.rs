//! The verdict, by ordered rules, and the runway in weeks.

use opgap_pdk::readiness::{
    Check, DomainResult, IncidentCommand, OperatingModel, OperatingModelResult, Risk, Verdict,
};

use crate::checks::{OMT_BLOCKING, OMT_MEDIUM, share_above};

/// A domain at risk costs this many weeks per missing team level or gap.
const WEEKS_PER_STEP: u32 = 6;
/// Rewriting one catalogue layer's runbooks for the new platform.
const WEEKS_PER_LAYER: u32 = 2;
/// Finishing the decision, storage audit and observability plan.
const WEEKS_TO_SCOPE: u32 = 4;
/// READY tolerates this many MEDIUM risks.
const MEDIUM_ALLOWED: usize = 2;
/// This many HIGH risks block the cutover whatever they are.
const HIGH_BLOCKING: usize = 3;

pub struct Inputs<'a> {
    pub domains: &'a [DomainResult],
    pub gates: &'a [&'a str],
    pub incident_command: &'a IncidentCommand,
    pub operating_model: Option<(&'a OperatingModelResult, &'a OperatingModel)>,
    pub checks: &'a [Check],
}

impl Inputs<'_> {
    /// Domains and incident command at `risk`, by name.
    fn at(&self, risk: Risk) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .domains
            .iter()
            .filter(|d| d.risk == risk)
            .map(|d| d.domain.as_str())
            .collect();
        if self.incident_command.risk == risk {
            names.push("incident_command");
        }
        names
    }

    fn is_gate(&self, domain: &str) -> bool {
        self.gates.contains(&domain)
    }

    fn omt_above(&self, percent: u32) -> bool {
        self.operating_model
            .is_some_and(|(_, m)| share_above(m.vcenter_steps, m.steps, percent))
    }
}

pub fn verdict(inputs: &Inputs) -> (Verdict, Vec<String>) {
    let high = inputs.at(Risk::High);
    let medium = inputs.at(Risk::Medium);
    let percent = inputs
        .operating_model
        .map(|(r, _)| format!("{:.0}%", r.percent))
        .unwrap_or_default();

    let mut blocking = Vec::new();
    let high_gates: Vec<&str> = high.iter().copied().filter(|d| inputs.is_gate(d)).collect();
    if !high_gates.is_empty() {
        blocking.push(format!("gate domain HIGH: {}", high_gates.join(", ")));
    }
    if high.len() >= HIGH_BLOCKING {
        blocking.push(format!("{} HIGH risks: {}", high.len(), high.join(", ")));
    }
    if inputs.omt_above(OMT_BLOCKING) {
        blocking.push(format!(
            "Operating Model Test {percent}: above {OMT_BLOCKING}% of runbook steps depend on vCenter"
        ));
    }
    if !blocking.is_empty() {
        return (Verdict::NotReady, blocking);
    }

    let mut short = Vec::new();
    if !high.is_empty() {
        short.push(format!("HIGH: {}", high.join(", ")));
    }
    let gates_not_clear: Vec<&str> = inputs
        .domains
        .iter()
        .filter(|d| inputs.is_gate(&d.domain) && d.risk != Risk::None)
        .map(|d| d.domain.as_str())
        .collect();
    if !gates_not_clear.is_empty() {
        short.push(format!(
            "gate domain not clear: {}",
            gates_not_clear.join(", ")
        ));
    }
    if medium.len() > MEDIUM_ALLOWED {
        short.push(format!(
            "{} MEDIUM risks, at most {MEDIUM_ALLOWED}: {}",
            medium.len(),
            medium.join(", ")
        ));
    }
    if inputs.omt_above(OMT_MEDIUM) {
        short.push(format!(
            "Operating Model Test {percent}: above {OMT_MEDIUM}% of runbook steps depend on vCenter"
        ));
    }
    for check in inputs.checks.iter().filter(|c| !c.holds) {
        short.push(format!("{}: {}", check.id, check.reason));
    }
    if short.is_empty() {
        let mut why = vec![
            "no HIGH risk".to_string(),
            "every gate domain clear".to_string(),
        ];
        if !medium.is_empty() {
            why.push(format!("MEDIUM: {}", medium.join(", ")));
        }
        match inputs.operating_model {
            Some(_) => why.push(format!("Operating Model Test {percent}")),
            None => why.push("runbooks not checked: no Operating Model Test (--scan)".to_string()),
        }
        why.push("scoping complete and every signal borne out by evidence".to_string());
        (Verdict::Ready, why)
    } else {
        (Verdict::ReadyWithRunway, short)
    }
}

/// Weeks of work before the cutover is safe: the longest of the
/// parallel tracks (domains, runbook rewrite, scoping).
pub fn runway(inputs: &Inputs, verdict: Verdict) -> u32 {
    if verdict == Verdict::Ready {
        return 0;
    }
    let domains = inputs
        .domains
        .iter()
        .filter(|d| d.risk != Risk::None)
        .map(|d| {
            let steps = u32::from(3u8.saturating_sub(d.team_level)) + u32::from(!d.gaps.is_empty());
            WEEKS_PER_STEP * steps.max(1)
        });
    let rewrite = inputs
        .operating_model
        .filter(|_| inputs.omt_above(OMT_MEDIUM))
        .map(|(_, m)| WEEKS_PER_LAYER * m.layers.iter().filter(|l| l.steps > 0).count() as u32);
    let scoping = inputs
        .checks
        .iter()
        .any(|c| c.id == crate::checks::SCOPING && !c.holds)
        .then_some(WEEKS_TO_SCOPE);
    domains.chain(rewrite).chain(scoping).max().unwrap_or(0)
}
