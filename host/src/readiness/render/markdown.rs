//! The scorecard as Markdown, for a pull request or a wiki page.

use std::io::{self, Write};

use super::{LEGEND, check_label, headline, independent, level_label, plan};
use crate::readiness::card::Scorecard;

pub fn write(cards: &[Scorecard], out: &mut dyn Write) -> io::Result<()> {
    super::each(cards, "\n---\n", out, write_one)
}

/// Table cells cannot hold `|` or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn ids(ids: &[String]) -> String {
    if ids.is_empty() {
        "–".into()
    } else {
        ids.iter()
            .map(|i| format!("`{}`", cell(i)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn write_one(card: &Scorecard, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Readiness: {}\n", cell(&card.team))?;
    writeln!(
        out,
        "**{}**, {}. As of {}, from `{}` ({}).\n",
        card.verdict.label(),
        headline(card),
        card.assessed_on,
        card.file,
        card.model
    )?;
    for r in &card.reasons {
        writeln!(out, "- {}", cell(r))?;
    }
    writeln!(out, "\nPlan: {}.", cell(&plan(card)))?;

    writeln!(out, "\n## Domains\n")?;
    writeln!(
        out,
        "| Domain | Risk | Team | Score | Independent (L3+) | Gaps | Why | Evidence |"
    )?;
    writeln!(out, "|---|---|---|---:|---|---|---|---|")?;
    for d in &card.domains {
        writeln!(
            out,
            "| {}{} | {} | T{} | {} | {} | {} | {} | {} |",
            cell(&d.name),
            if d.gate { " (gate)" } else { "" },
            d.risk.label(),
            d.team_level,
            d.score,
            cell(&independent(card, d).join(", ")),
            ids(&d.gaps),
            cell(&d.reason),
            ids(&d.evidence)
        )?;
    }
    let ic = &card.incident_command;
    writeln!(
        out,
        "\nIncident command: **{}** (commanders: {}; evidence {}).",
        ic.risk.label(),
        super::commanders(card),
        ids(&ic.evidence)
    )?;
    match &card.operating_model {
        Some(m) => writeln!(
            out,
            "Operating Model Test: **{}**, {:.0}%: {}.",
            m.risk.label(),
            m.percent,
            cell(&m.reason)
        )?,
        None => writeln!(out, "Operating Model Test: not measured (`--scan`).")?,
    }

    writeln!(out, "\n## Levels (person × domain)\n")?;
    write!(out, "| Person |")?;
    for d in &card.domains {
        write!(out, " {} |", cell(&d.name))?;
    }
    writeln!(out)?;
    write!(out, "|---|")?;
    for _ in &card.domains {
        write!(out, "---|")?;
    }
    writeln!(out)?;
    for p in &card.people {
        write!(out, "| {} |", cell(&p.name))?;
        for d in &card.domains {
            match d.people.iter().find(|x| x.person == p.id) {
                Some(l) if l.points > 0.0 => {
                    write!(out, " {} ({:.1}) |", level_label(d, &p.id), l.points)?
                }
                _ => write!(out, " {} |", level_label(d, &p.id))?,
            }
        }
        writeln!(out)?;
    }

    writeln!(out, "\n## Probes\n")?;
    writeln!(out, "| Domain | Probe | Critical | Status | Evidence |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for d in &card.domains {
        for p in &d.probes {
            writeln!(
                out,
                "| {} | `{}` {} | {} | {} | {} |",
                cell(&d.name),
                p.id,
                cell(&p.situation),
                if p.critical { "yes" } else { "" },
                p.status.label(),
                ids(&p.evidence)
            )?;
        }
    }

    writeln!(out, "\n## Checks\n")?;
    for c in &card.checks {
        writeln!(
            out,
            "- {} **{}**: {}{}",
            if c.holds { "✅" } else { "❌" },
            check_label(&c.id),
            cell(&c.reason),
            if c.evidence.is_empty() {
                String::new()
            } else {
                format!(" ({})", ids(&c.evidence))
            }
        )?;
    }

    if !card.actions.is_empty() {
        writeln!(out, "\n## Actions\n")?;
        for (i, a) in card.actions.iter().enumerate() {
            let who: Vec<&str> = a.people.iter().map(|p| card.person_name(p)).collect();
            writeln!(
                out,
                "{}. {}{}{}",
                i + 1,
                a.domain
                    .as_deref()
                    .map(|d| format!("**{d}**: "))
                    .unwrap_or_default(),
                cell(&a.text),
                if who.is_empty() {
                    String::new()
                } else {
                    format!(" (who: {})", who.join(", "))
                }
            )?;
        }
    }
    if card.trend.len() > 1 {
        writeln!(out, "\n## Trend\n")?;
        writeln!(out, "| As of | Verdict | Index | Runway | HIGH |")?;
        writeln!(out, "|---|---|---:|---:|---|")?;
        for t in &card.trend {
            writeln!(
                out,
                "| {} | {} | {} | {} weeks | {} |",
                t.assessed_on,
                t.verdict.label(),
                t.index,
                t.runway_weeks,
                t.high_risks()
            )?;
        }
    }
    if !card.notes.is_empty() {
        writeln!(out, "\n## Notes\n")?;
        for n in &card.notes {
            writeln!(out, "- {}", cell(n))?;
        }
    }
    writeln!(out, "\n## Evidence\n")?;
    writeln!(
        out,
        "| Id | Kind | Date | Platform | Layer | Who | Verifier | Artifacts | Summary |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
    for e in &card.evidence {
        writeln!(
            out,
            "| `{}` line {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&e.id),
            e.line,
            e.kind.label(),
            e.date,
            cell(&e.platform),
            e.layer.map_or("", |l| l.label()),
            cell(&who(card, e)),
            e.verifier
                .as_deref()
                .map_or("none".to_string(), |v| cell(card.person_name(v))),
            if e.artifacts.is_empty() {
                "none".to_string()
            } else {
                e.artifacts
                    .iter()
                    .map(|a| format!("<{}>", cell(a)))
                    .collect::<Vec<_>>()
                    .join(" ")
            },
            cell(e.summary.as_deref().unwrap_or(""))
        )?;
    }
    writeln!(out, "\n_{LEGEND}_")?;
    Ok(())
}

/// Who took part, by name and role.
pub fn who(card: &Scorecard, e: &crate::readiness::card::EvidenceRef) -> String {
    e.participants
        .iter()
        .map(|p| format!("{} ({})", card.person_name(&p.person), p.role.label()))
        .collect::<Vec<_>>()
        .join(", ")
}
