//! Person levels per domain (L0 to L5) and the team level they add up to.
//!
//! Points alone never lift a level: each level above L1 has a gate that
//! only recent production work on the primitives of a platform that stays
//! can open.

use std::collections::BTreeMap;

use opgap_pdk::readiness::{Contribution, EvidenceKind, PersonLevel, Role};

use crate::context::{Context, unique_ids};
use crate::factors::{Cap, is_hands, is_production, points, transfers};

/// "Recent" for the gates and for proof.
pub const RECENT_MONTHS: f64 = 24.0;

const LEVEL_POINTS: [f64; 5] = [2.0, 6.0, 15.0, 30.0, 50.0];
/// One person's points and level in one domain.
pub fn standing(ctx: &Context, person: &str, domain: &str) -> PersonLevel {
    let mine: Vec<_> = ctx.taken_part(person, domain).collect();

    let mut uncapped = 0.0;
    let mut capped: BTreeMap<Cap, f64> = BTreeMap::new();
    let mut evidence = Vec::new();
    let mut contributions = Vec::new();
    for (item, part) in &mine {
        let earned = points(item.evidence, part, domain, item.age);
        if earned <= 0.0 {
            continue;
        }
        evidence.push(item.evidence.id.as_str());
        let cap = Cap::of(item.evidence);
        match cap {
            Some(cap) => *capped.entry(cap).or_default() += earned,
            None => uncapped += earned,
        }
        contributions.push(Contribution {
            evidence: item.evidence.id.clone(),
            points: (earned * 100.0).round() / 100.0,
            capped_in: cap.map_or("", Cap::name).to_string(),
        });
    }
    let total = uncapped
        + capped
            .iter()
            .map(|(cap, sum)| sum.min(cap.limit()))
            .sum::<f64>();

    let recent_production = |role_ok: &dyn Fn(Role) -> bool, with_artifact: bool, transfer: f64| {
        mine.iter().any(|(item, part)| {
            is_production(item.evidence.kind)
                && transfers(item.evidence, domain, transfer)
                && item.age <= RECENT_MONTHS
                && role_ok(part.role)
                && (!with_artifact || !item.evidence.artifacts.is_empty())
        })
    };
    let gate2 = recent_production(&|r| r != Role::Observer, false, 0.5);
    let gate3 = recent_production(&is_hands, true, 0.6);
    let led_incidents: Vec<_> = mine
        .iter()
        .filter(|(item, part)| {
            item.evidence.kind == EvidenceKind::ProductionIncident
                && part.role == Role::PrimaryResponder
                && transfers(item.evidence, domain, 0.6)
        })
        .collect();
    let facilitated_game_days = mine
        .iter()
        .filter(|(item, part)| {
            item.evidence.kind == EvidenceKind::GameDay && part.role == Role::Facilitator
        })
        .count();
    let authored = mine.iter().any(|(item, part)| {
        part.authored
            && (is_production(item.evidence.kind) || item.evidence.kind == EvidenceKind::GameDay)
    });
    let gate4 = led_incidents.len() >= 2
        && led_incidents.iter().any(|(item, _)| {
            matches!(
                item.evidence.severity,
                Some(opgap_pdk::readiness::IncidentSeverity::Sev1)
                    | Some(opgap_pdk::readiness::IncidentSeverity::Sev2)
            )
        })
        && led_incidents
            .iter()
            .any(|(item, _)| item.age <= RECENT_MONTHS)
        && (authored || facilitated_game_days > 0);
    let commanded = mine.iter().any(|(item, part)| {
        item.evidence.kind == EvidenceKind::ProductionIncident
            && part.role == Role::IncidentCommander
    });
    let gate5 = gate4 && (commanded || facilitated_game_days >= 2);

    let gates: [(bool, &str); 5] = [
        (true, ""),
        (
            gate2,
            "production work at the primitive layer on KVM or Linux in the last 24 months",
        ),
        (
            gate3,
            "hands-on production work at the primitive layer on KVM or Linux in the last 24 months, with an artifact",
        ),
        (
            gate4,
            "two production incidents led at the primitive layer on KVM or Linux (one sev1/sev2, one in 24 months) and a postmortem, runbook or game day of their own",
        ),
        (
            gate5,
            "command of a production incident or two game days facilitated in this domain",
        ),
    ];
    let mut level = 0u8;
    let mut next = String::new();
    for (i, (open, needs)) in gates.iter().enumerate() {
        let target = i + 1;
        if total < LEVEL_POINTS[i] {
            next = format!(
                "L{target} needs {} points, has {:.1}",
                LEVEL_POINTS[i], total
            );
            break;
        }
        if !open {
            next = format!("L{target} needs {needs}");
            break;
        }
        level = target as u8;
    }
    PersonLevel {
        person: person.to_string(),
        level,
        points: (total * 10.0).round() / 10.0,
        evidence: unique_ids(evidence),
        contributions,
        next,
    }
}

/// The team's level in a domain, from its people's: depth that one
/// person's absence would take away does not count.
pub fn team_level(levels: &[u8]) -> u8 {
    let at_least = |l: u8| levels.iter().filter(|&&x| x >= l).count();
    let (n4, n3, n2) = (at_least(4), at_least(3), at_least(2));
    if n4 >= 2 || (n4 >= 1 && n3 >= 3) {
        4
    } else if n3 >= 2 {
        3
    } else if n3 == 1 {
        2
    } else if n2 >= 1 {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_expert_is_not_a_team() {
        assert_eq!(team_level(&[5, 1, 0]), 2);
        assert_eq!(team_level(&[3, 3, 0]), 3);
        assert_eq!(team_level(&[4, 3, 3]), 4);
        assert_eq!(team_level(&[4, 4]), 4);
        assert_eq!(team_level(&[4, 3, 2]), 3);
        assert_eq!(team_level(&[2, 2, 1]), 1);
        assert_eq!(team_level(&[1, 1, 0]), 0);
        assert_eq!(team_level(&[]), 0);
    }
}
