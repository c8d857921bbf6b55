//! The human report: findings grouped by file with a code frame, then a
//! summary. Colour follows the terminal (and NO_COLOR / CLICOLOR_FORCE).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Fidelity, ScanReport, Severity, TranslationOutcome};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const PATH: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)))
    .bold();
const ERROR: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();
const WARN: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)))
    .bold();

/// Source lines longer than this are shown as a window around the match.
const FRAME_WIDTH: usize = 120;

fn severity_style(s: Severity) -> Style {
    let color = match s {
        Severity::Critical | Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Blue,
        Severity::Info => AnsiColor::BrightBlack,
    };
    Style::new()
        .fg_color(Some(anstyle::Color::Ansi(color)))
        .bold()
}

/// Findings and summary go to `out`; errors and the partial-results warning
/// to `err`.
pub fn write(report: &ScanReport, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    super::summary::write(report, out)?;
    // With several repositories, paths are shown under their repository.
    let several = report.repos.len() > 1;
    let shown = |f: &crate::report::Finding| {
        if several {
            format!("{}/{}", f.repo, f.path)
        } else {
            f.path.to_string()
        }
    };
    let mut current: Option<(&str, &str)> = None;
    for f in report.active() {
        if current != Some((f.repo.as_str(), f.path.as_str())) {
            if current.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{PATH}{}{PATH:#}", shown(f))?;
            current = Some((&f.repo, &f.path));
        }
        let sev = severity_style(f.severity);
        writeln!(
            out,
            "  {BOLD}{}:{}:{}{BOLD:#}  {sev}{}{sev:#}  {}  {DIM}[{}]{DIM:#}",
            shown(f),
            f.line,
            f.column,
            f.severity.as_str(),
            f.construct,
            f.rule
        )?;
        writeln!(out, "    {}", f.message)?;
        write_frame(
            out,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            &f.line_text,
        )?;
        if let Some(t) = &f.translation {
            write_translation(out, t)?;
        }
    }
    if !report.findings.is_empty() {
        writeln!(out)?;
    }
    write_summary(report, out)?;
    write_errors(report, err)
}

/// The translation under a finding: fidelity and effort, the replacement,
/// then what to do instead, caveats and the monitoring signal.
pub fn write_translation(out: &mut dyn Write, t: &TranslationOutcome) -> io::Result<()> {
    match t {
        TranslationOutcome::Untranslated { stack } => {
            writeln!(
                out,
                "    {WARN}on {stack}: untranslated{WARN:#} (no translator knows this construct)"
            )
        }
        TranslationOutcome::Translated {
            stack,
            fidelity,
            replacement,
            caveats,
            instead,
            signal,
            effort,
            ..
        } => {
            let style = match fidelity {
                Fidelity::Equivalent => {
                    Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
                }
                Fidelity::Partial => WARN,
                Fidelity::None => ERROR,
            };
            writeln!(
                out,
                "    {BOLD}on {stack}:{BOLD:#} {style}{}{style:#}, effort {effort}",
                fidelity.as_str()
            )?;
            for r in replacement {
                writeln!(out, "      $ {r}")?;
            }
            if !instead.is_empty() {
                writeln!(out, "      instead: {instead}")?;
            }
            for c in caveats {
                writeln!(out, "      {DIM}note:{DIM:#} {c}")?;
            }
            if !signal.is_empty() {
                writeln!(out, "      {DIM}signal:{DIM:#} {signal}")?;
            }
            Ok(())
        }
    }
}

fn write_frame(
    out: &mut dyn Write,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    text: &str,
) -> io::Result<()> {
    let chars: Vec<char> = text.chars().collect();
    let start = (column as usize).saturating_sub(1).min(chars.len());
    let end = if end_line == line {
        (end_column as usize)
            .saturating_sub(1)
            .clamp(start + 1, chars.len().max(start + 1))
    } else {
        chars.len().max(start + 1)
    };
    // Window long lines so the match stays visible.
    let from = if chars.len() <= FRAME_WIDTH {
        0
    } else {
        start.saturating_sub(FRAME_WIDTH / 3).min(chars.len())
    };
    let to = (from + FRAME_WIDTH).min(chars.len());
    let shown: String = chars[from..to].iter().collect();
    let gutter = line.to_string().len();
    let ellipsis = if from > 0 { "…" } else { "" };
    writeln!(out, "    {DIM}{line} │{DIM:#} {ellipsis}{shown}")?;
    let pad = " ".repeat(start - from + ellipsis.chars().count());
    let carets = "^".repeat((end.min(to.max(start + 1)) - start).max(1));
    writeln!(
        out,
        "    {DIM}{:gutter$} │{DIM:#} {pad}{WARN}{carets}{WARN:#}",
        ""
    )
}

fn write_summary(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let counts = report.count_by_severity();
    let files_with_findings = {
        let mut paths: Vec<(&str, &str)> = report
            .active()
            .map(|f| (f.repo.as_str(), f.path.as_str()))
            .collect();
        paths.dedup();
        paths.len()
    };
    let by_severity: Vec<String> = counts
        .iter()
        .rev()
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let active = report.active().count();
    write!(
        out,
        "{BOLD}{} finding{} in {} file{}{BOLD:#}",
        active,
        plural(active),
        files_with_findings,
        plural(files_with_findings)
    )?;
    if !by_severity.is_empty() {
        write!(out, " ({})", by_severity.join(", "))?;
    }
    let suppressed = report.findings.len() - active;
    if suppressed > 0 {
        write!(out, "{DIM}, {suppressed} suppressed{DIM:#}")?;
    }
    if let Some(b) = &report.baseline {
        write!(out, "{DIM}, {} left out as in {}{DIM:#}", b.matched, b.file)?;
    }
    writeln!(out)?;
    let skipped: u64 = report.files.skipped.values().sum();
    let reasons: Vec<String> = report
        .files
        .skipped
        .iter()
        .map(|(reason, n)| format!("{n} {}", reason.as_str()))
        .collect();
    let repos: Vec<String> = report
        .repos
        .iter()
        .map(|r| match &r.revision {
            Some(rev) => format!("{} @ {}", r.name, &rev[..rev.len().min(12)]),
            None => r.name.clone(),
        })
        .collect();
    write!(
        out,
        "{} file{} scanned in {}",
        report.files.scanned,
        plural(report.files.scanned),
        repos.join(", ")
    )?;
    if skipped > 0 {
        write!(out, ", {skipped} skipped ({})", reasons.join(", "))?;
    }
    writeln!(out)?;
    let plugins: Vec<String> = report
        .plugins
        .iter()
        .map(|p| format!("{} {}", p.name, p.version))
        .collect();
    writeln!(out, "{DIM}plugins: {}{DIM:#}", plugins.join(", "))
}

/// Each error with the guest's stderr tail, then the partial-results warning.
pub fn write_errors(report: &ScanReport, err: &mut dyn Write) -> io::Result<()> {
    for e in &report.errors {
        writeln!(err, "{ERROR}error{ERROR:#}: {}", e.message)?;
        let stderr = e.stderr.trim();
        if !stderr.is_empty() {
            for line in stderr
                .lines()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                writeln!(err, "  {DIM}| {}{DIM:#}", crate::plugin::clean(line, 400))?;
            }
        }
        // The log is cleaned when captured; its last lines carry the drop count.
        let skipped = e.log.len().saturating_sub(8);
        for line in &e.log[skipped..] {
            writeln!(err, "  {DIM}log: {line}{DIM:#}")?;
        }
    }
    if report.partial {
        writeln!(
            err,
            "{WARN}warning{WARN:#}: results are partial: {} error{} above; some findings may be missing",
            report.errors.len(),
            plural(report.errors.len())
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
