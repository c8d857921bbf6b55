//! How far the team has demonstrated each probe: the best status any
//! evidence naming it reaches.

use opgap_pdk::readiness::{Evidence, EvidenceKind, ProbeResult, ProbeStatus};

use crate::bank::Probe;
use crate::context::{Context, Item, unique_ids};
use crate::factors::{is_hands, is_production, transfers};
use crate::people::RECENT_MONTHS;

/// A game day older than this no longer shows the team can do it.
const DRILL_MONTHS: f64 = 12.0;

/// Higher is better.
pub fn rank(status: ProbeStatus) -> u8 {
    match status {
        ProbeStatus::Proven => 5,
        ProbeStatus::Drilled => 4,
        ProbeStatus::Discussed => 3,
        ProbeStatus::Weak => 2,
        ProbeStatus::Missing => 1,
        ProbeStatus::NotApplicable => 0,
    }
}

/// What one item shows about a probe of `domain` it names.
fn status_of(item: &Item, domain: &str) -> ProbeStatus {
    let e: &Evidence = item.evidence;
    // Someone had their hands on it, on primitives whose skill carries
    // over to KVM in this domain, and left an artifact.
    let on_primitives = transfers(e, domain, 0.6)
        && !e.artifacts.is_empty()
        && e.participants.iter().any(|p| is_hands(p.role));
    let production = is_production(e.kind);
    if production && on_primitives && item.age <= RECENT_MONTHS && e.verifier.is_some() {
        ProbeStatus::Proven
    } else if on_primitives
        && ((production && item.age <= RECENT_MONTHS)
            || (e.kind == EvidenceKind::GameDay && item.age <= DRILL_MONTHS))
    {
        ProbeStatus::Drilled
    } else if matches!(e.kind, EvidenceKind::Tabletop | EvidenceKind::Lab) {
        ProbeStatus::Discussed
    } else {
        ProbeStatus::Weak
    }
}

pub fn result(ctx: &Context, probe: &Probe) -> ProbeResult {
    let scoping = &ctx.questionnaire.scoping;
    // Backends not declared: every backend's probes apply.
    let applies = scoping.storage_backends.is_empty()
        && matches!(probe.applies_if, crate::bank::AppliesIf::Backend(_))
        || probe.applies(&scoping.storage_backends, scoping.uses_sriov);
    let mut best = if applies {
        ProbeStatus::Missing
    } else {
        ProbeStatus::NotApplicable
    };
    let mut evidence = Vec::new();
    if best == ProbeStatus::Missing {
        for item in ctx.in_domain(probe.domain) {
            if !item.evidence.probes.iter().any(|p| p == probe.id) {
                continue;
            }
            let status = status_of(item, probe.domain);
            if rank(status) > rank(best) {
                best = status;
                evidence.clear();
            }
            if status == best {
                evidence.push(item.evidence.id.as_str());
            }
        }
    }
    ProbeResult {
        probe: probe.id.to_string(),
        critical: probe.critical,
        status: best,
        evidence: unique_ids(evidence),
    }
}
