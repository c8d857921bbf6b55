//! `--format markdown`: the report as a page for a wiki, a pull request
//! comment or a change ticket. Summary first, then the rebuild scope, then
//! the findings per file.

use std::io::{self, Write};

use super::{ScanReport, TranslationOutcome, percent};

pub fn write(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# opgap report\n")?;
    let repos: Vec<String> = report
        .repos
        .iter()
        .map(|r| match &r.revision {
            Some(rev) => format!("`{}` @ `{}`", r.name, &rev[..rev.len().min(12)]),
            None => format!("`{}`", r.name),
        })
        .collect();
    writeln!(
        out,
        "{} files scanned in {}.{}\n",
        report.files.scanned,
        repos.join(", "),
        if report.partial {
            " **Results are partial:** see Errors at the end."
        } else {
            ""
        }
    )?;
    write_operating_model(report, out)?;
    if let Some(scope) = &report.rebuild {
        write_rebuild(scope, out)?;
    }
    write_findings(report, out)?;
    if !report.errors.is_empty() {
        writeln!(out, "## Errors\n")?;
        for e in &report.errors {
            writeln!(out, "- {}", cell(&e.message))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_operating_model(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let t = &report.operating_model;
    writeln!(out, "## Operating Model Test\n")?;
    writeln!(
        out,
        "If vCenter disappeared tomorrow, **{}** of these runbook steps would go with it ({} of {}).\n",
        percent(t.share),
        t.dependent,
        t.steps
    )?;
    writeln!(out, "| Failure surface | Shows | Steps | Share |")?;
    writeln!(out, "|---|---|---:|---:|")?;
    for s in &t.surfaces {
        writeln!(
            out,
            "| {} | day {} | {} | {} |",
            s.name,
            s.days,
            s.steps,
            percent(s.share)
        )?;
    }
    writeln!(out)?;
    if !t.layers.is_empty() {
        writeln!(out, "| Layer | Steps | Share |")?;
        writeln!(out, "|---|---:|---:|")?;
        for l in &t.layers {
            writeln!(
                out,
                "| {} | {} | {} |",
                cell(&l.name),
                l.steps,
                percent(l.share)
            )?;
        }
        writeln!(out)?;
    }
    if t.repos.len() > 1 {
        writeln!(out, "| Repository | Steps | Dependent | Share |")?;
        writeln!(out, "|---|---:|---:|---:|")?;
        for r in &t.repos {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&r.repo),
                r.steps,
                r.dependent,
                percent(r.share)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_rebuild(scope: &crate::rebuild::RebuildScope, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Rebuild on {}\n", scope.stack)?;
    writeln!(
        out,
        "{} effort points. Per file that uses a construct: 1 swap the command, 3 rewrite the step, 8 adopt a tool, 13 redesign.\n",
        scope.effort
    )?;
    if !scope.blocking.is_empty() {
        writeln!(out, "### Blocking items\n")?;
        writeln!(
            out,
            "No equivalent on {} and high severity or above: the cutover waits for these.\n",
            scope.stack
        )?;
        writeln!(out, "| Construct | Files | Effort | Instead |")?;
        writeln!(out, "|---|---:|---:|---|")?;
        for i in &scope.blocking {
            writeln!(
                out,
                "| `{}` {} | {} | {} | {} |",
                i.construct,
                cell(&i.name),
                i.files,
                i.effort,
                cell(&i.instead)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "### Work by layer\n")?;
    for l in &scope.layers {
        writeln!(out, "#### {} ({} points)\n", cell(&l.name), l.effort)?;
        writeln!(
            out,
            "| Construct | Fidelity | Files | Effort | For example |"
        )?;
        writeln!(out, "|---|---|---:|---:|---|")?;
        for i in &l.items {
            writeln!(
                out,
                "| `{}`{} | {} | {} | {} | {} |",
                i.construct,
                if i.blocking { " **blocking**" } else { "" },
                i.fidelity.as_str(),
                i.files,
                i.effort,
                i.example
                    .as_deref()
                    .map(|e| format!("`{}`", cell(e)))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out)?;
    }
    if !scope.monitoring.is_empty() {
        writeln!(out, "### Monitoring rebuild\n")?;
        writeln!(
            out,
            "| vCenter / vROps signal | Files | On {} |",
            scope.stack
        )?;
        writeln!(out, "|---|---:|---|")?;
        for m in &scope.monitoring {
            writeln!(
                out,
                "| `{}` | {} | {} |",
                m.construct,
                m.files,
                cell(&m.signal)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_findings(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Findings\n")?;
    let mut current: Option<(&str, &str)> = None;
    for f in report.active() {
        if current != Some((&f.repo, &f.path)) {
            if current.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "### {}/{}\n", f.repo, f.path)?;
            writeln!(
                out,
                "| Line | Severity | Construct | Source | Translation |"
            )?;
            writeln!(out, "|---:|---|---|---|---|")?;
            current = Some((&f.repo, &f.path));
        }
        let translation = match f.translation.as_deref() {
            Some(TranslationOutcome::Translated {
                fidelity,
                replacement,
                ..
            }) => match replacement.first() {
                Some(r) => format!("{}: `{}`", fidelity.as_str(), cell(r)),
                None => fidelity.as_str().to_string(),
            },
            Some(TranslationOutcome::Untranslated { .. }) => "untranslated".into(),
            None => String::new(),
        };
        writeln!(
            out,
            "| {} | {} | `{}` | `{}` | {} |",
            f.line,
            f.severity.as_str(),
            f.construct,
            cell(f.line_text.trim()),
            translation
        )?;
    }
    if current.is_none() {
        writeln!(out, "None.")?;
    }
    let suppressed = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_some())
        .count();
    if suppressed > 0 {
        writeln!(
            out,
            "\n{suppressed} findings suppressed with `opgap-ignore`."
        )?;
    }
    writeln!(out)
}

/// Text safe inside a table cell: pipes escaped, one line, backticks kept
/// out of code spans.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('`', "'")
        .replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_cannot_break_a_table() {
        assert_eq!(super::cell("a | b\n`c`"), "a \\| b 'c'");
    }
}
