//! `--format html`: one self-contained page (inline CSS and SVG, no
//! script, no external asset; a Content-Security-Policy forbids them) for
//! the people who decide: the Operating Model Test gauge, bars per failure
//! surface and layer, the management-plane comparison, the blocking items,
//! and every runbook's findings with their translations.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{ScanReport, Severity, TranslationOutcome, percent};
use crate::stacks::Decision;

const CSS: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
.muted{color:#5b6478}.warn{background:#fff4e5;border-left:4px solid #e8590c;padding:.5rem .8rem}
.cards{display:flex;gap:2rem;flex-wrap:wrap;align-items:center}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eef0f4;vertical-align:top}
td.num,th.num{text-align:right}code{font-size:.9em;background:#f3f5f8;padding:0 .2rem;border-radius:3px}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
.sev-critical{color:#a61e4d;font-weight:700}.sev-high{color:#d9480f;font-weight:600}.sev-medium{color:#a47700}.sev-low,.sev-info{color:#5b6478}
.best{font-weight:700}
";

pub fn write(
    report: &ScanReport,
    decision: Option<&Decision>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(render(report, decision).as_bytes())
}

pub fn render(report: &ScanReport, decision: Option<&Decision>) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let t = &report.operating_model;
    let repos: Vec<String> = report.repos.iter().map(|r| esc(&r.name)).collect();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>opgap report: {}</title><style>{CSS}</style></head><body>\
         <h1>opgap report</h1><p class=\"muted\">{} files in {} · opgap {}</p>",
        repos.join(", "),
        report.files.scanned,
        repos.join(", "),
        esc(report.tool.version)
    );
    if report.partial {
        let _ = write!(
            h,
            "<p class=\"warn\"><strong>Results are partial:</strong> {} error(s), listed at the end.</p>",
            report.errors.len()
        );
    }

    // The Operating Model Test.
    let _ = write!(
        h,
        "<h2>Operating Model Test</h2><div class=\"cards\">{}<p id=\"omt\">If vCenter disappeared tomorrow, \
         <strong>{}</strong> of these runbook steps would go with it (<span id=\"omt-dependent\">{}</span> of \
         <span id=\"omt-steps\">{}</span>).</p></div>",
        gauge(t.share),
        percent(t.share),
        t.dependent,
        t.steps
    );
    let _ = write!(h, "<h3>By failure surface</h3>");
    let surfaces: Vec<(String, f64, String)> = t
        .surfaces
        .iter()
        .map(|s| {
            (
                format!("{} (day {})", s.name, s.days),
                s.share,
                format!("{} · {} steps", percent(s.share), s.steps),
            )
        })
        .collect();
    h.push_str(&bars(&surfaces, "surfaces"));
    if !t.layers.is_empty() {
        let _ = write!(h, "<h3>By layer</h3>");
        let layers: Vec<(String, f64, String)> = t
            .layers
            .iter()
            .map(|l| {
                (
                    l.name.clone(),
                    l.share,
                    format!("{} · {} steps", percent(l.share), l.steps),
                )
            })
            .collect();
        h.push_str(&bars(&layers, "layers"));
    }

    if let Some(d) = decision {
        management_planes(&mut h, d);
    }
    if let Some(scope) = &report.rebuild {
        let _ = write!(
            h,
            "<h2>Blocking items on {}</h2><p class=\"muted\">No equivalent there, high severity or above: \
             the cutover waits for these. Rebuild total: <strong>{}</strong> effort points.</p>",
            esc(&scope.stack),
            scope.effort
        );
        if scope.blocking.is_empty() {
            h.push_str("<p>None.</p>");
        } else {
            h.push_str("<table><tr><th>Construct</th><th class=\"num\">Files</th><th class=\"num\">Effort</th><th>Instead</th></tr>");
            for i in &scope.blocking {
                let _ = write!(
                    h,
                    "<tr><td><code>{}</code> {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                    esc(&i.construct),
                    esc(&i.name),
                    i.files,
                    i.effort,
                    esc(&i.instead)
                );
            }
            h.push_str("</table>");
        }
    }

    findings(&mut h, report);
    if !report.errors.is_empty() {
        h.push_str("<h2>Errors</h2><ul>");
        for e in &report.errors {
            let _ = write!(h, "<li>{}</li>", esc(&e.message));
        }
        h.push_str("</ul>");
    }
    h.push_str("</body></html>\n");
    h
}

fn management_planes(h: &mut String, d: &Decision) {
    let _ = write!(
        h,
        "<h2>Management planes</h2><p class=\"muted\">{} steps (one construct in one file) weighed on each \
         stack, least rebuild first. Effort per step: 1 swap a command, 3 rewrite, 8 adopt a tool, 13 redesign.</p>",
        d.steps
    );
    let most = d.ranking.iter().map(|s| s.effort).max().unwrap_or(1).max(1);
    let rows: Vec<(String, f64, String)> = d
        .ranking
        .iter()
        .map(|s| {
            (
                s.stack.clone(),
                f64::from(s.effort) / f64::from(most),
                format!("{} points", s.effort),
            )
        })
        .collect();
    h.push_str(&bars(&rows, "stacks"));
    h.push_str(
        "<table><tr><th>Rank</th><th>Stack</th><th class=\"num\">Effort</th><th class=\"num\">Equivalent</th>\
         <th class=\"num\">Partial</th><th class=\"num\">None</th><th>Why</th></tr>",
    );
    for (i, s) in d.ranking.iter().enumerate() {
        let _ = write!(
            h,
            "<tr{}><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td></tr>",
            if i == 0 { " class=\"best\"" } else { "" },
            i + 1,
            esc(&s.stack),
            s.effort,
            s.equivalent,
            s.partial,
            s.none,
            s.reasons
                .iter()
                .map(|r| esc(r))
                .collect::<Vec<_>>()
                .join("<br>")
        );
    }
    h.push_str("</table>");
}

