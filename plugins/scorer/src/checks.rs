//! Yes/no findings beside the domains: incident command, the declared
//! KVM-fit signals checked against the evidence, scoping, and the
//! Operating Model Test from a scan.

use opgap_pdk::readiness::{
    Check, EvidenceKind, IncidentCommand, OperatingModel, OperatingModelResult, Risk, Role,
};

use crate::context::{Context, Item, unique_ids};
use crate::factors::{is_hands, is_production, primitive_off_vmware};
use crate::people::RECENT_MONTHS;

pub const LINUX_CENTRE: &str = "linux_is_operational_center";
pub const AUTOMATION: &str = "automation_targets_primitives";
pub const WITHOUT_ABSTRACTION: &str = "operated_without_vmware_abstraction";
pub const SCOPING: &str = "scoping_complete";

/// Incidents a person must have commanded in 24 months to count.
const COMMANDS_TO_QUALIFY: usize = 2;

pub fn incident_command(ctx: &Context) -> IncidentCommand {
    let mut commanders = Vec::new();
    let mut evidence = Vec::new();
    for person in &ctx.questionnaire.people {
        let commanded: Vec<&str> = ctx
            .items
            .iter()
            .filter(|i| {
                i.evidence.kind == EvidenceKind::ProductionIncident
                    && i.age <= RECENT_MONTHS
                    && i.evidence
                        .participants
                        .iter()
                        .any(|p| p.person == person.id && p.role == Role::IncidentCommander)
            })
            .map(|i| i.evidence.id.as_str())
            .collect();
        if commanded.len() >= COMMANDS_TO_QUALIFY {
            commanders.push(person.id.clone());
            evidence.extend(commanded);
        }
    }
    let risk = match commanders.len() {
        0 => Risk::High,
        1 => Risk::Medium,
        _ => Risk::None,
    };
    IncidentCommand {
        risk,
        commanders,
        evidence: unique_ids(evidence),
    }
}

/// Hands-on production work on the primitives of a platform that stays.
fn recent_primitive_production(item: &Item) -> bool {
    is_production(item.evidence.kind)
        && primitive_off_vmware(item.evidence)
        && item.age <= RECENT_MONTHS
}

pub fn linux_centre(ctx: &Context) -> Check {
    let declared = ctx.questionnaire.signals.linux_is_operational_center;
    let on_call: Vec<_> = ctx
        .questionnaire
        .people
        .iter()
        .filter(|p| p.on_call)
        .collect();
    let needed = ((on_call.len().max(1) as f64) * 0.6).ceil() as usize;
    let mut evidence = Vec::new();
    let mut shown = 0;
    for person in &on_call {
        let theirs: Vec<&str> = ctx
            .items
            .iter()
            .filter(|i| {
                recent_primitive_production(i)
                    && i.evidence
                        .participants
                        .iter()
                        .any(|p| p.person == person.id && is_hands(p.role))
            })
            .map(|i| i.evidence.id.as_str())
            .collect();
        if !theirs.is_empty() {
            shown += 1;
            evidence.extend(theirs);
        }
    }
    let holds = declared && shown >= needed;
    let reason = if !declared {
        "not declared".to_string()
    } else if on_call.is_empty() {
        "nobody is marked on call".to_string()
    } else {
        format!(
            "{shown} of {} on-call people did hands-on production work on the primitives of KVM or Linux in 24 months; {needed} needed",
            on_call.len()
        )
    };
    Check {
        id: LINUX_CENTRE.into(),
        holds,
        reason,
        evidence: unique_ids(evidence),
    }
}

