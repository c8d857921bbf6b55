//! The model's rules, one test each, on questionnaires built in code.

use opgap_pdk::readiness::*;

use crate::bank;

const AS_OF: Date = Date {
    year: 2026,
    month: 11,
    day: 15,
};

fn months_ago(months: u32) -> Date {
    let total = i64::from(AS_OF.year) * 12 + i64::from(AS_OF.month) - 1 - i64::from(months);
    Date {
        year: (total / 12) as u16,
        month: (total % 12 + 1) as u8,
        day: 15,
    }
}

fn person(id: &str) -> Person {
    Person {
        id: id.into(),
        name: id.to_uppercase(),
        on_call: true,
    }
}

fn part(person: &str, role: Role) -> Participant {
    Participant {
        person: person.into(),
        role,
        authored: false,
    }
}

/// A verified production incident on the primitives of Proxmox.
fn incident(id: &str, domain: &str, probes: &[&str], people: &[(&str, Role)]) -> Evidence {
    Evidence {
        id: id.into(),
        kind: EvidenceKind::ProductionIncident,
        date: months_ago(2),
        domains: vec![domain.into()],
        probes: probes.iter().map(|p| p.to_string()).collect(),
        layer: Some(WorkLayer::Primitive),
        platform: "proxmox".into(),
        platform_class: PlatformClass::Kvm,
        severity: Some(IncidentSeverity::Sev2),
        outcome: Some(Outcome::ResolvedByTeam),
        verifier: Some("vera".into()),
        artifacts: vec![format!("https://tickets.example/{id}")],
        participants: people.iter().map(|(p, r)| part(p, *r)).collect(),
    }
}

/// A team that has proven every applicable probe, with two people at
/// L3 in each domain and two incident commanders: READY.
fn strong_team() -> Questionnaire {
    let mut evidence = Vec::new();
    for (n, probe) in bank::PROBES.iter().enumerate() {
        let commander = if n % 2 == 0 { "cara" } else { "dev" };
        evidence.push(incident(
            &format!("INC-{n}"),
            probe.domain,
            &[probe.id],
            &[
                ("ana", Role::PrimaryResponder),
                ("ben", Role::HandsOn),
                (commander, Role::IncidentCommander),
            ],
        ));
    }
    Questionnaire {
        path: "strong.toml".into(),
        team: "Strong".into(),
        assessed_on: AS_OF,
        people: ["ana", "ben", "cara", "dev", "vera"]
            .iter()
            .map(|p| Person {
                // The commanders and the verifier are not on the rota.
                on_call: ["ana", "ben"].contains(p),
                ..person(p)
            })
            .collect(),
        scoping: Scoping {
            management_plane: Some("proxmox".into()),
            decision_record: Some("https://adr.example/1".into()),
            storage_backends: vec!["ceph".into()],
            storage_audit_done: true,
            observability_plan: true,
            uses_sriov: false,
            waves: vec![Wave {
                name: "wave 1".into(),
                starts: Date {
                    year: 2027,
                    month: 3,
                    day: 1,
                },
            }],
        },
        signals: Signals {
            linux_is_operational_center: true,
            automation_targets_primitives: true,
            operated_without_vmware_abstraction: true,
            sovereignty_or_cost_driver: false,
            greenfield_percent: 0,
        },
        evidence,
    }
}

fn no_scan() -> ScanContext {
    ScanContext {
        repos: Vec::new(),
        operating_model: None,
    }
}

fn scan(steps: u32, vcenter_steps: u32) -> ScanContext {
    ScanContext {
        repos: vec!["runbooks".into()],
        operating_model: Some(OperatingModel {
            steps,
            vcenter_steps,
            script_steps: 0,
            script_vcenter_steps: 0,
            layers: vec![
                LayerSteps {
                    layer: "vmotion".into(),
                    steps: vcenter_steps / 2,
                },
                LayerSteps {
                    layer: "snapshot".into(),
                    steps: vcenter_steps - vcenter_steps / 2,
                },
            ],
        }),
    }
}

fn card(q: &Questionnaire) -> Scorecard {
    crate::score(q, &no_scan()).expect("well-formed")
}