fn findings(h: &mut String, report: &ScanReport) {
    h.push_str("<h2>Findings per runbook</h2>");
    let mut counts: std::collections::HashMap<(&str, &str), usize> = Default::default();
    for f in report.active() {
        *counts.entry((&f.repo, &f.path)).or_default() += 1;
    }
    let mut current: Option<(&str, &str)> = None;
    let mut open = false;
    for f in report.active() {
        if current != Some((&f.repo, &f.path)) {
            if open {
                h.push_str("</table></details>");
            }
            let count = counts[&(f.repo.as_str(), f.path.as_str())];
            let _ = write!(
                h,
                "<details><summary>{}/{} <span class=\"muted\">({count})</span></summary>\
                 <table><tr><th class=\"num\">Line</th><th>Severity</th><th>Construct</th><th>Source</th><th>Translation</th></tr>",
                esc(&f.repo),
                esc(&f.path)
            );
            open = true;
            current = Some((&f.repo, &f.path));
        }
        let translation = match f.translation.as_deref() {
            Some(TranslationOutcome::Translated {
                fidelity,
                replacement,
                caveats,
                ..
            }) => format!(
                "{}{}{}",
                fidelity.as_str(),
                replacement
                    .first()
                    .map(|r| format!(": <code>{}</code>", esc(r)))
                    .unwrap_or_default(),
                caveats
                    .first()
                    .map(|c| format!("<br><span class=\"muted\">{}</span>", esc(c)))
                    .unwrap_or_default()
            ),
            Some(TranslationOutcome::Untranslated { .. }) => "untranslated".into(),
            None => String::new(),
        };
        let _ = write!(
            h,
            "<tr><td class=\"num\">{}</td><td class=\"{}\">{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
            f.line,
            severity_class(f.severity),
            f.severity.as_str(),
            esc(&f.construct),
            esc(f.line_text.trim()),
            translation
        );
    }
    if open {
        h.push_str("</table></details>");
    } else {
        h.push_str("<p>None.</p>");
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "sev-critical",
        Severity::High => "sev-high",
        Severity::Medium => "sev-medium",
        Severity::Low => "sev-low",
        Severity::Info => "sev-info",
    }
}

/// A half-circle gauge of `share`, as inline SVG.
fn gauge(share: f64) -> String {
    let share = share.clamp(0.0, 1.0);
    let angle = std::f64::consts::PI * (1.0 - share);
    let (x, y) = (100.0 + 80.0 * angle.cos(), 100.0 - 80.0 * angle.sin());
    format!(
        "<svg width=\"220\" height=\"130\" viewBox=\"0 0 200 120\" role=\"img\" aria-label=\"{pct} of steps depend on vCenter\">\
         <path d=\"M20 100 A80 80 0 0 1 180 100\" fill=\"none\" stroke=\"#e6e9ef\" stroke-width=\"18\"/>\
         <path d=\"M20 100 A80 80 0 0 1 {x:.1} {y:.1}\" fill=\"none\" stroke=\"#d9480f\" stroke-width=\"18\"/>\
         <text x=\"100\" y=\"95\" text-anchor=\"middle\" font-size=\"28\" font-weight=\"700\" fill=\"#1d2433\">{pct}</text></svg>",
        pct = percent(share),
    )
}

/// Horizontal bars, one row per (label, share 0..1, value text).
fn bars(rows: &[(String, f64, String)], id: &str) -> String {
    let row_height = 26;
    let height = rows.len() * row_height + 4;
    let mut svg = format!(
        "<svg id=\"{id}\" width=\"100%\" height=\"{height}\" viewBox=\"0 0 800 {height}\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\">"
    );
    for (i, (label, share, value)) in rows.iter().enumerate() {
        let y = i * row_height + 4;
        let width = (share.clamp(0.0, 1.0) * 380.0).round();
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\" font-size=\"13\" fill=\"#1d2433\">{label}</text>\
             <rect x=\"260\" y=\"{y}\" width=\"380\" height=\"16\" fill=\"#eef0f4\"/>\
             <rect x=\"260\" y=\"{y}\" width=\"{width}\" height=\"16\" fill=\"#4263eb\"/>\
             <text x=\"650\" y=\"{ty}\" font-size=\"13\" fill=\"#1d2433\">{value}</text>",
            ty = y + 13,
            label = esc(label),
            value = esc(value),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Text safe in HTML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn runbook_text_cannot_become_markup() {
        assert_eq!(
            super::esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn the_gauge_ends_where_the_share_says() {
        assert!(super::gauge(0.0).contains("A80 80 0 0 1 20.0 100.0"));
        assert!(super::gauge(1.0).contains("A80 80 0 0 1 180.0 100.0"));
        assert!(super::gauge(0.5).contains(">50%<"));
    }
}
