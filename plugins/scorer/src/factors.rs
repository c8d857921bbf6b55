//! The multipliers that turn one evidence item into points for one
//! participant in one domain, and the caps that keep cheap evidence cheap.

use opgap_pdk::readiness::{
    Evidence, EvidenceKind, IncidentSeverity, Outcome, Participant, PlatformClass, Role, WorkLayer,
};

use crate::bank;

/// Items older than this are outside the window.
pub const HORIZON_MONTHS: f64 = 60.0;
/// Points halve every this many months.
const HALF_LIFE_MONTHS: f64 = 18.0;

pub fn is_production(kind: EvidenceKind) -> bool {
    matches!(
        kind,
        EvidenceKind::ProductionIncident | EvidenceKind::ProductionChange
    )
}

/// Certificates, courses and labs: knowledge, not operation.
pub fn is_coursework(kind: EvidenceKind) -> bool {
    matches!(
        kind,
        EvidenceKind::Certification | EvidenceKind::Training | EvidenceKind::Lab
    )
}

/// Roles with hands on the keyboard.
pub fn is_hands(role: Role) -> bool {
    matches!(role, Role::PrimaryResponder | Role::HandsOn)
}

/// Work on the primitives of a platform that stays: the only layer at
/// which the vCenter habits cannot have done the work.
pub fn primitive_off_vmware(e: &Evidence) -> bool {
    e.layer == Some(WorkLayer::Primitive) && e.platform_class != PlatformClass::Vmware
}

/// Primitive work off VMware whose skill carries over to a KVM estate in
/// `domain` at least this much: plain Linux work shows storage skill, not
/// how a KVM cluster keeps quorum or fences a node.
pub fn transfers(e: &Evidence, domain: &str, at_least: f64) -> bool {
    primitive_off_vmware(e) && transfer(e.platform_class, domain) >= at_least
}

fn kind_base(kind: EvidenceKind) -> f64 {
    match kind {
        EvidenceKind::ProductionIncident => 10.0,
        EvidenceKind::ProductionChange => 6.0,
        EvidenceKind::GameDay => 5.0,
        EvidenceKind::Tabletop => 2.0,
        EvidenceKind::Lab => 1.0,
        EvidenceKind::Training | EvidenceKind::Certification => 0.5,
    }
}

fn role_factor(role: Role) -> f64 {
    match role {
        Role::PrimaryResponder => 1.0,
        Role::HandsOn => 0.7,
        Role::IncidentCommander | Role::Facilitator => 0.5,
        Role::Shadow => 0.3,
        Role::Observer => 0.1,
    }
}

fn layer_factor(layer: WorkLayer) -> f64 {
    match layer {
        WorkLayer::Primitive => 1.0,
        WorkLayer::PlatformTool => 0.6,
        WorkLayer::VendorLed => 0.2,
        WorkLayer::ThroughVcenter => 0.05,
    }
}

fn outcome_factor(outcome: Outcome) -> f64 {
    match outcome {
        Outcome::ResolvedByTeam => 1.0,
        Outcome::Workaround => 0.8,
        Outcome::VendorAssisted => 0.5,
        Outcome::Unresolved => 0.3,
    }
}

fn severity_factor(severity: IncidentSeverity) -> f64 {
    match severity {
        IncidentSeverity::Sev1 => 1.3,
        IncidentSeverity::Sev2 => 1.15,
        IncidentSeverity::Sev3 => 1.0,
        IncidentSeverity::Sev4 => 0.8,
    }
}

pub fn recency(age_months: f64) -> f64 {
    0.5f64.powf(age_months.max(0.0) / HALF_LIFE_MONTHS)
}

/// Peer-verified with an artifact 1.0, artifact only 0.8, a claim 0.5.
pub fn verification(e: &Evidence) -> f64 {
    match (e.artifacts.is_empty(), e.verifier.is_some()) {
        (false, true) => 1.0,
        (false, false) => 0.8,
        (true, _) => 0.5,
    }
}

/// How much of a skill shown on one platform family carries over to a
/// KVM estate, per domain. Linux storage work transfers well; running a
/// vSphere cluster teaches little about running a Proxmox one.
pub fn transfer(class: PlatformClass, domain: &str) -> f64 {
    const ORDER: [&str; 8] = [
        "management_plane",
        "storage",
        "networking",
        "observability",
        "backup_restore",
        "scheduling_contention",
        "identity_rbac",
        "migration_ha",
    ];
    const LINUX: [f64; 8] = [0.3, 0.8, 0.8, 0.8, 0.6, 0.5, 0.8, 0.3];
    const VMWARE: [f64; 8] = [0.1, 0.6, 0.6, 0.3, 0.3, 0.1, 0.5, 0.1];
    let Some(i) = ORDER.iter().position(|d| *d == domain) else {
        // A domain outside the bank (never reached through the host).
        debug_assert!(bank::domain(domain).is_none());
        return 0.0;
    };
    match class {
        PlatformClass::Kvm => 1.0,
        PlatformClass::Linux => LINUX[i],
        PlatformClass::Vmware => VMWARE[i],
    }
}