fn domain<'a>(card: &'a Scorecard, id: &str) -> &'a DomainResult {
    card.domains.iter().find(|d| d.domain == id).unwrap()
}

fn level(card: &Scorecard, domain_id: &str, person: &str) -> PersonLevel {
    domain(card, domain_id)
        .people
        .iter()
        .find(|p| p.person == person)
        .unwrap()
        .clone()
}

fn probe(card: &Scorecard, id: &str) -> ProbeResult {
    card.domains
        .iter()
        .flat_map(|d| d.probes.iter())
        .find(|p| p.probe == id)
        .unwrap()
        .clone()
}

/// Evidence of `domain` only.
fn without_domain(q: &mut Questionnaire, domain: &str) {
    q.evidence
        .retain(|e| !e.domains.iter().any(|d| d == domain));
}

#[test]
fn the_strong_team_is_ready_and_every_result_names_its_evidence() {
    let c = card(&strong_team());
    assert_eq!(c.verdict, Verdict::Ready, "{:#?}", c.reasons);
    assert_eq!(c.runway_weeks, 0);
    assert_eq!(c.weeks_to_wave1, Some(15));
    for d in &c.domains {
        assert_eq!(d.risk, Risk::None, "{}: {}", d.domain, d.reason);
        assert!(d.team_level >= 3, "{}", d.domain);
        assert!(!d.evidence.is_empty());
        for p in d.people.iter().filter(|p| p.points > 0.0) {
            assert!(!p.evidence.is_empty(), "{} in {}", p.person, d.domain);
        }
        for p in d
            .probes
            .iter()
            .filter(|p| p.status != ProbeStatus::NotApplicable)
        {
            assert!(!p.evidence.is_empty(), "{}", p.probe);
        }
    }
    assert_eq!(c.incident_command.risk, Risk::None);
    assert_eq!(c.incident_command.commanders, ["cara", "dev"]);
    assert!(c.checks.iter().all(|c| c.holds), "{:#?}", c.checks);
    // NFS, iSCSI, pool and SR-IOV probes do not apply to a Ceph team.
    assert_eq!(
        probe(&c, "st_nfs_failover").status,
        ProbeStatus::NotApplicable
    );
    assert_eq!(
        probe(&c, "nw_sriov_passthrough").status,
        ProbeStatus::NotApplicable
    );
}

#[test]
fn certificates_and_courses_never_lift_anyone_past_novice() {
    let mut q = strong_team();
    q.evidence.clear();
    for n in 0..40 {
        let mut e = incident(
            &format!("CERT-{n}"),
            "storage",
            &["st_ceph_osd_failure"],
            &[("ana", Role::PrimaryResponder)],
        );
        e.kind = if n % 2 == 0 {
            EvidenceKind::Certification
        } else {
            EvidenceKind::Training
        };
        q.evidence.push(e);
    }
    let c = card(&q);
    let ana = level(&c, "storage", "ana");
    assert!(ana.points <= 2.0, "{ana:?}");
    assert_eq!(ana.level, 1);
    assert_eq!(probe(&c, "st_ceph_osd_failure").status, ProbeStatus::Weak);
}

#[test]
fn work_through_vcenter_is_capped_and_opens_no_gate() {
    let mut q = strong_team();
    q.evidence.clear();
    for n in 0..30 {
        let mut e = incident(
            &format!("VC-{n}"),
            "migration_ha",
            &["mh_ha_fencing"],
            &[("ana", Role::PrimaryResponder)],
        );
        e.layer = Some(WorkLayer::ThroughVcenter);
        e.severity = Some(IncidentSeverity::Sev1);
        q.evidence.push(e);
    }
    let c = card(&q);
    let ana = level(&c, "migration_ha", "ana");
    assert!(ana.points <= 3.0, "{ana:?}");
    assert!(ana.level <= 1);
    assert_eq!(probe(&c, "mh_ha_fencing").status, ProbeStatus::Weak);
}