pub fn automation(ctx: &Context, model: Option<&OperatingModel>) -> Check {
    let declared = ctx.questionnaire.signals.automation_targets_primitives;
    let (holds, reason) = match (declared, model) {
        (false, _) => (false, "not declared".to_string()),
        (true, None) => (
            true,
            "declared; not checked without a scan of the runbooks".to_string(),
        ),
        (true, Some(m)) if m.script_steps == 0 => (
            true,
            "declared; the scanned runbooks hold no scripts to check it against".to_string(),
        ),
        (true, Some(m)) => {
            let holds = u64::from(m.script_vcenter_steps) * 2 <= u64::from(m.script_steps);
            (
                holds,
                format!(
                    "{} of {} script steps in the scanned runbooks depend on vCenter; at most half may",
                    m.script_vcenter_steps, m.script_steps
                ),
            )
        }
    };
    Check {
        id: AUTOMATION.into(),
        holds,
        reason,
        evidence: Vec::new(),
    }
}

pub fn without_abstraction(ctx: &Context, gate_domains: &[&str]) -> Check {
    let declared = ctx
        .questionnaire
        .signals
        .operated_without_vmware_abstraction;
    let mut evidence = Vec::new();
    let mut missing = Vec::new();
    for domain in gate_domains {
        let incidents: Vec<&str> = ctx
            .in_domain(domain)
            .filter(|i| {
                i.evidence.kind == EvidenceKind::ProductionIncident
                    && recent_primitive_production(i)
            })
            .map(|i| i.evidence.id.as_str())
            .collect();
        if incidents.is_empty() {
            missing.push(*domain);
        }
        evidence.extend(incidents);
    }
    let holds = declared && missing.is_empty();
    let reason = if !declared {
        "not declared".to_string()
    } else if missing.is_empty() {
        "every gate domain has a production incident handled on the primitives of KVM or Linux in 24 months".to_string()
    } else {
        format!(
            "no production incident on the primitives of KVM or Linux in 24 months in {}",
            missing.join(", ")
        )
    };
    Check {
        id: WITHOUT_ABSTRACTION.into(),
        holds,
        reason,
        evidence: unique_ids(evidence),
    }
}

pub fn scoping(ctx: &Context) -> Check {
    let s = &ctx.questionnaire.scoping;
    let mut missing = Vec::new();
    if s.management_plane.is_none() {
        missing.push("a management plane");
    }
    if !ctx.backends_known() {
        missing.push("the storage backends");
    }
    if s.decision_record
        .as_deref()
        .is_none_or(|d| d.trim().is_empty())
    {
        missing.push("a decision record");
    }
    if !s.storage_audit_done {
        missing.push("the storage semantics audit");
    }
    if !s.observability_plan {
        missing.push("the observability rebuild plan");
    }
    let holds = missing.is_empty();
    Check {
        id: SCOPING.into(),
        holds,
        reason: if holds {
            "management plane chosen and recorded; storage audit and observability plan done".into()
        } else {
            format!("missing {}", missing.join(", "))
        },
        evidence: Vec::new(),
    }
}

/// Above these shares of vCenter-bound steps the test is MEDIUM, HIGH,
/// and blocking.
pub const OMT_MEDIUM: u32 = 40;
pub const OMT_HIGH: u32 = 60;
pub const OMT_BLOCKING: u32 = 75;

/// Whether `bound / total` is above `percent`, exactly (no rounding).
pub fn share_above(bound: u32, total: u32, percent: u32) -> bool {
    u64::from(bound) * 100 > u64::from(percent) * u64::from(total)
}

pub fn operating_model(model: &OperatingModel) -> OperatingModelResult {
    let above = |p| share_above(model.vcenter_steps, model.steps, p);
    let risk = if above(OMT_HIGH) {
        Risk::High
    } else if above(OMT_MEDIUM) {
        Risk::Medium
    } else {
        Risk::None
    };
    let percent = if model.steps == 0 {
        0.0
    } else {
        f64::from(model.vcenter_steps) * 100.0 / f64::from(model.steps)
    };
    OperatingModelResult {
        percent,
        risk,
        reason: format!(
            "{} of {} runbook steps depend on vCenter",
            model.vcenter_steps, model.steps
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_compare_exactly() {
        assert!(!share_above(40, 100, 40));
        assert!(share_above(401, 1000, 40));
        assert!(!share_above(0, 0, 40));
        assert!(share_above(76, 100, 75));
    }
}
