//! The scorecard in each output format. JSON is the full record; the
//! others show the same results for people, each with the evidence ids
//! behind it.

pub mod html;
pub mod markdown;
pub mod terminal;

use std::io::{self, Write};

use super::card::Scorecard;

/// One scorecard as an object, several as an array.
pub fn json(cards: &[Scorecard], out: &mut dyn Write) -> io::Result<()> {
    match cards {
        [one] => serde_json::to_writer_pretty(&mut *out, one)?,
        many => serde_json::to_writer_pretty(&mut *out, many)?,
    }
    writeln!(out)
}

/// `L3` or `-` for nobody.
pub fn level_label(level: u8) -> String {
    if level == 0 {
        "-".into()
    } else {
        format!("L{level}")
    }
}

/// People at L3 or above in a domain, by name.
pub fn independent(card: &Scorecard, domain: &super::card::DomainCard) -> Vec<String> {
    domain
        .people
        .iter()
        .filter(|p| p.level >= 3)
        .map(|p| card.person_name(&p.person).to_string())
        .collect()
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