#[test]
fn no_level_above_novice_without_recent_production_on_the_primitives() {
    let mut q = strong_team();
    q.evidence.clear();
    // Plenty of points from game days and old incidents.
    for n in 0..6 {
        let mut e = incident(
            &format!("GD-{n}"),
            "storage",
            &[],
            &[("ana", Role::PrimaryResponder)],
        );
        e.kind = EvidenceKind::GameDay;
        q.evidence.push(e);
    }
    let mut old = incident("OLD", "storage", &[], &[("ana", Role::PrimaryResponder)]);
    old.date = months_ago(30);
    q.evidence.push(old);
    let ana = level(&card(&q), "storage", "ana");
    assert!(ana.points >= 15.0, "{ana:?}");
    assert_eq!(ana.level, 1, "{ana:?}");
    assert!(
        ana.next.contains("production work at the primitive layer"),
        "{}",
        ana.next
    );
}

#[test]
fn independence_needs_hands_on_work_with_an_artifact() {
    let mut q = strong_team();
    q.evidence.clear();
    for n in 0..4 {
        let mut e = incident(
            &format!("INC-{n}"),
            "storage",
            &[],
            &[("ana", Role::PrimaryResponder)],
        );
        e.artifacts.clear();
        e.verifier = None;
        q.evidence.push(e);
    }
    let ana = level(&card(&q), "storage", "ana");
    assert_eq!(ana.level, 2, "{ana:?}");
    assert!(ana.next.contains("with an artifact"), "{}", ana.next);
    q.evidence[0]
        .artifacts
        .push("https://tickets.example/INC-0".into());
    assert_eq!(level(&card(&q), "storage", "ana").level, 3);
}

#[test]
fn proficiency_needs_led_incidents_and_authorship() {
    let mut q = strong_team();
    q.evidence.clear();
    for n in 0..4 {
        q.evidence.push(incident(
            &format!("INC-{n}"),
            "storage",
            &[],
            &[("ana", Role::PrimaryResponder)],
        ));
    }
    let ana = level(&card(&q), "storage", "ana");
    assert_eq!(ana.level, 3, "{ana:?}");
    assert!(ana.next.contains("of their own"), "{}", ana.next);
    q.evidence[0].participants[0].authored = true;
    assert_eq!(level(&card(&q), "storage", "ana").level, 4);
}

#[test]
fn probe_status_is_the_best_evidence_reaches_whatever_the_order() {
    let mut q = strong_team();
    q.evidence.clear();
    let mut weak = incident(
        "VC",
        "storage",
        &["st_ceph_osd_failure"],
        &[("ana", Role::PrimaryResponder)],
    );
    weak.layer = Some(WorkLayer::ThroughVcenter);
    let mut tabletop = incident(
        "TT",
        "storage",
        &["st_ceph_osd_failure"],
        &[("ana", Role::Facilitator)],
    );
    tabletop.kind = EvidenceKind::Tabletop;
    q.evidence = vec![tabletop.clone(), weak.clone()];
    assert_eq!(
        probe(&card(&q), "st_ceph_osd_failure").status,
        ProbeStatus::Discussed
    );
    q.evidence = vec![weak, tabletop];
    let result = probe(&card(&q), "st_ceph_osd_failure");
    assert_eq!(result.status, ProbeStatus::Discussed);
    assert_eq!(result.evidence, ["TT"]);

    // Production work without a peer verifier is drilled, not proven.
    let mut unverified = incident(
        "INC",
        "storage",
        &["st_ceph_osd_failure"],
        &[("ana", Role::PrimaryResponder)],
    );
    unverified.verifier = None;
    q.evidence.push(unverified);
    assert_eq!(
        probe(&card(&q), "st_ceph_osd_failure").status,
        ProbeStatus::Drilled
    );
    q.evidence.last_mut().unwrap().verifier = Some("vera".into());
    assert_eq!(
        probe(&card(&q), "st_ceph_osd_failure").status,
        ProbeStatus::Proven
    );

    // A game day drills for 12 months.
    let mut game_day = incident(
        "GD",
        "storage",
        &["st_ceph_capacity"],
        &[("ana", Role::HandsOn)],
    );
    game_day.kind = EvidenceKind::GameDay;
    game_day.date = months_ago(13);
    q.evidence.push(game_day);
    assert_eq!(
        probe(&card(&q), "st_ceph_capacity").status,
        ProbeStatus::Weak
    );
    q.evidence.last_mut().unwrap().date = months_ago(11);
    assert_eq!(
        probe(&card(&q), "st_ceph_capacity").status,
        ProbeStatus::Drilled
    );
}

