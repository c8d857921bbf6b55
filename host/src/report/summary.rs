//! The summary a scan opens with in the terminal: the Operating Model Test
//! by failure surface, the top layers, per repository when there are
//! several, and the blocking items on the stack asked for.

use std::io::{self, Write};

use anstyle::Style;

use super::{ScanReport, percent};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const BAR_WIDTH: usize = 24;
const TOP_LAYERS: usize = 5;
const BLOCKING_SHOWN: usize = 8;

pub fn write(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let t = &report.operating_model;
    if t.steps == 0 {
        return Ok(());
    }
    writeln!(
        out,
        "{BOLD}Operating Model Test:{BOLD:#} if vCenter disappeared tomorrow, {BOLD}{}{BOLD:#} of these runbook steps go with it ({} of {}).",
        percent(t.share),
        t.dependent,
        t.steps
    )?;
    for s in &t.surfaces {
        writeln!(
            out,
            "  {:<20} {DIM}{:<11}{DIM:#} {} {:>4}  {} step{}",
            s.name,
            format!("day {}", s.days),
            bar(s.share),
            percent(s.share),
            s.steps,
            if s.steps == 1 { "" } else { "s" }
        )?;
    }
    if !t.layers.is_empty() {
        let top: Vec<String> = t
            .layers
            .iter()
            .take(TOP_LAYERS)
            .map(|l| format!("{} {}", l.name, l.steps))
            .collect();
        writeln!(out, "  {DIM}top layers (steps):{DIM:#} {}", top.join(" · "))?;
    }
    if t.repos.len() > 1 {
        for r in &t.repos {
            writeln!(
                out,
                "  {DIM}{}:{DIM:#} {} ({} of {} steps)",
                r.repo,
                percent(r.share),
                r.dependent,
                r.steps
            )?;
        }
    }
    write_blocking(report, out)?;
    writeln!(out)
}

/// The rebuild scope on the stack asked for: total effort, then the
/// blocking items (no equivalent, high severity or above).
fn write_blocking(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let Some(scope) = &report.rebuild else {
        return Ok(());
    };
    writeln!(
        out,
        "  {BOLD}Rebuild on {}:{BOLD:#} {} effort points over {} layers (1 swap a command, 3 rewrite a step, 8 adopt a tool, 13 redesign)",
        scope.stack,
        scope.effort,
        scope.layers.len()
    )?;
    if scope.blocking.is_empty() {
        return Ok(());
    }
    let mut shown: Vec<String> = scope
        .blocking
        .iter()
        .take(BLOCKING_SHOWN)
        .map(|i| {
            format!(
                "{} ({} {})",
                i.construct,
                i.files,
                if i.files == 1 { "file" } else { "files" }
            )
        })
        .collect();
    if scope.blocking.len() > BLOCKING_SHOWN {
        shown.push(format!(
            "and {} more",
            scope.blocking.len() - BLOCKING_SHOWN
        ));
    }
    writeln!(
        out,
        "  {BOLD}blocking on {}:{BOLD:#} {}\n  {DIM}(no equivalent, high severity or above; `opgap explain CONSTRUCT` says what to do instead){DIM:#}",
        scope.stack,
        shown.join(", ")
    )
}

fn bar(share: f64) -> String {
    let filled = ((share * BAR_WIDTH as f64).round() as usize).min(BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bars_and_percentages_round_sensibly() {
        assert_eq!(super::super::percent(0.576), "58%");
        assert_eq!(super::bar(0.5).chars().filter(|c| *c == '█').count(), 12);
        assert_eq!(super::bar(1.2).chars().count(), super::BAR_WIDTH);
    }
}
