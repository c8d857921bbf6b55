//! The checked questionnaire as the `scorer` world's typed records.

use std::path::Path;

use super::questionnaire::{
    self as q, Date, IncidentSeverity, Kind, Layer, ManagementPlane, Outcome, Role,
};
use crate::plugin::bindings::readiness as wit;

/// Only called on a questionnaire `questionnaire::check` accepted, so
/// dates and platforms are known to be valid.
pub fn questionnaire(path: &Path, answers: &q::Questionnaire) -> wit::Questionnaire {
    let s = &answers.scoping;
    let signals = &answers.signals;
    wit::Questionnaire {
        path: path.display().to_string(),
        team: answers.team.name.clone(),
        assessed_on: date(q::date_of(&answers.team.assessed_on)),
        people: answers
            .person
            .iter()
            .map(|p| wit::Person {
                id: p.id.get_ref().clone(),
                name: p.name.clone(),
                on_call: p.on_call,
            })
            .collect(),
        scoping: wit::Scoping {
            management_plane: s
                .management_plane
                .filter(|m| *m != ManagementPlane::Undecided)
                .map(|m| plane_id(m).to_string()),
            decision_record: s.decision_record.clone(),
            storage_backends: s
                .storage_backends
                .iter()
                .map(|b| b.id().to_string())
                .collect(),
            storage_audit_done: s.storage_audit_done,
            observability_plan: s.observability_plan,
            uses_sriov: s.uses_sriov,
            waves: s
                .wave
                .iter()
                .map(|w| wit::Wave {
                    name: w.name.clone(),
                    starts: date(q::date_of(&w.starts)),
                })
                .collect(),
        },
        signals: wit::Signals {
            linux_is_operational_center: signals.linux_is_operational_center,
            automation_targets_primitives: signals.automation_targets_primitives,
            operated_without_vmware_abstraction: signals.operated_without_vmware_abstraction,
            sovereignty_or_cost_driver: signals.sovereignty_or_cost_driver,
            greenfield_percent: signals
                .greenfield_percent
                .as_ref()
                .map_or(0, |g| *g.get_ref()),
        },
        evidence: answers.evidence.iter().map(evidence).collect(),
    }
}

fn evidence(e: &q::Evidence) -> wit::Evidence {
    let platform = e.platform.get_ref();
    wit::Evidence {
        id: e.id.get_ref().clone(),
        kind: kind(e.kind),
        date: date(q::date_of(&e.date)),
        domains: e.domains.iter().map(|d| d.get_ref().clone()).collect(),
        probes: e.probes.iter().map(|p| p.get_ref().clone()).collect(),
        layer: e.layer.map(layer),
        platform: platform.to_ascii_lowercase(),
        platform_class: q::platform_class(platform).unwrap_or(wit::PlatformClass::Vmware),
        severity: e.severity.map(severity),
        outcome: e.outcome.map(outcome),
        verifier: e.verifier.as_ref().map(|v| v.get_ref().clone()),
        artifacts: e.artifacts.iter().map(|a| a.get_ref().clone()).collect(),
        participants: e
            .participant
            .iter()
            .map(|p| wit::Participant {
                person: p.person.get_ref().clone(),
                role: role(p.role),
                authored: p.authored,
            })
            .collect(),
    }
}

fn date(d: Option<Date>) -> wit::Date {
    let d = d.unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    });
    wit::Date {
        year: d.year,
        month: d.month,
        day: d.day,
    }
}

pub fn plane_id(m: ManagementPlane) -> &'static str {
    match m {
        ManagementPlane::Libvirt => "libvirt",
        ManagementPlane::Proxmox => "proxmox",
        ManagementPlane::Ovirt => "ovirt",
        ManagementPlane::Openstack => "openstack",
        ManagementPlane::Undecided => "undecided",
    }
}

fn kind(k: Kind) -> wit::EvidenceKind {
    match k {
        Kind::ProductionIncident => wit::EvidenceKind::ProductionIncident,
        Kind::ProductionChange => wit::EvidenceKind::ProductionChange,
        Kind::GameDay => wit::EvidenceKind::GameDay,
        Kind::Tabletop => wit::EvidenceKind::Tabletop,
        Kind::Lab => wit::EvidenceKind::Lab,
        Kind::Training => wit::EvidenceKind::Training,
        Kind::Certification => wit::EvidenceKind::Certification,
    }
}

fn layer(l: Layer) -> wit::WorkLayer {
    match l {
        Layer::Primitive => wit::WorkLayer::Primitive,
        Layer::PlatformTool => wit::WorkLayer::PlatformTool,
        Layer::VendorLed => wit::WorkLayer::VendorLed,
        Layer::ThroughVcenter => wit::WorkLayer::ThroughVcenter,
    }
}

fn severity(s: IncidentSeverity) -> wit::IncidentSeverity {
    match s {
        IncidentSeverity::Sev1 => wit::IncidentSeverity::Sev1,
        IncidentSeverity::Sev2 => wit::IncidentSeverity::Sev2,
        IncidentSeverity::Sev3 => wit::IncidentSeverity::Sev3,
        IncidentSeverity::Sev4 => wit::IncidentSeverity::Sev4,
    }
}

fn outcome(o: Outcome) -> wit::Outcome {
    match o {
        Outcome::ResolvedByTeam => wit::Outcome::ResolvedByTeam,
        Outcome::Workaround => wit::Outcome::Workaround,
        Outcome::VendorAssisted => wit::Outcome::VendorAssisted,
        Outcome::Unresolved => wit::Outcome::Unresolved,
    }
}

fn role(r: Role) -> wit::Role {
    match r {
        Role::PrimaryResponder => wit::Role::PrimaryResponder,
        Role::HandsOn => wit::Role::HandsOn,
        Role::IncidentCommander => wit::Role::IncidentCommander,
        Role::Facilitator => wit::Role::Facilitator,
        Role::Shadow => wit::Role::Shadow,
        Role::Observer => wit::Role::Observer,
    }
}