#[test]
fn domain_risk_follows_the_ordered_rules() {
    // NONE needs fresh production work: the same evidence 13 months old
    // leaves the domain at MEDIUM... but proof expires only at 24.
    let mut q = strong_team();
    for e in q
        .evidence
        .iter_mut()
        .filter(|e| e.domains[0] == "identity_rbac")
    {
        e.date = months_ago(13);
    }
    let d = domain(&card(&q), "identity_rbac").clone();
    assert_eq!(d.risk, Risk::Medium, "{}", d.reason);
    assert!(d.reason.contains("13 months ago"), "{}", d.reason);

    // One person at L3 and every critical drilled: MEDIUM (T2).
    let mut q = strong_team();
    for e in q
        .evidence
        .iter_mut()
        .filter(|e| e.domains[0] == "networking")
    {
        e.participants.retain(|p| p.person != "ben");
    }
    let d = domain(&card(&q), "networking").clone();
    assert_eq!((d.team_level, d.risk), (2, Risk::Medium), "{}", d.reason);

    // A critical probe never drilled: HIGH.
    let mut q = strong_team();
    q.evidence.retain(|e| e.probes != ["nw_bridge_vlan"]);
    let d = domain(&card(&q), "networking").clone();
    assert_eq!(d.risk, Risk::High);
    assert_eq!(d.gaps, ["nw_bridge_vlan"]);
    assert!(
        d.reason.contains("never drilled: nw_bridge_vlan"),
        "{}",
        d.reason
    );
}

#[test]
fn a_gate_domain_at_high_means_not_ready() {
    let mut q = strong_team();
    without_domain(&mut q, "backup_restore");
    let c = card(&q);
    assert_eq!(domain(&c, "backup_restore").risk, Risk::High);
    assert_eq!(c.verdict, Verdict::NotReady);
    assert!(
        c.reasons[0].contains("gate domain HIGH: backup_restore"),
        "{:?}",
        c.reasons
    );
}

#[test]
fn three_high_risks_mean_not_ready_and_two_mean_runway() {
    let mut q = strong_team();
    without_domain(&mut q, "observability");
    without_domain(&mut q, "identity_rbac");
    let c = card(&q);
    assert_eq!(c.verdict, Verdict::ReadyWithRunway, "{:?}", c.reasons);
    // T0 and a critical gap: 6 x (3 + 1).
    assert_eq!(c.runway_weeks, 24);
    assert!(
        c.notes.iter().any(|n| n.contains("move wave 1")),
        "{:?}",
        c.notes
    );
    without_domain(&mut q, "scheduling_contention");
    let c = card(&q);
    assert_eq!(c.verdict, Verdict::NotReady);
    assert!(
        c.reasons.iter().any(|r| r.starts_with("3 HIGH risks")),
        "{:?}",
        c.reasons
    );
}

#[test]
fn incident_command_needs_two_recent_commands_each() {
    let mut q = strong_team();
    for e in &mut q.evidence {
        e.participants.retain(|p| p.person != "dev");
    }
    let c = card(&q);
    assert_eq!(c.incident_command.risk, Risk::Medium);
    assert_eq!(c.incident_command.commanders, ["cara"]);
    // One MEDIUM alone does not stop READY.
    assert_eq!(c.verdict, Verdict::Ready);
    for e in &mut q.evidence {
        e.participants.retain(|p| p.person != "cara");
    }
    let c = card(&q);
    assert_eq!(c.incident_command.risk, Risk::High);
    assert_eq!(c.verdict, Verdict::ReadyWithRunway);
}

