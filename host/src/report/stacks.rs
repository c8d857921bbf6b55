//! The management-plane decision in the terminal: one row per stack, best
//! first, then the reasons: what costs most, what has no equivalent, and
//! the monitoring signals to rebuild.

use std::io::{self, Write};

use anstyle::Style;

use crate::stacks::Decision;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Constructs named per list before "and N more".
const SHOWN: usize = 8;

pub fn write(decision: &Decision, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{} steps{BOLD:#} (one construct in one file) weighed on four management planes, best first:\n",
        decision.steps
    )?;
    writeln!(
        out,
        "  {BOLD}{:<4} {:<10} {:>6} {:>10} {:>7} {:>4} {:>12}{BOLD:#}",
        "rank", "stack", "effort", "equivalent", "partial", "none", "untranslated"
    )?;
    for (i, s) in decision.ranking.iter().enumerate() {
        writeln!(
            out,
            "  {:<4} {:<10} {:>6} {:>10} {:>7} {:>4} {:>12}",
            i + 1,
            s.stack,
            s.effort,
            s.equivalent,
            s.partial,
            s.none,
            s.untranslated
        )?;
    }
    for (i, s) in decision.ranking.iter().enumerate() {
        writeln!(out, "\n{BOLD}{}. {}{BOLD:#}", i + 1, s.stack)?;
        for reason in &s.reasons {
            writeln!(out, "  {reason}")?;
        }
        let list = |items: &[crate::stacks::ConstructCount]| {
            let mut shown: Vec<String> = items
                .iter()
                .take(SHOWN)
                .map(|c| {
                    let steps = if c.steps == 1 { "step" } else { "steps" };
                    format!("{} ({} {steps}, {} pts)", c.construct, c.steps, c.effort)
                })
                .collect();
            if items.len() > SHOWN {
                shown.push(format!("and {} more (--format json)", items.len() - SHOWN));
            }
            shown.join(", ")
        };
        if !s.costliest.is_empty() {
            writeln!(out, "  {DIM}costliest:{DIM:#} {}", list(&s.costliest))?;
        }
        if !s.no_equivalent.is_empty() {
            writeln!(
                out,
                "  {DIM}no equivalent:{DIM:#} {}",
                list(&s.no_equivalent)
            )?;
        }
        if !s.monitoring.is_empty() {
            writeln!(out, "  {DIM}monitoring rebuild:{DIM:#}")?;
            for m in &s.monitoring {
                writeln!(out, "    {}: {}", m.construct, m.signal)?;
            }
        }
    }
    writeln!(
        out,
        "\n{DIM}Effort points per step: 1 swap the command, 3 rewrite the step, 8 adopt a tool, 13 redesign. `opgap scan --stack STACK` shows each translation.{DIM:#}"
    )
}
