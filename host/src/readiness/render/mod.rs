//! The scorecard in each output format. JSON is the full record; the
//! others show the same results for people, each with the evidence ids
//! behind it.

pub mod html;
pub mod markdown;
pub mod terminal;

use std::io::{self, Write};

use super::card::Scorecard;

/// Each card with `separator` between them.
pub fn each(
    cards: &[Scorecard],
    separator: &str,
    out: &mut dyn Write,
    one: fn(&Scorecard, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    for (i, card) in cards.iter().enumerate() {
        if i > 0 {
            writeln!(out, "{separator}")?;
        }
        one(card, out)?;
    }
    Ok(())
}

/// One scorecard as an object, several as an array.
pub fn json(cards: &[Scorecard], out: &mut dyn Write) -> io::Result<()> {
    match cards {
        [one] => serde_json::to_writer_pretty(&mut *out, one)?,
        many => serde_json::to_writer_pretty(&mut *out, many)?,
    }
    writeln!(out)
}

/// A person's level in a domain for the grids: `L0`..`L5`, or `·` when
/// no evidence of theirs counts there at all.
pub fn level_label(domain: &super::card::DomainCard, person: &str) -> String {
    match domain.people.iter().find(|p| p.person == person) {
        Some(p) if p.points > 0.0 => format!("L{}", p.level),
        _ => "·".into(),
    }
}

/// The headline after the verdict: index, runway against wave 1.
pub fn headline(card: &Scorecard) -> String {
    let mut line = format!(
        "readiness index {}/100, runway {} weeks",
        card.index, card.runway_weeks
    );
    match card.weeks_to_wave1 {
        Some(w) if w >= 0 && i64::from(card.runway_weeks) > i64::from(w) => {
            line.push_str(&format!(", PAST wave 1 in {w} weeks"))
        }
        Some(w) if w >= 0 => line.push_str(&format!(", wave 1 in {w} weeks")),
        Some(w) => line.push_str(&format!(", wave 1 started {} weeks ago", -w)),
        None => {}
    }
    line
}

/// The team's plan and context in one line.
pub fn plan(card: &Scorecard) -> String {
    let s = &card.scoping;
    let mut parts = vec![match &s.management_plane {
        Some(m) if m != "undecided" => format!("management plane {m}"),
        _ => "management plane undecided".to_string(),
    }];
    parts.push(if s.storage_backends.is_empty() {
        "storage backends not declared".to_string()
    } else {
        format!("storage {}", s.storage_backends.join(", "))
    });
    if let Some(w) = s.waves.iter().min_by(|a, b| a.starts.cmp(&b.starts)) {
        parts.push(format!("wave 1 \"{}\" on {}", w.name, w.starts));
    }
    if s.sovereignty_or_cost_driver {
        parts.push("sovereignty or cost driver".into());
    }
    parts.push(format!("{}% greenfield", s.greenfield_percent));
    parts.join(" · ")
}

/// What the symbols mean, for the formats people read.
pub const LEGEND: &str = "Levels per person and domain: L1 novice, L2 supervised (recent production work on the primitives), L3 independent (hands-on, with an artifact), L4 proficient, L5 expert; · no evidence. Team levels: T3 needs two people at L3 or above, T4 more depth. Probes: proven (production, peer-verified), drilled (game day or unverified production work on the primitives), discussed (tabletop, lab), weak (through vCenter, a vendor, a platform tool, stale), missing. Domain scores (0-100) and the index are for trends; the verdict comes from the rules.";

/// People at L3 or above in a domain, by name.
pub fn independent(card: &Scorecard, domain: &super::card::DomainCard) -> Vec<String> {
    domain
        .people
        .iter()
        .filter(|p| p.level >= 3)
        .map(|p| card.person_name(&p.person).to_string())
        .collect()
}

/// The qualified incident commanders by name, or `none`.
pub fn commanders(card: &Scorecard) -> String {
    let names: Vec<&str> = card
        .incident_command
        .commanders
        .iter()
        .map(|c| card.person_name(c))
        .collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

pub fn check_label(id: &str) -> &str {
    match id {
        "linux_is_operational_center" => "Linux is the operational centre",
        "automation_targets_primitives" => "Automation targets primitives",
        "operated_without_vmware_abstraction" => "Operated without VMware's abstraction",
        "scoping_complete" => "Scoping complete",
        other => other,
    }
}