#[test]
fn the_operating_model_test_weighs_in_only_when_measured() {
    let q = strong_team();
    let with = |steps, bound| crate::score(&q, &scan(steps, bound)).unwrap();
    assert_eq!(with(100, 40).verdict, Verdict::Ready);
    let medium = with(1000, 401);
    assert_eq!(medium.verdict, Verdict::ReadyWithRunway);
    assert_eq!(medium.operating_model.as_ref().unwrap().risk, Risk::Medium);
    // Two layers with bound steps: 2 weeks each.
    assert_eq!(medium.runway_weeks, 4);
    assert_eq!(with(100, 61).operating_model.unwrap().risk, Risk::High);
    let blocked = with(100, 76);
    assert_eq!(blocked.verdict, Verdict::NotReady);
    assert!(
        blocked.reasons[0].contains("Operating Model Test 76%"),
        "{:?}",
        blocked.reasons
    );
    assert!(card(&q).notes[0].contains("not measured"));
}

#[test]
fn declared_signals_must_be_borne_out_by_evidence() {
    let mut q = strong_team();
    // Only ana and ben work hands-on: with two more people on call that is
    // 2 of 4, below 60%.
    let c = card(&q);
    assert!(c.checks.iter().all(|c| c.holds));
    q.people.push(person("eve"));
    q.people.push(person("fay"));
    let c = card(&q);
    let linux = c
        .checks
        .iter()
        .find(|c| c.id == "linux_is_operational_center")
        .unwrap();
    assert!(!linux.holds, "{}", linux.reason);
    assert_eq!(c.verdict, Verdict::ReadyWithRunway);

    let mut q = strong_team();
    for e in q.evidence.iter_mut().filter(|e| e.domains[0] == "storage") {
        e.kind = EvidenceKind::ProductionChange;
        e.severity = None;
    }
    let c = card(&q);
    let check = c
        .checks
        .iter()
        .find(|c| c.id == "operated_without_vmware_abstraction")
        .unwrap();
    assert!(!check.holds);
    assert!(check.reason.contains("storage"), "{}", check.reason);

    let mut q = strong_team();
    let mut s = scan(100, 10);
    if let Some(m) = s.operating_model.as_mut() {
        m.script_steps = 10;
        m.script_vcenter_steps = 6;
    }
    let c = crate::score(&q, &s).unwrap();
    assert!(
        !c.checks
            .iter()
            .find(|c| c.id == "automation_targets_primitives")
            .unwrap()
            .holds
    );
    q.scoping.management_plane = None;
    let c = card(&q);
    let scoping = c
        .checks
        .iter()
        .find(|c| c.id == "scoping_complete")
        .unwrap();
    assert_eq!(scoping.reason, "missing a management plane");
    assert_eq!(c.runway_weeks, 4);
}

#[test]
fn stripping_verifiers_and_artifacts_lowers_every_score() {
    let q = strong_team();
    let before = card(&q);
    let mut stripped = q.clone();
    for e in &mut stripped.evidence {
        e.verifier = None;
        e.artifacts.clear();
    }
    let after = card(&stripped);
    assert!(
        after.index < before.index,
        "{} -> {}",
        before.index,
        after.index
    );
    for (b, a) in before.domains.iter().zip(&after.domains) {
        assert!(a.score < b.score || b.score == 0, "{}", b.domain);
        assert_ne!(a.risk, Risk::None, "{} still clear without proof", a.domain);
    }
    assert_eq!(after.verdict, Verdict::NotReady);
}

#[test]
fn gaps_come_with_actions_naming_probes_and_people() {
    let mut q = strong_team();
    q.evidence.retain(|e| e.probes != ["br_full_vm_restore"]);
    let c = card(&q);
    let action = c
        .actions
        .iter()
        .find(|a| a.probes == ["br_full_vm_restore"])
        .expect("an action for the gap");
    assert!(
        action.text.starts_with("Run a game day on proxmox"),
        "{}",
        action.text
    );
    assert_eq!(action.people.first().map(String::as_str), Some("ana"));
}

#[test]
fn evidence_past_the_horizon_is_not_counted_and_is_noted() {
    let mut q = strong_team();
    q.evidence[0].date = months_ago(61);
    let c = card(&q);
    assert!(c.notes.iter().any(|n| n.contains("INC-0")), "{:?}", c.notes);
    assert!(
        !domain(&c, "management_plane")
            .evidence
            .contains(&"INC-0".to_string())
    );
}

