//! The scorecard on a terminal: verdict first, then the domains, the
//! person × domain levels, checks, actions and the trend.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{check_label, headline, independent, level_label, plan};
use crate::readiness::card::{Risk, Scorecard, Verdict};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
/// The terminal shows the most urgent actions; the other formats all.
const SHOWN_ACTIONS: usize = 12;

fn color(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(anstyle::Color::Ansi(c))).bold()
}

fn risk_style(r: Risk) -> Style {
    match r {
        Risk::High => color(AnsiColor::Red),
        Risk::Medium => color(AnsiColor::Yellow),
        Risk::None => color(AnsiColor::Green),
    }
}

fn verdict_style(v: Verdict) -> Style {
    match v {
        Verdict::NotReady => color(AnsiColor::Red),
        Verdict::ReadyWithRunway => color(AnsiColor::Yellow),
        Verdict::Ready => color(AnsiColor::Green),
    }
}

pub fn write(cards: &[Scorecard], out: &mut dyn Write) -> io::Result<()> {
    super::each(cards, "\n", out, write_one)
}

fn write_one(card: &Scorecard, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} {DIM}as of {} ({}, {}){DIM:#}",
        card.team, card.assessed_on, card.file, card.model
    )?;
    let v = verdict_style(card.verdict);
    writeln!(out, "{v}{}{v:#}  {}", card.verdict.label(), headline(card))?;
    for r in &card.reasons {
        writeln!(out, "  {r}")?;
    }
    writeln!(out, "  {DIM}{}{DIM:#}", plan(card))?;

    writeln!(out, "\n{BOLD}Domains{BOLD:#}")?;
    writeln!(
        out,
        "  {:<28} {:<6} {:<4} {:>5}  independent (L3+)",
        "domain", "risk", "team", "score"
    )?;
    for d in &card.domains {
        let r = risk_style(d.risk);
        let name = if d.gate {
            format!("{} (gate)", d.name)
        } else {
            d.name.clone()
        };
        let people = independent(card, d);
        writeln!(
            out,
            "  {:<28} {r}{:<6}{r:#} T{:<3} {:>5}  {}",
            name,
            d.risk.label(),
            d.team_level,
            d.score,
            if people.is_empty() {
                "nobody".into()
            } else {
                people.join(", ")
            }
        )?;
        if d.risk != Risk::None {
            writeln!(out, "  {DIM}  {}{DIM:#}", d.reason)?;
        }
    }
    let ic = &card.incident_command;
    let r = risk_style(ic.risk);
    writeln!(
        out,
        "  {:<28} {r}{:<6}{r:#} commanders: {}",
        "Incident command",
        ic.risk.label(),
        super::commanders(card)
    )?;
    match &card.operating_model {
        Some(m) => {
            let r = risk_style(m.risk);
            writeln!(
                out,
                "  {:<28} {r}{:<6}{r:#} {:.0}%: {}",
                "Operating Model Test",
                m.risk.label(),
                m.percent,
                m.reason
            )?;
        }
        None => writeln!(
            out,
            "  {:<28} not measured (--scan)",
            "Operating Model Test"
        )?,
    }

    writeln!(out, "\n{BOLD}Levels{BOLD:#} {DIM}(person × domain){DIM:#}")?;
    write!(out, "  {:<16}", "")?;
    for d in &card.domains {
        write!(out, " {:>5}", short(&d.id))?;
    }
    writeln!(out)?;
    for p in &card.people {
        write!(out, "  {:<16}", p.name)?;
        for d in &card.domains {
            write!(out, " {:>5}", level_label(d, &p.id))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "\n{BOLD}Checks{BOLD:#}")?;
    for c in &card.checks {
        let (mark, style) = if c.holds {
            ("yes", color(AnsiColor::Green))
        } else {
            ("no ", color(AnsiColor::Red))
        };
        writeln!(
            out,
            "  {style}{mark}{style:#} {:<38} {DIM}{}{DIM:#}",
            check_label(&c.id),
            c.reason
        )?;
    }

    if !card.actions.is_empty() {
        writeln!(
            out,
            "\n{BOLD}Actions{BOLD:#} {DIM}(most urgent first){DIM:#}"
        )?;
        for (i, a) in card.actions.iter().take(SHOWN_ACTIONS).enumerate() {
            let domain = a
                .domain
                .as_deref()
                .map(|d| format!("[{d}] "))
                .unwrap_or_default();
            writeln!(out, "  {:>2}. {domain}{}", i + 1, a.text)?;
            if !a.people.is_empty() {
                let names: Vec<&str> = a.people.iter().map(|p| card.person_name(p)).collect();
                writeln!(out, "      {DIM}who: {}{DIM:#}", names.join(", "))?;
            }
        }
        if card.actions.len() > SHOWN_ACTIONS {
            writeln!(
                out,
                "  {DIM}... and {} more in --format markdown, html or json{DIM:#}",
                card.actions.len() - SHOWN_ACTIONS
            )?;
        }
    }
    if card.trend.len() > 1 {
        writeln!(out, "\n{BOLD}Trend{BOLD:#}")?;
        for t in &card.trend {
            let v = verdict_style(t.verdict);
            writeln!(
                out,
                "  {}  {v}{:<17}{v:#} index {:>3}  runway {:>2} weeks  HIGH: {}",
                t.assessed_on,
                t.verdict.label(),
                t.index,
                t.runway_weeks,
                t.high_risks()
            )?;
        }
    }
    for n in &card.notes {
        writeln!(out, "\n{DIM}note: {n}{DIM:#}")?;
    }
    writeln!(
        out,
        "\n{DIM}Every result above lists its evidence ids in --format json; this scorecard is for planning, not for ranking people.{DIM:#}"
    )
}

/// Column headings for the level grid.
pub fn short(domain: &str) -> &str {
    match domain {
        "management_plane" => "mgmt",
        "storage" => "stor",
        "networking" => "net",
        "observability" => "obs",
        "backup_restore" => "bkup",
        "scheduling_contention" => "sched",
        "identity_rbac" => "ident",
        "migration_ha" => "ha",
        other => other,
    }
}