/// The bucket an item's points are capped in, per person and domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cap {
    Coursework,
    Tabletop,
    ThroughVcenter,
}

impl Cap {
    pub fn of(e: &Evidence) -> Option<Cap> {
        if is_coursework(e.kind) {
            Some(Cap::Coursework)
        } else if e.kind == EvidenceKind::Tabletop {
            Some(Cap::Tabletop)
        } else if e.layer == Some(WorkLayer::ThroughVcenter) {
            Some(Cap::ThroughVcenter)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Cap::Coursework => "coursework",
            Cap::Tabletop => "tabletop",
            Cap::ThroughVcenter => "through-vcenter",
        }
    }

    pub fn limit(self) -> f64 {
        match self {
            Cap::Coursework => 2.0,
            Cap::Tabletop => 4.0,
            Cap::ThroughVcenter => 3.0,
        }
    }
}

/// Points one participant earns from one item in one domain, before caps.
/// An item naming several domains shares its points among them, so one
/// broad claim cannot fill every domain at once.
pub fn points(e: &Evidence, p: &Participant, domain: &str, age_months: f64) -> f64 {
    let mut points = kind_base(e.kind) / e.domains.len().max(1) as f64;
    if !is_coursework(e.kind) {
        points *= role_factor(p.role);
    }
    if is_production(e.kind) || e.kind == EvidenceKind::GameDay {
        points *= e.layer.map_or(1.0, layer_factor);
        points *= outcome_factor(e.outcome.unwrap_or(Outcome::ResolvedByTeam));
    }
    if e.kind == EvidenceKind::ProductionIncident {
        points *= severity_factor(e.severity.unwrap_or(IncidentSeverity::Sev3));
    }
    points * recency(age_months) * verification(e) * transfer(e.platform_class, domain)
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use opgap_pdk::readiness::Date;

    /// A verified primary-responder incident at the primitive layer on KVM,
    /// to vary one field at a time.
    pub fn incident(id: &str, person: &str) -> Evidence {
        Evidence {
            id: id.into(),
            kind: EvidenceKind::ProductionIncident,
            date: Date {
                year: 2026,
                month: 10,
                day: 1,
            },
            domains: vec!["storage".into()],
            probes: Vec::new(),
            layer: Some(WorkLayer::Primitive),
            platform: "proxmox".into(),
            platform_class: PlatformClass::Kvm,
            severity: Some(IncidentSeverity::Sev3),
            outcome: None,
            verifier: Some("peer".into()),
            artifacts: vec!["https://tickets.example/1".into()],
            participants: vec![Participant {
                person: person.into(),
                role: Role::PrimaryResponder,
                authored: false,
            }],
        }
    }

    #[test]
    fn a_fresh_verified_primitive_incident_is_worth_its_base() {
        let e = incident("INC-1", "ana");
        let p = &e.participants[0];
        assert!((points(&e, p, "storage", 0.0) - 10.0).abs() < 1e-9);
        assert!((points(&e, p, "storage", 18.0) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn each_factor_lowers_the_points() {
        let base = incident("INC-1", "ana");
        let p = &base.participants[0];
        let full = points(&base, p, "storage", 0.0);
        let mut through = base.clone();
        through.layer = Some(WorkLayer::ThroughVcenter);
        let mut vmware = base.clone();
        vmware.platform_class = PlatformClass::Vmware;
        let mut unverified = base.clone();
        unverified.verifier = None;
        unverified.artifacts.clear();
        let mut course = base.clone();
        course.kind = EvidenceKind::Certification;
        for (what, e, expected) in [
            ("through vCenter", &through, 0.5),
            ("on VMware", &vmware, 6.0),
            ("unverified", &unverified, 5.0),
            ("a certificate", &course, 0.5),
        ] {
            let got = points(e, p, "storage", 0.0);
            assert!(got < full, "{what}");
            assert!((got - expected).abs() < 1e-9, "{what}: {got}");
        }
    }

    #[test]
    fn cheap_evidence_lands_in_capped_buckets() {
        let mut e = incident("X", "ana");
        assert_eq!(Cap::of(&e), None);
        e.layer = Some(WorkLayer::ThroughVcenter);
        assert_eq!(Cap::of(&e), Some(Cap::ThroughVcenter));
        e.kind = EvidenceKind::Tabletop;
        assert_eq!(Cap::of(&e), Some(Cap::Tabletop));
        e.kind = EvidenceKind::Training;
        assert_eq!(Cap::of(&e), Some(Cap::Coursework));
    }
}