#[test]
fn expertise_needs_command_or_two_facilitated_game_days() {
    let mut q = strong_team();
    q.evidence.clear();
    for n in 0..6 {
        q.evidence.push(incident(
            &format!("INC-{n}"),
            "storage",
            &[],
            &[("ana", Role::PrimaryResponder)],
        ));
    }
    q.evidence[0].participants[0].authored = true;
    let ana = level(&card(&q), "storage", "ana");
    assert!(ana.points >= 50.0, "{ana:?}");
    assert_eq!(ana.level, 4, "{ana:?}");
    assert!(ana.next.contains("command"), "{}", ana.next);
    let mut commanded = incident("CMD", "storage", &[], &[("ana", Role::IncidentCommander)]);
    commanded.date = months_ago(40);
    q.evidence.push(commanded);
    assert_eq!(level(&card(&q), "storage", "ana").level, 5);
}

#[test]
fn more_than_two_medium_risks_leave_a_runway() {
    let mut q = strong_team();
    // Without ben, three domains fall to T2: MEDIUM, not HIGH.
    for domain in ["networking", "observability", "identity_rbac"] {
        for e in q.evidence.iter_mut().filter(|e| e.domains[0] == domain) {
            e.participants.retain(|p| p.person != "ben");
        }
    }
    let c = card(&q);
    let medium: Vec<&str> = c
        .domains
        .iter()
        .filter(|d| d.risk == Risk::Medium)
        .map(|d| d.domain.as_str())
        .collect();
    assert_eq!(medium, ["networking", "observability", "identity_rbac"]);
    assert_eq!(c.verdict, Verdict::ReadyWithRunway);
    assert!(
        c.reasons[0].starts_with("3 MEDIUM risks, at most 2"),
        "{:?}",
        c.reasons
    );
    // T2 without a gap: 6 weeks.
    assert_eq!(c.runway_weeks, 6);
}

#[test]
fn an_item_naming_many_domains_shares_its_points_among_them() {
    let mut q = strong_team();
    q.evidence.clear();
    let mut broad = incident("BROAD", "storage", &[], &[("ana", Role::PrimaryResponder)]);
    broad.domains = vec!["storage".into(), "networking".into(), "migration_ha".into()];
    q.evidence.push(broad);
    q.evidence.push(incident(
        "ONE",
        "storage",
        &[],
        &[("ben", Role::PrimaryResponder)],
    ));
    let c = card(&q);
    let ana = level(&c, "storage", "ana").points;
    let ben = level(&c, "storage", "ben").points;
    assert!((ana * 3.0 - ben).abs() < 0.2, "ana {ana}, ben {ben}");
    let contribution = &level(&c, "networking", "ana").contributions[0];
    assert_eq!(contribution.evidence, "BROAD");
    assert!((contribution.points - ana).abs() < 0.1);
}

#[test]
fn listing_someone_twice_in_one_item_counts_once() {
    let mut q = strong_team();
    q.evidence.clear();
    let once = incident("INC", "storage", &[], &[("ana", Role::PrimaryResponder)]);
    q.evidence.push(once.clone());
    let single = level(&card(&q), "storage", "ana");
    let mut many = once;
    for _ in 0..5 {
        many.participants.push(part("ana", Role::PrimaryResponder));
    }
    many.participants.push(part("ana", Role::IncidentCommander));
    q.evidence = vec![many];
    let c = card(&q);
    let repeated = level(&c, "storage", "ana");
    assert_eq!(repeated.points, single.points);
    assert_eq!(repeated.level, single.level);
    assert_eq!(
        c.incident_command.risk,
        Risk::High,
        "the commander was also the responder"
    );
}

