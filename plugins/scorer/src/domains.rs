//! One domain's result: its people, probes, team level, risk and score.

use opgap_pdk::readiness::{DomainResult, PersonLevel, ProbeStatus, Risk};

use crate::bank::{self, Domain};
use crate::context::{Context, unique_ids};
use crate::factors::{is_hands, is_production, transfers};
use crate::people::{standing, team_level};
use crate::probes;

/// Share of applicable probes a NONE-risk domain has drilled or proven.
const DRILLED_SHARE_FOR_NONE: f64 = 0.6;
/// A NONE-risk domain had production primitive work this recently.
const FRESH_MONTHS: f64 = 12.0;
/// Each person's points count up to this in the domain score.
const SCORE_CAP: f64 = 30.0;
const SCORE_PEOPLE: usize = 3;

/// What the rules and actions need beyond the published result.
pub struct Facts {
    pub drilled_share: f64,
    /// Months since the last production work on the primitives, if any.
    pub months_since_production: Option<f64>,
}

pub fn score(ctx: &Context, domain: &Domain) -> (DomainResult, Facts) {
    let people: Vec<PersonLevel> = ctx
        .questionnaire
        .people
        .iter()
        .map(|p| standing(ctx, &p.id, domain.id))
        .collect();
    let team = team_level(&people.iter().map(|p| p.level).collect::<Vec<_>>());

    let probes: Vec<_> = bank::PROBES
        .iter()
        .filter(|p| p.domain == domain.id)
        .map(|p| probes::result(ctx, p))
        .collect();
    let applicable: Vec<_> = probes
        .iter()
        .filter(|p| p.status != ProbeStatus::NotApplicable)
        .collect();
    let drilled = applicable
        .iter()
        .filter(|p| matches!(p.status, ProbeStatus::Proven | ProbeStatus::Drilled))
        .count();
    let drilled_share = if applicable.is_empty() {
        1.0
    } else {
        drilled as f64 / applicable.len() as f64
    };
    let critical = || applicable.iter().filter(|p| p.critical);
    let gaps: Vec<String> = critical()
        .filter(|p| p.status != ProbeStatus::Proven)
        .map(|p| p.probe.clone())
        .collect();
    let all_critical_drilled =
        critical().all(|p| matches!(p.status, ProbeStatus::Proven | ProbeStatus::Drilled));

    let months_since_production = ctx
        .in_domain(domain.id)
        .filter(|i| {
            is_production(i.evidence.kind)
                && transfers(i.evidence, domain.id, 0.6)
                && i.evidence.participants.iter().any(|p| is_hands(p.role))
        })
        .map(|i| i.age)
        .reduce(f64::min);
    let fresh = months_since_production.is_some_and(|m| m <= FRESH_MONTHS);

    let (risk, reason) = if gaps.is_empty()
        && team >= 3
        && drilled_share >= DRILLED_SHARE_FOR_NONE
        && fresh
    {
        (
            Risk::None,
            format!(
                "every critical probe proven, T{team}, {:.0}% of probes drilled or proven, production work on the primitives {}",
                drilled_share * 100.0,
                crate::time::months_ago(months_since_production.unwrap_or_default())
            ),
        )
    } else if all_critical_drilled && team >= 2 {
        let mut why = Vec::new();
        if !gaps.is_empty() {
            why.push(format!("{} drilled, not proven", gaps.join(", ")));
        }
        if team < 3 {
            why.push(format!("T{team}: one person at L3 or above, two needed"));
        }
        if drilled_share < DRILLED_SHARE_FOR_NONE {
            why.push(format!(
                "{:.0}% of probes drilled or proven, 60% needed",
                drilled_share * 100.0
            ));
        }
        if !fresh {
            why.push(match months_since_production {
                Some(m) => format!(
                    "last production work on the primitives {}",
                    crate::time::months_ago(m)
                ),
                None => "no production work on the primitives".into(),
            });
        }
        (
            Risk::Medium,
            format!(
                "every critical probe drilled or proven and T{team}, but: {}",
                why.join("; ")
            ),
        )
    } else {
        let mut why = Vec::new();
        let undrilled: Vec<&str> = critical()
            .filter(|p| !matches!(p.status, ProbeStatus::Proven | ProbeStatus::Drilled))
            .map(|p| p.probe.as_str())
            .collect();
        if !undrilled.is_empty() {
            why.push(format!("never drilled: {}", undrilled.join(", ")));
        }
        if team < 2 {
            why.push(format!("T{team}: nobody at L3 or above"));
        }
        (Risk::High, why.join("; "))
    };

    let mut best: Vec<f64> = people.iter().map(|p| p.points.min(SCORE_CAP)).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let top: f64 = best.iter().take(SCORE_PEOPLE).sum();
    let score = (100.0 * top / (SCORE_CAP * SCORE_PEOPLE as f64)).round() as u8;

    // In file order for readers: the questionnaire's items that any
    // person or probe of the domain cites.
    let cited: std::collections::BTreeSet<&str> = people
        .iter()
        .flat_map(|p| p.evidence.iter())
        .chain(probes.iter().flat_map(|p| p.evidence.iter()))
        .map(String::as_str)
        .collect();
    let evidence = unique_ids(
        ctx.questionnaire
            .evidence
            .iter()
            .map(|e| e.id.as_str())
            .filter(|id| cited.contains(id)),
    );

    (
        DomainResult {
            domain: domain.id.to_string(),
            risk,
            team_level: team,
            score,
            reason,
            people,
            probes,
            gaps,
            evidence,
        },
        Facts {
            drilled_share,
            months_since_production,
        },
    )
}