#[test]
fn only_hands_on_work_that_transfers_to_kvm_drills_a_probe() {
    let mut q = strong_team();
    q.evidence.clear();
    let mut watched = incident(
        "GD",
        "storage",
        &["st_ceph_capacity"],
        &[("ana", Role::Observer)],
    );
    watched.kind = EvidenceKind::GameDay;
    q.evidence.push(watched);
    assert_eq!(
        probe(&card(&q), "st_ceph_capacity").status,
        ProbeStatus::Weak
    );

    // Linux storage work carries over; Linux "fencing" does not.
    let mut linux = incident(
        "LX",
        "storage",
        &["st_ceph_osd_failure"],
        &[("ana", Role::PrimaryResponder)],
    );
    linux.platform_class = PlatformClass::Linux;
    let mut fencing = incident(
        "LX-HA",
        "migration_ha",
        &["mh_ha_fencing"],
        &[("ana", Role::PrimaryResponder)],
    );
    fencing.platform_class = PlatformClass::Linux;
    q.evidence = vec![linux, fencing];
    let c = card(&q);
    assert_eq!(probe(&c, "st_ceph_osd_failure").status, ProbeStatus::Proven);
    assert_eq!(probe(&c, "mh_ha_fencing").status, ProbeStatus::Weak);
}

#[test]
fn undeclared_storage_backends_switch_every_backend_probe_on() {
    let mut q = strong_team();
    // A Ceph team with no evidence for the other backends' probes.
    let others = [
        "st_nfs_failover",
        "st_iscsi_multipath",
        "st_pool_exhaustion",
    ];
    q.evidence
        .retain(|e| !e.probes.iter().any(|p| others.contains(&p.as_str())));
    assert_eq!(card(&q).verdict, Verdict::Ready);
    q.scoping.storage_backends.clear();
    let c = card(&q);
    for id in [
        "st_nfs_failover",
        "st_iscsi_multipath",
        "st_pool_exhaustion",
    ] {
        assert_eq!(probe(&c, id).status, ProbeStatus::Missing, "{id}");
    }
    assert_eq!(domain(&c, "storage").risk, Risk::High);
    let scoping = c
        .checks
        .iter()
        .find(|c| c.id == "scoping_complete")
        .unwrap();
    assert!(
        scoping.reason.contains("the storage backends"),
        "{}",
        scoping.reason
    );
}

#[test]
fn a_scan_without_steps_measures_nothing() {
    let q = strong_team();
    let c = crate::score(&q, &scan(0, 0)).unwrap();
    assert!(c.operating_model.is_none());
    assert!(
        c.notes.iter().any(|n| n.contains("no runbook steps")),
        "{:?}",
        c.notes
    );
    assert!(
        c.reasons.iter().any(|r| r.contains("runbooks not checked")),
        "{:?}",
        c.reasons
    );
}

#[test]
fn domain_scores_and_the_index_follow_the_formula() {
    let mut q = strong_team();
    q.evidence.clear();
    // A fresh sev2 incident: Ana 11.5 points, Ben 8.05 (hands-on); the
    // storage score is 100 x 19.55 / 90 = 22; the index weighs storage
    // 20 of 100: 4.4, so 4.
    q.evidence.push(incident(
        "INC",
        "storage",
        &[],
        &[("ana", Role::PrimaryResponder), ("ben", Role::HandsOn)],
    ));
    q.evidence[0].date = AS_OF;
    let c = card(&q);
    assert_eq!(domain(&c, "storage").score, 22);
    assert_eq!(c.index, 4);
    let ana = level(&c, "storage", "ana");
    assert_eq!(ana.points, 11.5, "a sev2 incident: 10 x 1.15");
}

#[test]
fn a_wave_already_started_and_an_empty_rota_are_named() {
    let mut q = strong_team();
    q.scoping.waves[0].starts = months_ago(2);
    for p in &mut q.people {
        p.on_call = false;
    }
    let c = card(&q);
    assert!(c.weeks_to_wave1.is_some_and(|w| w < 0));
    assert!(
        c.notes.iter().any(|n| n.starts_with("Wave 1 started")),
        "{:?}",
        c.notes
    );
    let linux = c
        .checks
        .iter()
        .find(|c| c.id == "linux_is_operational_center")
        .unwrap();
    assert!(!linux.holds);
    assert_eq!(linux.reason, "nobody is marked on call");
}
